/**
 * Checking a pasted or uploaded history off the main thread: the text read by core's loadHistory (the
 * reader `npm run check` uses), checked for linearizability within a time budget, and answered as the
 * verdict, the explanation and the history's columns for the timeline (row i is operation i).
 */
import { checkLinearizability, isUnknown, loadHistory, UNKNOWN, type Explanation, type HistoryModelName } from '../core/checkers';

/** Operations a pasted history may hold (the timeline draws 10^4 at once; the checker's search is the limit). */
export const CHECK_OPERATIONS_MAX = 100_000;

export interface CheckedHistory {
  ok: true;
  format: string;
  model: string;
  verdict: 'linearizable' | 'not linearizable' | 'unknown';
  operations: number;
  partitions: number;
  explanation: Explanation | undefined;
  ms: number;
  columns: { process: Float64Array; call: Float64Array; ret: Float64Array; kind: Uint8Array; status: Uint8Array; flags: Uint8Array };
  kindNames: string[];
  /** The model's words for each operation ("write(3)", "read() -> 2"). */
  texts: string[];
  /** Each row's operation id, as the explanation names operations. */
  ids: Float64Array;
}

export type CheckReply = CheckedHistory | { ok: false; message: string };

const STATUS = { pending: 0, ok: 1, fail: 2, timeout: 3 } as const;

export function checkHistoryText(text: string, model: HistoryModelName | undefined, timeMsMax: number, now: () => number): CheckReply {
  const loaded = loadHistory(text, model);
  if (!loaded.ok) return loaded;
  const ops = loaded.operations;
  if (ops.length > CHECK_OPERATIONS_MAX) return { ok: false, message: `the history holds ${ops.length.toLocaleString('en-US')} operations; at most ${CHECK_OPERATIONS_MAX.toLocaleString('en-US')} are checked here` };
  const start = now();
  const result = checkLinearizability(loaded.model, ops, { now, timeMsMax });
  const ms = now() - start;
  const kindNames: string[] = [];
  const kindOf = new Map<string, number>();
  const n = ops.length;
  const columns = { process: new Float64Array(n), call: new Float64Array(n), ret: new Float64Array(n), kind: new Uint8Array(n), status: new Uint8Array(n), flags: new Uint8Array(n) };
  const texts: string[] = [];
  const ids = new Float64Array(n);
  ops.forEach((op, i) => {
    const f = fOf(op.input);
    if (!kindOf.has(f)) {
      kindOf.set(f, kindNames.length);
      kindNames.push(f);
    }
    columns.process[i] = op.process ?? 0;
    columns.call[i] = op.call;
    columns.ret[i] = isUnknown(op) ? Infinity : op.ret;
    columns.kind[i] = Math.min(kindOf.get(f)!, 255);
    columns.status[i] = STATUS[op.status ?? 'ok'];
    texts.push(loaded.model.describeOperation ? loaded.model.describeOperation(op.input, isUnknown(op) ? UNKNOWN : op.output) : f);
    ids[i] = op.index ?? i;
  });
  return {
    ok: true, format: loaded.format, model: result.model, verdict: result.verdict, operations: result.operations,
    partitions: result.partitions.length, explanation: result.explanation, ms, columns, kindNames, texts, ids,
  };
}

function fOf(input: unknown): string {
  if (Array.isArray(input)) return 'txn';
  const f = (input as { f?: unknown } | null)?.f;
  return typeof f === 'string' ? f : 'op';
}
