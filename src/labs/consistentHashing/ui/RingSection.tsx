/**
 * The ring, and apart from it its key (legend and caption). SVG with every vnode inspectable when the
 * ring is small, canvas with binned arcs when it is large (see select.ts: SVG_POINTS_MAX).
 */
import { useMemo } from 'react';
import { symbol } from 'd3-shape';
import { RingCanvas, RingSvg } from '../../../viz/ring';
import { formatInt, ownerColor, ownerShape, ownerShapeName, useTween, type VizStyle } from '../../../viz/shared';
import type { ConsistentHashingResult } from '../result';
import type { ConsistentHashingScenario } from '../scenario';
import {
  isSvgScene,
  liveNodes,
  selectBins,
  selectKeys,
  selectLookup,
  selectLookupSweeps,
  selectRingPoints,
  selectShownTracks,
  selectTracks,
} from './select';

const TWEEN_MS = 900;
const LEGEND_MAX = 24;

export interface RingSectionProps {
  result: ConsistentHashingResult;
  frameIndex: number;
  scenario: ConsistentHashingScenario;
  style: VizStyle;
  isReducedMotion: boolean;
  selectedNode: number;
  onSelectNode: (node: number) => void;
}

export function RingSection(props: RingSectionProps) {
  const frame = props.result.frames[props.frameIndex];
  // Only a frame that moved keys animates (the initial ring has nothing to hand over: no frames to spend).
  const progress = useTween(frame, frame.moved ? TWEEN_MS : 0, props.isReducedMotion);
  return <div className="ch-ring">{isSvgScene(frame) ? <SmallRing {...props} progress={progress} /> : <LargeRing {...props} progress={progress} />}</div>;
}

/** What the ring shows, in words, and its legend (one button per node, to select it for removal). */
export function RingKey(props: Omit<RingSectionProps, 'isReducedMotion'>) {
  const { result, frameIndex, scenario, style } = props;
  const frame = result.frames[frameIndex];
  const isSvg = isSvgScene(frame);
  const live = useMemo(() => liveNodes(frame), [frame]);
  const movedText = frame.moved ? `; ${formatInt(frame.moved.count)} keys moved at this step (highlighted)` : '';
  return (
    <div className="ch-ring-key">
      <Legend live={live} names={result.nodeNames} style={style} counts={frame.keyCounts} selected={props.selectedNode} onSelect={props.onSelectNode} scenario={scenario} />
      <p className="ch-ring-caption">
        {`${formatInt(frame.liveNodes)} nodes, ${formatInt(frame.points)} ring points, ${formatInt(result.keyCount)} keys${
          result.shownKeys.exact || !isSvg ? '' : ` (${formatInt(result.shownKeys.position.length)} drawn)`
        }${movedText}. `}
        {isSvg
          ? 'Each mark on the rim is a vnode; the coloured arc before it (counter-clockwise) is what it owns. Dots inside are keys. Tab to the ring, then use the arrow keys to visit nodes; Enter selects.'
          : 'Too many points to draw one by one: the ring is cut into 720 arcs. Grey bar height = keys in the arc; pink ticks outside the rim and pink dots = keys that moved at this step; rim colour = owner at the arc\u2019s middle. Hover or use the arrow keys for an arc\u2019s figures.'}
      </p>
    </div>
  );
}

function SmallRing(props: RingSectionProps & { progress: number }) {
  const { result, frameIndex, scenario } = props;
  const frame = result.frames[frameIndex];
  const ring = useMemo(() => selectRingPoints(result, frame, scenario), [result, frame, scenario.vnodes, scenario.seed]);
  const keys = useMemo(() => selectKeys(result, frameIndex), [result, frameIndex]);
  const tracks = useMemo(() => selectShownTracks(result, frameIndex, keys), [result, frameIndex, keys]);
  const lookup = useMemo(() => selectLookup(frame), [frame]);
  if (!ring) return null;
  return (
    <RingSvg
      ring={ring}
      keys={keys}
      lookup={lookup}
      tracks={tracks}
      progress={props.progress}
      nodeLabels={result.nodeNames}
      style={props.style}
      selectedNode={props.selectedNode}
      onSelectNode={props.onSelectNode}
      label={`Hash ring at step ${frame.t}: ${frame.liveNodes} nodes with ${frame.points} vnodes`}
    />
  );
}

function LargeRing(props: RingSectionProps & { progress: number }) {
  const { result, frameIndex } = props;
  const frame = result.frames[frameIndex];
  const bins = useMemo(() => selectBins(result, frame), [result, frame]);
  const tracks = useMemo(() => selectTracks(result, frameIndex), [result, frameIndex]);
  const lookup = useMemo(() => selectLookupSweeps(frame), [frame]);
  return (
    <RingCanvas
      bins={bins}
      tracks={tracks}
      progress={props.progress}
      lookup={lookup}
      nodeLabels={result.nodeNames}
      style={props.style}
      selectedNode={props.selectedNode}
      onSelectNode={props.onSelectNode}
      label={`Hash ring at step ${frame.t}, aggregated into ${bins.binCount} arcs: ${frame.liveNodes} nodes, ${frame.points} ring points, ${result.keyCount} keys, ${bins.movedTotal} moved at this step`}
    />
  );
}

function Legend(props: {
  live: readonly number[];
  names: readonly string[];
  style: VizStyle;
  counts: Uint32Array;
  selected: number;
  onSelect: (node: number) => void;
  scenario: ConsistentHashingScenario;
}) {
  const { live, names, style } = props;
  if (live.length > LEGEND_MAX) {
    return (
      <p className="ch-legend-note">
        {`${formatInt(live.length)} nodes: colours repeat every 10 nodes and marker shapes every 50, so pick a node by hovering the ring or from the load chart.`}
      </p>
    );
  }
  return (
    <ul className="ch-legend" aria-label="Nodes (select one to remove it)">
      {live.map((node) => (
        <li key={node}>
          <button
            type="button"
            className="ch-legend-item"
            aria-pressed={node === props.selected}
            onClick={() => props.onSelect(node === props.selected ? -1 : node)}
            title={`${names[node]}: ${ownerShapeName(node)} marker, ${formatInt(props.counts[node])} keys`}
          >
            <svg width={14} height={14} aria-hidden="true">
              <path d={symbol(ownerShape(node), 70)() ?? ''} transform="translate(7,7)" fill={ownerColor(style, node)} />
            </svg>
            <span>{names[node]}</span>
            <span className="ch-legend-count">{formatInt(props.counts[node])}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
