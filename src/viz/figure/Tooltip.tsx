/**
 * The figure's tooltip: a few lines (the first in bold, see viz.css) at a point of the plot, kept inside
 * the plot's width. Placed after the point ('start', the default: its left edge at x, moved left when it
 * would overflow), or before it ('end': its right edge at x, for points in the right half).
 */
import type { ReactNode } from 'react';

export interface TooltipContent {
  /** Anchor in the plot's CSS pixels. */
  x: number;
  y: number;
  lines: readonly ReactNode[];
  align?: 'start' | 'end';
  /** The tooltip's expected width, for keeping it inside the plot. Default 220. */
  widthMax?: number;
  /**
   * 'status' (default): a live region, read when the keyboard cursor moves. 'tooltip': for a tooltip of a
   * focused element. 'none': hidden from assistive technology (another element already says it).
   */
  role?: 'status' | 'tooltip' | 'none';
}

export function Tooltip({ tip, plotWidth }: { tip: TooltipContent; plotWidth: number }) {
  const widthMax = tip.widthMax ?? 220;
  const horizontal = tip.align === 'end' ? { right: plotWidth - tip.x } : { left: Math.max(0, Math.min(plotWidth - widthMax, tip.x)) };
  const role = tip.role ?? 'status';
  return (
    <div
      className="viz-tooltip"
      role={role === 'none' ? undefined : role}
      aria-hidden={role === 'none' ? true : undefined}
      style={{ ...horizontal, top: Math.max(0, tip.y) }}
    >
      {tip.lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  );
}
