/**
 * Goal: the narration list follows the playhead, seeks on click, stops following when scrolled away, and
 * announces the sentences at t after a seek. Method: synthetic StageData with 200 messages (400 events),
 * a hand-moved playhead, real clicks and scrolls in Chromium.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticStage } from '../stage/testing/synthetic';
import { playheadValue } from '../stage/types';
import { Narration } from './Narration';
import { SETTLE_MS } from './useAnnouncer';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const data = syntheticStage({
  nodes: 3, horizon: 2000, labels: ['ping'], kinds: ['ping'],
  messages: Array.from({ length: 200 }, (_, i) => ({ from: i % 3, to: (i + 1) % 3, send: i * 10, end: i * 10 + 5, label: 0, kind: 0 })),
});

let container: HTMLDivElement;
let root: Root;
let seeks: number[];
let playhead: ReturnType<typeof playheadValue>;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The list scrolls in the animation frame after a change (Narration.tsx says why). */
const nextFrame = () => act(async () => new Promise((r) => requestAnimationFrame(() => r(undefined))));

beforeEach(async () => {
  seeks = [];
  playhead = playheadValue(0);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<Narration data={data} playhead={playhead} onSeek={(t) => seeks.push(t)} />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const current = () => container.querySelector('[aria-current]') as HTMLElement | null;
const list = () => container.querySelector('.narration-list') as HTMLElement;

describe('Narration (Chromium)', () => {
  it('marks the last event at or before t, and the list follows it far down', async () => {
    expect(current()?.textContent).toBe('0.000 ms: n0 sends ping to n1');
    await act(async () => playhead.set(1503));
    await nextFrame();
    expect(current()?.textContent).toBe('1500.000 ms: n0 sends ping to n1');
    expect(list().scrollTop).toBeGreaterThan(2000);
    expect(container.querySelectorAll('li').length).toBeLessThan(30);
  });

  it('at the last event the list scrolls to its end (the browser clamps the target) and still follows', async () => {
    await act(async () => playhead.set(2000));
    // The list's own scroll event arrives with the clamped position: it is the list's, not the reader's.
    await act(async () => wait(50));
    const max = list().scrollHeight - list().clientHeight;
    expect(list().scrollTop).toBe(max);
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'Back to playhead')).toBe(false);
    await act(async () => playhead.set(500));
    await nextFrame();
    expect(list().scrollTop).toBe(101 * 24 - 100);
  });

  it('clicking a row seeks to its time', async () => {
    const row = [...container.querySelectorAll('li button')].find((b) => b.textContent?.startsWith('5.000 ms'))! as HTMLElement;
    await act(async () => row.click());
    expect(seeks).toEqual([5]);
  });

  it('scrolling away stops following until "Back to playhead"', async () => {
    await act(async () => {
      list().scrollTop = 4000;
      list().dispatchEvent(new Event('scroll'));
    });
    const back = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Back to playhead')!;
    expect(back).toBeDefined();
    await act(async () => playhead.set(500));
    await nextFrame();
    expect(list().scrollTop).toBe(4000);
    await act(async () => back.click());
    await nextFrame();
    // t = 500 is event 100 (one event every 5 ms): centred, (100 + 1) x 24 px - 200 / 2.
    expect(list().scrollTop).toBe(101 * 24 - 100);
  });

  it('announces the sentences at t after a seek, in a polite log', async () => {
    await act(async () => playhead.set(15));
    await act(async () => wait(SETTLE_MS + 150));
    const log = container.querySelector('[role=log]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.textContent).toBe('15.000 ms: n2 receives ping from n1');
  });
});
