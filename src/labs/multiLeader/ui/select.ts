/**
 * Pure selectors from a multi-leader result to what the Panel shows: the side-by-side comparison of the
 * two resolutions, the latencies in words, the conflicts and the lost updates as rows, the checker's
 * verdicts in prose, what each region holds at the end, and the writes not yet applied over time.
 */
import { resultProse } from '../../../core/checkers';
import type { CompareRow } from '../../../viz/compareTable';
import type { HistoryColumns } from '../../../viz/historyTimeline';
import type { NodeMatrix, TimeMarker } from '../../../viz/timeSeries';
import { faultLabel } from '../../faultEvents';
import { requestLabel } from '../../requestEvents';
import type { MultiLeaderEvent } from '../scenario';
import { FATE_NAMES, OpKind, type MultiLeaderResult, type RunResult } from '../result';

export const RESOLUTION_TITLES = ['last-writer-wins', 'siblings (version vectors)'] as const;

const ms = (v: number) => `${v.toFixed(1)} ms`;
const int = (v: number) => String(v);
const yesNo = (v: number) => (v === 1 ? 'yes' : 'no');

/** One row per measure, one column per resolution (LWW, siblings). */
export function compareRows(result: MultiLeaderResult): CompareRow[] {
  const [lww, siblings] = result.runs;
  const row = (key: string, label: string, better: CompareRow['better'], format: (v: number) => string, help?: string): CompareRow => ({
    key, label, better, format, help, values: [lww.metrics[key], siblings.metrics[key]],
  });
  return [
    row('writesAcked', 'writes acknowledged', 'none', int),
    row('writeP50Ms', 'write latency, median', 'lower', ms, 'answered by the local leader'),
    row('conflicts', 'conflicts detected', 'none', int, 'pairs of concurrent writes to one key'),
    row('lostUpdates', 'lost updates', 'lower', int, 'acknowledged, then gone; no surviving write had read them'),
    row('lostAfterWinner', 'lost to clock skew', 'lower', int, 'dropped for a write they (or a later write of their line) had read'),
    row('siblingReads', 'reads returning siblings', 'none', int),
    row('merges', 'writes merging siblings', 'none', int),
    row('siblingsMax', 'largest sibling set', 'none', int),
    row('converged', 'all regions equal at the end', 'higher', yesNo),
    row('lastChangeMs', 'last change at any region', 'none', ms, 'after it, nothing moves: the time to converge'),
    row('linearizable', 'linearizable', 'higher', (v) => (v === 1 ? 'yes' : v === 0 ? 'no' : 'unknown')),
  ];
}

/**
 * Local write latency against the measured inter-region round trip (what a single leader would add), and
 * how long a write takes to reach another region (the window in which concurrent writes arise).
 */
export function latencyText(result: MultiLeaderResult): string {
  const m = result.runs[0].metrics;
  const local = `Writes are acknowledged by the local leader in ${ms(m.writeP50Ms)} (median).`;
  if (!Number.isFinite(m.roundTripP50Ms)) return local;
  return (
    `${local} The measured round trip between regions is ${ms(m.roundTripP50Ms)} (median): what every write from another ` +
    `region would add with a single leader. A write reaches another region ${ms(m.replicationLagP50Ms)} after it was made (median, ` +
    `at most ${ms(m.replicationLagMaxMs)}): updates of one key made in two regions within that window are concurrent.`
  );
}

function writeLabel(run: RunResult, op: number): string {
  return `${op + 1} from region ${run.ops.region[op]}`;
}

/** "77 (r1#3, saw [2,1])": a write's value, its dot, and the version vector of what its client had read. */
function withClock(run: RunResult, op: number): string {
  return `${op + 1} (${run.writeDots[op]}, saw ${run.writeContexts[op]})`;
}

export interface ConflictRow {
  /** The two writes' operation indices (the one held first, then the arriving one). */
  a: number;
  b: number;
  key: string;
  tMs: number;
  region: number;
  writes: string;
  lwwKeeps: string;
  /** In the siblings run: what became of each of the two writes. */
  siblings: string;
}

/** The siblings run's conflicts (the first `limit`), with what LWW keeps of each pair. */
export function conflictRows(result: MultiLeaderResult, limit: number): { rows: ConflictRow[]; total: number } {
  const run = result.runs[1];
  const c = run.conflicts;
  const rows: ConflictRow[] = [];
  for (let j = 0; j < Math.min(limit, c.a.length); j++) {
    const [a, b] = [c.a[j], c.b[j]];
    rows.push({
      a,
      b,
      key: `k${c.key[j]}`,
      tMs: c.tMs[j],
      region: c.region[j],
      writes: `${withClock(run, a)} · ${withClock(run, b)}`,
      lwwKeeps: String(c.lwwKeeps[j] + 1),
      siblings: `${a + 1} ${FATE_NAMES[run.ops.fate[a]] || 'not acknowledged'}, ${b + 1} ${FATE_NAMES[run.ops.fate[b]] || 'not acknowledged'}`,
    });
  }
  return { rows, total: c.a.length };
}

export interface LostRow {
  value: number;
  key: string;
  region: number;
  ackMs: number;
  lostTo: string;
  /** Later writes that had read it and were dropped with it. */
  hops: number;
  isSkew: boolean;
}

/** The LWW run's lost updates (the first `limit`). */
export function lostRows(result: MultiLeaderResult, limit: number): { rows: LostRow[]; total: number } {
  const run = result.runs[0];
  const l = run.lost;
  const rows: LostRow[] = [];
  for (let j = 0; j < Math.min(limit, l.op.length); j++) {
    const op = l.op[j];
    rows.push({ value: op + 1, key: `k${l.key[j]}`, region: run.ops.region[op], ackMs: run.ops.retMs[op], lostTo: writeLabel(run, l.winner[j]), hops: l.hops[j], isSkew: l.isAfterWinner[j] === 1 });
  }
  return { rows, total: l.op.length };
}

/** One sentence on what the two verdicts mean together. */
export function verdictLead(result: MultiLeaderResult): string {
  const verdicts = result.runs.map((run) => run.check.verdict);
  const head = 'Each history is checked against a key-value store with one register per key.';
  if (verdicts.every((v) => v === 'not linearizable')) {
    return `${head} Neither is linearizable: in each, a read returned a value that no single order of the operations allows, as below.`;
  }
  if (verdicts.every((v) => v === 'linearizable')) return `${head} Both are linearizable in this run: no client happened to see writes out of order.`;
  return `${head} The verdicts differ: ${verdicts.map((v, r) => `${RESOLUTION_TITLES[r]} ${v}`).join(', ')}.`;
}

/** The checker's verdict on each run, in prose. */
export function verdictTexts(result: MultiLeaderResult): string[] {
  return result.runs.map((run) => resultProse(run.check));
}

/**
 * What each region holds at the end, per key: rows of [region, run, value per key]. Siblings show their
 * dots and contexts ("77 (r1#3, saw [2,1]) | 79 (r0#4, saw [1,2])": neither had seen the other's dot).
 */
export function finalRows(result: MultiLeaderResult): string[][] {
  const rows: string[][] = [];
  result.runs.forEach((run, r) => {
    run.finalValues.forEach((values, region) => {
      const cells = values.map((v) => (v === '' ? 'nil' : r === 0 ? v : v.split('|').map((x) => withClock(run, Number(x) - 1)).join(' | ')));
      rows.push([`region ${region}`, RESOLUTION_TITLES[r], ...cells]);
    });
  });
  return rows;
}

export const KIND_NAMES = ['read', 'write'] as const;

/** The run's client history as the timeline's columns (the same operations in both runs). */
export function timelineColumns(run: RunResult): HistoryColumns {
  const o = run.ops;
  return { process: o.process, call: o.callMs, ret: o.retMs, kind: o.kind, status: o.status, flags: new Uint8Array(o.kind.length) };
}

/** Lane label of a client process: its region and process id ("r1 c3"). */
export function processLabel(run: RunResult, process: number): string {
  const i = run.ops.process.indexOf(process);
  return i < 0 ? `c${process}` : `r${run.ops.region[i]} c${process}`;
}

const STATUS_NAMES = ['pending', 'ok', 'failed', 'timed out'] as const;

/** One line about operation i: what it did, when, and what it returned or became. */
export function describeOp(run: RunResult, i: number): string {
  const o = run.ops;
  if (i < 0 || i >= o.kind.length) return '';
  const ret = Number.isNaN(o.retMs[i]) ? 'no answer' : `${o.retMs[i].toFixed(1)} ms`;
  const head = `region ${o.region[i]} client ${o.process[i]}, ${o.callMs[i].toFixed(1)} ms → ${ret}: `;
  if (o.kind[i] === OpKind.write) return `${head}write k${o.key[i]} = ${o.value[i]}, ${STATUS_NAMES[o.status[i]]}${o.fate[i] ? `, ${FATE_NAMES[o.fate[i]]} at the end` : ''}`;
  if (o.status[i] !== 1) return `${head}read k${o.key[i]}, ${STATUS_NAMES[o.status[i]]}`;
  return `${head}read k${o.key[i]} returned ${o.returned[i] === 0 ? 'nil' : o.returned[i] === 1 ? String(o.value[i]) : `${o.returned[i]} siblings`}`;
}

export interface PendingChart {
  matrix: NodeMatrix;
  labels: string[];
  markers: TimeMarker[];
  /** Most writes any region was missing at once (sampled at bucket ends). */
  peak: number;
}

/**
 * Writes each region has not applied yet over time (made elsewhere, not arrived), sampled at the end of
 * each of `buckets` buckets over [0, endTime]: one pass over the replication rows with a difference array.
 */
export function pendingChart(result: MultiLeaderResult, scenarioEvents: readonly { t: number; type: string; node?: number; client?: number }[], buckets = 200): PendingChart {
  const n = result.regions;
  const width = Math.max(result.endTime, 1) / buckets;
  const r = result.runs[0].replication;
  const diff = new Int32Array(n * (buckets + 1));
  // Bucket b is sampled at (b + 1) * width: a row counts there when written <= sample < applied.
  const firstSample = (tMs: number) => Math.min(buckets, Math.max(0, Math.ceil(tMs / width - 1)));
  for (let i = 0; i < r.op.length; i++) {
    const from = firstSample(r.writtenMs[i]);
    const to = Number.isNaN(r.appliedMs[i]) ? buckets : firstSample(r.appliedMs[i]);
    if (to <= from) continue;
    diff[r.to[i] * (buckets + 1) + from]++;
    diff[r.to[i] * (buckets + 1) + to]--;
  }
  const values = new Float64Array(n * buckets);
  let peak = 0;
  for (let region = 0; region < n; region++) {
    let running = 0;
    for (let b = 0; b < buckets; b++) {
      running += diff[region * (buckets + 1) + b];
      values[region * buckets + b] = running;
      if (running > peak) peak = running;
    }
  }
  const markers: TimeMarker[] = scenarioEvents.map((e) => ({ t: e.t, label: e.type === 'request' ? `request c${e.client}` : e.node === undefined ? e.type : `${e.type} ${e.node}` }));
  return { matrix: { values, nodeCount: n, bucketCount: buckets, t0: 0, bucketWidth: width }, labels: Array.from({ length: n }, (_, i) => `region ${i}`), markers, peak };
}

/** The script in words, leaders named r0..: "Partition 0|1 at 300 ms · Write from c1 on k0 at 420 ms" ('' for none). */
export function scriptText(events: readonly MultiLeaderEvent[]): string {
  return events.map((e) => `${e.type === 'request' ? `${requestLabel(e)} on k0` : faultLabel(e, (i) => `r${i}`)} at ${e.t} ms`).join(' · ');
}
