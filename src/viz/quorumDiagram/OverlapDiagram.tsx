/**
 * W + R > N as the overlap of two sets, over the node row: the write set (acks that counted for a write)
 * marked above the nodes, the read set (replies that counted for a later read) below, and the nodes in
 * both filled and ringed. The sentence under it (from the lab's selector) says why the sets meet or not.
 */
import { useMemo } from 'react';
import { Figure } from '../figure/Figure';
import { useFigureSize } from '../figure/useFigureSize';
import type { VizStyle } from '../shared/palette';
import { phaseColor } from './colors';
import { layoutOverlap, type OverlapCell } from './layout';
import type { OverlapData } from './types';

/** The box scrolls sideways on narrow screens: focusable, so the keyboard can scroll it too. */
const SCROLLS_SIDEWAYS = { tabIndex: 0 } as const;

export interface OverlapDiagramProps {
  data: OverlapData;
  style: VizStyle;
  /** Why the sets meet or not, in a sentence (drawn as text under the row). */
  explanation: string;
}

const HEIGHT = 104;

export function OverlapDiagram({ data, style, explanation }: OverlapDiagramProps) {
  const size = useFigureSize({ height: HEIGHT, widthMin: 320 });
  const { cells, both } = useMemo(() => layoutOverlap(data, size.width), [data, size.width]);
  const names = (nodes: readonly number[]) => nodes.map((n) => `n${n}`).join(', ') || 'none';
  const label = `Write set of ${data.writeName}: ${names(data.writeSet)}. Read set of ${data.readName}: ${names(data.readSet)}. In both: ${names(both)}.`;
  return (
    <Figure name="overlap" size={size} style={style} label={label} plotClassName="viz-quorum-box" plotProps={SCROLLS_SIDEWAYS} footer={<p>{explanation}</p>}>
      <text x={8} y={20} dy="0.32em" fontSize={12} fill={style.foreground}>write set</text>
      <text x={8} y={52} dy="0.32em" fontSize={12} fill={style.muted}>nodes</text>
      <text x={8} y={84} dy="0.32em" fontSize={12} fill={style.foreground}>read set</text>
      {cells.map((c) => (
        <OverlapNode key={c.id} cell={c} style={style} />
      ))}
    </Figure>
  );
}

function OverlapNode({ cell: c, style }: { cell: OverlapCell; style: VizStyle }) {
  const isBoth = c.isRead && c.isWrite;
  return (
    <g data-node={c.id} data-in={isBoth ? 'both' : c.isWrite ? 'write' : c.isRead ? 'read' : 'none'}>
      {isBoth && <line x1={c.cx} x2={c.cx} y1={20} y2={84} stroke={style.accent} strokeWidth={3} />}
      {c.isWrite && <SetBadge cx={c.cx} y={12} letter="W" fill={phaseColor(style, 1)} text={style.background} />}
      <circle cx={c.cx} cy={52} r={13} fill={isBoth ? style.accent : style.background} stroke={isBoth ? style.accent : style.muted} strokeWidth={isBoth ? 3 : 1.5} strokeDasharray={c.role === 'fallback' ? '3 2' : undefined} />
      <text x={c.cx} y={52} dy="0.32em" textAnchor="middle" fontSize={11} fontWeight={isBoth ? 700 : 400} fill={isBoth ? style.background : style.foreground}>{c.label}</text>
      {c.isRead && <SetBadge cx={c.cx} y={76} letter="R" fill={phaseColor(style, 0)} text={style.background} />}
    </g>
  );
}

/** The W or R pill of a node in the write or read set. */
function SetBadge(props: { cx: number; y: number; letter: string; fill: string; text: string }) {
  return (
    <>
      <rect x={props.cx - 13} y={props.y} width={26} height={16} rx={8} fill={props.fill} />
      <text x={props.cx} y={props.y + 8} dy="0.32em" textAnchor="middle" fontSize={11} fontWeight={700} fill={props.text}>{props.letter}</text>
    </>
  );
}
