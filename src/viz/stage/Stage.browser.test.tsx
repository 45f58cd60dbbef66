/**
 * Goal: the stage renders a run in Chromium with its test hooks and its fault menus behave. Method: a
 * synthetic StageData (3 nodes, messages of known stories, a crash, card fields), a playhead we move by
 * hand, real clicks and keys; the dots drawn are compared with layoutAt on the same geometry, down to a
 * painted pixel under one dot.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fate } from '../../core/stage/types';
import { vizStyle } from '../shared/palette';
import { stageGeometry } from './geometry';
import { createFrame, layoutAt } from './layoutAt';
import { cardSize, Stage } from './Stage';
import { syntheticStage } from './testing/synthetic';
import { chooseTier } from './tier';
import { playheadValue, type CardSpec, type StageEvent } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const data = syntheticStage({
  nodes: 3, horizon: 100, kinds: ['append', 'ack'], labels: ['append w1', 'ack'],
  messages: [
    { from: 0, to: 1, send: 2, end: 12, kind: 0, label: 0 },
    { from: 0, to: 2, send: 2, end: 14, kind: 0, label: 0 },
    { from: 1, to: 0, send: 13, end: 22, kind: 1, label: 1 },
    { from: 0, to: 2, send: 30, arrive: 35, end: 35, fate: Fate.lost, dropFrac: 0.5, kind: 0, label: 0 },
  ],
  crashes: [[2, 40, Infinity]],
  fields: { names: ['role', 'term'], texts: ['leader', 'follower'], changes: [
    { node: 0, field: 0, time: 0, text: 0 }, { node: 1, field: 0, time: 0, text: 1 }, { node: 2, field: 0, time: 0, text: 1 },
    { node: 0, field: 1, time: 0, value: 1 }, { node: 0, field: 1, time: 50, value: 2 },
  ] },
});
const spec: CardSpec = { role: 'role', fields: [{ field: 'term', label: 'term' }] };

let container: HTMLDivElement;
let root: Root;
let events: StageEvent[];
let playhead: ReturnType<typeof playheadValue>;

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
async function settle(): Promise<void> {
  for (let k = 0; k < 3; k++) await act(async () => frames());
}
async function seek(t: number): Promise<void> {
  await act(async () => playhead.set(t));
  await settle();
}

beforeEach(async () => {
  events = [];
  playhead = playheadValue(5);
  container = document.createElement('div');
  container.style.width = '720px';
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(
    <Stage data={data} playhead={playhead} style={vizStyle('light')} label="Replicas at the playhead" cardSpec={spec}
      actions={['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal']} onEvent={(e) => events.push(e)} height={360} />,
  ));
  await settle();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const stage = () => container.querySelector('[data-stage]') as HTMLElement;
const node = (name: string) => container.querySelector(`[data-node="${name}"]`) as HTMLElement;
const menuItems = () => [...container.querySelectorAll('[role=menu] [role=menuitem]')] as HTMLElement[];

describe('Stage (Chromium)', () => {
  it('carries data-stage, data-t and a data-node element per node, named by its card', async () => {
    expect(stage()).not.toBeNull();
    expect(stage().dataset.t).toBe('5');
    expect(['n0', 'n1', 'n2'].map((n) => node(n) !== null)).toEqual([true, true, true]);
    expect(node('n0').getAttribute('aria-label')).toBe('n0, leader, term 1, up');
    expect(node('n0').querySelector('.stage-card-role')!.textContent).toBe('L');
    await seek(60);
    expect(stage().dataset.t).toBe('60');
    expect(node('n0').getAttribute('aria-label')).toBe('n0, leader, term 2, up');
    expect(node('n2').dataset.status).toBe('crashed');
  });

  it('draws exactly the dots layoutAt places at t, painted where it places them', async () => {
    for (const t of [5, 13, 33, 36, 60]) {
      await seek(t);
      const box = container.querySelector('.stage-box') as HTMLElement;
      const g = stageGeometry({ width: box.clientWidth, height: box.clientHeight, nodeCount: 3, tier: chooseTier(3, data.peakInFlight).tier, clientHome: [], card: cardSize(3, spec, false) });
      const frame = layoutAt(data, g, t, createFrame(data, g));
      expect(Number(stage().dataset.dots)).toBe(frame.dotCount);
      if (t === 5) {
        const canvas = container.querySelectorAll('canvas')[1] as HTMLCanvasElement;
        const dpr = canvas.width / box.clientWidth;
        const pixel = canvas.getContext('2d')!.getImageData(Math.round(frame.x[0] * dpr), Math.round(frame.y[0] * dpr), 1, 1).data;
        expect(pixel[3]).toBeGreaterThan(0);
      }
    }
  });

  it('clicking a node opens its menu; choosing "Crash n1" hands the crash event at t to onEvent', async () => {
    await act(async () => node('n1').click());
    const labels = menuItems().map((b) => b.textContent);
    expect(labels).toEqual(['Crash n1', 'Recover n1', 'Pause n1', 'Resume n1', 'Isolate n1']);
    expect(menuItems().map((b) => b.getAttribute('aria-disabled') === 'true')).toEqual([false, true, false, true, false]);
    await act(async () => menuItems()[0].click());
    expect(events).toEqual([{ type: 'crash', node: 1, at: 5 }]);
    expect(container.querySelector('[role=menu]')).toBeNull();
  });

  it('Enter on a focused node opens its menu, no-ops greyed at t; Escape closes it and returns focus', async () => {
    await seek(60);
    node('n2').focus();
    await act(async () => node('n2').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(menuItems()[0].textContent).toBe('Crash n2');
    expect(menuItems()[0].getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Recover n2');
    await act(async () => (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(container.querySelector('[role=menu]')).toBeNull();
    expect(document.activeElement).toBe(node('n2'));
  });

  it('arrow keys rove the tab stop to the nearest node that way', async () => {
    node('n0').focus();
    await act(async () => node('n0').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    await settle();
    expect(document.activeElement).toBe(node('n1'));
    expect([node('n0').tabIndex, node('n1').tabIndex]).toEqual([-1, 0]);
  });

  it('the Partition dialog partitions the chosen nodes off (the keyboard twin of dragging)', async () => {
    const open = [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Partition and links'))!;
    await act(async () => open.click());
    const box = container.querySelector('[role=dialog]')!;
    const n2 = [...box.querySelectorAll('label')].find((l) => l.textContent === 'n2')!.querySelector('input')!;
    await act(async () => n2.click());
    const go = [...box.querySelectorAll('button')].find((b) => b.textContent === 'Partition')!;
    await act(async () => go.click());
    expect(events).toEqual([{ type: 'partition', groups: '0,1|2', at: 5 }]);
  });
});
