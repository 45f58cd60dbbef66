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
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StageData } from '../../core/stage/types';
import type { VizStyle } from '../shared/palette';
import { useDevicePixelRatio } from '../shared/useCanvas';
import { useObservedSize } from '../shared/useObservedSize';
import { fieldIndex } from './cards';
import { drawDynamic, drawGlyphs, glyphSignature } from './drawDynamic';
import { drawStatic } from './drawStatic';
import { stageGeometry } from './geometry';
import { createFrame, layoutAt } from './layoutAt';
import { OverlayRefs } from './overlay';
import { PartitionDialog } from './PartitionDialog';
import { StageMenu } from './StageMenu';
import { StageNodes } from './StageNodes';
import { chooseTier } from './tier';
import type { CardSpec, PlayheadSource, StageAction, StageEvent } from './types';
import { useDragPartition } from './useDragPartition';
import { useStageMenus } from './useStageMenus';
import { canvasContext, useStageLoop } from './useStageLoop';
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
  /** Clock menu step in the lab's unit (default 10). */
  clockStep?: number;
}

const LINK_OR_CUT: readonly StageAction[] = ['partition', 'heal', 'cut', 'healLink', 'slow', 'lossy'];

export function Stage(props: StageProps) {
  const { data, playhead, style, cardSpec, actions = [], onEvent, reducedMotion = false } = props;
  const n = data.nodeNames.length;
  const plan = useMemo(() => chooseTier(n, data.peakInFlight), [n, data.peakInFlight]);
  const rootRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const dynamicRef = useRef<HTMLCanvasElement>(null);
  const glyphRef = useRef<HTMLCanvasElement>(null);
  const lineRef = useRef<SVGLineElement>(null);
  const size = useObservedSize(boxRef);
  const dpr = useDevicePixelRatio();
  const { regions, positions } = props;
  const geometry = useMemo(
    () => stageGeometry({ width: size.width, height: size.height, nodeCount: n, tier: plan.tier, clientHome: data.clients.home, regions, positions, card: cardSize(n, cardSpec, data.clocks.start.length > 0) }),
    [size.width, size.height, n, plan.tier, data.clients.home, data.clocks, regions, positions, cardSpec],
  );
  const frame = useMemo(() => createFrame(data, geometry), [data, geometry]);
  const refs = useMemo(() => new OverlayRefs(), []);
  const indices = useMemo(() => cardSpec?.fields.map((f) => fieldIndex(data, f.field)) ?? [], [data, cardSpec]);
  const extra = useMemo(() => ({ role: cardSpec?.role ? fieldIndex(data, cardSpec.role) : -1, deadline: cardSpec?.deadline ? fieldIndex(data, cardSpec.deadline.field) : -1 }), [data, cardSpec]);
  const drawnEpoch = useRef(-1);
  const drawnGlyphs = useRef<number | undefined>(undefined);
  const options = useMemo(() => ({ sampleEvery: plan.sampleEvery, reducedMotion, bundles: plan.tier === 'aggregate' }), [plan, reducedMotion]);

  const draw = useCallback((t: number) => {
    layoutAt(data, geometry, t, frame, options);
    if (frame.epoch !== drawnEpoch.current) {
      const ctx = canvasContext(staticRef.current, size.width, size.height, dpr);
      if (ctx) {
        ctx.clearRect(0, 0, size.width, size.height);
        drawStatic(ctx, data, geometry, frame.epoch, style, plan.tier);
        drawnEpoch.current = frame.epoch;
      }
    }
    if (plan.tier !== 'cards') {
      const signature = glyphSignature(data, frame, extra.role);
      const glyphs = signature === drawnGlyphs.current ? null : canvasContext(glyphRef.current, size.width, size.height, dpr);
      if (glyphs) {
        glyphs.clearRect(0, 0, size.width, size.height);
        drawGlyphs(glyphs, data, geometry, frame, style, extra.role);
        drawnGlyphs.current = signature;
      }
    }
    const ctx = canvasContext(dynamicRef.current, size.width, size.height, dpr);
    if (ctx) {
      ctx.clearRect(0, 0, size.width, size.height);
      drawDynamic(ctx, data, geometry, frame, style, { tier: plan.tier, reducedMotion });
    }
    refs.update(data, frame, cardSpec, indices, extra);
    const root = rootRef.current;
    if (root) {
      root.dataset.t = String(t);
      root.dataset.dots = String(frame.dotCount);
    }
  }, [data, geometry, frame, options, size, dpr, style, plan.tier, extra, reducedMotion, refs, cardSpec, indices]);

  const frameNow = useCallback(() => layoutAt(data, geometry, playhead.get(), frame, options), [data, geometry, playhead, frame, options]);
  const menus = useStageMenus({ data, geometry, frameNow, refs, actions, clockStep: props.clockStep, onEvent });
  const drag = useDragPartition({ data, geometry, canPartition: actions.includes('partition'), now: () => playhead.get(), line: lineRef, onEvent, onLinkClick: menus.openLink });
  const [dialogOpen, setDialogOpen] = useState(false);
  const dialogButton = useRef<HTMLButtonElement>(null);

  // A new result, size, theme or overlay: everything is drawn afresh (static layer and every card text).
  useLayoutEffect(() => {
    drawnEpoch.current = -1;
    drawnGlyphs.current = undefined;
    refs.invalidate(n, data.fields.names.length);
    draw(playhead.get());
  }, [draw, menus.focused, refs, n, data, playhead]);
  useStageLoop(playhead, draw);

  const hasToolbar = actions.some((a) => LINK_OR_CUT.includes(a));
  return (
    <div ref={rootRef} className="stage" data-stage="" data-tier={plan.tier} role="group" aria-label={props.label}>
      {hasToolbar && (
        <div className="stage-toolbar">
          <button ref={dialogButton} type="button" aria-haspopup="dialog" aria-expanded={dialogOpen} onClick={() => setDialogOpen((o) => !o)}>
            Partition and links…
          </button>
          <span className="stage-hint">{actions.includes('partition') ? 'Drag across the stage to cut it in two; click a node or a link for its faults.' : 'Click a node or a link for its faults.'}</span>
        </div>
      )}
      <div ref={boxRef} className="stage-box" style={{ height: props.height ?? defaultHeight(plan.tier) }}>
        <canvas ref={staticRef} className="stage-canvas" aria-hidden="true" />
        {plan.tier !== 'cards' && <canvas ref={glyphRef} className="stage-canvas" aria-hidden="true" />}
        <canvas ref={dynamicRef} className="stage-canvas" aria-hidden="true" />
        <div className="stage-overlay" {...drag}>
          <svg className="stage-drag" aria-hidden="true">
            <line ref={lineRef} style={{ visibility: 'hidden' }} />
          </svg>
          <StageNodes
            data={data} geometry={geometry} tier={plan.tier} spec={cardSpec} refs={refs} focused={menus.focused}
            hasClientMenu={actions.includes('request')} onNodeKeyDown={menus.onNodeKeyDown} onNodeClick={menus.onNodeClick}
            onNodeFocus={menus.setFocused} onClientClick={menus.onClientClick}
          />
        </div>
        {menus.menu && <StageMenu {...menus.menu} onChoose={menus.choose} onClose={menus.close} />}
      </div>
      {dialogOpen && (
        <PartitionDialog data={data} actions={actions} now={() => playhead.get()} onEvent={(e) => onEvent?.(e)} onClose={() => { setDialogOpen(false); dialogButton.current?.focus(); }} />
      )}
    </div>
  );
}

function defaultHeight(tier: string): number {
  return tier === 'cards' ? 400 : tier === 'glyphs' ? 380 : 480;
}

/** Card size: wide enough for "term 12" and a role letter, one line per field (+ clock when skewed, deadline). */
export function cardSize(n: number, spec: CardSpec | undefined, hasClocks: boolean): { width: number; height: number } {
  const lines = 1 + (spec?.fields.length ?? 0) + (hasClocks ? 1 : 0);
  const width = n <= 6 ? 124 : n <= 12 ? 104 : 84;
  return { width, height: 10 + lines * 15 + (spec?.deadline ? 5 : 0) };
}
