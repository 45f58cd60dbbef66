/**
 * The ring in SVG, for small scenes: every vnode is a focusable, hoverable mark. One tab stop for the
 * whole diagram: arrow keys move focus between nodes (roving tabindex; the figure's cursor moves on one
 * circular row of nodes), Enter or Space selects. Keys are drawn as one path per colour (a few DOM nodes
 * whatever the key count); moved keys and their hand-over markers are the only marks that change while a
 * tween runs: the node marks are a memoized layer with stable handlers, so a tween frame re-renders only
 * what moves.
 */
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { symbol } from 'd3-shape';
import { cursorMove, isActivateKey, moveCell } from '../figure/cursor';
import { Figure } from '../figure/Figure';
import type { TooltipContent } from '../figure/Tooltip';
import { useFigureSize } from '../figure/useFigureSize';
import { formatHash, formatInt } from '../shared/format';
import { ownerColor, ownerShape, type VizStyle } from '../shared/palette';
import { ringFrame, RING_SIZE } from './geometry';
import { handoverPoint, layoutRingSmall, type RingSmallLayout, type VnodeMark } from './layoutSmall';
import { trackPositionAt } from './moves';
import { KeyLayer, LookupLayer, StaticLayer } from './RingSvgLayers';
import type { MoveTrack, RingKeys, RingLookup, RingPoints, RingViewProps } from './types';

export interface RingSvgProps extends RingViewProps {
  ring: RingPoints;
  keys?: RingKeys;
  lookup?: RingLookup | null;
}

export function RingSvg(props: RingSvgProps) {
  const size = useFigureSize({ width: props.width, height: props.height });
  const { width, height } = size;
  const { ring, keys, lookup, style } = props;
  const layout = useMemo(() => layoutRingSmall({ ring, keys, lookup, hasLabels: true }, ringFrame(width, height)), [ring, keys, lookup, width, height]);
  const owners = useMemo(() => [...new Set(layout.vnodes.map((v) => v.owner))].sort((a, b) => a - b), [layout]);
  const { activeOwner, focused, tip, onKeyDown, on } = useNodeFocus(layout, owners, props);
  const progress = props.progress ?? 1;
  return (
    <Figure size={size} style={style} label={props.label}
      plotClassName="viz-ring"
      plotProps={{ style: { width: props.width, height: props.height } }}
      svgProps={{ role: 'group', viewBox: `0 0 ${width} ${height}` }}
      tooltip={tip}
    >
      <StaticLayer layout={layout} style={style} nodeLabels={props.nodeLabels} />
      <KeyLayer marks={layout.keys} style={style} isSecondHalf={progress >= 0.5} />
      {props.tracks && progress < 1 && <Handovers layout={layout} tracks={props.tracks} progress={progress} style={style} />}
      {layout.lookup && <LookupLayer layout={layout} style={style} />}
      <NodeLayer owners={owners} layout={layout} style={style} nodeLabels={props.nodeLabels} activeOwner={activeOwner} selectedNode={props.selectedNode} focused={focused} on={on} onKeyDown={onKeyDown} />
    </Figure>
  );
}

/** The nodes' marks, one listbox option each: re-rendered when focus, selection or the layout change, not per tween frame. */
const NodeLayer = memo(function NodeLayer(props: {
  owners: readonly number[];
  layout: RingSmallLayout;
  style: VizStyle;
  nodeLabels: readonly string[];
  activeOwner: number;
  selectedNode: number | undefined;
  focused: number;
  on: NodeHandlers;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const { owners, layout, style, nodeLabels, activeOwner, selectedNode, focused, on } = props;
  return (
    <g role="listbox" aria-label="Nodes on the ring (arrow keys move, Enter selects)" onKeyDown={props.onKeyDown}>
      {owners.map((owner) => (
        <NodeMarks
          key={owner}
          owner={owner}
          layout={layout}
          style={style}
          name={nodeLabels[owner] ?? `node ${owner}`}
          isActive={owner === activeOwner}
          isSelected={owner === selectedNode}
          isFocused={owner === focused}
          on={on}
        />
      ))}
    </g>
  );
});

/**
 * Focus among the nodes (roving tabindex): the active node is the tab stop, the keys move it along the
 * ring (a circular row of the figure's cursor), Enter or Space selects it; focus or hover shows a tooltip.
 */
function useNodeFocus(layout: RingSmallLayout, owners: readonly number[], props: Pick<RingSvgProps, 'nodeLabels' | 'onSelectNode'>) {
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(-1);
  const [tip, setTip] = useState<TooltipContent | null>(null);
  const activeOwner = owners.includes(active) ? active : (owners[0] ?? -1);
  const nodeRefs = useRef(new Map<number, SVGGElement>());
  // The handlers read the latest render's values through a ref, so they stay the same functions across
  // renders (the memoized node layer skips tween frames).
  const latest = useRef({ layout, owners, activeOwner, props });
  latest.current = { layout, owners, activeOwner, props };
  const { onKeyDown, on } = useMemo(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { owners, activeOwner, props } = latest.current;
      const move = cursorMove(event.key);
      const at = owners.indexOf(activeOwner);
      const next = move ? moveCell({ rows: 1, columns: owners.length, isCircular: true }, at < 0 ? null : { row: 0, column: at }, move) : null;
      if (next) {
        const owner = owners[next.column];
        setActive(owner);
        nodeRefs.current.get(owner)?.focus();
      } else if (isActivateKey(event.key)) props.onSelectNode?.(activeOwner);
      else return;
      event.preventDefault();
    };
    const on: NodeHandlers = {
      onFocus: (owner) => {
        setFocused(owner);
        setActive(owner);
        setTip(nodeTip(latest.current.layout, owner, latest.current.props.nodeLabels));
      },
      onBlur: () => {
        setFocused(-1);
        setTip(null);
      },
      onClick: (owner) => {
        setActive(owner);
        latest.current.props.onSelectNode?.(owner);
      },
      onHover: (v) => setTip(v && vnodeTip(v, latest.current.props.nodeLabels)),
      ref: (owner, el) => void (el ? nodeRefs.current.set(owner, el) : nodeRefs.current.delete(owner)),
    };
    return { onKeyDown, on };
  }, []);
  return { activeOwner, focused, tip, onKeyDown, on };
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

interface NodeHandlers {
  onFocus: (owner: number) => void;
  onBlur: () => void;
  onClick: (owner: number) => void;
  onHover: (vnode: VnodeMark | null) => void;
  ref: (owner: number, element: SVGGElement | null) => void;
}

interface NodeMarksProps {
  owner: number;
  layout: RingSmallLayout;
  style: VizStyle;
  name: string;
  /** The roving tab stop. */
  isActive: boolean;
  isSelected: boolean;
  isFocused: boolean;
  on: NodeHandlers;
}

/** A node's vnodes as one option of the listbox: its marker shape at every vnode, larger when focused or selected. */
function NodeMarks({ owner, layout, style, name, isActive, isSelected, isFocused, on }: NodeMarksProps) {
  const marks = layout.vnodes.filter((v) => v.owner === owner);
  // Marks as large as the spacing between vnodes allows (3..10 px), so a busy rim does not become a smear.
  const spacing = layout.vnodes.length > 0 ? (2 * Math.PI * layout.frame.radius) / layout.vnodes.length : 10;
  const markArea = Math.max(3, Math.min(10, spacing * 0.9)) ** 2;
  const area = Math.round(isSelected || isFocused ? Math.max(60, markArea * 2) : markArea);
  return (
    <g
      ref={(el) => on.ref(owner, el)}
      role="option"
      aria-selected={isSelected}
      aria-label={`${name}, ${marks.length} vnodes`}
      tabIndex={isActive ? 0 : -1}
      className="viz-ring-node"
      onFocus={() => on.onFocus(owner)}
      onBlur={on.onBlur}
      onClick={() => on.onClick(owner)}
    >
      {marks.map((v) => (
        <path
          key={v.index}
          d={symbolPath(owner, area)}
          transform={`translate(${v.x},${v.y})`}
          fill={ownerColor(style, owner)}
          stroke={isFocused ? style.accent : isSelected ? style.foreground : style.background}
          strokeWidth={isFocused || isSelected ? 2 : 1}
          onPointerEnter={() => on.onHover(v)}
          onPointerLeave={() => on.onHover(null)}
        />
      ))}
    </g>
  );
}

/** Moved keys on their way from the old owner to the new one while the tween runs. */
function Handovers({ layout, tracks, progress, style }: { layout: RingSmallLayout; tracks: readonly MoveTrack[]; progress: number; style: VizStyle }) {
  return (
    <g aria-hidden="true">
      {tracks.map((track) => {
        const p = handoverPoint(layout.frame, trackPositionAt(track, progress));
        const owner = progress < 0.5 ? track.fromOwner : track.toOwner;
        return <circle key={track.key} cx={p.x} cy={p.y} r={4} fill={ownerColor(style, owner)} stroke={style.accent} strokeWidth={1.5} />;
      })}
    </g>
  );
}

/** The tooltip of a focused node: its first vnode's figures and its vnode count. */
function nodeTip(layout: RingSmallLayout, owner: number, nodeLabels: readonly string[]): TooltipContent | null {
  const first = layout.vnodes.find((v) => v.owner === owner && v.replicaIndex === 0) ?? layout.vnodes.find((v) => v.owner === owner);
  if (!first) return null;
  const count = layout.vnodes.filter((v) => v.owner === owner).length;
  return vnodeTip(first, nodeLabels, `${formatInt(count)} vnodes on the ring`);
}

function vnodeTip(v: VnodeMark, nodeLabels: readonly string[], extra?: string): TooltipContent {
  const degrees = ((v.position / RING_SIZE) * 360).toFixed(1);
  const lines = [
    nodeLabels[v.owner] ?? `node ${v.owner}`,
    `vnode ${v.replicaIndex}`,
    `position ${formatHash(v.position)} (${degrees}°)`,
  ];
  if (extra) lines.push(extra);
  return { x: v.x + 10, y: v.y + 10, lines, role: 'tooltip', widthMax: 240 };
}
