/**
 * The ring in SVG, for small scenes: every vnode is a focusable, hoverable mark. One tab stop for the
 * whole diagram: arrow keys move focus between nodes (roving tabindex), Enter or Space selects.
 * Keys are drawn as one path per colour (a few DOM nodes whatever the key count); moved keys and their
 * hand-over markers are the only marks that change while a tween runs.
 */
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { symbol } from 'd3-shape';
import { formatHash, formatInt } from '../shared/format';
import { ownerColor, ownerShape, type VizStyle } from '../shared/palette';
import { useObservedSize } from '../shared/useObservedSize';
import { pointAt, ringFrame, RING_SIZE } from './geometry';
import { handoverPoint, layoutRingSmall, type KeyMark, type RingSmallLayout, type VnodeMark } from './layoutSmall';
import { trackPositionAt } from './moves';
import type { MoveTrack, RingKeys, RingLookup, RingPoints } from './types';

export interface RingSvgProps {
  ring: RingPoints;
  keys?: RingKeys;
  lookup?: RingLookup | null;
  /** Moved keys' hand-overs and the tween progress in [0, 1] (1, or reduced motion: the final state). */
  tracks?: readonly MoveTrack[];
  progress?: number;
  /** Node names by owner index; rendered as text only. */
  nodeLabels: readonly string[];
  style: VizStyle;
  selectedNode?: number;
  onSelectNode?: (owner: number) => void;
  /** Accessible name of the diagram. */
  label: string;
  /** Fixed size in CSS pixels; default: the container's size. */
  width?: number;
  height?: number;
}

interface Tip {
  x: number;
  y: number;
  lines: string[];
}

export function RingSvg(props: RingSvgProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useObservedSize(box);
  const width = props.width ?? measured.width;
  const height = props.height ?? measured.height;
  const { ring, keys, lookup } = props;
  const layout = useMemo(
    () => layoutRingSmall({ ring, keys, lookup, hasLabels: true }, ringFrame(width, height)),
    [ring, keys, lookup, width, height],
  );
  const owners = useMemo(() => [...new Set(layout.vnodes.map((v) => v.owner))].sort((a, b) => a - b), [layout]);
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(-1);
  const [tip, setTip] = useState<Tip | null>(null);
  const activeOwner = owners.includes(active) ? active : (owners[0] ?? -1);
  const nodeRefs = useRef(new Map<number, SVGGElement>());

  const tipForNode = (owner: number): Tip | null => {
    const first = layout.vnodes.find((v) => v.owner === owner && v.replicaIndex === 0) ?? layout.vnodes.find((v) => v.owner === owner);
    if (!first) return null;
    const count = layout.vnodes.filter((v) => v.owner === owner).length;
    return vnodeTip(first, props.nodeLabels, `${formatInt(count)} vnodes on the ring`);
  };

  const moveFocus = (to: number) => {
    const owner = owners[(to + owners.length) % owners.length];
    setActive(owner);
    nodeRefs.current.get(owner)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = owners.indexOf(activeOwner);
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') moveFocus(at + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') moveFocus(at - 1);
    else if (event.key === 'Home') moveFocus(0);
    else if (event.key === 'End') moveFocus(owners.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') props.onSelectNode?.(activeOwner);
    else return;
    event.preventDefault();
  };

  const { frame } = layout;
  const { style } = props;
  // Marks as large as the spacing between vnodes allows (3..10 px), so a busy rim does not become a smear.
  const spacing = layout.vnodes.length > 0 ? (2 * Math.PI * frame.radius) / layout.vnodes.length : 10;
  const markSize = Math.max(3, Math.min(10, spacing * 0.9));
  const markArea = markSize * markSize;
  return (
    <div ref={box} className="viz-ring" style={{ width: props.width, height: props.height }}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={props.label}>
        <StaticLayer layout={layout} style={style} nodeLabels={props.nodeLabels} />
        <KeyLayer marks={layout.keys} style={style} progress={props.progress ?? 1} />
        {props.tracks && (props.progress ?? 1) < 1 && (
          <g aria-hidden="true">
            {props.tracks.map((track) => {
              const p = handoverPoint(frame, trackPositionAt(track, props.progress ?? 1));
              const owner = (props.progress ?? 1) < 0.5 ? track.fromOwner : track.toOwner;
              return <circle key={track.key} cx={p.x} cy={p.y} r={4} fill={ownerColor(style, owner)} stroke={style.accent} strokeWidth={1.5} />;
            })}
          </g>
        )}
        {layout.lookup && <LookupLayer layout={layout} style={style} />}
        <g role="listbox" aria-label="Nodes on the ring (arrow keys move, Enter selects)" onKeyDown={onKeyDown}>
          {owners.map((owner) => {
            const marks = layout.vnodes.filter((v) => v.owner === owner);
            const isSelected = owner === props.selectedNode;
            const isFocused = owner === focused;
            const name = props.nodeLabels[owner] ?? `node ${owner}`;
            return (
              <g
                key={owner}
                ref={(el) => {
                  if (el) nodeRefs.current.set(owner, el);
                  else nodeRefs.current.delete(owner);
                }}
                role="option"
                aria-selected={isSelected}
                aria-label={`${name}, ${marks.length} vnodes`}
                tabIndex={owner === activeOwner ? 0 : -1}
                className="viz-ring-node"
                onFocus={() => {
                  setFocused(owner);
                  setActive(owner);
                  setTip(tipForNode(owner));
                }}
                onBlur={() => {
                  setFocused(-1);
                  setTip(null);
                }}
                onClick={() => {
                  setActive(owner);
                  props.onSelectNode?.(owner);
                }}
              >
                {marks.map((v) => (
                  <path
                    key={v.index}
                    d={symbolPath(owner, Math.round(isSelected || isFocused ? Math.max(60, markArea * 2) : markArea))}
                    transform={`translate(${v.x},${v.y})`}
                    fill={ownerColor(style, owner)}
                    stroke={isFocused ? style.accent : isSelected ? style.foreground : style.background}
                    strokeWidth={isFocused || isSelected ? 2 : 1}
                    onPointerEnter={() => setTip(vnodeTip(v, props.nodeLabels))}
                    onPointerLeave={() => setTip(null)}
                  />
                ))}
              </g>
            );
          })}
        </g>
      </svg>
      {tip && (
        <div className="viz-tooltip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
          {tip.lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}

const symbols = new Map<string, string>();
function symbolPath(owner: number, area: number): string {
  const id = `${owner}:${area}`;
  let d = symbols.get(id);
  if (d === undefined) {
    d = symbol(ownerShape(owner), area)() ?? '';
    symbols.set(id, d);
  }
  return d;
}

function vnodeTip(v: VnodeMark, nodeLabels: readonly string[], extra?: string): Tip {
  const degrees = ((v.position / RING_SIZE) * 360).toFixed(1);
  const lines = [
    nodeLabels[v.owner] ?? `node ${v.owner}`,
    `vnode ${v.replicaIndex}`,
    `position ${formatHash(v.position)} (${degrees}°)`,
  ];
  if (extra) lines.push(extra);
  return { x: v.x + 10, y: v.y + 10, lines };
}

/** Rim arcs and node labels: they change only with the ring, not with the tween or focus. */
const StaticLayer = memo(function StaticLayer(props: { layout: RingSmallLayout; style: VizStyle; nodeLabels: readonly string[] }) {
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
        <text
          key={l.owner}
          x={l.x}
          y={l.y}
          dy="0.35em"
          textAnchor={l.textAnchor}
          fontSize={12}
          fontWeight={600}
          fill={style.foreground}
          paintOrder="stroke"
          stroke={style.background}
          strokeWidth={3}
        >
          {props.nodeLabels[l.owner] ?? `node ${l.owner}`}
        </text>
      ))}
    </g>
  );
});

/** Keys: one path per owner colour; moved keys on top with the accent outline (colour tweened). */
const KeyLayer = memo(function KeyLayer(props: { marks: readonly KeyMark[]; style: VizStyle; progress: number }) {
  const { marks, style, progress } = props;
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
          fill={ownerColor(style, progress < 0.5 ? k.previousOwner : k.owner)}
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

function LookupLayer(props: { layout: RingSmallLayout; style: VizStyle }) {
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
      <text x={labelAt.x} y={labelAt.y} dy="0.35em" textAnchor="middle" fontSize={11} fontWeight={700} fill={style.accent} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
        {layout.lookupLabel}
      </text>
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

