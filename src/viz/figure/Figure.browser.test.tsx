/**
 * Goal: the frame under every chart behaves the same whatever the chart: the arrow keys move a cursor
 * (Shift: ten at a time, Home/End), Enter seeks to the cursor's cell, a click seeks to the time under the
 * pointer, the tooltip says the cursor's figures, the twin table holds the chart's rows, the playhead sits
 * at its x, and `draw` switches the marks to a canvas under the svg. Method: a small strip chart built on
 * the frame the way the real charts are (useFigureSize, useCursor, Figure), rendered in Chromium and
 * driven with real key and pointer events; then the real time series, to tie the frame to a chart.
 */
import { act, useCallback } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartFrame } from '../shared/axis';
import { vizStyle } from '../shared/palette';
import { TimeSeries } from '../timeSeries/TimeSeries';
import { Figure } from './Figure';
import { useCursor } from './useCursor';
import { useFigureSize } from './useFigureSize';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const style = vizStyle('light');
const VALUES = Array.from({ length: 20 }, (_, i) => (i * 7) % 13);
/** Column c covers simulated time [c, c + 1). */
const margin = { left: 40, right: 20, top: 10, bottom: 20 };

interface StripProps {
  onSeek: (t: number) => void;
  t?: number;
  isCanvas?: boolean;
}

/** One bar per value; the smallest chart a lab could write on the frame. */
function Strip({ onSeek, t, isCanvas }: StripProps) {
  const size = useFigureSize({ height: 120 });
  const frame = chartFrame(size.width, size.height, margin);
  const step = frame.innerWidth / VALUES.length;
  const xOf = (time: number) => frame.left + time * step;
  const cursor = useCursor({
    grid: { rows: 1, columns: VALUES.length },
    cellAt: (x) => ({ row: 0, column: Math.floor((x - frame.left) / step) }),
    onActivate: (cell) => onSeek(cell.column),
    onClick: (x) => onSeek((x - frame.left) / step),
  });
  const c = cursor.cell?.column ?? -1;
  const draw = useCallback((ctx: CanvasRenderingContext2D) => {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 10, 10);
  }, []);
  return (
    <Figure
      name="strip" size={size} style={style} label="Strip of 20 values"
      svgProps={cursor.props}
      draw={isCanvas ? draw : null}
      frame={frame}
      cursorX={c >= 0 ? xOf(c + 0.5) : null}
      playheadX={t === undefined ? null : xOf(t)}
      tooltip={c >= 0 ? { x: xOf(c), y: 0, lines: [`column ${c}`, `value ${VALUES[c]}`] } : null}
      table={{ caption: 'Strip values', columns: ['column', 'value'], rows: VALUES.map((v, i) => [i, v]) }}
    >
      {!isCanvas && VALUES.map((v, i) => <rect key={i} data-bar={i} x={xOf(i)} y={frame.top} width={step} height={v} />)}
    </Figure>
  );
}

let container: HTMLDivElement;
let root: Root;
let seeks: number[];

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function render(node: React.ReactNode): Promise<void> {
  await act(async () => root.render(node));
  for (let k = 0; k < 3; k++) await act(async () => frame());
}

const plot = () => container.querySelector('svg[role="img"]') as SVGSVGElement;
const tooltip = () => container.querySelector('.viz-tooltip');

async function key(k: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    plot().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}

beforeEach(() => {
  seeks = [];
  container = document.createElement('div');
  container.style.width = '640px';
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('Figure (Chromium)', () => {
  it('the arrow keys move the cursor, Shift by ten, Home and End to the ends; the tooltip follows', async () => {
    await render(<Strip onSeek={(t) => seeks.push(t)} />);
    expect(plot().getAttribute('tabindex')).toBe('0');
    expect(tooltip()).toBeNull();
    await key('ArrowRight');
    expect(tooltip()!.textContent).toBe('column 0value 0');
    await key('ArrowRight');
    await key('ArrowRight', { shiftKey: true });
    expect(tooltip()!.textContent).toContain('column 11');
    await key('End');
    expect(tooltip()!.textContent).toContain('column 19');
    await key('ArrowRight');
    expect(tooltip()!.textContent).toContain('column 19');
    await key('Home');
    expect(tooltip()!.textContent).toBe(`column 0value ${VALUES[0]}`);
    expect(tooltip()!.getAttribute('role')).toBe('status');
    await act(async () => {
      plot().focus();
      plot().blur();
    });
    expect(tooltip()).toBeNull();
  });

  it('Enter seeks to the cursor\'s column, a click to the time under the pointer; other keys are left to the page', async () => {
    await render(<Strip onSeek={(t) => seeks.push(t)} />);
    await key('Enter');
    expect(seeks).toEqual([]);
    await key('End');
    await key('ArrowLeft');
    await key('Enter');
    expect(seeks).toEqual([18]);
    const event = new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true });
    await act(async () => plot().dispatchEvent(event));
    expect(event.defaultPrevented).toBe(false);
    const box = plot().getBoundingClientRect();
    const step = (box.width - margin.left - margin.right) / VALUES.length;
    await act(async () => plot().dispatchEvent(new MouseEvent('click', { clientX: box.left + margin.left + 4.5 * step, clientY: box.top + 30, bubbles: true })));
    expect(seeks[1]).toBeCloseTo(4.5, 1);
  });

  it('the pointer sets the cursor to the column under it and leaving clears it', async () => {
    await render(<Strip onSeek={(t) => seeks.push(t)} />);
    const bar = container.querySelector('rect[data-bar="7"]')!.getBoundingClientRect();
    await act(async () => plot().dispatchEvent(new PointerEvent('pointermove', { clientX: bar.left + bar.width / 2, clientY: bar.top + 1, bubbles: true })));
    expect(tooltip()!.textContent).toBe(`column 7value ${VALUES[7]}`);
    const rule = [...plot().querySelectorAll('line')].find((l) => !l.hasAttribute('data-playhead'))!;
    expect(Number(rule.getAttribute('x1'))).toBeCloseTo(bar.left - plot().getBoundingClientRect().left + bar.width / 2, 3);
    // React derives pointerleave from pointerout with the element left for.
    await act(async () => plot().dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body })));
    expect(tooltip()).toBeNull();
  });

  it('the hidden twin table stays out of the first commit and mounts once the browser is idle', async () => {
    await act(async () => root.render(<Strip onSeek={() => {}} />));
    expect(plot()).not.toBeNull();
    expect(container.querySelector('.viz-visually-hidden')).not.toBeNull();
    expect(container.querySelector('table')).toBeNull();
    for (let k = 0; k < 3; k++) await act(async () => frame());
    expect(container.querySelectorAll('table tbody tr').length).toBe(20);
  });

  it('the twin table holds one row per value; the playhead sits at its x; draw puts the marks on a canvas', async () => {
    await render(<Strip onSeek={() => {}} t={5} />);
    const table = container.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toBe('Strip values');
    expect(table.querySelectorAll('tbody tr').length).toBe(20);
    expect([...table.querySelectorAll('tbody tr')[3].querySelectorAll('td')].map((td) => td.textContent)).toEqual(['3', String(VALUES[3])]);
    const step = (plot().width.baseVal.value - margin.left - margin.right) / VALUES.length;
    expect(Number(plot().querySelector('line[data-playhead]')!.getAttribute('x1'))).toBeCloseTo(margin.left + 5 * step, 3);
    expect(container.querySelector('canvas')).toBeNull();
    await render(<Strip onSeek={() => {}} isCanvas />);
    const canvas = container.querySelector('canvas[data-testid="strip-canvas"]') as HTMLCanvasElement;
    expect(canvas).not.toBeNull();
    expect(canvas.getContext('2d')!.getImageData(2, 2, 1, 1).data[3]).toBe(255);
    expect(container.querySelectorAll('rect[data-bar]').length).toBe(0);
  });
});

describe('TimeSeries on the frame (Chromium)', () => {
  /** 3 nodes x 50 buckets of 10 ms from t = 0: node n's value is n + bucket / 10. */
  const matrix = { values: Float64Array.from({ length: 150 }, (_, i) => Math.floor(i / 50) + (i % 50) / 10), nodeCount: 3, bucketCount: 50, t0: 0, bucketWidth: 10 };

  it('reads a column from the keyboard, seeks to its start on Enter, and keeps a table of at most twelve windows', async () => {
    await render(<TimeSeries matrix={matrix} style={style} label="Load per node" xLabel="time (ms)" yLabel="load" columnPx={10} onSeek={(t) => seeks.push(t)} t={120} />);
    await key('ArrowRight');
    expect(tooltip()!.textContent).toContain('t = 0 – ');
    await key('End');
    expect(tooltip()!.textContent).toContain('– 500');
    // The last column's mean per node (two or so 10 ms buckets per column at this width).
    expect(tooltip()!.textContent).toMatch(/n0: 4\.\d+n1: 5\.\d+n2: 6\.\d+$/);
    await key('Enter');
    expect(seeks.length).toBe(1);
    expect(seeks[0]).toBeGreaterThan(400);
    expect(seeks[0]).toBeLessThan(500);
    const rows = container.querySelectorAll('table tbody tr');
    expect(rows.length).toBeGreaterThan(6);
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(rows[0].querySelector('td')!.textContent).toBe('0');
    expect(rows[rows.length - 1].querySelectorAll('td')[1].textContent).toBe('500');
    expect(container.querySelector('line[data-playhead]')).not.toBeNull();
    expect(container.querySelector('canvas')).toBeNull();
  });
});
