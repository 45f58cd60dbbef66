/**
 * Picking the cut: the cluster drawn on a circle, side B shaded and labelled. Click a node (or its button
 * below, the keyboard way) to move it to the other side, or drag a line across the drawing: nodes on the
 * right of the line, as drawn, go to side B. Every pick is a scenario edit (undoable, in the link).
 */
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import type { VizStyle } from '../../../viz/shared';
import { cutLine, cutText, nodeSpots, sideBFromLine, toggledSideB } from './select';

const SIZE = 220;
const RADIUS = 17;

export function CutPicker(props: {
  nodes: number;
  sideB: string;
  style: VizStyle;
  isLocked: boolean;
  onPick: (label: string, sideB: string) => void;
  /** Nodes the lesson step's text names ('n2'): ringed, and named in the drawing's label. */
  highlighted?: readonly string[];
}) {
  const { nodes, sideB, style } = props;
  const spots = useMemo(() => nodeSpots(nodes, sideB, SIZE), [nodes, sideB]);
  const cut = useMemo(() => cutLine(spots, SIZE), [spots]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x1: number; y1: number; x2: number; y2: number } | null>(null);

  const toggle = (node: number) => {
    const next = toggledSideB(nodes, sideB, node);
    if (next !== null) props.onPick(`move n${node} to side ${spots[node].side ? 'A' : 'B'}`, next);
  };
  const at = (e: PointerEvent<SVGSVGElement>) => {
    const box = svg.current!.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * SIZE, y: ((e.clientY - box.top) / box.height) * SIZE };
  };
  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    if (props.isLocked) return;
    const p = at(e);
    svg.current?.setPointerCapture?.(e.pointerId);
    setDrag({ x1: p.x, y1: p.y, x2: p.x, y2: p.y });
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const p = at(e);
    setDrag({ ...drag, x2: p.x, y2: p.y });
  };
  const onUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const p = at(e);
    setDrag(null);
    const moved = Math.hypot(p.x - drag.x1, p.y - drag.y1);
    if (moved < 4) {
      const hit = spots.find((s) => Math.hypot(s.x - p.x, s.y - p.y) <= RADIUS + 4);
      if (hit) toggle(hit.id);
      return;
    }
    const next = sideBFromLine(spots, drag.x1, drag.y1, p.x, p.y);
    if (next !== null && next !== sideB) props.onPick('cut the cluster with a line', next);
  };

  const colorB = style.accent;
  const isHighlighted = (id: number) => props.highlighted?.includes(`n${id}`) ?? false;
  const highlightText = props.highlighted?.length ? ` The lesson points at ${props.highlighted.join(', ')}.` : '';
  return (
    <div className="cap-cut">
      <svg
        ref={svg}
        className="cap-cut-svg"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`The cluster and its cut. ${cutText(nodes, sideB)}.${highlightText} Drag a line across the drawing to cut it again, or click a node to move it.`}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={() => setDrag(null)}
      >
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="transparent" stroke={style.grid} />
        {cut && !drag && <line {...cut} stroke={style.muted} strokeWidth={1.5} strokeDasharray="2 4" />}
        {spots.map((s) => (
          <g key={s.id} className="cap-node" data-highlight={isHighlighted(s.id) || undefined}>
            {isHighlighted(s.id) && <circle cx={s.x} cy={s.y} r={RADIUS + 5} fill="none" stroke={style.foreground} strokeWidth={2} />}
            <circle
              cx={s.x}
              cy={s.y}
              r={RADIUS}
              fill={s.side ? style.accentSoft : style.background}
              stroke={s.side ? colorB : style.foreground}
              strokeWidth={2}
              strokeDasharray={s.side ? '4 3' : undefined}
            />
            <text x={s.x} y={s.y - 2} textAnchor="middle" fontSize={12} fill={style.foreground}>{`n${s.id}`}</text>
            <text x={s.x} y={s.y + 11} textAnchor="middle" fontSize={10} fill={style.muted}>{s.side ? 'B' : 'A'}</text>
          </g>
        ))}
        {drag && <line x1={drag.x1} y1={drag.y1} x2={drag.x2} y2={drag.y2} stroke={colorB} strokeWidth={2} strokeDasharray="6 4" />}
      </svg>
      <fieldset className="cap-cut-buttons" disabled={props.isLocked}>
        <legend>Move a node to the other side</legend>
        {spots.map((s) => (
          <button key={s.id} type="button" aria-pressed={s.side === 1} onClick={() => toggle(s.id)}>
            {`n${s.id}: side ${s.side ? 'B' : 'A'}`}
          </button>
        ))}
      </fieldset>
      <p className="cap-note">{`${cutText(nodes, sideB)}. Pressed buttons are side B; a side cannot be left empty. Or drag a line across the drawing: the nodes on its right, as drawn, go to side B.`}</p>
    </div>
  );
}
