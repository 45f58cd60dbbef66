/**
 * Every trace row as a sentence, from per-kind templates over the StageData columns (src/core/stage), built
 * only when a row is shown or announced (never all up front):
 *
 *   34.100 ms: n1 sends write w2 to n0        41.200 ms: n0 crashes
 *   35.000 ms: the cut blocks n1's ack to n2   50.000 ms: the network splits: {n0, n1} | {n2}
 *
 * A lab's remarks (REMARK_KIND rows: what no trace row says, "r1 meets a conflict on k0") read as written.
 *
 * Kind codes and column meanings are those of src/sim/traceKind.ts (copied as numbers: viz may not import
 * sim); a test holds the two tables equal.
 */
import { clockOffsetAt, epochAt, lastAtOrBefore } from '../../core/stage/query';
import { REMARK_KIND, type StageData } from '../../core/stage/types';

/** Trace kind codes (src/sim/traceKind.ts). */
export const Kind = {
  send: 0, deliver: 1, lose: 2, block: 3, duplicate: 4, discard: 5, timer: 6, crash: 7, recover: 8, pause: 9,
  resume: 10, partition: 11, heal: 12, cut: 13, clockJump: 14, skew: 15, drift: 16, invoke: 17, ok: 18,
  fail: 19, timeout: 20, note: 21, script: 22, slow: 23, lossy: 24, duplicating: 25,
} as const;

/** "34.100 ms" (three decimals in ms-like units, whole numbers for steps). */
export function formatTime(t: number, unit: string): string {
  if (unit === 'step') return `step ${Math.round(t)}`;
  return `${t.toFixed(3)} ${unit}`;
}

function nodeName(data: StageData, id: number): string {
  return data.nodeNames[id] ?? `n${id}`;
}

/** A message's words: its label, else its kind, else "message #id". */
export function messageWords(data: StageData, id: number): string {
  const m = data.messages;
  if (id >= 0 && id < m.originals) {
    if (m.label[id] >= 0) return data.labels[m.label[id]];
    if (m.kind[id] >= 0) return data.kinds[m.kind[id]];
  }
  return `message #${id}`;
}

function signed(value: number, unit: string): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)} ${unit}`;
}

function groupsAt(data: StageData, t: number): string {
  const n = data.nodeNames.length;
  const e = epochAt(data.epochs, t);
  const groups = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    const g = data.epochs.groups[e * n + i];
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(nodeName(data, i));
  }
  return [...groups.keys()].sort((a, b) => a - b).map((g) => `{${groups.get(g)!.join(', ')}}`).join(' | ');
}

/**
 * A lab's own words for the rows it knows better than the templates (a client row: who asked whom for
 * what), or undefined to keep the template's.
 */
export type RowWords = (row: number) => string | undefined;

/** What happened in trace row `row`, without its time: the lab's words when it has some, else the template's. */
export function eventWords(data: StageData, row: number, words?: RowWords): string {
  return words?.(row) ?? templateWords(data, row);
}

function templateWords(data: StageData, row: number): string {
  const ev = data.events;
  const [from, to, payload, t] = [ev.from[row], ev.to[row], ev.payload[row], ev.time[row]];
  const node = nodeName(data, from);
  const msg = () => messageWords(data, payload);
  const unit = data.timeUnit;
  if (ev.kind[row] === REMARK_KIND) return data.remarks[payload] ?? '';
  switch (ev.kind[row]) {
    case Kind.send: return `${node} sends ${msg()} to ${nodeName(data, to)}`;
    case Kind.deliver: return `${nodeName(data, to)} receives ${msg()} from ${node}`;
    case Kind.lose: return `the network loses ${node}'s ${msg()} to ${nodeName(data, to)}`;
    case Kind.block: return `the cut blocks ${node}'s ${msg()} to ${nodeName(data, to)}`;
    case Kind.duplicate: return `the network duplicates ${node}'s ${msg()} to ${nodeName(data, to)}`;
    case Kind.discard: return `${nodeName(data, to)} is down: ${node}'s ${msg()} is discarded`;
    case Kind.timer: return `${node}'s timer ${payload} fires`;
    case Kind.crash: return `${node} crashes`;
    case Kind.recover: return `${node} recovers`;
    case Kind.pause: return `${node} pauses`;
    case Kind.resume: return `${node} resumes`;
    case Kind.partition: return `the network splits: ${groupsAt(data, t)}`;
    case Kind.heal: return from < 0 ? 'every link heals' : `the link ${node} → ${nodeName(data, to)} heals`;
    case Kind.cut: return `the link ${node} → ${nodeName(data, to)} is cut`;
    case Kind.clockJump: return `${node}'s clock jumps to ${signed(clockOffsetAt(data.clocks, from, t), unit)}`;
    case Kind.skew: return `${node}'s clock is skewed to ${signed(clockOffsetAt(data.clocks, from, t), unit)}`;
    case Kind.drift: return `${node}'s clock drifts by ${driftAt(data, from, t)} ppm`;
    case Kind.invoke: return `client c${from} invokes operation ${payload}`;
    case Kind.ok: return `operation ${payload} of client c${from} succeeds`;
    case Kind.fail: return `operation ${payload} of client c${from} fails`;
    case Kind.timeout: return `operation ${payload} of client c${from} times out`;
    case Kind.note: return `${node} notes ${to} = ${payload}`;
    case Kind.slow: return `the link ${node} → ${nodeName(data, to)} changes its delay`;
    case Kind.lossy: return `the link ${node} → ${nodeName(data, to)} changes its loss`;
    case Kind.duplicating: return `the link ${node} → ${nodeName(data, to)} changes how often it delivers twice`;
    default: return `scripted event ${payload}`;
  }
}

function driftAt(data: StageData, node: number, t: number): number {
  const c = data.clocks;
  const i = lastAtOrBefore(c.start, t, c.offsets[node], c.offsets[node + 1]);
  return i >= c.offsets[node] ? c.driftPpm[i] : 0;
}

/** Row `row` as a sentence: "34.100 ms: n1 sends write w2 to n0". */
export function sentence(data: StageData, row: number, words?: RowWords): string {
  return `${formatTime(data.events.time[row], data.timeUnit)}: ${eventWords(data, row, words)}`;
}

/**
 * What to announce after a step or seek to narrated index `at`: every sentence at that row's time (at most
 * `most`, then "and k more").
 */
export function sentencesAt(data: StageData, at: number, most = 3, words?: RowWords): string {
  if (at < 0) return `${formatTime(0, data.timeUnit)}: nothing has happened yet`;
  const rows = data.narrated;
  const t = data.events.time[rows[at]];
  let first = at;
  while (first > 0 && data.events.time[rows[first - 1]] === t) first--;
  const said: string[] = [];
  for (let i = first; i <= at && said.length < most; i++) said.push(eventWords(data, rows[i], words));
  const more = at - first + 1 - said.length;
  return `${formatTime(t, data.timeUnit)}: ${said.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
