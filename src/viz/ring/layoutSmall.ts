/**
 * Layout of the small (SVG) ring: every vnode, key and owner arc as a mark with pixel geometry.
 * Pure: data + frame in, marks out; the SVG component and tests read the same marks.
 */
import { arc } from 'd3-shape';
import { angleOf, clockwiseDistance, pointAt, RING_SIZE, type RingFrame } from './geometry';
import type { RingKeys, RingLookup, RingPoints } from './types';

/** A stretch of the rim owned by one node: (previous vnode, this vnode]. */
export interface SegmentMark {
  owner: number;
  startAngle: number;
  endAngle: number;
  path: string;
}

export interface VnodeMark {
  /** Index into RingPoints. */
  index: number;
  owner: number;
  replicaIndex: number;
  position: number;
  angle: number;
  x: number;
  y: number;
}

export interface KeyMark {
  index: number;
  owner: number;
  previousOwner: number;
  isMoved: boolean;
  position: number;
  angle: number;
  x: number;
  y: number;
}

export interface LabelMark {
  owner: number;
  x: number;
  y: number;
  textAnchor: 'start' | 'middle' | 'end';
}

export interface LookupMark {
  keyAngle: number;
  keyX: number;
  keyY: number;
  /** Band from the key clockwise to its owner's vnode. */
  ownerPath: string;
  /** Band from the key clockwise to the last replica's vnode (same as ownerPath with one replica). */
  walkPath: string;
  /** The vnodes where replicas are picked, in walk order (owner first). */
  stops: { vnode: number; order: number; x: number; y: number }[];
  /** Clockwise distance from the key to its owner's vnode, in hash units. */
  ownerDistance: number;
}

export interface RingSmallLayout {
  frame: RingFrame;
  segments: SegmentMark[];
  vnodes: VnodeMark[];
  keys: KeyMark[];
  labels: LabelMark[];
  lookup: LookupMark | null;
  /** The lookup key's text (rendered as text only). */
  lookupLabel: string;
  /** Circle path of the empty ring (drawn when there are no vnodes). */
  isEmpty: boolean;
}

export interface RingSmallInput {
  ring: RingPoints;
  keys?: RingKeys;
  lookup?: RingLookup | null;
  /** Place a label for each node at its first vnode, skipping labels that would overlap. Default true. */
  hasLabels?: boolean;
}

const bandArc = arc<{ innerRadius: number; outerRadius: number; startAngle: number; endAngle: number }>();

export function bandPath(innerRadius: number, outerRadius: number, startAngle: number, endAngle: number): string {
  return bandArc({ innerRadius, outerRadius, startAngle, endAngle }) ?? '';
}

export function layoutRingSmall(input: RingSmallInput, frame: RingFrame): RingSmallLayout {
  const { ring } = input;
  const n = Math.min(ring.positions.length, ring.owners.length);
  const vnodes: VnodeMark[] = [];
  for (let i = 0; i < n; i++) {
    const angle = angleOf(ring.positions[i]);
    const { x, y } = pointAt(frame.cx, frame.cy, frame.radius, angle);
    vnodes.push({
      index: i,
      owner: ring.owners[i],
      replicaIndex: ring.replicaIndexes ? ring.replicaIndexes[i] : 0,
      position: ring.positions[i],
      angle,
      x,
      y,
    });
  }
  return {
    frame,
    segments: layoutSegments(vnodes, frame),
    vnodes,
    keys: input.keys ? layoutKeys(input.keys, frame) : [],
    labels: input.hasLabels === false ? [] : layoutLabels(vnodes, frame),
    lookup: input.lookup ? layoutLookup(input.lookup, vnodes, frame) : null,
    lookupLabel: input.lookup?.label ?? '',
    isEmpty: n === 0,
  };
}

/** Owner arcs of the rim, consecutive vnodes of one owner merged into one arc. */
function layoutSegments(vnodes: readonly VnodeMark[], frame: RingFrame): SegmentMark[] {
  const n = vnodes.length;
  if (n === 0) return [];
  const inner = frame.radius - frame.rimWidth / 2;
  const outer = frame.radius + frame.rimWidth / 2;
  const tau = 2 * Math.PI;
  // Vnode i owns (vnode i-1, vnode i]; the first vnode also owns the wrap-around stretch before it.
  const raw: { owner: number; startAngle: number; endAngle: number }[] = [];
  for (let i = 0; i < n; i++) {
    const start = i === 0 ? vnodes[n - 1].angle - tau : vnodes[i - 1].angle;
    const last = raw[raw.length - 1];
    if (last && last.owner === vnodes[i].owner) last.endAngle = vnodes[i].angle;
    else raw.push({ owner: vnodes[i].owner, startAngle: start, endAngle: vnodes[i].angle });
  }
  if (n === 1) raw[0].startAngle = raw[0].endAngle - tau;
  return raw.map((s) => ({ ...s, path: bandPath(inner, outer, s.startAngle, s.endAngle) }));
}

function layoutKeys(keys: RingKeys, frame: RingFrame): KeyMark[] {
  const n = Math.min(keys.positions.length, keys.owners.length);
  const marks: KeyMark[] = [];
  for (let i = 0; i < n; i++) {
    const angle = angleOf(keys.positions[i]);
    const { x, y } = pointAt(frame.cx, frame.cy, frame.keyRadius, angle);
    const previousOwner = keys.previousOwners ? keys.previousOwners[i] : keys.owners[i];
    marks.push({
      index: i,
      owner: keys.owners[i],
      previousOwner,
      isMoved: previousOwner !== keys.owners[i],
      position: keys.positions[i],
      angle,
      x,
      y,
    });
  }
  return marks;
}

/**
 * One label per owner, at its first vnode (lowest replica index), outside the rim. Labels are placed in
 * angle order and a label closer than ~14 px to the last placed one is skipped: the legend and the tooltip
 * still name every node.
 */
function layoutLabels(vnodes: readonly VnodeMark[], frame: RingFrame): LabelMark[] {
  const first = new Map<number, VnodeMark>();
  for (const v of vnodes) {
    const seen = first.get(v.owner);
    if (!seen || v.replicaIndex < seen.replicaIndex) first.set(v.owner, v);
  }
  const candidates = [...first.values()].sort((a, b) => a.angle - b.angle);
  const placed: LabelMark[] = [];
  const minGap = 14;
  for (const v of candidates) {
    const { x, y } = pointAt(frame.cx, frame.cy, frame.labelRadius, v.angle);
    const isCrowded = placed.some((p) => Math.hypot(p.x - x, p.y - y) < minGap * 1.6);
    if (isCrowded) continue;
    const sin = Math.sin(v.angle);
    const textAnchor = sin > 0.3 ? 'start' : sin < -0.3 ? 'end' : 'middle';
    placed.push({ owner: v.owner, x, y, textAnchor });
  }
  return placed;
}

function layoutLookup(lookup: RingLookup, vnodes: readonly VnodeMark[], frame: RingFrame): LookupMark | null {
  const stops = lookup.vnodes.filter((v) => v >= 0 && v < vnodes.length);
  const keyAngle = angleOf(lookup.position);
  const key = pointAt(frame.cx, frame.cy, frame.keyRadius, keyAngle);
  const tau = 2 * Math.PI;
  const walkRadius = frame.radius - frame.rimWidth / 2 - 3;
  const sweep = (vnode: number) => (clockwiseDistance(lookup.position, vnodes[vnode].position) / RING_SIZE) * tau;
  const ownerSweep = stops.length > 0 ? sweep(stops[0]) : 0;
  // The walk ends at the last replica; replicas come in clockwise order, so the last one sweeps furthest.
  const walkSweep = stops.reduce((max, v) => Math.max(max, sweep(v)), ownerSweep);
  return {
    keyAngle,
    keyX: key.x,
    keyY: key.y,
    ownerPath: bandPath(walkRadius - 3, walkRadius, keyAngle, keyAngle + ownerSweep),
    walkPath: bandPath(walkRadius - 2, walkRadius - 1, keyAngle, keyAngle + walkSweep),
    stops: stops.map((vnode, order) => ({ vnode, order, x: vnodes[vnode].x, y: vnodes[vnode].y })),
    ownerDistance: stops.length > 0 ? clockwiseDistance(lookup.position, vnodes[stops[0]].position) : 0,
  };
}

/**
 * Pixel position of a moved key's hand-over marker, which travels just inside the rim from the old owner's
 * vnode to the new owner's vnode (the key's own dot stays at its hash: hashes never move, owners do).
 */
export function handoverPoint(frame: RingFrame, position: number): { x: number; y: number } {
  return pointAt(frame.cx, frame.cy, handoverRadius(frame), angleOf(position));
}

export function handoverRadius(frame: RingFrame): number {
  return Math.max(0, frame.radius - frame.rimWidth / 2 - 5);
}
