/**
 * Layout of the role timeline (pure: result + size -> pixel geometry, tested without a DOM): one row per
 * node; a pale bar while the node led an epoch (labelled "e2"), a solid band inside it while it could
 * serve writes (with fencing: while it held its lease), split-brain spans shaded across every row, and
 * the scripted faults and promotions as ticks on their node's row.
 *
 *   n0 |[e1 ██████████████░░░░░░░]           x crash
 *   n1 |                          [e2 ██████████████]
 *   n2 |
 *        ^^^^^^ split brain (two nodes serving) shaded across the rows
 */
import { scaleLinear } from 'd3-scale';
import type { LeaderFollowerResult } from '../result';

/** The plot's box in pixels (the shape of viz/shared/axis.ts's Frame, which this layer may not import). */
export interface Frame {
  width: number;
  height: number;
  left: number;
  top: number;
  innerWidth: number;
  innerHeight: number;
}

export interface Tick {
  value: number;
  offset: number;
  label: string;
}

export interface RoleBar {
  node: number;
  epoch: number;
  x: number;
  width: number;
  y: number;
  height: number;
  label: string;
  /** Title for hover ("n1 led epoch 2 from 186.9 to 850.4 ms"). */
  title: string;
}

export interface RoleMark {
  x: number;
  /** Top and height: its node's row, or every row for a cluster-wide fault (partition, heal). */
  y: number;
  height: number;
  label: string;
}

export interface RoleLayout {
  frame: Frame;
  rows: { node: number; y: number; label: string }[];
  rowHeight: number;
  leaders: RoleBar[];
  serving: RoleBar[];
  splits: { x: number; width: number }[];
  marks: RoleMark[];
  xTicks: Tick[];
  tEnd: number;
  /** x of the playhead, null when outside the run. */
  playheadX: number | null;
}

const margin = { left: 40, right: 12, top: 8, bottom: 28 };
export const ROW_PX = 26;

export function roleLayoutHeight(nodeCount: number): number {
  return margin.top + margin.bottom + nodeCount * ROW_PX;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export function layoutRoles(result: LeaderFollowerResult, width: number, t: number): RoleLayout {
  const n = result.nodeCount;
  const w = Math.max(0, Number.isFinite(width) ? width : 0);
  const h = roleLayoutHeight(n);
  const frame: Frame = { width: w, height: h, left: margin.left, top: margin.top, innerWidth: Math.max(0, w - margin.left - margin.right), innerHeight: h - margin.top - margin.bottom };
  const tEnd = Math.max(1, result.endTime);
  const x = scaleLinear().domain([0, tEnd]).range([frame.left, frame.left + frame.innerWidth]);
  const rowY = (node: number) => frame.top + node * ROW_PX;
  const bars = (cols: LeaderFollowerResult['leaders'], inset: number, what: string): RoleBar[] =>
    Array.from(cols.node, (node, i) => {
      const x0 = x(cols.startMs[i]);
      const x1 = x(Math.min(cols.endMs[i], tEnd));
      return {
        node,
        epoch: cols.epoch[i],
        x: x0,
        width: Math.max(1, x1 - x0),
        y: rowY(node) + inset,
        height: ROW_PX - 2 * inset,
        label: `e${cols.epoch[i]}`,
        title: `n${node} ${what} epoch ${cols.epoch[i]} from ${fmt(cols.startMs[i])} to ${fmt(cols.endMs[i])}`,
      };
    });
  const marks: RoleMark[] = [];
  const onRow = (node: number) => ({ y: rowY(node), height: ROW_PX });
  for (const p of result.promotions) marks.push({ x: x(p.tMs), ...onRow(p.node), label: `n${p.node} promoted (e${p.epoch})` });
  for (const s of result.stepDowns) marks.push({ x: x(s.tMs), ...onRow(s.node), label: `n${s.node} steps down (sees e${s.newerEpoch})` });
  for (const f of result.faults) {
    const node = /n(\d+)$/.exec(f.label);
    marks.push({ x: x(f.tMs), ...(node ? onRow(Number(node[1])) : { y: frame.top, height: frame.innerHeight }), label: f.label });
  }
  const splits = Array.from(result.splitBrain.startMs, (s, i) => ({ x: x(s), width: Math.max(1, x(result.splitBrain.endMs[i]) - x(s)) }));
  return {
    frame,
    rows: Array.from({ length: n }, (_, node) => ({ node, y: rowY(node), label: `n${node}` })),
    rowHeight: ROW_PX,
    leaders: bars(result.leaders, 3, 'led'),
    serving: bars(result.serving, 9, 'could take writes in'),
    splits,
    marks,
    xTicks: x.ticks(Math.max(2, Math.floor(frame.innerWidth / 80))).map((value) => ({ value, offset: x(value), label: String(value) })),
    tEnd,
    playheadX: playheadAt(result, width, t),
  };
}

/** x of the playhead at simulated time t (null outside the run): what moves every frame, without a relayout. */
export function playheadAt(result: LeaderFollowerResult, width: number, t: number): number | null {
  const tEnd = Math.max(1, result.endTime);
  if (!(t >= 0 && t <= tEnd)) return null;
  const innerWidth = Math.max(0, (Number.isFinite(width) ? width : 0) - margin.left - margin.right);
  return margin.left + (t / tEnd) * innerWidth;
}
