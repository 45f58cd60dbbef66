/**
 * The load sweep: for one node set with equal weights, how even the load is at 1, 2, 5 ... 1000 vnodes.
 * Two measures: the exact share of the hash space each node owns (no sampling noise), and the keys each
 * node gets from a bounded sample of the scenario's own keys.
 */
import { ownedShare, ringFromNodes, type Ring } from '../../core/ring';
import { SWEEP_VNODES, type VnodeSweep } from './result';

/** Keys the sweep counts at most (the first ones: key hashes are uniform, so it is a uniform sample). */
export const SWEEP_KEYS_MAX = 100_000;

/** Ring points one sweep costs for `nodeCount` nodes. */
export function sweepPoints(nodeCount: number): number {
  let sum = 0;
  for (const v of SWEEP_VNODES) sum += v;
  return sum * nodeCount;
}

/** Runs the sweep over `live` nodes; `sampleSorted` is the ascending key-hash sample; work(units) is charged. */
export function vnodeSweep(live: Uint16Array, nodeNames: readonly string[], sampleSorted: Uint32Array, seed: number, work: (units: number) => void): VnodeSweep {
  const count = SWEEP_VNODES.length;
  const sweep: VnodeSweep = {
    nodes: Uint16Array.from(live),
    vnodes: Uint16Array.from(SWEEP_VNODES),
    shareStdevPct: new Float64Array(count),
    shareMaxOverMean: new Float64Array(count),
    keyStdevPct: new Float64Array(count),
    keyMaxOverMean: new Float64Array(count),
    sampleKeys: sampleSorted.length,
  };
  const slots = nodeNames.length;
  for (let s = 0; s < count; s++) {
    const v = SWEEP_VNODES[s];
    const ring = ringFromNodes(Array.from(live, (index) => ({ index, name: nodeNames[index], points: v })), seed);
    work(ring.positions.length + sampleSorted.length);
    const share = ownedShare(ring, slots);
    const counts = sampleCounts(ring, sampleSorted, slots);
    [sweep.shareStdevPct[s], sweep.shareMaxOverMean[s]] = spread(share, live);
    [sweep.keyStdevPct[s], sweep.keyMaxOverMean[s]] = spread(counts, live);
  }
  return sweep;
}

/** Keys per node of sorted hashes on a ring, in one merge walk. */
export function sampleCounts(ring: Ring, sorted: Uint32Array, slots: number): Uint32Array {
  const counts = new Uint32Array(slots);
  const positions = ring.positions;
  const n = positions.length;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (j < n && positions[j] < sorted[i]) j++;
    counts[ring.owners[j === n ? 0 : j]]++;
  }
  return counts;
}

/** [stdev / mean in %, max / mean] of values over the live node indexes (population stdev). */
export function spread(values: ArrayLike<number>, live: Uint16Array): [number, number] {
  let sum = 0;
  let max = 0;
  for (const i of live) {
    sum += values[i];
    if (values[i] > max) max = values[i];
  }
  const mean = sum / live.length;
  let sq = 0;
  for (const i of live) sq += (values[i] - mean) * (values[i] - mean);
  if (mean === 0) return [0, 0];
  return [(100 * Math.sqrt(sq / live.length)) / mean, max / mean];
}
