/**
 * Goal: the space-time diagram in Chromium draws a run, lights an event's causal cone on click, compares two
 * events in words with their clocks, moves by keyboard, zooms and pans, follows and sets the playhead, and
 * shows a log's text only as text. Method: a synthetic stage with known stories (n0 -> n1 -> n2, a lost
 * message, a crash) turned into a CausalRun by core; real pointer, wheel and key events on the box; pixel
 * positions from the same view functions the diagram uses; the canvas read back under an event.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { causalRunFromStageJob } from '../../core/causality/fromStage';
import { runJob } from '../../core/causality/job';
import type { CausalRun } from '../../core/causality/types';
import { Fate } from '../../core/stage/types';
import { vizStyle } from '../shared/palette';
import { syntheticStage } from '../stage/testing/synthetic';
import { playheadValue } from '../stage/types';
import { LogImport } from './LogImport';
import { SpaceTime } from './SpaceTime';
import { laneHeightFor, spaceTimeGeometry, xOf, yOf, type SpaceTimeView } from './view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const stage = syntheticStage({
  nodes: 3, horizon: 100, kinds: ['append'], labels: ['append w1'],
  messages: [
    { from: 0, to: 1, send: 10, end: 30, kind: 0, label: 0 },
    { from: 1, to: 2, send: 40, end: 60 },
    { from: 2, to: 0, send: 70, arrive: 75, end: 75, fate: Fate.lost, dropFrac: 0.5 },
  ],
  crashes: [[1, 80, 95]],
});
const run: CausalRun = runJob(causalRunFromStageJob(stage));
// Events: n0:1 send@10, n1:1 receive@30, n1:2 send@40, n2:1 receive@60, n2:2 send@70 (lost), n1:3 crash@80, n1:4 recover@95

let container: HTMLDivElement;
let root: Root;
let seeks: number[];
let playhead: ReturnType<typeof playheadValue>;

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
async function settle(): Promise<void> {
  for (let k = 0; k < 3; k++) await act(async () => frames());
}
const rootEl = () => container.querySelector('[data-spacetime]') as HTMLElement;
const box = () => container.querySelector('.spacetime-box') as HTMLElement;
const status = () => container.querySelector('.spacetime-status')!.textContent ?? '';

/** Where time t on lane l is drawn, in client px, from the window the diagram reports. */
function pointAt(t: number, l: number): { clientX: number; clientY: number } {
  const rect = box().getBoundingClientRect();
  const g = spaceTimeGeometry(Math.round(rect.width), Math.round(rect.height));
  const view: SpaceTimeView = { t0: Number(rootEl().dataset.t0), t1: Number(rootEl().dataset.t1), laneTop: 0, laneHeight: laneHeightFor(run.graph.lanes.length, g) };
  return { clientX: rect.left + xOf(view, g, t), clientY: rect.top + yOf(view, g, l) };
}
const pointOf = (e: number) => pointAt(run.graph.time[e], run.graph.lane[e]);

async function click(at: { clientX: number; clientY: number }, shiftKey = false): Promise<void> {
  const init = { ...at, bubbles: true, pointerId: 1, button: 0, shiftKey };
  await act(async () => {
    box().dispatchEvent(new PointerEvent('pointerdown', init));
    box().dispatchEvent(new PointerEvent('pointerup', init));
  });
  await settle();
}

async function key(k: string, shiftKey = false): Promise<void> {
  await act(async () => box().dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true })));
  await settle();
}

beforeEach(async () => {
  seeks = [];
  playhead = playheadValue(0);
  container = document.createElement('div');
  container.style.width = '800px';
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<SpaceTime run={run} style={vizStyle('light')} label="Messages over time" playhead={playhead} onSeek={(t) => seeks.push(t)} height={240} />));
  await settle();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('SpaceTime (Chromium)', () => {
  it('draws every event of the run on the canvas, with the box named and focusable', async () => {
    expect(Number(rootEl().dataset.drawn)).toBe(run.graph.count);
    expect(box().getAttribute('aria-label')).toBe('Messages over time');
    expect(box().tabIndex).toBe(0);
    const canvas = container.querySelector('canvas')!;
    const { clientX, clientY } = pointOf(3);
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const pixel = canvas.getContext('2d')!.getImageData(Math.round((clientX - rect.left) * dpr), Math.round((clientY - rect.top) * dpr), 1, 1).data;
    expect(pixel[3]).toBeGreaterThan(0);
  });

  it('held (isShown false) it draws nothing, and draws every event once shown', async () => {
    const render = (isShown: boolean) => root.render(<SpaceTime run={run} style={vizStyle('light')} label="Messages over time" playhead={playhead} height={240} isShown={isShown} />);
    act(() => root.unmount());
    root = createRoot(container);
    await act(async () => render(false));
    await settle();
    expect(rootEl().dataset.drawn).toBe('0');
    const canvas = container.querySelector('canvas')!;
    expect(canvas.width, 'no backing store sized yet').toBe(300);
    await act(async () => render(true));
    await settle();
    expect(Number(rootEl().dataset.drawn)).toBe(run.graph.count);
  });

  it('a click on an event selects it as a, lights its cone, says so, and seeks the playhead to it', async () => {
    await click(pointOf(1));
    expect(rootEl().dataset.a).toBe('n1:1');
    expect(status()).toMatch(/^a = n1:1, receive append w1 from n0, at 30 ms \(Lamport 2\), clock \{n0: 1, n1: 1\}\. Its causal past holds 1 event, its future 5 events; 0 events concurrent with it\./);
    expect(seeks).toEqual([30]);
  });

  it('shift+click picks b and the caption proves "a happened before b" with the two clocks', async () => {
    await click(pointOf(0));
    await click(pointOf(3), true);
    expect(rootEl().dataset.b).toBe('n2:1');
    expect(status()).toBe('a happened before b: b (n2:1) has clock {n0: 1, n1: 2, n2: 1}, which has seen a\'s own entry (n0 1 ≥ 1), and a (n0:1) has clock {n0: 1}, no entry above b\'s.');
    const figure = container.querySelector('.spacetime-compare') as HTMLElement;
    expect(figure.dataset.relation).toBe('before');
    expect([...figure.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual(['a100', 'b121']);
  });

  it('keyboard: arrows move the focus between events and lanes, Enter selects, Shift+Enter compares, Escape clears', async () => {
    await act(async () => box().focus());
    expect(rootEl().dataset.focus).toBe('n0:1');
    await key('ArrowDown');
    expect(rootEl().dataset.focus).toBe('n1:1');
    await key('ArrowRight');
    await key('Enter');
    expect(rootEl().dataset.a).toBe('n1:2');
    await key('ArrowDown');
    expect(rootEl().dataset.focus).toBe('n2:1');
    await key('Enter', true);
    expect(status()).toMatch(/^a happened before b: b \(n2:1\)/);
    await key('ArrowRight');
    await key('Enter');
    await key('ArrowUp');
    expect(rootEl().dataset.focus).toBe('n1:3');
    await key('Enter', true);
    expect(rootEl().dataset.b).toBe('n1:3');
    expect(status()).toBe('a and b are concurrent: a (n2:2) has clock {n0: 1, n1: 2, n2: 2} and b (n1:3) has clock {n0: 1, n1: 3}; a\'s n2 entry is ahead (2 > 0) and b\'s n1 entry is ahead (3 > 2), so neither has seen the other.');
    await key('Escape');
    expect(rootEl().dataset.a).toBe('');
  });

  it('the wheel zooms about the pointer, a drag pans, and 0 shows everything again', async () => {
    const before = Number(rootEl().dataset.t1) - Number(rootEl().dataset.t0);
    const at = pointOf(2);
    await act(async () => box().dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -600, bubbles: true, cancelable: true })));
    await settle();
    const t0 = Number(rootEl().dataset.t0);
    expect(Number(rootEl().dataset.t1) - t0).toBeLessThan(before / 2);
    await act(async () => {
      box().dispatchEvent(new PointerEvent('pointerdown', { ...at, bubbles: true, pointerId: 2, button: 0 }));
      box().dispatchEvent(new PointerEvent('pointermove', { clientX: at.clientX - 100, clientY: at.clientY, bubbles: true, pointerId: 2 }));
      box().dispatchEvent(new PointerEvent('pointerup', { clientX: at.clientX - 100, clientY: at.clientY, bubbles: true, pointerId: 2 }));
    });
    await settle();
    expect(Number(rootEl().dataset.t0)).toBeGreaterThan(t0);
    expect(seeks).toEqual([]);
    await key('0');
    expect(Number(rootEl().dataset.t1) - Number(rootEl().dataset.t0)).toBeCloseTo(before);
  });

  it('the playhead line follows the playhead, and a click on empty space seeks there', async () => {
    await act(async () => playhead.set(50));
    const line = container.querySelector('.spacetime-playhead') as HTMLElement;
    expect(line.dataset.t).toBe('50');
    const transform = Number(/translateX\(([\d.]+)px\)/.exec(line.style.transform)![1]);
    expect(Math.abs(transform - (pointAt(50, 0).clientX - box().getBoundingClientRect().left))).toBeLessThan(2);
    await click(pointAt(55, 2));
    expect(seeks.length).toBe(1);
    expect(seeks[0]).toBeCloseTo(55, 0);
  });
});

describe('LogImport (Chromium)', () => {
  it('a pasted log is drawn, its problems listed by line, and its text shown only as text', async () => {
    const log = [
      '<img src=x onerror="window.__xss=1">', 'a {"a":1}',
      'b got <b>it</b>', 'b {"a":1, "b":1}',
      'bad', 'b {"b":2,}',
    ].join('\n');
    await act(async () => root.render(<LogImport style={vizStyle('light')} initialText={log} />));
    for (let k = 0; k < 10 && !container.querySelector('[data-import-events]'); k++) await settle();
    const result = container.querySelector('[data-import-events]') as HTMLElement;
    expect(result.dataset.importEvents).toBe('2');
    expect(result.dataset.importProblems).toBe('1');
    expect(container.querySelector('.spacetime-problems li')!.textContent).toMatch(/^line 6: the clock \{"b":2,\} is not JSON \(/);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.spacetime-box b')).toBeNull();
    await act(async () => box().focus());
    await key('ArrowRight');
    await key('Enter');
    expect(status()).toContain('<img src=x onerror="window.__xss=1">');
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});
