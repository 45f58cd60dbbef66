/**
 * W + R > N as the overlap of two sets, over the node row: the write set (acks that counted for a write)
 * marked above the nodes, the read set (replies that counted for a later read) below, and the nodes in
 * both filled and ringed. The sentence under it (from the lab's selector) says why the sets meet or not.
 */
import { useMemo, useRef } from 'react';
import type { VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import { phaseColor } from './colors';
import { layoutOverlap } from './layout';
import type { OverlapData } from './types';

export interface OverlapDiagramProps {
  data: OverlapData;
  style: VizStyle;
  /** Why the sets meet or not, in a sentence (drawn as text under the row). */
  explanation: string;
}

const HEIGHT = 104;

export function OverlapDiagram({ data, style, explanation }: OverlapDiagramProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(320, useObservedSize(box).width);
  const { cells, both } = useMemo(() => layoutOverlap(data, width), [data, width]);
  const label = `Write set of ${data.writeName}: ${data.writeSet.map((n) => `n${n}`).join(', ') || 'none'}. Read set of ${data.readName}: ${data.readSet.map((n) => `n${n}`).join(', ') || 'none'}. In both: ${both.map((n) => `n${n}`).join(', ') || 'none'}.`;
  const writeColor = phaseColor(style, 1);
  const readColor = phaseColor(style, 0);
  return (
    <figure className="viz-figure viz-overlap">
      <div ref={box} className="viz-quorum-box">
        <svg width={width} height={HEIGHT} role="img" aria-label={label}>
          <text x={8} y={20} dy="0.32em" fontSize={12} fill={style.foreground}>write set</text>
          <text x={8} y={52} dy="0.32em" fontSize={12} fill={style.muted}>nodes</text>
          <text x={8} y={84} dy="0.32em" fontSize={12} fill={style.foreground}>read set</text>
          {cells.map((c) => {
            const isBoth = c.isRead && c.isWrite;
            return (
              <g key={c.id} data-node={c.id} data-in={isBoth ? 'both' : c.isWrite ? 'write' : c.isRead ? 'read' : 'none'}>
                {isBoth && <line x1={c.cx} x2={c.cx} y1={20} y2={84} stroke={style.accent} strokeWidth={3} />}
                {c.isWrite && <rect x={c.cx - 13} y={12} width={26} height={16} rx={8} fill={writeColor} />}
                {c.isWrite && <text x={c.cx} y={20} dy="0.32em" textAnchor="middle" fontSize={11} fontWeight={700} fill={style.background}>W</text>}
                <circle cx={c.cx} cy={52} r={13} fill={isBoth ? style.accent : style.background} stroke={isBoth ? style.accent : style.muted} strokeWidth={isBoth ? 3 : 1.5} strokeDasharray={c.role === 'fallback' ? '3 2' : undefined} />
                <text x={c.cx} y={52} dy="0.32em" textAnchor="middle" fontSize={11} fontWeight={isBoth ? 700 : 400} fill={isBoth ? style.background : style.foreground}>{c.label}</text>
                {c.isRead && <rect x={c.cx - 13} y={76} width={26} height={16} rx={8} fill={readColor} />}
                {c.isRead && <text x={c.cx} y={84} dy="0.32em" textAnchor="middle" fontSize={11} fontWeight={700} fill={style.background}>R</text>}
              </g>
            );
          })}
        </svg>
      </div>
      <p>{explanation}</p>
    </figure>
  );
}
