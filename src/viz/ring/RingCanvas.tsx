/**
 * The ring on canvas, for large scenes: keys aggregated into arc bins (see bins.ts), so a frame costs the
 * same at 10^3 or 10^6 keys. Hover, or focus plus arrow keys, shows a bin's figures (the figure's cursor on
 * one circular row of bins); Enter or a click selects the bin's owner. The static part of the ring is
 * painted once into an offscreen bitmap (per layout, style, selection and lookup); an animation or hover
 * frame copies it and draws only the moving marks on top.
 */
import { useCallback, useMemo } from 'react';
import type { Cell } from '../figure/cursor';
import { Figure } from '../figure/Figure';
import { useCursor } from '../figure/useCursor';
import { useFigureSize } from '../figure/useFigureSize';
import { formatInt } from '../shared/format';
import type { VizStyle } from '../shared/palette';
import { useDevicePixelRatio } from '../shared/useCanvas';
import type { KeyBins } from './bins';
import { drawRingLargeBackground, drawRingLargeOverlay, type RingDrawExtras } from './draw';
import { ringFrame } from './geometry';
import { binAtPoint, layoutRingLarge, type RingLargeLayout } from './layoutLarge';
import type { RingViewProps } from './types';

export interface RingCanvasProps extends RingViewProps {
  bins: KeyBins;
  lookup?: RingDrawExtras['lookup'];
}

export function RingCanvas(props: RingCanvasProps) {
  const size = useFigureSize({ width: props.width, height: props.height });
  const { width, height } = size;
  const layout = useMemo(() => layoutRingLarge(props.bins, ringFrame(width, height, 24)), [props.bins, width, height]);
  const { style, tracks, progress, lookup, selectedNode, onSelectNode } = props;
  const select = (cell: Cell | null) => {
    const owner = cell ? layout.bars[cell.column].owner : -1;
    if (owner >= 0) onSelectNode?.(owner);
  };
  const cursor = useCursor({
    grid: { rows: 1, columns: layout.bars.length, isCircular: true },
    cellAt: (x, y) => ({ row: 0, column: binAtPoint(layout, x, y) }),
    onActivate: select,
    onClick: (_x, _y, cell) => select(cell),
  });
  const hoverBin = cursor.cell ? cursor.cell.column : -1;
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
  return (
    <Figure name="ring-large" size={size} style={style} label={props.label}
      plotClassName="viz-ring"
      plotProps={{ style: { width: props.width, height: props.height } }}
      svgProps={cursor.props}
      draw={draw}
      tooltip={hoverBin >= 0 ? binTip(layout, hoverBin, props) : null}
    />
  );
}

/** The figures of bin `bin`, beside its arc. */
function binTip(layout: RingLargeLayout, bin: number, props: RingCanvasProps) {
  const bar = layout.bars[bin];
  const binDegrees = 360 / Math.max(1, layout.bars.length);
  const reach = layout.rimOuter * 0.6;
  return {
    x: layout.frame.cx + Math.sin(bar.startAngle) * reach,
    y: layout.frame.cy - Math.cos(bar.startAngle) * reach,
    widthMax: 180,
    lines: [
      `${(bar.bin * binDegrees).toFixed(1)}°–${((bar.bin + 1) * binDegrees).toFixed(1)}° of the ring`,
      `${formatInt(bar.count)} keys, ${formatInt(bar.moved)} moved`,
      `owner at the middle: ${props.nodeLabels[bar.owner] ?? 'none'}`,
      `${formatInt(props.bins.vnodes[bar.bin])} vnodes in this arc`,
    ],
  };
}

/** The ring's static part at the canvas's backing resolution, in an offscreen canvas. */
function paintBackground(
  layout: RingLargeLayout,
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
