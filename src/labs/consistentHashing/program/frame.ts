/**
 * Builds one RingFrame from the ring, the assignment and what moved. Everything here is bounded by nodes,
 * bins or samples, except one pass over the ring points (bins) per frame.
 */
import { murmur3 } from '../../../core/hash/murmur3';
import { ownedShare, ownerOf, replicaWalk, type Assignment, type Moves, type Ring } from '../../../core/ring';
import type { ScenarioEvent } from '../../contract';
import { KEY_SAMPLE_MAX, KEYS_EXACT_MAX, POINTS_EXACT_MAX, RING_BINS, type LookupWalk, type MovedKeys, type RingFrame } from '../result';

const SPACE = 4294967296;
// Module-local copies of imported constants read in loops (a bundler inlines them; tsx's CommonJS
// output reads each through a getter).
const BINS = RING_BINS;

/** Arc bin (0..RING_BINS-1) of a hash position. */
export function binOf(position: number): number {
  return Math.floor((position * BINS) / SPACE);
}

/**
 * Items per arc bin of ascending positions: one binary search per bin boundary (binOf is monotone), so
 * O(bins x log n) instead of a pass over every item.
 */
export function binCounts(sorted: Uint32Array): Uint32Array {
  const counts = new Uint32Array(BINS);
  let start = 0;
  for (let b = 0; b < BINS; b++) {
    // First index whose bin is past b.
    let lo = start;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (binOf(sorted[mid]) <= b) lo = mid + 1;
      else hi = mid;
    }
    counts[b] = lo - start;
    start = lo;
  }
  return counts;
}

export interface FrameInput {
  t: number;
  kind: RingFrame['kind'];
  event: ScenarioEvent | null;
  node: number;
  ring: Ring;
  assignment: Assignment;
  weight: Uint8Array;
  live: Uint16Array;
  shownPosition: Uint32Array;
  moved: MovedKeys | null;
  /** Moved keys per arc bin (null for the initial ring). */
  movedBins: Uint32Array | null;
  lookup: { key: string; seed: number; replicas: number } | null;
  sweepIndex: number;
  /** ownedArcs(ring, slots), when the caller keeps them (else counted here). */
  arcs?: Float64Array;
}

export function buildFrame(input: FrameInput): RingFrame {
  const { ring, assignment, weight, live } = input;
  const slots = weight.length;
  const alive = new Uint8Array(slots);
  for (const i of live) alive[i] = 1;
  const keyCounts = Uint32Array.from(assignment.counts);
  const shownOwners = new Uint16Array(input.shownPosition.length);
  for (let i = 0; i < shownOwners.length; i++) shownOwners[i] = ownerOf(ring, input.shownPosition[i]);
  const exactPoints = ring.positions.length <= POINTS_EXACT_MAX;
  return {
    t: input.t,
    kind: input.kind,
    event: input.event,
    node: input.node,
    alive,
    weight: Uint8Array.from(weight),
    liveNodes: live.length,
    points: ring.positions.length,
    keyCounts,
    share: input.arcs ? Float64Array.from(input.arcs, (arc) => arc / SPACE) : ownedShare(ring, slots),
    load: loadStats(keyCounts, weight, live),
    moved: input.moved,
    shownOwners,
    bins: ringBins(ring, input.movedBins),
    vnodes: exactPoints ? { position: ring.positions.slice(), owner: ring.owners.slice() } : null,
    lookup: input.lookup ? lookupWalk(ring, input.lookup.key, input.lookup.seed, input.lookup.replicas, live.length) : null,
    sweepIndex: input.sweepIndex,
  };
}

export function loadStats(counts: Uint32Array, weight: Uint8Array, live: Uint16Array): RingFrame['load'] {
  let sum = 0;
  let max = 0;
  let min = Infinity;
  let weightSum = 0;
  let maxPerWeight = 0;
  for (const i of live) {
    sum += counts[i];
    max = Math.max(max, counts[i]);
    min = Math.min(min, counts[i]);
    weightSum += weight[i];
    maxPerWeight = Math.max(maxPerWeight, counts[i] / weight[i]);
  }
  const mean = sum / live.length;
  let sq = 0;
  for (const i of live) sq += (counts[i] - mean) * (counts[i] - mean);
  const stdev = Math.sqrt(sq / live.length);
  const meanPerWeight = sum / weightSum;
  return {
    mean,
    max,
    min,
    stdev,
    maxOverMean: mean > 0 ? max / mean : 0,
    stdevPct: mean > 0 ? (100 * stdev) / mean : 0,
    maxOverMeanPerWeight: meanPerWeight > 0 ? maxPerWeight / meanPerWeight : 0,
  };
}

function ringBins(ring: Ring, movedBins: Uint32Array | null): RingFrame['bins'] {
  const owner = new Uint16Array(RING_BINS);
  for (let b = 0; b < RING_BINS; b++) owner[b] = ownerOf(ring, Math.floor(((b + 0.5) * SPACE) / RING_BINS));
  return { owner, points: binCounts(ring.positions), moved: movedBins ?? new Uint32Array(RING_BINS) };
}

function lookupWalk(ring: Ring, key: string, seed: number, r: number, liveNodes: number): LookupWalk {
  const position = murmur3(key, seed);
  const walk = replicaWalk(ring, position, r, liveNodes, 64);
  return {
    key,
    position,
    visitedPosition: Uint32Array.from(walk.visited, (p) => ring.positions[p]),
    visitedOwner: Uint16Array.from(walk.visited, (p) => ring.owners[p]),
    visitedCount: walk.visitedCount,
    owner: walk.replicas[0],
    replicaSet: walk.replicas,
  };
}

/** Describes what moved: counts, ideal and mod-N figures, the (sampled) moved keys, per-node flows. */
export function movedKeys(moves: Moves, assignment: Assignment, slots: number, figures: { idealPct: number; modNCount: number }): { moved: MovedKeys; movedBins: Uint32Array } {
  const keys = assignment.keys;
  const total = keys.hash.length;
  const count = moves.at.length;
  const exact = count <= KEYS_EXACT_MAX;
  const sampleSize = exact ? count : KEY_SAMPLE_MAX;
  const sample = {
    index: new Uint32Array(sampleSize),
    position: new Uint32Array(sampleSize),
    from: new Uint16Array(sampleSize),
    to: new Uint16Array(sampleSize),
  };
  for (let s = 0; s < sampleSize; s++) {
    const m = exact ? s : Math.floor((s * count) / sampleSize); // evenly strided over positions
    const at = moves.at[m];
    sample.index[s] = keys.index[at];
    sample.position[s] = keys.hash[at];
    sample.from[s] = moves.from[m];
    sample.to[s] = assignment.owner[at];
  }
  const out = new Uint32Array(slots);
  const into = new Uint32Array(slots);
  const movedBins = new Uint32Array(RING_BINS);
  for (let m = 0; m < count; m++) {
    const at = moves.at[m];
    out[moves.from[m]]++;
    into[assignment.owner[at]]++;
    movedBins[binOf(keys.hash[at])]++;
  }
  const moved: MovedKeys = {
    count,
    pct: (100 * count) / total,
    idealPct: figures.idealPct,
    modNCount: figures.modNCount,
    modNPct: (100 * figures.modNCount) / total,
    exact,
    sample,
    out,
    in: into,
  };
  return { moved, movedBins };
}
