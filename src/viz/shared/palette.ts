/**
 * A categorical palette for owners (nodes), one variant per theme. Colours repeat after ten owners, so
 * every owner also gets a marker shape (ten circles, then ten squares, ...) and a text label: colour is
 * never the only cue. Each colour keeps at least 3:1 contrast against its theme's background
 * (WCAG 1.4.11, graphics), which is why the light set is darker than the usual Tableau 10.
 */
import { symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';

export type Theme = 'light' | 'dark';

const categoricalLight = [
  '#1f6fb2', '#c85a00', '#2b8a2b', '#c9302c', '#7b5ea7',
  '#8c564b', '#b8367a', '#56646f', '#857700', '#0f7f82',
] as const;

const categoricalDark = [
  '#6cb2ec', '#ff9f4a', '#6bd06b', '#ff7b7b', '#b69cf0',
  '#d6a68f', '#f58cc1', '#aab7c4', '#e0d050', '#40d0d0',
] as const;

/** Colours the renderers use besides owners, per theme. Canvas needs resolved colours, not CSS variables. */
export interface VizStyle {
  theme: Theme;
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  /** Moved keys, the lookup path, focus: one accent that is not in the categorical set. */
  accent: string;
  accentSoft: string;
  owners: readonly string[];
}

const styles: Record<Theme, VizStyle> = {
  light: {
    theme: 'light', background: '#ffffff', foreground: '#1b1f24', muted: '#5b6470', grid: '#d9dee4',
    accent: '#e0006f', accentSoft: 'rgba(224, 0, 111, 0.18)', owners: categoricalLight,
  },
  dark: {
    theme: 'dark', background: '#14171c', foreground: '#e8ecf1', muted: '#9aa5b1', grid: '#333a44',
    accent: '#ff4fa3', accentSoft: 'rgba(255, 79, 163, 0.25)', owners: categoricalDark,
  },
};

export function vizStyle(theme: Theme = 'light'): VizStyle {
  return styles[theme] ?? styles.light;
}

/** The colour of owner `index` (negative or NaN: the muted colour, for "no owner"). */
export function ownerColor(style: VizStyle, index: number): string {
  if (!(index >= 0)) return style.muted;
  return style.owners[index % style.owners.length];
}

const shapes: readonly SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolWye];
const shapeNames = ['circle', 'square', 'triangle', 'diamond', 'wye'] as const;

/** The marker shape of owner `index`: changes every ten owners, when the colours repeat. */
export function ownerShape(index: number): SymbolType {
  const i = index >= 0 ? Math.floor(index / categoricalLight.length) % shapes.length : 0;
  return shapes[i];
}

export function ownerShapeName(index: number): string {
  const i = index >= 0 ? Math.floor(index / categoricalLight.length) % shapes.length : 0;
  return shapeNames[i];
}
