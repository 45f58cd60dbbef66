/**
 * Real logs in the diagram: a ShiViz log by paste, file or link, with ShiViz's parser options (a parser
 * regex and an executions delimiter; a file in ShiViz's upload format carries both in its first two lines).
 * The log is read by ShiViz's rules in slices (src/core/causality/shiviz), every problem is listed with its
 * line, and the events that parse are drawn; a log over a limit is refused with the limit named. Log text
 * is shown only as text.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { SHIVIZ_LIMITS, type ShiVizOptions } from '../../core/causality/shiviz/format';
import { importShiVizJob, importSummary, type ShiVizImport } from '../../core/causality/shiviz/importLog';
import type { VizStyle } from '../shared/palette';
import { LogProblems } from './LogProblems';
import { readFileText, readLinkText } from './readLog';
import { SpaceTime } from './SpaceTime';
import { useJob } from './useJob';
import { formatNumber } from '../shared/format';

export interface LogImportProps {
  style: VizStyle;
  /** A log to start with (e.g. from a link's parameters); empty by default. */
  initialText?: string;
}

interface Submitted {
  text: string;
  options: ShiVizOptions;
}

export function LogImport({ style, initialText = '' }: LogImportProps) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [regex, setRegex] = useState('');
  const [delimiter, setDelimiter] = useState('');
  const [link, setLink] = useState('');
  const [readError, setReadError] = useState('');
  const [submitted, setSubmitted] = useState<Submitted | undefined>(initialText ? { text: initialText, options: {} } : undefined);
  const [execution, setExecution] = useState(0);
  const make = useCallback(() => importShiVizJob(submitted!.text, submitted!.options), [submitted]);
  const state = useJob(submitted ? make : undefined);
  const submit = (body: string) => {
    setReadError('');
    setExecution(0);
    setSubmitted({ text: body, options: { regex: regex || undefined, delimiter: delimiter || undefined } });
  };
  const onPaste = (e: FormEvent) => {
    e.preventDefault();
    submit(text);
  };
  const load = async (read: () => Promise<string>) => {
    try {
      submit(await read());
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section className="spacetime-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import a ShiViz log</h2>
      <form className="spacetime-import-form" onSubmit={onPaste}>
        <label htmlFor={`${id}-text`}>Log text (paste)</label>
        <textarea id={`${id}-text`} rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <label htmlFor={`${id}-regex`}>Parser regex (empty: ShiViz's default, or line 1 of an upload-format file)</label>
        <input id={`${id}-regex`} value={regex} onChange={(e) => setRegex(e.target.value)} spellCheck={false} placeholder="(?<event>.*)\n(?<host>\S*) (?<clock>{.*})" />
        <label htmlFor={`${id}-delimiter`}>Executions delimiter (optional)</label>
        <input id={`${id}-delimiter`} value={delimiter} onChange={(e) => setDelimiter(e.target.value)} spellCheck={false} placeholder="^=== (?<trace>.*) ===$" />
        <button type="submit">Import pasted log</button>
        <label htmlFor={`${id}-file`}>Or a file</label>
        <input id={`${id}-file`} type="file" accept=".log,.txt,text/plain" onChange={(e) => e.target.files?.[0] && load(() => readFileText(e.target.files![0]))} />
        <label htmlFor={`${id}-link`}>Or a link (http or https)</label>
        <span className="spacetime-import-link">
          <input id={`${id}-link`} type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://…/log.txt" />
          <button type="button" onClick={() => load(() => readLinkText(link))} disabled={!link}>Load link</button>
        </span>
      </form>
      <p className="spacetime-help">Limits: {formatNumber(SHIVIZ_LIMITS.eventsMax)} events (eventsMax), {SHIVIZ_LIMITS.hostsMax} hosts (hostsMax), {SHIVIZ_LIMITS.executionsMax} executions.</p>
      {readError && <p className="spacetime-limit" role="alert">{readError}</p>}
      {state.status === 'running' && <p className="spacetime-help" role="status">Reading the log… {Math.round(state.progress * 100)}%</p>}
      {state.status === 'error' && <p className="spacetime-limit" role="alert">{state.message}</p>}
      {state.status === 'done' && <ImportResult imported={state.value} style={style} execution={execution} onExecution={setExecution} />}
    </section>
  );
}

function ImportResult({ imported, style, execution, onExecution }: { imported: ShiVizImport; style: VizStyle; execution: number; onExecution(i: number): void }) {
  const id = useId();
  const summary = importSummary(imported);
  const chosen = imported.executions[Math.min(execution, imported.executions.length - 1)];
  return (
    <div className="spacetime-import-result" data-import-events={summary.events} data-import-problems={imported.problemCount}>
      <LogProblems imported={imported} />
      {chosen && (
        <>
          <p className="spacetime-help">
            {formatNumber(summary.events)} events, {summary.hosts} hosts, {summary.executions} execution{summary.executions === 1 ? '' : 's'}; {formatNumber(summary.concurrentPairs)} concurrent pairs.
          </p>
          {imported.executions.length > 1 && (
            <p>
              <label htmlFor={`${id}-exec`}>Execution </label>
              <select id={`${id}-exec`} value={execution} onChange={(e) => onExecution(Number(e.target.value))}>
                {imported.executions.map((x, i) => <option key={i} value={i}>{x.label || `execution ${i + 1}`}</option>)}
              </select>
            </p>
          )}
          <SpaceTime run={chosen.run} style={style} label={`Log ${chosen.label || ''}: events by host over Lamport time`} eventDetail={(e) => chosen.detail[e] ?? ''} />
        </>
      )}
    </div>
  );
}
