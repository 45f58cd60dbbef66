/**
 * The time series' numbers for its table twin: consecutive columns grouped into a few time windows.
 */
import { quantileSorted } from '../../core/stats';
import type { TimeSeriesLayout } from './layout';

export interface SummaryRow {
  t0: number;
  t1: number;
  median: number;
  max: number;
  /** Highlighted (or, in small scenes, every) series' value, in layout.series order. */
  series: number[];
}

/**
 * The chart's numbers for a table: at most `rowsMax` rows, each a window of consecutive columns (median:
 * the mean of the columns' medians; max and series values: their max). Without a band (small scenes),
 * median and max are taken across the drawn series.
 */
export function summaryRows(layout: TimeSeriesLayout, rowsMax = 24): SummaryRow[] {
  const n = layout.columnCount;
  if (n === 0 || !(rowsMax >= 1)) return [];
  const size = Math.ceil(n / Math.floor(rowsMax));
  const rows: SummaryRow[] = [];
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let medianSum = 0;
    let medianCount = 0;
    let max = Number.NaN;
    const series = layout.series.map(() => Number.NaN);
    for (let c = start; c < end; c++) {
      const median = layout.isAggregated ? layout.medianValue[c] : medianOfSeries(layout, c);
      if (median === median) {
        medianSum += median;
        medianCount++;
      }
      const top = layout.isAggregated ? layout.bandHiValue[c] : maxOfSeries(layout, c);
      if (top === top && !(top <= max)) max = top;
      for (let i = 0; i < layout.series.length; i++) {
        const v = layout.series[i].values[c];
        if (v === v && !(v <= series[i])) series[i] = v;
      }
    }
    rows.push({ t0: layout.columnT0[start], t1: layout.columnT1[end - 1], median: medianCount > 0 ? medianSum / medianCount : Number.NaN, max, series });
  }
  return rows;
}

function medianOfSeries(layout: TimeSeriesLayout, c: number): number {
  const values = layout.series.map((s) => s.values[c]).filter((v) => v === v).sort((a, b) => a - b);
  return quantileSorted(values, 0.5);
}

function maxOfSeries(layout: TimeSeriesLayout, c: number): number {
  let max = Number.NaN;
  for (const s of layout.series) if (s.values[c] === s.values[c] && !(s.values[c] <= max)) max = s.values[c];
  return max;
}
