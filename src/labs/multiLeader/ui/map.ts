/**
 * The regions' map at a time, from a result: where each region sits, which links are cut, which leaders
 * are down or skewed, and how many writes made elsewhere have not reached each region yet. Pure; the
 * Panel reaches it through ./select.ts.
 */
import type { MultiLeaderResult } from '../result';

const HALF_SQRT3 = Math.sqrt(3) / 2;
/**
 * Unit-circle spots of 2, 3 or 4 regions, region 0 on the left, going clockwise on screen (y down): a
 * table rather than cos/sin, which engines may round differently (the layer test keeps them out).
 */
const RING: Readonly<Record<number, readonly (readonly [number, number])[]>> = {
  2: [[-1, 0], [1, 0]],
  3: [[-1, 0], [0.5, -HALF_SQRT3], [0.5, HALF_SQRT3]],
  4: [[-1, 0], [0, -1], [1, 0], [0, 1]],
};

/** The map frame shown at time t: the last one at or before t (frame 0 before the first). */
export function frameAt(tMs: Float64Array, t: number): number {
  let lo = 0;
  let hi = tMs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (tMs[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface RegionNode {
  region: number;
  x: number;
  y: number;
  isDown: boolean;
  skewMs: number;
  /** Writes made at other regions by then that this region has not applied yet. */
  incoming: number;
}

export interface RegionLink {
  a: number;
  b: number;
  isCut: boolean;
  /** Writes made at a (b) by then and not yet applied at b (a). */
  pendingAB: number;
  pendingBA: number;
}

export interface RegionMapView {
  nodes: RegionNode[];
  links: RegionLink[];
  /** The same scene in words, for screen readers. */
  description: string;
}

/** pending[from * n + to]: writes made at `from` by time t that `to` has not applied yet (the replication lag, counted). */
export function pendingAt(result: MultiLeaderResult, t: number): Uint32Array {
  const n = result.regions;
  const r = result.runs[0].replication; // the same in both runs: replication never depends on the resolution
  const pending = new Uint32Array(n * n);
  for (let i = 0; i < r.op.length; i++) {
    if (r.writtenMs[i] <= t && !(r.appliedMs[i] <= t)) pending[r.from[i] * n + r.to[i]]++;
  }
  return pending;
}

/**
 * Regions on a circle (two side by side) in a width x height box at time t (frame: the map frame at t):
 * links cut in either direction drawn cut, with the writes still on their way each direction.
 */
export function regionMap(result: MultiLeaderResult, frame: number, width: number, height: number, t = result.map.tMs[frame]): RegionMapView {
  const n = result.regions;
  const { cut, down, skewMs } = result.map;
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - 70;
  const ry = height / 2 - 62; // room for a skew label above the top leader and two lines below the bottom one
  const pending = pendingAt(result, t);
  const nodes = Array.from({ length: n }, (_, region): RegionNode => {
    const [ux, uy] = RING[n][region];
    return {
      region,
      x: Math.round(cx + rx * ux),
      y: Math.round(n === 2 ? cy - 10 : cy - 6 + ry * uy),
      isDown: down[frame * n + region] === 1,
      skewMs: skewMs[frame * n + region],
      incoming: Array.from({ length: n }, (_, from) => pending[from * n + region]).reduce((a, b) => a + b, 0),
    };
  });
  const links: RegionLink[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const isCut = cut[frame * n * n + a * n + b] === 1 || cut[frame * n * n + b * n + a] === 1;
      links.push({ a, b, isCut, pendingAB: pending[a * n + b], pendingBA: pending[b * n + a] });
    }
  }
  const lag: string[] = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (pending[a * n + b] > 0) lag.push(`${a}→${b}: ${pending[a * n + b]}`);
  const cutText = links.filter((l) => l.isCut).map((l) => `${l.a}–${l.b}`);
  const downText = nodes.filter((x) => x.isDown).map((x) => `region ${x.region}`);
  const skewText = nodes.filter((x) => x.skewMs !== 0).map((x) => `region ${x.region} clock ${signed(x.skewMs)} ms`);
  const description = [
    `At ${t.toFixed(0)} ms: ${n} regions, each with a leader.`,
    cutText.length > 0 ? `Cut links: ${cutText.join(', ')}.` : 'All links up.',
    downText.length > 0 ? `Crashed leaders: ${downText.join(', ')}.` : '',
    skewText.length > 0 ? `${skewText.join('; ')}.` : '',
    lag.length > 0 ? `Writes not yet applied: ${lag.join(', ')}.` : 'Every write made so far is applied everywhere.',
  ].filter(Boolean).join(' ');
  return { nodes, links, description };
}

export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

