/**
 * Questions about a causal graph and its clocks (./clocks.ts): one clock entry, a whole clock, whether a
 * happened before b (and the two clocks that prove it), and an event's causal past and future.
 *
 * Happened-before from clocks alone: a -> b iff a != b and VC(b)[lane(a)] >= VC(a)[lane(a)], i.e. b's clock
 * has seen a's own entry. The past of e is, per lane l, the first VC(e)[l] events; the future of e is, per
 * lane l, every event from the first one whose clock has seen e: both are prefixes and suffixes of lanes, so
 * a cone is two numbers per lane.
 */
import { runJob } from './job';
import type { CausalGraph, Job, VectorClocks } from './types';

/** VC(e)[lane]: how many events of `lane` are in e's causal past (e included). */
export function clockEntry(g: CausalGraph, c: VectorClocks, e: number, lane: number): number {
  const l = g.lane[e];
  const s = g.seq[e];
  if (lane === l) return s + 1;
  const every = c.checkpointEvery;
  const base = g.laneOffsets[l];
  const stop = base + s - (s % every);
  for (let i = base + s; i > stop; i--) {
    const x = g.laneEvents[i];
    for (let k = c.deltaOffsets[x], end = c.deltaOffsets[x + 1]; k < end; k++) {
      const dl = c.deltaLane[k];
      if (dl === lane) return c.deltaValue[k];
      if (dl > lane) break;
    }
  }
  const row = c.checkpointBase[l] + (s - (s % every)) / every;
  return c.checkpoints[row * g.lanes.length + lane];
}

/** Writes VC(e) into `out` (one entry per lane) and returns it. */
export function clockOf(g: CausalGraph, c: VectorClocks, e: number, out = new Uint32Array(g.lanes.length)): Uint32Array {
  const L = g.lanes.length;
  const l = g.lane[e];
  const s = g.seq[e];
  const every = c.checkpointEvery;
  const s0 = s - (s % every);
  const row = c.checkpointBase[l] + s0 / every;
  out.set(c.checkpoints.subarray(row * L, row * L + L));
  const base = g.laneOffsets[l];
  for (let i = base + s0 + 1; i <= base + s; i++) {
    const x = g.laneEvents[i];
    for (let k = c.deltaOffsets[x], end = c.deltaOffsets[x + 1]; k < end; k++) out[c.deltaLane[k]] = c.deltaValue[k];
  }
  out[l] = s + 1;
  return out;
}

/** True when a happened before b. */
export function happenedBefore(g: CausalGraph, c: VectorClocks, a: number, b: number): boolean {
  return a !== b && clockEntry(g, c, b, g.lane[a]) >= g.seq[a] + 1;
}

export type Relation = 'same' | 'before' | 'after' | 'concurrent';

/**
 * How a relates to b, with the proof: both clocks, and the lanes whose entries decide it.
 *   before      every entry of VC(a) <= VC(b), and VC(b)[lane(a)] >= VC(a)[lane(a)]  (`lanes`: [lane(a)])
 *   after       the same with a and b swapped                                            ([lane(b)])
 *   concurrent  VC(a)[lane(a)] > VC(b)[lane(a)] and VC(b)[lane(b)] > VC(a)[lane(b)]      ([lane(a), lane(b)])
 */
export interface Comparison {
  a: number;
  b: number;
  relation: Relation;
  clockA: Uint32Array;
  clockB: Uint32Array;
  lanes: number[];
}

export function compareEvents(g: CausalGraph, c: VectorClocks, a: number, b: number): Comparison {
  const clockA = clockOf(g, c, a);
  const clockB = clockOf(g, c, b);
  const la = g.lane[a];
  const lb = g.lane[b];
  let relation: Relation;
  if (a === b) relation = 'same';
  else if (clockB[la] >= clockA[la]) relation = 'before';
  else if (clockA[lb] >= clockB[lb]) relation = 'after';
  else relation = 'concurrent';
  const lanes = relation === 'before' ? [la] : relation === 'after' ? [lb] : relation === 'concurrent' ? [la, lb] : [];
  return { a, b, relation, clockA, clockB, lanes };
}

/**
 * The causal cone of e: lane l's events with seq < pastEnd[l] are in e's past (e itself on its lane), those
 * with seq >= futureStart[l] in its future, the ones between are concurrent with e.
 */
export interface Cone {
  event: number;
  pastEnd: Uint32Array;
  futureStart: Uint32Array;
}

export function coneOf(g: CausalGraph, c: VectorClocks, e: number): Cone {
  const L = g.lanes.length;
  const pastEnd = clockOf(g, c, e);
  const futureStart = new Uint32Array(L);
  const le = g.lane[e];
  const need = g.seq[e] + 1;
  for (let l = 0; l < L; l++) futureStart[l] = l === le ? need : firstKnowing(g, c, l, le, need);
  return { event: e, pastEnd, futureStart };
}

/**
 * The first seq on lane l whose clock has entry[le] >= need (the lane's length when none): a binary search
 * over the lane's checkpoint rows, then a forward walk through one block of deltas.
 */
function firstKnowing(g: CausalGraph, c: VectorClocks, l: number, le: number, need: number): number {
  const L = g.lanes.length;
  const length = g.laneOffsets[l + 1] - g.laneOffsets[l];
  const every = c.checkpointEvery;
  const rows = c.checkpointBase[l + 1] - c.checkpointBase[l];
  const at = (r: number) => c.checkpoints[(c.checkpointBase[l] + r) * L + le];
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) >= need) hi = mid;
    else lo = mid + 1;
  }
  if (lo === 0) return rows === 0 ? length : 0;
  const r = lo - 1;
  let value = at(r);
  const base = g.laneOffsets[l];
  const end = Math.min(length, (r + 1) * every);
  for (let s = r * every + 1; s < end; s++) {
    const x = g.laneEvents[base + s];
    for (let k = c.deltaOffsets[x], stop = c.deltaOffsets[x + 1]; k < stop; k++) {
      if (c.deltaLane[k] === le) value = c.deltaValue[k];
    }
    if (value >= need) return s;
  }
  return end;
}

export type ConeSide = 'self' | 'past' | 'future' | 'concurrent';

/** Where event x sits relative to the cone's event. */
export function sideOf(g: CausalGraph, cone: Cone, x: number): ConeSide {
  if (x === cone.event) return 'self';
  const l = g.lane[x];
  const s = g.seq[x];
  if (s < cone.pastEnd[l]) return 'past';
  if (s >= cone.futureStart[l]) return 'future';
  return 'concurrent';
}

/** How many events lie in the cone's past and future (the event excluded) and how many are concurrent. */
export function coneCounts(g: CausalGraph, cone: Cone): { past: number; future: number; concurrent: number } {
  let past = 0;
  let future = 0;
  for (let l = 0; l < g.lanes.length; l++) {
    past += cone.pastEnd[l];
    future += g.laneOffsets[l + 1] - g.laneOffsets[l] - cone.futureStart[l];
  }
  past -= 1;
  return { past, future, concurrent: g.count - 1 - past - future };
}

/**
 * Unordered pairs of concurrent events: all pairs minus the ordered ones, counted once at their later event
 * (|past(e)| = sum of VC(e) - 1). One walk per lane keeping that lane's running clock.
 */
export function concurrentPairs(g: CausalGraph, c: VectorClocks): number {
  return runJob(concurrentPairsJob(g, c));
}

/** The same, yielding after each lane (a lane's walk is one slice). */
export function* concurrentPairsJob(g: CausalGraph, c: VectorClocks): Job<number> {
  const L = g.lanes.length;
  const running = new Uint32Array(L);
  let ordered = 0;
  for (let l = 0; l < L; l++) {
    running.fill(0);
    let sum = 0;
    for (let i = g.laneOffsets[l]; i < g.laneOffsets[l + 1]; i++) {
      const x = g.laneEvents[i];
      for (let k = c.deltaOffsets[x], end = c.deltaOffsets[x + 1]; k < end; k++) {
        const dl = c.deltaLane[k];
        sum += c.deltaValue[k] - running[dl];
        running[dl] = c.deltaValue[k];
      }
      sum += 1;
      ordered += sum - 1;
    }
    yield (l + 1) / L;
  }
  return g.count < 2 ? 0 : (g.count * (g.count - 1)) / 2 - ordered;
}
