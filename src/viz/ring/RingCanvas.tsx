/**
 * The ring on canvas, for large scenes: keys aggregated into arc bins (see bins.ts), so a frame costs the
 * same at 10^3 or 10^6 keys. Hover, or focus plus arrow keys, shows a bin's figures; Enter selects the
 * bin's owner. The static part of the ring is painted once into an offscreen bitmap (per layout, style,
 * selection and lookup); an animation or hover frame copies it and draws only the moving marks on top.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatInt } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { useCanvas, useDevicePixelRatio } from '../shared/useCanvas';
import { useObservedSize } from '../shared/useObservedSize';
import type { KeyBins } from './bins';
import { drawRingLargeBackground, drawRingLargeOverlay, type RingDrawExtras } from './draw';
import { ringFrame } from './geometry';
import { binAtPoint, layoutRingLarge } from './layoutLarge';
import type { MoveTrack } from './types';

export interface RingCanvasProps {
  bins: KeyBins;
  /** Sampled moved keys and the tween progress in [0, 1]. */
  tracks?: readonly MoveTrack[];
  progress?: number;
  lookup?: RingDrawExtras['lookup'];
  /** Node names by owner index; rendered as text only. */
  nodeLabels: readonly string[];
  style: VizStyle;
  selectedNode?: number;
  onSelectNode?: (owner: number) => void;
  /** Accessible name; the canvas is role="img", so say what it shows. */
  label: string;
  width?: number;
  height?: number;
}

export function RingCanvas(props: RingCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const measured = useObservedSize(box);
  const width = props.width ?? measured.width;
  const height = props.height ?? measured.height;
  const [hoverBin, setHoverBin] = useState(-1);
  const layout = useMemo(() => layoutRingLarge(props.bins, ringFrame(width, height, 24)), [props.bins, width, height]);
  const { style, tracks, progress, lookup, selectedNode } = props;
  const dpr = useDevicePixelRatio();
  // The background bitmap, made on first use by the draw below (inside an animation frame), then reused.
  const background = useMemo(() => ({ bitmap: null as HTMLCanvasElement | null }), [layout, style, lookup, selectedNode, dpr]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      if (!background.bitmap) background.bitmap = paintBackground(layout, style, { lookup, selectedNode }, width, height, dpr);
      if (background.bitmap) ctx.drawImage(background.bitmap, 0, 0, width, height);
      drawRingLargeOverlay(ctx, layout, style, { tracks, progress, hoverBin });
    },
    [background, layout, style, lookup, selectedNode, width, height, dpr, tracks, progress, hoverBin],
  );
  useCanvas(canvas, width, height, draw);

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setHoverBin(binAtPoint(layout, event.clientX - rect.left, event.clientY - rect.top));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const n = layout.bars.length;
    if (n === 0) return;
    const at = hoverBin < 0 ? 0 : hoverBin;
    const stepBins = event.shiftKey ? 10 : 1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') setHoverBin((at + stepBins) % n);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') setHoverBin((at - stepBins + n) % n);
    else if ((event.key === 'Enter' || event.key === ' ') && hoverBin >= 0) props.onSelectNode?.(layout.bars[hoverBin].owner);
    else return;
    event.preventDefault();
  };

  const bar = hoverBin >= 0 ? layout.bars[hoverBin] : null;
  const binDegrees = 360 / Math.max(1, layout.bars.length);
  return (
    <div ref={box} className="viz-ring" style={{ width: props.width, height: props.height }}>
      <canvas
        ref={canvas}
        style={{ width, height, display: 'block' }}
        role="img"
        aria-label={props.label}
        tabIndex={0}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHoverBin(-1)}
        onBlur={() => setHoverBin(-1)}
        onKeyDown={onKeyDown}
        onClick={() => {
          if (bar && bar.owner >= 0) props.onSelectNode?.(bar.owner);
        }}
      />
      {bar && (
        <div
          className="viz-tooltip"
          role="status"
          style={{ left: Math.min(width - 180, Math.max(0, layout.frame.cx + Math.sin(bar.startAngle) * layout.rimOuter * 0.6)), top: layout.frame.cy - Math.cos(bar.startAngle) * layout.rimOuter * 0.6 }}
        >
          <div>{`${(bar.bin * binDegrees).toFixed(1)}°–${((bar.bin + 1) * binDegrees).toFixed(1)}° of the ring`}</div>
          <div>{`${formatInt(bar.count)} keys, ${formatInt(bar.moved)} moved`}</div>
          <div>{`owner at the middle: ${props.nodeLabels[bar.owner] ?? 'none'}`}</div>
          <div>{`${formatInt(props.bins.vnodes[bar.bin])} vnodes in this arc`}</div>
        </div>
      )}
    </div>
  );
}


/** The ring's static part at the canvas's backing resolution, in an offscreen canvas. */
function paintBackground(
  layout: Parameters<typeof drawRingLargeBackground>[1],
  style: VizStyle,
  extras: Pick<RingDrawExtras, 'lookup' | 'selectedNode'>,
  width: number,
  height: number,
  dpr: number,
): HTMLCanvasElement | null {
  const bitmap = document.createElement('canvas');
  bitmap.width = Math.max(1, Math.round(width * dpr));
  bitmap.height = Math.max(1, Math.round(height * dpr));
  const ctx = bitmap.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawRingLargeBackground(ctx, layout, style, extras);
  return bitmap;
}
