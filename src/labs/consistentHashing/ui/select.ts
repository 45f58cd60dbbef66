/**
 * Pure selectors from the program's result to what the Panel draws: renderer props (viz/ring types),
 * headline figures, chart series and text. Every loop here is bounded by nodes, bins, ring points of a
 * small frame (<= POINTS_EXACT_MAX) or the moved-key sample: never by the key count. The Panel memoizes
 * each call on its inputs, so none runs twice for the same frame.
 */
import { vnodePositions } from '../../../core/ring';
import type { KeyBins, MoveTrack, RingKeys, RingLookup, RingPoints } from '../../../viz/ring';
import { clockwiseDistance, RING_SIZE, successorIndex } from '../../../viz/ring';
import type { LineSeries } from '../../../viz/lineChart';
import { formatInt } from '../../../viz/shared/format';
import type { ConsistentHashingEvent, ConsistentHashingScenario } from '../scenario';
import type { ConsistentHashingResult, RingFrame } from '../result';

/** Ring points up to which the ring is drawn in SVG with every vnode inspectable; above, canvas bins. */
export const SVG_POINTS_MAX = 1500;
/** Moved keys animated on the canvas ring (a stride sample of the result's sample). */
export const TRACKS_MAX = 160;

/** Index of the frame shown at playhead t: the last frame with frame.t <= t (the initial frame before). */
export function frameIndexAt(frames: readonly { t: number }[], t: number): number {
  if (frames.length === 0) return -1;
  let lo = 0;
  let hi = frames.length - 1;
  if (!(t >= frames[0].t)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (frames[mid].t <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function isSvgScene(frame: RingFrame): boolean {
  return frame.vnodes !== null && frame.points <= SVG_POINTS_MAX;
}

/** Node indexes in the ring at this frame, ascending. */
export function liveNodes(frame: RingFrame): number[] {
  const live: number[] = [];
  for (let i = 0; i < frame.alive.length; i++) if (frame.alive[i]) live.push(i);
  return live;
}

/**
 * The frame's ring points for the SVG renderer, with each point's index within its node (the v of
 * murmur3(`n3#v`)), recomputed from the node names and seed so the tooltip can say "n3, vnode 7".
 * Null when the frame has no exact points (large rings: use bins).
 */
export function selectRingPoints(
  result: ConsistentHashingResult,
  frame: RingFrame,
  scenario: Pick<ConsistentHashingScenario, 'vnodes' | 'seed'>,
): RingPoints | null {
  if (!frame.vnodes) return null;
  const { position, owner } = frame.vnodes;
  const replicaIndexes = new Int32Array(position.length).fill(-1);
  if (position.length <= SVG_POINTS_MAX) {
    const indexOf = new Map<number, number>();
    for (const node of liveNodes(frame)) {
      const name = result.nodeNames[node];
      const points = vnodePositions(name, scenario.vnodes * Math.max(1, frame.weight[node]), scenario.seed);
      for (let v = 0; v < points.length; v++) indexOf.set(points[v] * 2048 + node, v);
    }
    for (let i = 0; i < position.length; i++) replicaIndexes[i] = indexOf.get(position[i] * 2048 + owner[i]) ?? -1;
  }
  return { positions: position, owners: owner, replicaIndexes };
}

/** The shown keys (all keys, or a uniform sample) with this frame's and the previous frame's owners. */
export function selectKeys(result: ConsistentHashingResult, frameIndex: number): RingKeys {
  const frame = result.frames[frameIndex];
  const previous = frameIndex > 0 && frame.moved ? result.frames[frameIndex - 1] : null;
  return {
    positions: result.shownKeys.position,
    owners: frame.shownOwners,
    previousOwners: previous ? previous.shownOwners : undefined,
  };
}

/** The canvas renderer's bins: keys per bin over all keys, this frame's owners and moves. */
export function selectBins(result: ConsistentHashingResult, frame: RingFrame): KeyBins {
  const binCount = result.binKeys.length;
  const owners = new Int32Array(binCount);
  let countMax = 0;
  let movedTotal = 0;
  for (let b = 0; b < binCount; b++) {
    owners[b] = frame.bins.owner[b];
    countMax = Math.max(countMax, result.binKeys[b]);
    movedTotal += frame.bins.moved[b];
  }
  return {
    binCount,
    counts: result.binKeys,
    moved: frame.bins.moved,
    owners,
    vnodes: frame.bins.points,
    keyTotal: result.keyCount,
    movedTotal,
    countMax,
  };
}

/**
 * Hand-over tracks of moved keys (at most `max`, strided over the result's sample). With exact ring
 * points in both frames, each track runs from the old owner's point to the new owner's point; otherwise
 * the offsets are 0 (the hand-over is far below a pixel at that scale).
 */
export function selectTracks(result: ConsistentHashingResult, frameIndex: number, max = TRACKS_MAX): MoveTrack[] {
  const frame = result.frames[frameIndex];
  const moved = frame?.moved;
  if (!moved || frameIndex === 0) return [];
  const before = result.frames[frameIndex - 1].vnodes;
  const after = frame.vnodes;
  const n = moved.sample.position.length;
  const stride = Math.max(1, n / Math.max(1, max));
  const tracks: MoveTrack[] = [];
  for (let s = 0; s < n && tracks.length < max; s += stride) {
    const i = Math.floor(s);
    const position = moved.sample.position[i];
    const from = before ? successorIndex(before.position, position) : -1;
    const to = after ? successorIndex(after.position, position) : -1;
    tracks.push({
      key: moved.sample.index[i],
      position,
      fromOwner: moved.sample.from[i],
      toOwner: moved.sample.to[i],
      fromOffset: from >= 0 && to >= 0 ? clockwiseDistance(position, before!.position[from]) : 0,
      toOffset: from >= 0 && to >= 0 ? clockwiseDistance(position, after!.position[to]) : 0,
    });
  }
  return tracks;
}

/** Moved keys of the shown set keyed by shown index, for the SVG tween (same keys the ring draws). */
export function selectShownTracks(result: ConsistentHashingResult, frameIndex: number, keys: RingKeys): MoveTrack[] {
  const frame = result.frames[frameIndex];
  if (!frame?.moved || !keys.previousOwners || frameIndex === 0) return [];
  const before = result.frames[frameIndex - 1].vnodes;
  const after = frame.vnodes;
  if (!before || !after) return [];
  const tracks: MoveTrack[] = [];
  for (let i = 0; i < keys.positions.length && tracks.length < TRACKS_MAX; i++) {
    if (keys.previousOwners[i] === keys.owners[i]) continue;
    const position = keys.positions[i];
    tracks.push({
      key: i,
      position,
      fromOwner: keys.previousOwners[i],
      toOwner: keys.owners[i],
      fromOffset: clockwiseDistance(position, before.position[successorIndex(before.position, position)]),
      toOffset: clockwiseDistance(position, after.position[successorIndex(after.position, position)]),
    });
  }
  return tracks;
}

/** The lookup walk for the SVG ring: the ring point of each replica (first visited point of that node). */
export function selectLookup(frame: RingFrame): RingLookup | null {
  const walk = frame.lookup;
  if (!walk || !frame.vnodes) return null;
  const vnodes: number[] = [];
  for (const node of walk.replicaSet) {
    for (let i = 0; i < walk.visitedPosition.length; i++) {
      if (walk.visitedOwner[i] !== node) continue;
      vnodes.push(successorIndex(frame.vnodes.position, walk.visitedPosition[i]));
      break;
    }
  }
  return { position: walk.position, vnodes, label: walk.key };
}

/** The lookup walk for the canvas ring: clockwise sweeps (radians) to the owner and to the last replica. */
export function selectLookupSweeps(frame: RingFrame): { position: number; ownerSweep: number; walkSweep: number } | null {
  const walk = frame.lookup;
  if (!walk || walk.visitedPosition.length === 0) return null;
  const toRadians = (p: number) => (clockwiseDistance(walk.position, p) / RING_SIZE) * 2 * Math.PI;
  const last = walk.visitedPosition[walk.visitedPosition.length - 1];
  return { position: walk.position, ownerSweep: toRadians(walk.visitedPosition[0]), walkSweep: toRadians(last) };
}

export interface LookupText {
  key: string;
  hashHex: string;
  degrees: string;
  owner: string;
  replicas: string[];
  /** The first steps of the clockwise walk: point position and its node. */
  steps: { positionHex: string; node: string; isNew: boolean }[];
  visitedCount: number;
}

export function selectLookupText(result: ConsistentHashingResult, frame: RingFrame, stepsMax = 8): LookupText | null {
  const walk = frame.lookup;
  if (!walk) return null;
  const name = (n: number) => result.nodeNames[n] ?? `n${n}`;
  const seen = new Set<number>();
  const steps: LookupText['steps'] = [];
  for (let i = 0; i < walk.visitedPosition.length && steps.length < stepsMax; i++) {
    const owner = walk.visitedOwner[i];
    steps.push({ positionHex: hex(walk.visitedPosition[i]), node: name(owner), isNew: !seen.has(owner) });
    seen.add(owner);
  }
  return {
    key: walk.key,
    hashHex: hex(walk.position),
    degrees: ((walk.position / RING_SIZE) * 360).toFixed(1),
    owner: name(walk.owner),
    replicas: [...walk.replicaSet].map(name),
    steps,
    visitedCount: walk.visitedCount,
  };
}

export interface MovedHeadline {
  /** What happened this step, as a short sentence ("n5 added", "n2 removed", "n0 weight 3"). */
  change: string;
  movedCount: number;
  movedFraction: number;
  idealFraction: number;
  modNCount: number;
  modNFraction: number;
  /** "1/N" for an add or remove with equal weights, else "min". */
  idealName: string;
}

export function selectHeadline(result: ConsistentHashingResult, frame: RingFrame): MovedHeadline | null {
  const moved = frame.moved;
  if (!moved) return null;
  const node = result.nodeNames[frame.node] ?? `n${frame.node}`;
  const change =
    frame.kind === 'add' ? `${node} added` : frame.kind === 'remove' ? `${node} removed` : `${node} weight set to ${frame.weight[frame.node]}`;
  const equalWeights = liveNodes(frame).every((n) => frame.weight[n] === 1);
  return {
    change,
    movedCount: moved.count,
    movedFraction: moved.pct / 100,
    idealFraction: moved.idealPct / 100,
    modNCount: moved.modNCount,
    modNFraction: moved.modNPct / 100,
    idealName: frame.kind !== 'weight' && equalWeights ? `1/${frame.kind === 'add' ? frame.liveNodes : frame.liveNodes + 1}` : 'least possible',
  };
}

export interface LoadView {
  values: Uint32Array;
  include: number[];
  mean: number;
  max: number;
  min: number;
  maxOverMean: number;
  stdev: number;
  stdevPct: number;
  busiest: string;
}

export function selectLoad(result: ConsistentHashingResult, frame: RingFrame): LoadView {
  const include = liveNodes(frame);
  let busiest = include[0] ?? -1;
  for (const n of include) if (frame.keyCounts[n] > frame.keyCounts[busiest]) busiest = n;
  return {
    values: frame.keyCounts,
    include,
    mean: frame.load.mean,
    max: frame.load.max,
    min: frame.load.min,
    maxOverMean: frame.load.maxOverMean,
    stdev: frame.load.stdev,
    stdevPct: frame.load.stdevPct,
    busiest: busiest >= 0 ? (result.nodeNames[busiest] ?? `n${busiest}`) : '–',
  };
}

/** The stdev-vs-vnodes series of the frame's sweep: exact arc shares, and the same on actual keys. */
export function selectSweepSeries(result: ConsistentHashingResult, frame: RingFrame): { series: LineSeries[]; nodes: number } | null {
  const sweep = result.sweeps[frame.sweepIndex];
  if (!sweep || sweep.vnodes.length === 0) return null;
  const exact = { name: 'arc shares (exact)', points: [] as LineSeries['points'][number][] };
  const keys = { name: `on ${formatInt(sweep.sampleKeys)} keys`, points: [] as LineSeries['points'][number][], isDashed: true };
  for (let i = 0; i < sweep.vnodes.length; i++) {
    const v = sweep.vnodes[i];
    exact.points.push({ x: v, y: sweep.shareStdevPct[i], title: `${v} vnodes: stdev ${sweep.shareStdevPct[i].toFixed(1)}% of mean, max ${sweep.shareMaxOverMean[i].toFixed(2)} x mean` });
    keys.points.push({ x: v, y: sweep.keyStdevPct[i], title: `${v} vnodes, ${sweep.sampleKeys} keys: stdev ${sweep.keyStdevPct[i].toFixed(1)}%` });
  }
  return { series: [exact, keys], nodes: sweep.nodes.length };
}

/**
 * A membership change as a scenario edit: the event goes at the step after `afterT`, and later events
 * shift one step to keep one event per step (the scenario's rule); later events about a node this removes
 * are dropped. Returns the new scenario, the step, and how many later events were dropped.
 */
export function withEventAfter(
  scenario: ConsistentHashingScenario,
  afterT: number,
  event: { type: 'add'; weight: number } | { type: 'remove'; node: number },
): { scenario: ConsistentHashingScenario; t: number; dropped: number } {
  const t = Math.floor(afterT) + 1;
  const before = scenario.events.filter((e) => e.t < t);
  // An inserted add takes node index `added`: later events naming nodes from `added` on shift by one, so
  // they still mean the same nodes (indexes follow order of appearance).
  const added = event.type === 'add' ? nextNodeIndex(scenario, t) : Number.POSITIVE_INFINITY;
  // An inserted remove makes later events about the same node meaningless (it is gone): they are dropped.
  const removed = event.type === 'remove' ? event.node : -1;
  const after = scenario.events
    .filter((e) => e.t >= t && !(e.type !== 'add' && e.node === removed))
    .map((e) => (e.type !== 'add' && e.node >= added ? { ...e, t: e.t + 1, node: e.node + 1 } : { ...e, t: e.t + 1 }));
  const inserted = { ...event, t } as ConsistentHashingEvent;
  const dropped = scenario.events.length - before.length - after.length;
  return { scenario: { ...scenario, events: [...before, inserted, ...after] }, t, dropped };
}

/** The node index the next `add` takes at step t: initial nodes plus adds before t. */
export function nextNodeIndex(scenario: ConsistentHashingScenario, t: number): number {
  return scenario.nodes + scenario.events.filter((e) => e.type === 'add' && e.t < t).length;
}

function hex(p: number): string {
  return `0x${(p >>> 0).toString(16).padStart(8, '0')}`;
}
