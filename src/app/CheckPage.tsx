/**
 * "Check a history" (`#/check`): paste or load a client history (Porcupine's logs, Jepsen/Knossos EDN, or
 * our JSON), check it for linearizability in a worker, and see the verdict in words and on the history
 * timeline with the checker's explanation outlined. The same reader and checker as `npm run check`.
 */
import { wrap } from 'comlink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { explanationProse, HISTORY_MODELS, type HistoryModelName } from '../core/checkers';
import { utf8ByteLength } from '../core/text/utf8';
import { explanationMarks, HistoryTimeline } from '../viz/historyTimeline';
import { vizStyle } from '../viz/shared/palette';
import '../viz/viz.css';
import type { CheckReply, CheckedHistory } from '../worker/check';
import { useTheme } from './hooks';
import { formatNumber } from '../viz/shared/format';

/** Largest history text, as `npm run check` (UTF-8 bytes). */
export const CHECK_TEXT_BYTES_MAX = 64 * 1024 * 1024;
const TIME_MS_MAX = 10_000;

const EXAMPLES: { name: string; text: string }[] = [
  {
    name: 'Knossos: a read of a value never written (not linearizable)',
    text: '[{:type :invoke, :process 1, :f :read, :value nil}\n {:type :invoke, :process 101, :f :write, :value 3}\n {:type :fail, :process 101, :f :write, :value 3}\n {:type :ok, :process 1, :f :read, :value 3}]\n',
  },
  {
    name: 'JSON: a stale read after a write returned (not linearizable)',
    text: '{"model": "register", "operations": [\n  {"process": 0, "input": {"f": "write", "value": 1}, "call": 0, "ret": 10},\n  {"process": 1, "input": {"f": "read"}, "output": 1, "call": 12, "ret": 20},\n  {"process": 2, "input": {"f": "read"}, "output": null, "call": 25, "ret": 30}\n]}\n',
  },
  {
    name: 'Porcupine etcd log: concurrent write and read (linearizable)',
    text: 'INFO  jepsen.util - 0\t:invoke\t:write\t4\nINFO  jepsen.util - 1\t:invoke\t:read\tnil\nINFO  jepsen.util - 1\t:ok\t:read\t4\nINFO  jepsen.util - 0\t:ok\t:write\t4\n',
  },
];

type State = { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; reply: CheckReply };

export function CheckPage() {
  const [text, setText] = useState('');
  const [model, setModel] = useState<'' | HistoryModelName>('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const worker = useRef<Worker | undefined>(undefined);
  useEffect(() => {
    document.title = 'Check a history · Distributed Systems Playground';
    return () => worker.current?.terminate();
  }, []);

  const check = async () => {
    const bytes = utf8ByteLength(text);
    if (bytes > CHECK_TEXT_BYTES_MAX) {
      setState({ kind: 'done', reply: { ok: false, message: `the history is ${formatNumber(bytes)} bytes; at most ${formatNumber(CHECK_TEXT_BYTES_MAX)} are checked (the limit)` } });
      return;
    }
    worker.current?.terminate();
    const started = new Worker(new URL('../worker/checkWorker.ts', import.meta.url), { type: 'module', name: 'history checker' });
    worker.current = started;
    setState({ kind: 'checking' });
    try {
      const api = wrap<{ check(text: string, model: HistoryModelName | undefined, timeMsMax: number): CheckReply }>(started);
      const reply = await api.check(text, model || undefined, TIME_MS_MAX);
      if (worker.current === started) setState({ kind: 'done', reply });
    } catch (error) {
      if (worker.current === started) setState({ kind: 'done', reply: { ok: false, message: error instanceof Error ? error.message : String(error) } });
    } finally {
      started.terminate();
    }
  };
  const cancel = () => {
    worker.current?.terminate();
    worker.current = undefined;
    setState({ kind: 'idle' });
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > CHECK_TEXT_BYTES_MAX) {
      setState({ kind: 'done', reply: { ok: false, message: `the file ${file.name} is ${formatNumber(file.size)} bytes; at most ${formatNumber(CHECK_TEXT_BYTES_MAX)} are checked (the limit)` } });
      return;
    }
    setText(await file.text());
    setState({ kind: 'idle' });
  };

  return (
    <main className="check-page" id="main">
      <h1>Check a history</h1>
      <p className="tour-intro">
        Paste or load a client history and see whether some order of its operations, respecting real time, is
        legal for the object: linearizability, checked as Porcupine and Knossos do. Formats: Porcupine's jepsen
        etcd and kv logs, Jepsen/Knossos EDN (cas-register, or multi-register for :txn histories), and JSON
        (<code>{'{"model": "register", "operations": [{"process", "input", "output", "call", "ret"}]}'}</code>).
        The same reader and checker as <code>npm run check</code>.
      </p>
      <div className="check-form">
        <label htmlFor="check-text">History</label>
        <textarea id="check-text" value={text} onChange={(e) => setText(e.target.value)} rows={10} spellCheck={false} />
        <div className="check-controls">
          <label>
            Or load a file <input type="file" onChange={(e) => void load(e.target.files?.[0])} />
          </label>
          <label>
            Model{' '}
            <select value={model} onChange={(e) => setModel(e.target.value as '' | HistoryModelName)}>
              <option value="">from the history</option>
              {HISTORY_MODELS.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </label>
          <button type="button" className="lesson-primary" onClick={() => void check()} disabled={text.trim() === '' || state.kind === 'checking'}>Check</button>
          {state.kind === 'checking' && <button type="button" onClick={cancel}>Cancel</button>}
        </div>
        <p className="check-examples">
          Examples:{' '}
          {EXAMPLES.map((example, i) => (
            <span key={example.name}>
              {i > 0 && ' · '}
              <button type="button" className="link-button" onClick={() => { setText(example.text); setState({ kind: 'idle' }); }}>{example.name}</button>
            </span>
          ))}
        </p>
      </div>
      <section aria-live="polite" className="check-result">
        {state.kind === 'checking' && <p role="status">Checking in the background (at most {TIME_MS_MAX / 1000} s)…</p>}
        {state.kind === 'done' && (state.reply.ok ? <Verdict result={state.reply} /> : <p role="alert" className="check-error">The history cannot be checked: {state.reply.message}.</p>)}
      </section>
    </main>
  );
}

function Verdict({ result }: { result: CheckedHistory }) {
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  const rowOf = useMemo(() => {
    const rows = new Map<number, number>();
    result.ids.forEach((id, row) => rows.set(id, row));
    return (id: number) => rows.get(id) ?? -1;
  }, [result]);
  const marks = useMemo(() => explanationMarks(result.explanation, rowOf), [result, rowOf]);
  const [selected, setSelected] = useState(-1);
  const history = result.columns;
  const lanes = new Set(history.process).size;
  const sign = result.verdict === 'linearizable' ? '✓ ' : result.verdict === 'not linearizable' ? '✗ ' : '? ';
  return (
    <>
      <h2>{`${sign}${result.verdict[0].toUpperCase()}${result.verdict.slice(1)}`}</h2>
      <p>
        {`${formatNumber(result.operations)} operation${result.operations === 1 ? '' : 's'} (failed ones dropped) from a ${result.format} history, checked against the ${result.model} model${result.partitions > 1 ? ` in ${result.partitions} partitions` : ''} in ${result.ms < 1 ? '< 1' : formatNumber(Math.round(result.ms))} ms.`}
        {result.verdict === 'unknown' && ` The search ran out of its ${TIME_MS_MAX / 1000} s budget before reaching a verdict.`}
      </p>
      {result.explanation && <p className="check-explanation">{explanationProse(result.explanation)}</p>}
      <HistoryTimeline
        history={history}
        kindNames={result.kindNames}
        style={style}
        label={`The history: ${formatNumber(history.call.length)} operations in ${lanes} lanes${result.explanation ? ', the checker\u2019s explanation outlined' : ''}`}
        highlights={marks.highlights}
        prefix={marks.prefix}
        selected={selected}
        onSelect={setSelected}
        describe={(row) => `op ${result.ids[row]}: process ${history.process[row]}, ${result.texts[row]}`}
        timeLabel="time (as the history gives it)"
      />
    </>
  );
}
