/**
 * Goal: a busy-node lab's stage in Chromium: a card's bar and heat follow its fields at t, a node without a
 * menu stays inert, and at scale a click near a glyph (which has no element of its own) opens its menu.
 * Method: synthetic stages (3 nodes with 'waiting', 'cpu' and 'hot' fields; 400 nodes in the aggregate
 * tier), a playhead moved by hand, real clicks.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { stageGeometry } from './geometry';
import { Stage } from './Stage';
import { syntheticStage } from './testing/synthetic';
import { playheadValue, type CardSpec, type StageEvent } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const spec: CardSpec = {
  fields: [{ field: 'waiting', label: 'waiting', bar: { max: 100, scale: 'linear' } }, { field: 'cpu', label: 'cpu', format: (_, v) => `${v}%` }],
  badges: [{ field: 'hot', text: 'hot', label: 'HOT', words: 'hot' }],
  heat: { field: 'cpu', max: 100 },
};
const data = syntheticStage({
  nodes: 3, horizon: 100, messages: [{ from: 2, to: 0, send: 1, end: 3 }],
  fields: { names: ['waiting', 'cpu', 'hot'], texts: ['hot', ''], changes: [
    { node: 0, field: 0, time: 0, value: 0 }, { node: 0, field: 0, time: 50, value: 25 },
    { node: 0, field: 1, time: 0, value: 10 }, { node: 0, field: 1, time: 50, value: 95 },
    { node: 0, field: 2, time: 0, text: 1 }, { node: 0, field: 2, time: 50, text: 0 },
  ] },
});

let container: HTMLDivElement;
let root: Root;
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const settle = async () => {
  for (let k = 0; k < 3; k++) await act(async () => frames());
};

async function mount(node: React.ReactNode): Promise<void> {
  container = document.createElement('div');
  container.style.width = '720px';
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(node));
  await settle();
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const nodeEl = (name: string) => container.querySelector(`[data-node="${name}"]`) as HTMLElement;

describe('Stage card extras (Chromium)', () => {
  it('the bar and the heat follow the fields at t; the badge says HOT in words', async () => {
    const playhead = playheadValue(10);
    await mount(<Stage data={data} playhead={playhead} style={vizStyle('light')} label="nodes" cardSpec={spec} height={300} inertNodes={[2]} />);
    const n0 = nodeEl('n0');
    expect(n0.dataset.heat).toBe('0');
    expect((n0.querySelector('.stage-card-bar > span') as HTMLElement).style.transform).toBe('scaleX(0)');
    await act(async () => playhead.set(60));
    await settle();
    expect(n0.dataset.heat).toBe('4');
    expect(n0.style.borderColor).not.toBe('');
    expect((n0.querySelector('.stage-card-bar > span') as HTMLElement).style.transform).toBe('scaleX(0.25)');
    expect(n0.querySelector('.stage-card-badges')!.textContent).toBe('HOT');
    expect(n0.getAttribute('aria-label')).toBe('n0, waiting 25, cpu 95%, hot, up');
    expect(n0.style.getPropertyValue('--stage-heat-glow')).not.toBe('');
  });

  it('the nodes a lesson names are outlined; the others are not', async () => {
    await mount(<Stage data={data} playhead={playheadValue(10)} style={vizStyle('light')} label="nodes" cardSpec={spec} height={300} highlighted={['n1', 'n9']} />);
    expect(['n0', 'n1', 'n2'].map((n) => nodeEl(n).hasAttribute('data-highlight'))).toEqual([false, true, false]);
  });

  it('an inert node is named and focusable but no button: a click opens no menu', async () => {
    const events: StageEvent[] = [];
    await mount(<Stage data={data} playhead={playheadValue(10)} style={vizStyle('light')} label="nodes" cardSpec={spec} actions={['crash']} onEvent={(e) => events.push(e)} height={300} inertNodes={[2]} />);
    expect(nodeEl('n2').getAttribute('role')).toBe('img');
    expect(nodeEl('n2').hasAttribute('aria-haspopup')).toBe(false);
    await act(async () => nodeEl('n2').click());
    expect(container.querySelector('[role=menu]')).toBeNull();
    await act(async () => nodeEl('n1').click());
    expect(container.querySelector('[role=menu]')).not.toBeNull();
  });

  it('at scale (aggregate tier) a click on the canvas near a glyph opens that node\'s menu', async () => {
    const big = syntheticStage({ nodes: 400, horizon: 100, messages: [{ from: 0, to: 1, send: 1, end: 3 }] });
    const events: StageEvent[] = [];
    await mount(<Stage data={big} playhead={playheadValue(10)} style={vizStyle('light')} label="400 nodes" actions={['crash']} onEvent={(e) => events.push(e)} height={480} />);
    const overlay = container.querySelector('.stage-overlay') as HTMLElement;
    const box = overlay.getBoundingClientRect();
    const g = stageGeometry({ width: box.width, height: box.height, nodeCount: 400, tier: 'aggregate' });
    const at = { clientX: box.left + g.x[123] + 1, clientY: box.top + g.y[123] - 1, bubbles: true, button: 0, pointerId: 1 };
    await act(async () => {
      overlay.dispatchEvent(new PointerEvent('pointerdown', at));
      overlay.dispatchEvent(new PointerEvent('pointerup', at));
    });
    await settle();
    const items = [...container.querySelectorAll('[role=menu] [role=menuitem]')] as HTMLElement[];
    expect(items.map((b) => b.textContent)).toEqual(['Crash n123']);
    await act(async () => items[0].click());
    expect(events).toEqual([{ type: 'crash', node: 123, at: 10 }]);
  });
});
