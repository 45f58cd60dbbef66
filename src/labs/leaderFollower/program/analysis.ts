/**
 * What a finished run means, from the recorder's observations and the nodes' final logs: which log
 * survives, which acknowledged writes it lacks (lost), when two nodes served at once (split brain), and
 * the safety facts the tests check on every seed (one leader per epoch; with fencing, never two serving).
 * Pure: data in, data out; times in ticks in, ms out.
 */
import { commonPrefix, isAtLeastAsUpToDate, lastEpoch, type Entry } from './log';
import type { IntervalRow, Recorder } from './record';
import type { IntervalColumns, Invariants, LostWrite, Promotion, StepDown } from '../result';
import { ticksToMs } from '../../../sim/kit/time';

export interface FinalNode {
  log: readonly Entry[];
  applied: number;
}

export interface WriteOutcome {
  op: number;
  process: number;
  value: number;
  isOk: boolean;
}

export interface Analysis {
  survivor: number;
  lost: LostWrite[];
  invariants: Invariants;
  leaders: IntervalColumns;
  serving: IntervalColumns;
  splitBrain: { startMs: Float64Array; endMs: Float64Array };
  promotions: Promotion[];
  stepDowns: StepDown[];
  finalLastIndex: Int32Array;
  finalLastEpoch: Int32Array;
  finalApplied: Int32Array;
  finalDivergent: Int32Array;
}

export function analyze(rec: Recorder, nodes: readonly FinalNode[], writes: readonly WriteOutcome[]): Analysis {
  const survivor = survivorOf(rec, nodes);
  const survivorLog = nodes[survivor].log;
  const divergent = Int32Array.from(nodes, (n) => n.log.length - commonPrefix(n.log, survivorLog));
  const overlaps = splitIntervals(rec.serving);
  const invariants: Invariants = {
    leadersPerEpochMax: leadersPerEpochMax(rec.leaders),
    splitBrainMs: ticksToMs(overlaps.reduce((sum, [a, b]) => sum + (b - a), 0)),
    deposedWrites: 0,
    splitBrainWrites: 0,
    writesOutsideServing: 0,
    divergentEntries: divergent.reduce((a, b) => a + b, 0),
  };
  const lost: LostWrite[] = [];
  for (const w of writes) {
    const row = rec.writes[w.op];
    if (!row) continue;
    if (row.isDeposed) invariants.deposedWrites++;
    if (rec.serving.some((s) => s.node !== row.node && s.start <= row.tick && row.tick < s.end)) invariants.splitBrainWrites++;
    if (!rec.serving.some((s) => s.node === row.node && s.start <= row.tick && row.tick <= s.end)) invariants.writesOutsideServing++;
    const held = survivorLog[row.index - 1];
    if (!w.isOk || (held && held.epoch === row.epoch && held.op === w.op)) continue;
    lost.push({
      op: w.op, process: w.process, value: w.value, node: row.node, epoch: row.epoch, index: row.index,
      ackMs: ticksToMs(row.ackTick), lostAtMs: ticksToMs(row.lostAtTick), cause: row.isDeposed ? 'deposed' : 'failover',
    });
  }
  return {
    survivor,
    lost,
    invariants,
    leaders: columns(rec.leaders),
    serving: columns(rec.serving.filter((s) => s.end > s.start)),
    splitBrain: { startMs: Float64Array.from(overlaps, ([a]) => ticksToMs(a)), endMs: Float64Array.from(overlaps, ([, b]) => ticksToMs(b)) },
    promotions: rec.promotions.map(({ tick, stoodTick, ...rest }) => ({ ...rest, tMs: ticksToMs(tick), stoodMs: ticksToMs(stoodTick) })),
    stepDowns: rec.stepDowns.map((x) => ({ tMs: ticksToMs(x.tick), node: x.node, epoch: x.epoch, newerEpoch: x.newerEpoch })),
    finalLastIndex: Int32Array.from(nodes, (n) => n.log.length),
    finalLastEpoch: Int32Array.from(nodes, (n) => lastEpoch(n.log)),
    finalApplied: Int32Array.from(nodes, (n) => n.applied),
    finalDivergent: divergent,
  };
}

/** The newest leader still leading at the end; when none is, the node with the most up-to-date log. */
function survivorOf(rec: Recorder, nodes: readonly FinalNode[]): number {
  let best = -1;
  let bestEpoch = -1;
  for (const row of rec.leaders) {
    if (row.endCause === 0 && row.epoch > bestEpoch) {
      best = row.node;
      bestEpoch = row.epoch;
    }
  }
  if (best >= 0) return best;
  best = 0;
  for (let n = 1; n < nodes.length; n++) {
    const a = nodes[n].log;
    const b = nodes[best].log;
    if (isAtLeastAsUpToDate(lastEpoch(a), a.length, lastEpoch(b), b.length) && !(lastEpoch(a) === lastEpoch(b) && a.length === b.length)) best = n;
  }
  return best;
}

function leadersPerEpochMax(rows: readonly IntervalRow[]): number {
  const byEpoch = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = byEpoch.get(row.epoch) ?? new Set<number>();
    set.add(row.node);
    byEpoch.set(row.epoch, set);
  }
  let max = 0;
  for (const set of byEpoch.values()) max = Math.max(max, set.size);
  return max;
}

/**
 * The times two or more nodes were serving, merged, as [start, end) pairs in ticks. Intervals that only
 * touch (one ends as the other starts) do not overlap: ends are counted before starts at equal times.
 */
export function splitIntervals(rows: readonly IntervalRow[]): [number, number][] {
  const points: [number, number][] = [];
  for (const row of rows) {
    if (!(row.end > row.start)) continue;
    points.push([row.start, 1], [row.end, -1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [t, delta] of points) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = t;
    else if (before >= 2 && depth < 2 && t > openedAt) {
      const last = out[out.length - 1];
      if (last && last[1] === openedAt) last[1] = t;
      else out.push([openedAt, t]);
    }
  }
  return out;
}

function columns(rows: readonly IntervalRow[]): IntervalColumns {
  const sorted = rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.start - b.row.start || a.i - b.i).map((x) => x.row);
  return {
    node: Uint8Array.from(sorted, (r) => r.node),
    epoch: Int32Array.from(sorted, (r) => r.epoch),
    startMs: Float64Array.from(sorted, (r) => ticksToMs(r.start)),
    endMs: Float64Array.from(sorted, (r) => ticksToMs(r.end)),
    cause: Uint8Array.from(sorted, (r) => r.cause),
    endCause: Uint8Array.from(sorted, (r) => r.endCause),
  };
}
