/**
 * Where the time series' text goes without overlapping: the series' end labels pushed apart vertically,
 * and the markers' labels in rows above and just inside the plot.
 */
import type { Frame } from '../shared/axis';
import type { PlacedMarker, PlacedSeries, TimeMarker } from './layout';

/** Rows of marker labels before one is left out. */
export const MARKER_ROWS = 3;
/** Approximate width of one label character at 11px (labels are short: "crash n3", "salt ×8"). */
const CHAR_PX = 6.6;
const LABEL_GAP_PX = 12;

/**
 * End labels pushed apart so they do not overlap: sorted by y, each at least LABEL_GAP_PX below the
 * previous, then shifted up if the last one left the frame. Past what fits, later labels are dropped.
 */
export function spreadLabels(series: PlacedSeries[], frame: Frame): void {
  for (const s of series) if (!Number.isFinite(s.labelY)) s.isLabelled = false;
  const withY = series.filter((s) => s.isLabelled).sort((a, b) => a.labelY - b.labelY);
  const fit = Math.max(1, Math.floor(frame.innerHeight / LABEL_GAP_PX) + 1);
  // Highlighted (ranked) series keep their labels first when not all fit.
  const keep = new Set([...withY].sort((a, b) => rankOrder(a) - rankOrder(b)).slice(0, fit));
  const placed = withY.filter((s) => keep.has(s));
  for (const s of withY) if (!keep.has(s)) s.isLabelled = false;
  let previous = -Infinity;
  for (const s of placed) {
    s.labelY = Math.max(s.labelY, previous + LABEL_GAP_PX);
    previous = s.labelY;
  }
  const bottom = frame.top + frame.innerHeight;
  let overflow = previous - bottom;
  for (let i = placed.length - 1; i >= 0 && overflow > 0; i--) {
    placed[i].labelY -= overflow;
    const next = i > 0 ? placed[i - 1].labelY : -Infinity;
    overflow = next + LABEL_GAP_PX - placed[i].labelY;
  }
}

function rankOrder(s: PlacedSeries): number {
  return s.rank >= 0 ? s.rank : 1e9 + s.node;
}

/**
 * Marker labels in rows so they do not overlap: left to right, each takes the first row where it clears
 * the previous label and the next flag; past MARKER_ROWS rows its label is dropped (its flag and title stay).
 */
export function placeMarkers(markers: (TimeMarker & { x: number })[], frame: Frame): PlacedMarker[] {
  const sorted = [...markers].sort((a, b) => a.x - b.x);
  const rowEnd = new Array<number>(MARKER_ROWS).fill(-Infinity);
  return sorted.map((mk) => {
    const width = mk.label.length * CHAR_PX + 8;
    const anchor: 'start' | 'end' = mk.x + width > frame.left + frame.innerWidth + frame.right - 4 ? 'end' : 'start';
    const from = anchor === 'start' ? mk.x : mk.x - width;
    // The next flag's triangle (x - 5 .. x + 5) must clear the previous label too, hence the 10 px gap.
    const row = rowEnd.findIndex((end) => from >= end + 10);
    if (row >= 0) rowEnd[row] = from + width;
    return { ...mk, labelRow: row, anchor };
  });
}

