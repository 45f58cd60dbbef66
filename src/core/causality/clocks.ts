/**
 * Lamport timestamps and vector clocks of a causal graph, in one pass in index order (a topological order):
 *
 *   Lamport(e) = 1 + max(Lamport(lane predecessor), Lamport(each message parent))
 *   VC(e)      = VC(lane predecessor) merged (entry-wise max) with VC(each message parent), own entry + 1
 *
 * Each lane's current clock is a dense row (lanes x lanes entries); a send's clock is copied into a pool slot
 * until its last receiver has merged it (so receives never replay history). What is kept is compact (see
 * VectorClocks in ./types.ts): the entries each event changed, and a dense checkpoint row every
 * `checkpointEvery` events of a lane. Cost: O(events + edges x lanes); memory ~ events + changed entries.
 */
import { runJob } from './job';
import type { CausalGraph, Job, VectorClocks } from './types';

/** Events between two progress reports (a slice of work well under a millisecond). */
const SLICE_EVENTS = 1024;

/** How often a lane keeps a dense row: more lanes, rarer rows (memory ~ events / every x lanes). */
export function checkpointInterval(lanes: number): number {
  return Math.max(16, Math.min(256, lanes));
}

/** A growable pair of columns for the deltas. */
class Deltas {
  lane: Uint16Array;
  value: Uint32Array;
  count = 0;
  constructor(capacity: number) {
    this.lane = new Uint16Array(Math.max(16, capacity));
    this.value = new Uint32Array(Math.max(16, capacity));
  }
  push(lane: number, value: number): void {
    if (this.count === this.lane.length) {
      const lanes = new Uint16Array(this.count * 2);
      lanes.set(this.lane);
      const values = new Uint32Array(this.count * 2);
      values.set(this.value);
      this.lane = lanes;
      this.value = values;
    }
    this.lane[this.count] = lane;
    this.value[this.count++] = value;
  }
}

/** Slots of `width` entries, reused once free (the clocks of sends whose receivers are still to come). */
class SlotPool {
  data: Uint32Array;
  private free: number[] = [];
  private used = 0;
  constructor(private readonly width: number) {
    this.data = new Uint32Array(width * 64);
  }
  take(): number {
    const slot = this.free.pop();
    if (slot !== undefined) return slot;
    if ((this.used + 1) * this.width > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return this.used++;
  }
  release(slot: number): void {
    this.free.push(slot);
  }
}

/** The graph's clocks, computed in slices (yields progress every few thousand events). */
export function* clocksJob(g: CausalGraph): Job<VectorClocks> {
  const L = g.lanes.length;
  const n = g.count;
  const every = checkpointInterval(L);
  const checkpointBase = new Uint32Array(L + 1);
  for (let l = 0; l < L; l++) checkpointBase[l + 1] = checkpointBase[l] + Math.ceil((g.laneOffsets[l + 1] - g.laneOffsets[l]) / every);
  const checkpoints = new Uint32Array(checkpointBase[L] * L);
  const state = {
    cur: new Uint32Array(L * L), before: new Uint32Array(L), laneLamport: new Uint32Array(L),
    lamport: new Uint32Array(n), slotOf: new Int32Array(n).fill(-1), outLeft: sendsLeft(g), pool: new SlotPool(L),
    deltas: new Deltas(n), deltaOffsets: new Uint32Array(n + 1),
  };
  // Allocating the columns above is a slice of its own (7-8 ms at 250,000 events).
  yield 0;
  // The loops are in plain functions: V8 does not optimize a loop inside a running generator.
  for (let e = 0; e < n; e += SLICE_EVENTS) {
    const end = Math.min(n, e + SLICE_EVENTS);
    sweep(g, state, e, end, every, checkpointBase, checkpoints);
    if (end < n) yield end / n;
  }
  const { deltas } = state;
  return {
    lamport: state.lamport, deltaOffsets: state.deltaOffsets, deltaLane: deltas.lane.slice(0, deltas.count),
    deltaValue: deltas.value.slice(0, deltas.count), checkpointEvery: every, checkpointBase, checkpoints,
  };
}

/** How many messages each event sends (its clock is kept until they are all delivered). */
function sendsLeft(g: CausalGraph): Uint32Array {
  const outLeft = new Uint32Array(g.count);
  for (let k = 0; k < g.edgeCount; k++) outLeft[g.edgeFrom[k]]++;
  return outLeft;
}

/** Events from..to-1 in order, each lane's clock kept every `every` of its events. */
function sweep(g: CausalGraph, state: SweepState, from: number, to: number, every: number, checkpointBase: Uint32Array, checkpoints: Uint32Array): void {
  const L = g.lanes.length;
  for (let e = from; e < to; e++) {
    step(g, state, e);
    const l = g.lane[e];
    const s = g.seq[e];
    if (s % every === 0) checkpoints.set(state.cur.subarray(l * L, l * L + L), (checkpointBase[l] + s / every) * L);
  }
}

interface SweepState {
  cur: Uint32Array;
  before: Uint32Array;
  laneLamport: Uint32Array;
  lamport: Uint32Array;
  slotOf: Int32Array;
  outLeft: Uint32Array;
  pool: SlotPool;
  deltas: Deltas;
  deltaOffsets: Uint32Array;
}

/** Event e: merge its parents' clocks into its lane's row, record what changed, keep its clock if it sends. */
function step(g: CausalGraph, s: SweepState, e: number): void {
  const L = g.lanes.length;
  const l = g.lane[e];
  const row = l * L;
  const { cur, pool } = s;
  let lam = s.laneLamport[l];
  const first = g.inOffsets[e];
  const last = g.inOffsets[e + 1];
  if (last > first) s.before.set(cur.subarray(row, row + L));
  for (let i = first; i < last; i++) {
    const p = g.edgeFrom[g.inEdges[i]];
    const base = s.slotOf[p] * L;
    const snap = pool.data;
    for (let k = 0; k < L; k++) if (snap[base + k] > cur[row + k]) cur[row + k] = snap[base + k];
    if (s.lamport[p] > lam) lam = s.lamport[p];
    if (--s.outLeft[p] === 0) {
      pool.release(s.slotOf[p]);
      s.slotOf[p] = -1;
    }
  }
  cur[row + l] = g.seq[e] + 1;
  s.lamport[e] = lam + 1;
  s.laneLamport[l] = lam + 1;
  if (last > first) {
    for (let k = 0; k < L; k++) if (k !== l && cur[row + k] !== s.before[k]) s.deltas.push(k, cur[row + k]);
  }
  s.deltaOffsets[e + 1] = s.deltas.count;
  if (s.outLeft[e] > 0) {
    const slot = pool.take();
    pool.data.set(cur.subarray(row, row + L), slot * L);
    s.slotOf[e] = slot;
  }
}

/** The graph's clocks in one go. */
export function computeClocks(g: CausalGraph): VectorClocks {
  return runJob(clocksJob(g));
}
