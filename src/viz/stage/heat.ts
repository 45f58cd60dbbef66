/**
 * The stage's heat colours: HEAT_LEVELS steps of the heatmap's ramp (src/viz/heatmap/colors.ts), so a hot
 * card and a hot heatmap cell share a colour. A card gets the level's colour as its border and a tint (the
 * colour mixed into the background, light enough for its text to keep its contrast); a glyph is filled
 * with the colour. Level 0 is no heat: the card keeps its own border.
 */
import { heatColor } from '../heatmap/colors';
import { LEVELS } from '../heatmap/layout';
import type { VizStyle } from '../shared/palette';
import { mixHex } from './drawStatic';
import { HEAT_LEVELS } from './types';

export interface HeatPaint {
  /** Border of a card, fill of a glyph. */
  color: string;
  /** A card's background. */
  tint: string;
}

const cache = new Map<string, HeatPaint[]>();

/** The paint of heat level 0..HEAT_LEVELS-1 in this theme. */
export function heatPaint(style: VizStyle, level: number): HeatPaint {
  let paints = cache.get(style.theme);
  if (!paints) {
    paints = Array.from({ length: HEAT_LEVELS }, (_, k) => {
      const color = toHex(heatColor(style, Math.round((k * (LEVELS - 1)) / (HEAT_LEVELS - 1))));
      return { color, tint: mixHex(color, style.background, 0.82) };
    });
    cache.set(style.theme, paints);
  }
  return paints[Math.max(0, Math.min(HEAT_LEVELS - 1, level))];
}

/** 'rgb(r, g, b)' or '#rrggbb' as '#rrggbb'. */
function toHex(color: string): string {
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  if (!rgb) return color;
  return `#${[rgb[1], rgb[2], rgb[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}
