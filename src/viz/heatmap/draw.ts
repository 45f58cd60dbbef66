/**
 * Paints the heatmap's cells: one image pixel per cell into a small offscreen canvas, then scaled up to the
 * plot with smoothing off. Cost: rows x columns byte writes, at most the plot's pixels.
 */
import type { VizStyle } from '../shared/palette';
import { heatLut } from './colors';
import { NO_VALUE, type HeatmapLayout } from './layout';

let scratch: HTMLCanvasElement | null = null;

export function drawHeatmap(ctx: CanvasRenderingContext2D, layout: HeatmapLayout, style: VizStyle): void {
  const rows = layout.rows.length;
  const columns = layout.columnCount;
  const { frame } = layout;
  if (rows === 0 || columns === 0) return;
  const lut = heatLut(style);
  const image = new ImageData(columns, rows);
  const data = image.data;
  for (let i = 0; i < layout.levels.length; i++) {
    const level = layout.levels[i];
    const at = level === NO_VALUE ? 255 * 4 : level * 4;
    data[i * 4] = lut[at];
    data[i * 4 + 1] = lut[at + 1];
    data[i * 4 + 2] = lut[at + 2];
    data[i * 4 + 3] = lut[at + 3];
  }
  scratch ??= document.createElement('canvas');
  scratch.width = columns;
  scratch.height = rows;
  scratch.getContext('2d')?.putImageData(image, 0, 0);
  // Cells with no value stay transparent over a hatch-free muted fill, so "down" differs from "cold".
  ctx.fillStyle = style.grid;
  ctx.fillRect(frame.left, frame.top, frame.innerWidth, frame.innerHeight);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, columns, rows, layout.columnX[0], frame.top, layout.columnX[columns] - layout.columnX[0], frame.innerHeight);
}
