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
  // Cells with no value are transparent in the image and show a hatch underneath, so "down" reads as a
  // texture, not as one more shade that could be mistaken for "cold".
  ctx.fillStyle = hatch(ctx, style) ?? style.grid;
  ctx.fillRect(frame.left, frame.top, frame.innerWidth, frame.innerHeight);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, columns, rows, layout.columnX[0], frame.top, layout.columnX[columns] - layout.columnX[0], frame.innerHeight);
}

const hatches = new Map<string, CanvasPattern | null>();

/** A 6 px diagonal hatch in the muted colour over the grid colour, cached per theme. */
function hatch(ctx: CanvasRenderingContext2D, style: VizStyle): CanvasPattern | null {
  if (hatches.has(style.theme)) return hatches.get(style.theme) ?? null;
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.fillStyle = style.grid;
  t.fillRect(0, 0, 6, 6);
  t.strokeStyle = style.muted;
  t.lineWidth = 1;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  hatches.set(style.theme, pattern);
  return pattern;
}
