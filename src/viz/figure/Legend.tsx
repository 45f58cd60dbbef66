/**
 * A figure's legend: a swatch (a few SVG marks drawn like the chart draws the thing) and its name per
 * item. Hidden from assistive technology: the figure's label and table say what the marks mean.
 * Memoized: pass a memoized `items` array and it skips the playhead's frames.
 */
import { memo, type ReactNode } from 'react';

export interface LegendItem {
  /** React key; default the label. */
  key?: string;
  label: ReactNode;
  /** The swatch's SVG content, in a box of `width` x `height` px (defaults 22 x 10). */
  mark: ReactNode;
  width?: number;
  height?: number;
}

export const Legend = memo(function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="viz-legend" aria-hidden="true">
      {items.map((item, i) => (
        <li key={item.key ?? (typeof item.label === 'string' ? item.label : i)}>
          <svg width={item.width ?? 22} height={item.height ?? 10}>
            {item.mark}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
});
