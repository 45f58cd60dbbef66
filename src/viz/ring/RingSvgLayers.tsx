/**
 * The small ring's SVG layers that do not take focus: the rim and its labels (static per ring), the keys
 * (one path per owner colour, moved keys on top) and the lookup walk. Memoized, so a tween or focus
 * change re-renders only what it touches.
 */
import { memo, useMemo } from 'react';
import { HaloText } from '../figure/HaloText';
import { ownerColor, type VizStyle } from '../shared/palette';
import { pointAt } from './geometry';
import type { KeyMark, RingSmallLayout } from './layoutSmall';

/** Rim arcs and node labels: they change only with the ring, not with the tween or focus. */
export const StaticLayer = memo(function StaticLayer(props: { layout: RingSmallLayout; style: VizStyle; nodeLabels: readonly string[] }) {
  const { layout, style } = props;
  const { frame } = layout;
  return (
    <g aria-hidden="true">
      <circle cx={frame.cx} cy={frame.cy} r={frame.radius} fill="none" stroke={style.grid} strokeWidth={frame.rimWidth} />
      <g transform={`translate(${frame.cx},${frame.cy})`}>
        {layout.segments.map((s, i) => (
          <path key={i} d={s.path} fill={ownerColor(style, s.owner)} opacity={0.85} />
        ))}
      </g>
      <circle cx={frame.cx} cy={frame.cy} r={frame.keyRadius} fill="none" stroke={style.grid} strokeDasharray="2 4" />
      <text x={frame.cx} y={frame.cy - frame.radius - frame.rimWidth / 2 - 4} textAnchor="middle" fontSize={10} fill={style.muted}>
        0
      </text>
      {layout.labels.map((l) => (
        <HaloText key={l.owner} style={style} x={l.x} y={l.y} dy="0.35em" textAnchor={l.textAnchor} fontSize={12} fontWeight={600}>
          {props.nodeLabels[l.owner] ?? `node ${l.owner}`}
        </HaloText>
      ))}
    </g>
  );
});

/** Keys: one path per owner colour; moved keys on top with the accent outline (old owner's colour, then the new one's from the tween's second half). */
export const KeyLayer = memo(function KeyLayer(props: { marks: readonly KeyMark[]; style: VizStyle; isSecondHalf: boolean }) {
  const { marks, style, isSecondHalf } = props;
  const r = 2.2;
  const byColor = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const k of marks) {
      if (k.isMoved) continue;
      const color = ownerColor(style, k.owner);
      let parts = groups.get(color);
      if (!parts) groups.set(color, (parts = []));
      parts.push(dot(k.x, k.y, r));
    }
    return [...groups].map(([color, parts]) => ({ color, d: parts.join('') }));
  }, [marks, style]);
  const moved = marks.filter((k) => k.isMoved);
  return (
    <g aria-hidden="true">
      {byColor.map((g) => (
        <path key={g.color} d={g.d} fill={g.color} />
      ))}
      {moved.map((k) => (
        <circle
          key={k.index}
          cx={k.x}
          cy={k.y}
          r={3.2}
          fill={ownerColor(style, isSecondHalf ? k.owner : k.previousOwner)}
          stroke={style.accent}
          strokeWidth={1.5}
        />
      ))}
    </g>
  );
});

function dot(x: number, y: number, r: number): string {
  return `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

export function LookupLayer(props: { layout: RingSmallLayout; style: VizStyle }) {
  const { layout, style } = props;
  const lookup = layout.lookup!;
  const { frame } = layout;
  const labelAt = pointAt(frame.cx, frame.cy, Math.max(0, frame.keyRadius - 16), lookup.keyAngle);
  return (
    <g aria-hidden="true">
      <g transform={`translate(${frame.cx},${frame.cy})`}>
        <path d={lookup.walkPath} fill={style.accent} opacity={0.45} />
        <path d={lookup.ownerPath} fill={style.accent} />
      </g>
      <line x1={frame.cx} y1={frame.cy} x2={lookup.keyX} y2={lookup.keyY} stroke={style.accent} strokeDasharray="3 3" opacity={0.5} />
      <circle cx={lookup.keyX} cy={lookup.keyY} r={5} fill={style.background} stroke={style.accent} strokeWidth={2.5} />
      <HaloText style={style} x={labelAt.x} y={labelAt.y} dy="0.35em" textAnchor="middle" fontWeight={700} fill={style.accent}>
        {layout.lookupLabel}
      </HaloText>
      {lookup.stops.map((s) => {
        // Numbered badges (1 = owner), staggered outward so neighbouring replicas stay readable.
        const vnode = layout.vnodes[s.vnode];
        const badge = pointAt(frame.cx, frame.cy, frame.radius + frame.rimWidth / 2 + 10 + (s.order % 2) * 14, vnode.angle);
        return (
          <g key={s.vnode}>
            <circle cx={s.x} cy={s.y} r={7} fill="none" stroke={style.accent} strokeWidth={2} />
            <circle cx={badge.x} cy={badge.y} r={7} fill={style.accent} />
            <text x={badge.x} y={badge.y} dy="0.35em" textAnchor="middle" fontSize={10} fontWeight={700} fill={style.background}>
              {String(s.order + 1)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

