/**
 * The heatmap's sequential colour scale, per theme: low values blend into the background, high values
 * stand out (dark on light, bright on dark), so "hotter" reads the same in both themes. Lightness changes
 * monotonically along the ramp, so it also reads in greyscale. Colour is never the only cue: the legend
 * has numbers, hover and focus show the value, and a table lists the hottest rows.
 */
import { scaleLinear } from 'd3-scale';
import type { VizStyle } from '../shared/palette';
import { LEVELS } from './layout';

const rampLight = ['#f3f1ea', '#fde3a7', '#f7a35c', '#d9480f', '#8f1d0b', '#3d0a05'];
const rampDark = ['#1d2128', '#3b2d4f', '#7a3b7a', '#d2555a', '#f79b4b', '#fff1a8'];

export function heatRamp(style: VizStyle): readonly string[] {
  return style.theme === 'dark' ? rampDark : rampLight;
}

const scales = new Map<string, (level: number) => string>();

/** The CSS colour of level 0..LEVELS-1 (one interpolating scale per theme, built once). */
export function heatColor(style: VizStyle, level: number): string {
  let scale = scales.get(style.theme);
  if (!scale) {
    const ramp = heatRamp(style);
    scale = scaleLinear<string>()
      .domain(ramp.map((_, i) => (i / (ramp.length - 1)) * (LEVELS - 1)))
      .range(ramp as string[])
      .clamp(true);
    scales.set(style.theme, scale);
  }
  return scale(level);
}

const lutCache = new Map<string, Uint8ClampedArray>();

/** RGBA per level (LEVELS entries of 4 bytes, then one transparent entry for "no value"), cached per theme. */
export function heatLut(style: VizStyle): Uint8ClampedArray {
  const cached = lutCache.get(style.theme);
  if (cached) return cached;
  const lut = new Uint8ClampedArray((LEVELS + 1) * 4);
  for (let level = 0; level < LEVELS; level++) {
    const [r, g, b] = parseRgb(heatColor(style, level));
    lut.set([r, g, b, 255], level * 4);
  }
  lutCache.set(style.theme, lut);
  return lut;
}

function parseRgb(color: string): [number, number, number] {
  const match = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const v = parseInt(hex[1], 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  return [128, 128, 128];
}
