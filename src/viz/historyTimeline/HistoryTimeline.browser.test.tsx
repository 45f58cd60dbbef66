/**
 * Goal: the timeline draws 10^4 operations and behaves: zoomed out the bars go on a canvas, aggregated,
 * with the checker's highlights on top; the keyboard selects operations; zoomed in, clicking a bar selects
 * exactly that operation (hit-testing agrees with what is drawn). Method: render the real component in
 * Chromium, read the canvas pixels and the SVG overlay, dispatch real pointer and key events.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { HistoryTimeline } from './HistoryTimeline';
import { indexHistory } from './layout';
import { OpFlag, OpStatus, type HistoryColumns } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const N = 10_000;
const LANES = 8;

/** 10^4 operations, one at a time per process; every 50th times out (open end), every 97th read is stale. */
function history(): HistoryColumns {
  const process = new Int32Array(N);
  const call = new Float64Array(N);
  const ret = new Float64Array(N);
  const kind = new Uint8Array(N);
  const status = new Uint8Array(N);
  const flags = new Uint8Array(N);
  const next = new Float64Array(LANES);
  for (let i = 0; i < N; i++) {
    const p = (i * 5) % LANES;
    process[i] = p;
    call[i] = next[p] + (i % 3);
    const isOpenEnd = i % 50 === 49;
    ret[i] = isOpenEnd ? NaN : call[i] + 6 + (i % 7);
    next[p] = isOpenEnd ? call[i] + 20 : ret[i] + 1;
    kind[i] = i % 2;
    status[i] = isOpenEnd ? OpStatus.timeout : OpStatus.ok;
    flags[i] = kind[i] === 0 && i % 97 === 0 ? OpFlag.stale : 0;
  }
  return { process, call, ret, kind, status, flags };
}

const h = history();
const CANNOT_PLACE = 6001;
const CONFLICT = 5993;
/** The playhead at the call of op 5000. */
const PLAYHEAD_T = h.call[5000];

let container: HTMLDivElement;
let root: Root;
let selectedLog: number[];

function Harness() {
  const [selected, setSelected] = useState(-1);
  return (
    <HistoryTimeline
      history={h}
      kindNames={['read', 'write']}
      style={vizStyle('light')}
      label="Client history of 10,000 operations"
      timeLabel="time (ms)"
      highlights={[
        { op: CANNOT_PLACE, label: 'cannot be placed', isPrimary: true },
        { op: CONFLICT, label: 'overwritten by', isPrimary: false },
      ]}
      prefix={Array.from({ length: 6000 }, (_, i) => i)}
      selected={selected}
      playheadT={PLAYHEAD_T}
      onSelect={(i) => {
        selectedLog.push(i);
        setSelected(i);
      }}
    />
  );
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function settle(): Promise<void> {
  for (let k = 0; k < 3; k++) await act(async () => frame());
}

beforeEach(async () => {
  selectedLog = [];
  container = document.createElement('div');
  container.style.width = '900px';
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<Harness />));
  await settle();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const overlay = () => container.querySelector('svg[data-marks]') as SVGSVGElement;
const box = () => container.querySelector('.viz-history-box') as HTMLDivElement;

async function key(k: string, times = 1): Promise<void> {
  for (let n = 0; n < times; n++) {
    await act(async () => {
      box().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    });
  }
  await settle();
}

describe('HistoryTimeline with 10^4 operations (Chromium)', () => {
  it('zoomed out, draws aggregated bars on a canvas and the highlights over the right operations', () => {
    expect(overlay().dataset.marks).toBe('canvas-aggregated');
    const canvas = container.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const dpr = canvas.width / canvas.getBoundingClientRect().width;
    const outline = overlay().querySelector(`[data-highlight="${CANNOT_PLACE}"] rect`) as SVGRectElement;
    expect(outline).not.toBeNull();
    const x = Number(outline.getAttribute('x')) + Number(outline.getAttribute('width')) / 2;
    const y = Number(outline.getAttribute('y')) + Number(outline.getAttribute('height')) / 2;
    // The bar under the outline is painted (its lane's pixels there are not transparent).
    expect(ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data[3]).toBeGreaterThan(0);
    // The outline sits in the highlighted operation's lane: the same lane as every bar of its process.
    const index = indexHistory(h);
    const laneHeight = (outline.ownerSVGElement!.height.baseVal.value - 8 - 30) / index.lanes.length;
    expect(Math.floor((y - 8) / laneHeight)).toBe(index.laneOf[CANNOT_PLACE]);
    expect(overlay().querySelector(`[data-highlight="${CONFLICT}"]`)).not.toBeNull();
    expect(container.textContent).toContain('aggregated per pixel column');
    // The playhead line sits at the call of op 5000, at the same x as that operation's bar starts.
    const playhead = overlay().querySelector('line[data-playhead]')!;
    const fraction = (PLAYHEAD_T - index.tStart) / (index.tEnd - index.tStart);
    const svgWidth = overlay().width.baseVal.value;
    expect(Number(playhead.getAttribute('x1'))).toBeCloseTo(52 + fraction * (svgWidth - 52 - 14), 0);
  });

  it('the arrow keys select operations of one process in call order, and the selection is described', async () => {
    box().focus();
    await key('ArrowRight');
    const index = indexHistory(h);
    const first = index.laneOps[0];
    expect(selectedLog.at(-1)).toBe(first);
    await key('ArrowRight');
    expect(selectedLog.at(-1)).toBe(index.laneOps[1]);
    await key('ArrowDown');
    expect(index.laneOf[selectedLog.at(-1)!]).toBe(1);
    expect(container.querySelector('.viz-history-selection')!.textContent).toContain(`Selected op ${selectedLog.at(-1)!}`);
  });

  it('zoomed in around a selection, clicking a bar selects exactly that operation', async () => {
    box().focus();
    await key('ArrowRight');
    await key('ArrowRight', 40);
    await key('+', 7);
    expect(overlay().dataset.marks).toBe('svg');
    // Finished operations whose bars lie wholly inside the window (clicking one never pans the view).
    const inside = () => {
      const svg = overlay().getBoundingClientRect();
      return ([...overlay().querySelectorAll('g[data-op]')] as SVGGElement[]).filter((bar) => {
        const r = bar.querySelector('rect')!.getBoundingClientRect();
        return Number.isFinite(h.ret[Number(bar.dataset.op)]) && r.left > svg.left + 60 && r.right < svg.right - 20;
      });
    };
    expect(overlay().querySelectorAll('g[data-op]').length).toBeLessThan(400);
    expect(inside().length).toBeGreaterThan(10);
    for (const pick of [3, 0.5, -4]) {
      const bars = inside();
      const bar = bars[pick >= 1 ? pick : pick < 0 ? bars.length + pick : Math.floor(bars.length * pick)];
      const rect = bar.querySelector('rect')!.getBoundingClientRect();
      const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, button: 0, pointerId: 1 };
      await act(async () => {
        overlay().dispatchEvent(new PointerEvent('pointerdown', at));
        overlay().dispatchEvent(new PointerEvent('pointerup', at));
      });
      expect(selectedLog.at(-1)).toBe(Number(bar.dataset.op));
      await settle();
    }
    await key('0');
    expect(overlay().dataset.marks).toBe('canvas-aggregated');
  });
});

describe('HistoryTimeline handed a new history while mounted (Chromium)', () => {
  /** 20 operations, two processes: few enough for SVG bars. */
  const small = (shift: number): HistoryColumns => {
    const n = 20;
    const call = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 2) * 10 + shift);
    return { process: Int32Array.from({ length: n }, (_, i) => i % 2), call, ret: call.map((t) => t + 6), kind: new Uint8Array(n), status: new Uint8Array(n).fill(OpStatus.ok), flags: new Uint8Array(n) };
  };
  const render = (history: HistoryColumns) => <HistoryTimeline history={history} kindNames={['read', 'write']} style={vizStyle('light')} label="Client history" timeLabel="time (ms)" />;

  it('shows no tooltip for the operation hovered in the old one, as a freshly mounted timeline would not', async () => {
    act(() => root.unmount());
    root = createRoot(container);
    await act(async () => root.render(render(small(0))));
    await settle();
    expect(overlay().dataset.marks).toBe('svg');
    const rect = overlay().querySelector('g[data-op="4"] rect')!.getBoundingClientRect();
    await act(async () => {
      overlay().dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, pointerId: 1 }));
    });
    expect(container.querySelector('.viz-tooltip')?.textContent).toContain('op 4');
    await act(async () => root.render(render(small(3))));
    await settle();
    expect(container.querySelector('.viz-tooltip')).toBeNull();
  });
});
