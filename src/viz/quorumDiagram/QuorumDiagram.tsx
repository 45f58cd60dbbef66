/**
 * One request's quorum as a small SVG: a row per node (the coordinator first, then the replicas, then the
 * sloppy-quorum fallbacks), time across. Each message the coordinator sent is a bar from the send to the
 * reply in the node's row, coloured by phase: filled when the reply counted toward the quorum, hollow when
 * it came after the coordinator had enough, dashed to the deadline with a cross when none came. Text at
 * each reply says what the node returned; a stale replica gets a red marker and "behind". Vertical marks:
 * the call, each phase's start, the answer (or the deadline). Props in, pixels out; the lab's table beside
 * it is the accessible twin.
 */
import { useMemo, useRef } from 'react';
import type { VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import { diagramHeight, layoutQuorumDiagram, ROW_PX } from './layout';
import { phaseColor } from './colors';
import type { QuorumDiagramData } from './types';
import './quorumDiagram.css';

export interface QuorumDiagramProps {
  data: QuorumDiagramData;
  style: VizStyle;
  /** Accessible name: what the diagram shows ("Request 12: client 2 read via n3"). */
  title: string;
}

export function QuorumDiagram({ data, style, title }: QuorumDiagramProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useObservedSize(box).width;
  const layout = useMemo(() => layoutQuorumDiagram(data, Math.max(width, 320)), [data, width]);
  const height = diagramHeight(data);
  const { frame } = layout;
  const bottom = frame.top + frame.innerHeight;
  const phasesShown = [...new Set(data.contacts.map((c) => c.phase))].sort((a, b) => a - b);
  const summary = `${title}: ${data.outcome}. ${data.contacts.filter((c) => c.isCounted).length} of ${data.contacts.length} replies counted.`;
  // Mark labels go on one of two rows above the plot: the first row where the label clears the last one
  // (widths estimated from the text length), else the row whose last label ends first.
  const rowRight = [-Infinity, -Infinity];
  return (
    <figure className="viz-figure viz-quorum">
      <ul className="viz-legend" aria-hidden="true">
        {phasesShown.map((p) => (
          <li key={p}>
            <svg width={18} height={10}><rect x={1} y={1} width={16} height={8} fill={phaseColor(style, p)} /></svg>
            {data.phaseNames[p]}
          </li>
        ))}
        <li>
          <svg width={18} height={10}><rect x={1} y={1} width={16} height={8} fill={style.muted} /></svg>
          counted
        </li>
        <li>
          <svg width={18} height={10}><rect x={1.5} y={1.5} width={15} height={7} fill="none" stroke={style.muted} /></svg>
          late (not counted)
        </li>
        <li>
          <svg width={18} height={10}><rect x={1.5} y={1.5} width={15} height={7} fill="none" stroke={style.muted} strokeDasharray="3 2" /></svg>
          no reply in time
        </li>
        <li>
          <svg width={18} height={10}><path d="M5,1L13,1L9,8Z" fill={style.owners[3]} /></svg>
          behind (stale replica)
        </li>
      </ul>
      <div ref={box} className="viz-quorum-box">
        <svg width={Math.max(width, 320)} height={height} role="img" aria-label={summary}>
          {layout.rows.map((id, k) => {
            const node = data.nodes.find((n) => n.id === id)!;
            const y = layout.rowY.get(id)!;
            return (
              <g key={id}>
                {k % 2 === 0 && <rect x={0} y={y - ROW_PX / 2} width={Math.max(width, 320)} height={ROW_PX} fill={style.grid} opacity={0.25} />}
                <text x={8} y={y} dy="0.32em" fontSize={12} fontWeight={node.isCoordinator ? 700 : 400} fill={style.foreground}>
                  {node.label}
                  <tspan fill={style.muted} fontWeight={400}>{node.isCoordinator ? ` coordinator${node.role === 'replica' ? ', replica' : ''}` : ` ${node.role}`}</tspan>
                </text>
              </g>
            );
          })}
          {layout.ticks.map((t) => (
            <text key={t.value} x={t.offset} y={bottom + 14} fontSize={11} textAnchor="middle" fill={style.muted}>
              {t.label}
            </text>
          ))}
          <text x={frame.left + frame.innerWidth / 2} y={height - 2} fontSize={11} textAnchor="middle" fill={style.foreground}>
            simulated time (ms)
          </text>
          {layout.marks.map((m, k) => {
            const half = m.label.length * 3.3 + 2;
            const free = rowRight.findIndex((right) => m.x - half > right);
            const labelRow = free >= 0 ? free : rowRight[0] <= rowRight[1] ? 0 : 1;
            rowRight[labelRow] = m.x + half;
            const strong = m.kind === 'answer' || m.kind === 'deadline';
            return (
              <g key={k} data-mark={m.kind}>
                <line x1={m.x} x2={m.x} y1={frame.top - 2} y2={bottom} stroke={strong ? style.foreground : style.muted} strokeDasharray={m.kind === 'phase' ? '2 3' : m.kind === 'deadline' ? '6 3' : undefined} />
                <text x={m.x} y={frame.top - 6 - labelRow * 12} fontSize={11} textAnchor="middle" fill={style.foreground} fontWeight={strong ? 700 : 400}>
                  {m.label}
                </text>
              </g>
            );
          })}
          {layout.bars.map((bar) => {
            const c = data.contacts[bar.contact];
            const color = phaseColor(style, c.phase);
            const top = bar.y - layout.barHeight / 2;
            const w = bar.x1 - bar.x0;
            const notes = [c.label, !bar.isSilent && !c.isCounted ? 'late' : '', c.isBehind ? 'behind' : '', c.hintFor >= 0 ? `for n${c.hintFor}` : ''].filter(Boolean).join(' · ');
            return (
              <g key={bar.contact} data-contact={bar.contact} data-counted={c.isCounted ? 1 : 0}>
                <rect
                  x={bar.x0}
                  y={top}
                  width={w}
                  height={layout.barHeight}
                  fill={c.isCounted ? color : style.background}
                  fillOpacity={c.isCounted ? 0.85 : 1}
                  stroke={color}
                  strokeWidth={1.5}
                  strokeDasharray={bar.isSilent ? '4 3' : undefined}
                />
                {bar.isSilent && <path d={`M${bar.x1 - 3},${bar.y - 3}L${bar.x1 + 3},${bar.y + 3}M${bar.x1 - 3},${bar.y + 3}L${bar.x1 + 3},${bar.y - 3}`} stroke={style.foreground} strokeWidth={1.5} />}
                {c.isBehind && <path d={`M${bar.x1 - 5},${top - 7}L${bar.x1 + 5},${top - 7}L${bar.x1},${top - 1}Z`} fill={style.owners[3]} />}
                <text x={bar.x1 + (bar.isSilent ? 7 : 4)} y={bar.y} dy="0.32em" fontSize={10} fill={style.foreground} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
                  {notes}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
