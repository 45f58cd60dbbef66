/**
 * The stage at simulated time t as numbers: `layoutAt(data, geometry, t, frame)` fills a preallocated
 * StageFrame (dot positions, styles and alphas; node status; clock offsets; card field rows; the partition
 * epoch; bundle loads) without allocating, so a playing frame costs a bucket scan and arithmetic. Every
 * value is a function of (data, geometry, t): play, step and scrub share this one path.
 *
 * A dot's story (StageMessages in src/core/stage/types.ts), as positions along its link:
 *
 *   send ..moving.. arrive ..waiting.. end ..falling (not delivered: drops FALL_PX and fades).. visibleEnd
 *   0            dropFrac          dropFrac
 *
 * A duplicate copy runs on a lane LANE_PX aside (perpendicular to its direction, so a -> b and b -> a
 * copies take opposite sides). With reduced motion a falling dot stays put at full alpha (drawn as a cross).
 */
import { clockOffsetAt, epochAt, fieldAt, inFlightAt, isInside } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import { rimDistance, type StageGeometry } from './geometry';
import { rowHash } from './tier';

export const LANE_PX = 3;
export const FALL_PX = 14;
/** Kind colours the renderer has: a dot's style is its kind index modulo this (-1, undescribed: 0). */
export const STYLE_SLOTS = 8;

export const DotPhase = { moving: 0, waiting: 1, falling: 2 } as const;
export const NodeState = { up: 0, crashed: 1, paused: 2 } as const;

export interface StageFrame {
  t: number;
  dotCount: number;
  /** Message row of each dot drawn. */
  rows: Uint32Array;
  x: Float32Array;
  y: Float32Array;
  alpha: Float32Array;
  style: Uint8Array;
  phase: Uint8Array;
  /** Rows on the stage at t before sampling (the in-flight scan's output) and how many. */
  inFlight: Uint32Array;
  inFlightCount: number;
  /** NodeState per node. */
  status: Uint8Array;
  /** Clock offset (local - true) per node, in the lab's unit. */
  clockOffset: Float64Array;
  /** Card field change row per (node, field): fieldRow[node * fields + field], -1 before the first change. */
  fieldRow: Int32Array;
  epoch: number;
  /** Copies in flight between groups: bundle[from group * groupCount + to group] (aggregate tier). */
  bundle: Float32Array;
}

export interface FrameOptions {
  /** Draw 1 dot in k (rows whose hash is 0 mod k); 1 = all. */
  sampleEvery?: number;
  reducedMotion?: boolean;
  /** Count bundles between groups (the aggregate tier). */
  bundles?: boolean;
}

/** A frame sized for `data` and `geometry`: reuse it for every t. */
export function createFrame(data: StageData, geometry: StageGeometry): StageFrame {
  const cap = Math.max(1, data.peakInFlight);
  const n = data.nodeNames.length;
  return {
    t: NaN, dotCount: 0, rows: new Uint32Array(cap), x: new Float32Array(cap), y: new Float32Array(cap),
    alpha: new Float32Array(cap), style: new Uint8Array(cap), phase: new Uint8Array(cap),
    inFlight: new Uint32Array(cap), inFlightCount: 0,
    status: new Uint8Array(n), clockOffset: new Float64Array(n), fieldRow: new Int32Array(n * data.fields.names.length).fill(-1),
    epoch: 0, bundle: new Float32Array(geometry.groupCount * geometry.groupCount),
  };
}

export function layoutAt(data: StageData, geometry: StageGeometry, t: number, frame: StageFrame, options: FrameOptions = {}): StageFrame {
  frame.t = t;
  layoutNodes(data, t, frame);
  frame.epoch = epochAt(data.epochs, t);
  frame.inFlightCount = inFlightAt(data, t, frame.inFlight);
  if (options.bundles) countBundles(data, geometry, frame);
  layoutDots(data, geometry, t, frame, options.sampleEvery ?? 1, options.reducedMotion ?? false);
  return frame;
}

function layoutNodes(data: StageData, t: number, frame: StageFrame): void {
  const n = data.nodeNames.length;
  const fields = data.fields.names.length;
  for (let node = 0; node < n; node++) {
    frame.status[node] = isInside(data.crashes, node, t) ? NodeState.crashed : isInside(data.pauses, node, t) ? NodeState.paused : NodeState.up;
    frame.clockOffset[node] = clockOffsetAt(data.clocks, node, t);
    for (let f = 0; f < fields; f++) frame.fieldRow[node * fields + f] = fieldAt(data.fields, node, f, t);
  }
}

function countBundles(data: StageData, g: StageGeometry, frame: StageFrame): void {
  frame.bundle.fill(0);
  const m = data.messages;
  for (let i = 0; i < frame.inFlightCount; i++) {
    const row = frame.inFlight[i];
    frame.bundle[g.groupOf[m.from[row]] * g.groupCount + g.groupOf[m.to[row]]]++;
  }
}

function layoutDots(data: StageData, g: StageGeometry, t: number, frame: StageFrame, sampleEvery: number, reduced: boolean): void {
  const m = data.messages;
  const fade = data.fade;
  let count = 0;
  for (let i = 0; i < frame.inFlightCount; i++) {
    const row = frame.inFlight[i];
    if (sampleEvery > 1 && rowHash(row) % sampleEvery !== 0) continue;
    const a = m.from[row];
    const b = m.to[row];
    const dx = g.x[b] - g.x[a];
    const dy = g.y[b] - g.y[a];
    const len = Math.sqrt(dx * dx + dy * dy);
    const ux = len > 1e-6 ? dx / len : 0;
    const uy = len > 1e-6 ? dy / len : 0;
    const rimA = len > 1e-6 ? rimDistance(ux, uy, g.halfW, g.halfH) : 0;
    const path = Math.max(0, len - 2 * rimA);
    const send = m.send[row];
    const arrive = m.arrive[row];
    const end = m.end[row];
    const stop = m.dropFrac[row];
    const frac = t < arrive && arrive > send ? (stop * (t - send)) / (arrive - send) : stop;
    const lane = m.dupOf[row] >= 0 ? LANE_PX : 0;
    let x = g.x[a] + ux * (rimA + path * frac) - uy * lane;
    let y = g.y[a] + uy * (rimA + path * frac) + ux * lane;
    let alpha = 1;
    let phase: number = t < arrive ? DotPhase.moving : DotPhase.waiting;
    if (t >= end) {
      phase = DotPhase.falling;
      const p = fade > 0 ? Math.min(1, (t - end) / fade) : 1;
      if (!reduced) {
        x += ux * p * 4;
        y += p * FALL_PX;
        alpha = 1 - p;
      }
    }
    frame.rows[count] = row;
    frame.x[count] = x;
    frame.y[count] = y;
    frame.alpha[count] = alpha;
    frame.phase[count] = phase;
    const kind = m.kind[row];
    frame.style[count] = kind < 0 ? 0 : kind % STYLE_SLOTS;
    count++;
  }
  frame.dotCount = count;
}
