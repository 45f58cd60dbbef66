/**
 * The quorum diagram as pixel geometry (no DOM): a row per node (the coordinator's first), time across,
 * each contact a bar from its send to its reply; marks for the call, each phase's start, the answer and
 * the deadline. Phases that start at the same instant share a mark.
 */
import { scaleLinear } from 'd3-scale';
import { axisTicks, chartFrame, type Frame, type Tick } from '../shared/axis';
import type { OverlapData, QuorumDiagramData } from './types';

export const ROW_PX = 32;
export const DIAGRAM_MARGIN = { left: 150, right: 104, top: 30, bottom: 30 } as const;
/** A row has two tracks: queries above, the second round (store, write-back) and repairs below. */
const TRACK_OFFSET_PX = 7;

export interface ContactBar {
  contact: number;
  x0: number;
  x1: number;
  y: number;
  /** The bar ends at the deadline without a reply. */
  isSilent: boolean;
}

export interface TimeMark {
  x: number;
  label: string;
  kind: 'call' | 'phase' | 'answer' | 'deadline';
}

export interface QuorumDiagramLayout {
  frame: Frame;
  /** Row order: node ids, the coordinator first. */
  rows: number[];
  rowY: Map<number, number>;
  bars: ContactBar[];
  marks: TimeMark[];
  ticks: Tick[];
  barHeight: number;
  /** The time span drawn [call, last reply or deadline] and its pixel position. */
  t0: number;
  t1: number;
  xOf(t: number): number;
}

export function diagramHeight(data: QuorumDiagramData): number {
  return DIAGRAM_MARGIN.top + DIAGRAM_MARGIN.bottom + data.nodes.length * ROW_PX;
}

export function layoutQuorumDiagram(data: QuorumDiagramData, width: number): QuorumDiagramLayout {
  const height = diagramHeight(data);
  const frame = chartFrame(width, height, DIAGRAM_MARGIN);
  let t1 = Number.isFinite(data.retMs) ? data.retMs : data.deadlineMs;
  for (const c of data.contacts) t1 = Math.max(t1, Number.isFinite(c.replyMs) ? c.replyMs : c.sentMs);
  const anySilent = data.contacts.some((c) => !Number.isFinite(c.replyMs));
  if (anySilent || !Number.isFinite(data.retMs)) t1 = Math.max(t1, data.deadlineMs);
  const t0 = data.callMs;
  const x = scaleLinear().domain([t0, Math.max(t1, t0 + 1e-6)]).range([frame.left, frame.left + frame.innerWidth]);
  const rows = [...data.nodes].sort((a, b) => Number(b.isCoordinator) - Number(a.isCoordinator) || a.id - b.id).map((n) => n.id);
  const rowY = new Map(rows.map((id, k) => [id, frame.top + k * ROW_PX + ROW_PX / 2]));
  const barHeight = 10;
  const bars = data.contacts.map((c, contact): ContactBar => {
    const isSilent = !Number.isFinite(c.replyMs);
    const end = isSilent ? Math.max(data.deadlineMs, c.sentMs) : c.replyMs;
    const y = (rowY.get(c.node) ?? frame.top) + (c.phase === 0 ? -TRACK_OFFSET_PX : TRACK_OFFSET_PX);
    return { contact, x0: x(c.sentMs), x1: Math.max(x(c.sentMs) + 2, x(end)), y, isSilent };
  });
  const marks: TimeMark[] = [{ x: x(data.callMs), label: 'call', kind: 'call' }];
  const phaseStart = new Map<number, number>();
  for (const c of data.contacts) if (!phaseStart.has(c.phase) || c.sentMs < phaseStart.get(c.phase)!) phaseStart.set(c.phase, c.sentMs);
  for (const [phase, t] of [...phaseStart].sort((a, b) => a[1] - b[1] || a[0] - b[0])) {
    const same = marks.find((m) => m.kind === 'phase' && Math.abs(m.x - x(t)) < 1);
    const name = data.phaseNames[phase] ?? `phase ${phase}`;
    if (same) same.label += ` + ${name}`;
    else marks.push({ x: x(t), label: name, kind: 'phase' });
  }
  if (Number.isFinite(data.retMs)) marks.push({ x: x(data.retMs), label: data.chosen ? `answer: ${data.chosen}` : 'answer', kind: 'answer' });
  else marks.push({ x: x(data.deadlineMs), label: 'deadline', kind: 'deadline' });
  const [d0, d1] = x.domain();
  return { frame, rows, rowY, bars, marks, ticks: axisTicks(x, Math.max(2, Math.floor(frame.innerWidth / 90))), barHeight, t0: d0, t1: d1, xOf: (t) => x(t) };
}

/**
 * Label rows of the time marks above the plot: the first of two rows where the label clears the last one
 * (widths estimated from the text length), else the row whose last label ends first.
 */
export function markLabelRows(marks: readonly TimeMark[]): number[] {
  const rowRight = [-Infinity, -Infinity];
  return marks.map((m) => {
    const half = m.label.length * 3.3 + 2;
    const free = rowRight.findIndex((right) => m.x - half > right);
    const row = free >= 0 ? free : rowRight[0] <= rowRight[1] ? 0 : 1;
    rowRight[row] = m.x + half;
    return row;
  });
}

/** Nodes of the overlap row: in the read set, the write set, both, or neither. */
export interface OverlapCell {
  id: number;
  label: string;
  role: 'replica' | 'fallback';
  isRead: boolean;
  isWrite: boolean;
  cx: number;
}

export function layoutOverlap(data: OverlapData, width: number): { cells: OverlapCell[]; both: number[] } {
  const readSet = new Set(data.readSet);
  const writeSet = new Set(data.writeSet);
  const step = Math.min(72, Math.max(40, (width - 110) / Math.max(1, data.nodes.length)));
  const cells = data.nodes.map((n, k) => ({ id: n.id, label: n.label, role: n.role, isRead: readSet.has(n.id), isWrite: writeSet.has(n.id), cx: 100 + step * (k + 0.5) }));
  return { cells, both: cells.filter((c) => c.isRead && c.isWrite).map((c) => c.id) };
}
