/**
 * The frame under every chart, so that a chart is its layout plus its marks. The chart measures its plot
 * with useFigureSize, lays out at that size, and renders
 *
 *   <figure class="viz-figure viz-<name>">
 *     legend, header                            (Legend items; anything else above the plot)
 *     <div plot box, measured>
 *       <canvas>   when `draw` is given: the SVG/canvas switch (marks past a count go on the canvas)
 *       <svg role="img" aria-label>             the chart's SVG marks (children), Axes, then the cursor
 *                                               rule and the playhead; pointer and keys from useCursor
 *       tooltip
 *     </div>
 *     <figcaption>, footer, the table twin      (a visually hidden DataTable of the chart's numbers)
 *     PNG / SVG buttons                          (the figure as drawn: ../shared/ExportImage.tsx)
 *   </figure>
 *
 * The canvas sits under the svg, so axes, labels and focus stay inspectable SVG whatever the mark count.
 */
import { memo, useRef, type HTMLAttributes, type ReactNode, type SVGProps } from 'react';
import type { Frame } from '../shared/axis';
import { DataTable, type DataTableProps } from '../shared/DataTable';
import { ExportImage } from '../shared/ExportImage';
import type { VizStyle } from '../shared/palette';
import { useCanvas } from '../shared/useCanvas';
import { Legend, type LegendItem } from './Legend';
import { Tooltip, type TooltipContent } from './Tooltip';
import type { FigureSize } from './useFigureSize';

/** Paints the canvas marks in CSS pixels (useCanvas: one redraw per animation frame; memoize it). */
export type CanvasDraw = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

export interface FigureProps {
  size: FigureSize;
  style: VizStyle;
  /** Accessible name of the plot: what it shows and its headline figure. */
  label: string;
  /**
   * What carries the name and takes focus: the svg (role="img", default), or the plot box (role="group",
   * the svg then hidden), for a chart whose box holds more than a picture (the history timeline).
   */
  namedElement?: 'svg' | 'plot';
  /** Names the figure's class (`viz-<name>`) and its canvas' test id (`<name>-canvas`). */
  name?: string;
  legend?: readonly LegendItem[];
  /** Above the plot, after the legend (an axis title, zoom buttons). */
  header?: ReactNode;
  caption?: string;
  /** After the caption (a selection line, keyboard help). */
  footer?: ReactNode;
  /** The accessible twin: the chart's numbers as a visually hidden table (memoize columns and rows). */
  table?: DataTableProps | null;
  /** Canvas marks under the svg; null or absent: no canvas. */
  draw?: CanvasDraw | null;
  /** The plot area that the cursor rule and the playhead span (top to bottom). */
  frame?: Frame;
  /** x of the pointer or keyboard cursor: a faint rule; null: none. */
  cursorX?: number | null;
  /** x of the playhead: a rule across the plot; null: none. */
  playheadX?: number | null;
  playheadLook?: { dash?: string; opacity?: number };
  tooltip?: TooltipContent | null;
  /** Extra class of the plot box (its CSS), and attributes of the box and of the svg (cursor handlers). */
  plotClassName?: string;
  plotProps?: HTMLAttributes<HTMLDivElement> & DataAttributes;
  svgProps?: SVGProps<SVGSVGElement> & DataAttributes;
  /** The chart's SVG marks. */
  children?: ReactNode;
}

const TwinTable = memo(DataTable);

export function Figure(props: FigureProps) {
  const { size, style, frame } = props;
  const { width, height } = size;
  const canvas = useRef<HTMLCanvasElement>(null);
  const figure = useRef<HTMLElement>(null);
  useCanvas(canvas, props.draw ? width : 0, height, props.draw ?? skipDraw);
  const { style: plotStyle, ...plotProps } = props.plotProps ?? {};
  const { style: svgStyle, ...svgProps } = props.svgProps ?? {};
  const isPlotNamed = props.namedElement === 'plot';
  const plotName = isPlotNamed ? { role: 'group', 'aria-label': props.label } : {};
  const svgName = isPlotNamed ? { 'aria-hidden': true } : { role: 'img', 'aria-label': props.label };
  return (
    <figure ref={figure} className={props.name ? `viz-figure viz-${props.name}` : 'viz-figure'}>
      {props.legend && <Legend items={props.legend} />}
      {props.header}
      <div
        ref={size.ref}
        className={props.plotClassName ? `viz-figure-plot ${props.plotClassName}` : 'viz-figure-plot'}
        style={{ position: 'relative', ...plotStyle }}
        {...plotName}
        {...plotProps}
      >
        {props.draw && (
          <canvas
            ref={canvas}
            aria-hidden="true"
            data-testid={props.name ? `${props.name}-canvas` : undefined}
            style={{ position: 'absolute', left: 0, top: 0, width, height }}
          />
        )}
        <svg width={width} height={height} {...svgName} style={{ position: 'relative', ...svgStyle }} {...svgProps}>
          {props.children}
          {frame && props.cursorX != null && <Rule x={props.cursorX} frame={frame} stroke={style.foreground} opacity={0.35} width={1} />}
          {frame && props.playheadX != null && (
            <Rule x={props.playheadX} frame={frame} stroke={style.foreground} width={1.5} isPlayhead {...props.playheadLook} />
          )}
        </svg>
        {props.tooltip && <Tooltip tip={props.tooltip} plotWidth={width} />}
      </div>
      {props.caption && <figcaption>{props.caption}</figcaption>}
      {props.footer}
      <ExportImage target={figure} fileName={props.name ?? 'chart'} what={`the ${props.name ?? ''} chart`.replace('  ', ' ')} />
      {props.table && <TwinTable {...props.table} />}
    </figure>
  );
}

function Rule(props: { x: number; frame: Frame; stroke: string; width: number; opacity?: number; dash?: string; isPlayhead?: boolean }) {
  const { x, frame } = props;
  return (
    <line
      data-playhead={props.isPlayhead ? '' : undefined}
      x1={x}
      x2={x}
      y1={frame.top}
      y2={frame.top + frame.innerHeight}
      stroke={props.stroke}
      strokeWidth={props.width}
      strokeDasharray={props.dash}
      opacity={props.opacity}
      pointerEvents="none"
    />
  );
}

function skipDraw(): void {}
