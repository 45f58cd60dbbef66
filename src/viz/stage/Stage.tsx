/**
 * The stage: nodes, clients and links of a run, messages in flight at the playhead, faults by direct
 * manipulation. One box, three layers (stage.md section 2):
 *
 *   static canvas   partition hulls, links (dashed + cut mark when blocked): redrawn per epoch, size, theme
 *   glyph canvas    node glyphs at scale: redrawn when a node's status or role changes
 *   dynamic canvas  dots, bundles: redrawn per playhead change in one animation frame
 *   DOM overlay     node cards / targets (`data-node`), clients, menus, the drag line
 *
 * The playhead is read transiently (`playhead.subscribe`): playing costs layoutAt + canvas + a few text
 * writes per frame, no React render. The root carries `data-stage`, `data-t` (the t drawn) and `data-dots`
 * (dots drawn) for tests. Menus and gestures hand plain events to `onEvent`; the lab decides what it
 * supports (`actions`) and the app inserts them at the playhead.
 */
import { createRef, useCallback, useMemo, useRef, useState } from 'react';
import type { StageData } from '../../core/stage/types';
import type { VizStyle } from '../shared/palette';
import { useDevicePixelRatio } from '../shared/useCanvas';
import { useObservedSize } from '../shared/useObservedSize';
import { stageGeometry } from './geometry';
import { PartitionDialog } from './PartitionDialog';
import { StageMenu } from './StageMenu';
import { StageNodes } from './StageNodes';
import { chooseTier } from './tier';
import type { StageFrame } from './layoutAt';
import type { CardSpec, NodeAction, PlayheadSource, StageAction, StageAmounts, StageEvent } from './types';
import { useDragPartition } from './useDragPartition';
import { useStageMenus } from './useStageMenus';
import { useStageDraw } from './useStageDraw';
import { useStageLoop } from './useStageLoop';
import './stage.css';

export interface StageProps {
  data: StageData;
  playhead: PlayheadSource;
  style: VizStyle;
  /** The stage's accessible name ("Replicas and messages at the playhead"). */
  label: string;
  cardSpec?: CardSpec;
  /** What the menus and gestures offer (default: nothing, a read-only stage). */
  actions?: readonly StageAction[];
  onEvent?: (event: StageEvent) => void;
  /** No gliding: dropped dots become crosses at once. */
  reducedMotion?: boolean;
  /** Box height in CSS px (default by tier: 400 cards, 380 glyphs, 480 aggregate). */
  height?: number;
  /** A region per node: one ring per region. */
  regions?: ArrayLike<number>;
  /** The lab's own layout: positions in [0, 1] x [0, 1]. */
  positions?: { x: ArrayLike<number>; y: ArrayLike<number> };
  /** Amounts the clock and link items insert (clock step, extra delay, loss), in the lab's unit. */
  amounts?: StageAmounts;
  /**
   * Nodes to ring (a lesson step names them: 'n3'; cards and targets carry `data-highlight`, glyphs at
   * scale a dashed ring); say so in `label` too, for assistive technology.
   */
  highlighted?: readonly string[];
  /** The lab's own node actions, offered after the faults (only with onEvent and a non-empty `actions`). */
  nodeActions?: readonly NodeAction[];
  /** Nodes that offer no menu (a client pool drawn as a node): focusable and named, but inert. */
  inertNodes?: readonly number[];
}

const LINK_OR_CUT: readonly StageAction[] = ['partition', 'heal', 'cut', 'healLink', 'slow', 'lossy', 'duplicating'];

export function Stage(props: StageProps) {
  const { data, playhead, style, cardSpec, actions = [], onEvent, reducedMotion = false, regions, positions, inertNodes } = props;
  const isInert = useCallback((node: number) => inertNodes?.includes(node) ?? false, [inertNodes]);
  const marked = useMemo(() => highlightSet(data.nodeNames, props.highlighted), [data.nodeNames, props.highlighted]);
  const n = data.nodeNames.length;
  const plan = useMemo(() => chooseTier(n, data.peakInFlight), [n, data.peakInFlight]);
  const boxRef = useRef<HTMLDivElement>(null);
  const lineRef = useRef<SVGLineElement>(null);
  const layers = useMemo(() => ({ root: createRef<HTMLDivElement>(), staticCanvas: createRef<HTMLCanvasElement>(), glyphCanvas: createRef<HTMLCanvasElement>(), dynamicCanvas: createRef<HTMLCanvasElement>() }), []);
  const size = useObservedSize(boxRef);
  const dpr = useDevicePixelRatio();
  const geometry = useMemo(
    () => stageGeometry({ width: size.width, height: size.height, nodeCount: n, tier: plan.tier, clientHome: data.clients.home, regions, positions, card: cardSize(n, cardSpec, data.clocks.start.length > 0, size.width) }),
    [size.width, size.height, n, plan.tier, data.clients.home, data.clocks, regions, positions, cardSpec],
  );
  const view = useStageDraw({ data, geometry, plan, style, cardSpec, reducedMotion, dpr, highlighted: marked }, layers);
  const frameNow = useCallback(() => view.layoutNow(playhead.get()), [view, playhead]);
  const menus = useStageMenus({ data, geometry, frameNow, refs: view.refs, actions, amounts: props.amounts, nodeActions: actions.length > 0 ? props.nodeActions : undefined, onEvent, isInert });
  const drag = useDragPartition({ data, geometry, canPartition: actions.includes('partition'), now: () => playhead.get(), line: lineRef, onEvent, onLinkClick: menus.openLink, onNodeClick: menus.openNodeAt });

  // A new result, size, theme or overlay: everything is drawn afresh (static layer and every card text).
  useStageLoop(playhead, view.draw, view.invalidate, menus.focused, view.prepare);

  return (
    <div ref={layers.root} className="stage" data-stage="" data-tier={plan.tier} role="group" aria-label={props.label}>
      <StageToolbar data={data} actions={actions} amounts={props.amounts} frameNow={frameNow} onEvent={onEvent} />
      <div ref={boxRef} className="stage-box" style={{ height: props.height ?? defaultHeight(plan.tier) }}>
        <canvas ref={layers.staticCanvas} className="stage-canvas" aria-hidden="true" />
        {plan.tier !== 'cards' && <canvas ref={layers.glyphCanvas} className="stage-canvas" aria-hidden="true" />}
        <canvas ref={layers.dynamicCanvas} className="stage-canvas" aria-hidden="true" />
        <div className="stage-overlay" {...drag}>
          <svg className="stage-drag" aria-hidden="true">
            <line ref={lineRef} style={{ visibility: 'hidden' }} />
          </svg>
          <StageNodes
            data={data} geometry={geometry} tier={plan.tier} spec={cardSpec} refs={view.refs} focused={menus.focused} highlighted={props.highlighted}
            hasClientMenu={actions.includes('request')} isInert={isInert} onNodeKeyDown={menus.onNodeKeyDown} onNodeClick={menus.onNodeClick}
            onNodeFocus={menus.setFocused} onClientClick={menus.onClientClick}
          />
        </div>
        {menus.menu && <StageMenu {...menus.menu} onChoose={menus.choose} onClose={menus.close} />}
      </div>
    </div>
  );
}

/** The Partition dialog's button (the keyboard twin of dragging) and a hint, when the lab offers cuts. */
function StageToolbar(p: { data: StageData; actions: readonly StageAction[]; amounts?: StageAmounts; frameNow(): StageFrame; onEvent: ((e: StageEvent) => void) | undefined }) {
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!p.actions.some((a) => LINK_OR_CUT.includes(a))) return null;
  return (
    <>
      <div className="stage-toolbar">
        <button ref={button} type="button" aria-haspopup="dialog" aria-expanded={isOpen} onClick={() => setOpen((o) => !o)}>
          Partition and links…
        </button>
        <span className="stage-hint">{p.actions.includes('partition') ? 'Drag across the stage to cut it in two; click a node or a link for its faults.' : 'Click a node or a link for its faults.'}</span>
      </div>
      {isOpen && (
        <PartitionDialog
          data={p.data} frame={p.frameNow()} actions={p.actions} amounts={p.amounts} now={() => p.frameNow().t}
          onEvent={(e) => p.onEvent?.(e)} onClose={() => { setOpen(false); button.current?.focus(); }}
        />
      )}
    </>
  );
}

/** 1 for each node whose name is in `names`, or null when none is. */
function highlightSet(nodeNames: readonly string[], names: readonly string[] | undefined): Uint8Array | null {
  if (!names || names.length === 0) return null;
  const set = new Uint8Array(nodeNames.length);
  let any = false;
  nodeNames.forEach((name, i) => {
    if (names.includes(name)) set[i] = 1, (any = true);
  });
  return any ? set : null;
}

function defaultHeight(tier: string): number {
  return tier === 'cards' ? 400 : tier === 'glyphs' ? 380 : 480;
}

/** Card size: wide enough for "term 12" and a role letter, one line per field (+ its bar, clock when skewed, deadline); narrower on a phone-wide box. */
export function cardSize(n: number, spec: CardSpec | undefined, hasClocks: boolean, boxWidth = Infinity): { width: number; height: number } {
  const lines = 1 + (spec?.fields.length ?? 0) + (hasClocks ? 1 : 0);
  const bars = spec?.fields.filter((f) => f.bar).length ?? 0;
  const isNarrow = boxWidth < 520;
  const width = spec?.width ?? (n <= 6 ? (isNarrow ? 100 : 124) : n <= 12 ? (isNarrow ? 88 : 104) : 84);
  return { width, height: 10 + lines * 15 + bars * 6 + (spec?.deadline ? 5 : 0) };
}
