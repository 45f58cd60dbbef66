/**
 * Goal: a lab's own card and menu additions render in Chromium: a cells field (a log tail) becomes boxes
 * coloured by their number, dashed when tentative, ringed when marked, said in words in the node's name;
 * highlighted nodes carry data-highlight; a lab's node action is offered and hands its event to onEvent.
 * Method: a synthetic 3-node stage with a 'log' text field, real clicks.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { Stage } from './Stage';
import { syntheticStage } from './testing/synthetic';
import { playheadValue, type CardSpec, type StageEvent } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const data = syntheticStage({
  nodes: 3, horizon: 100, messages: [],
  fields: { names: ['log'], texts: ['… 1 2~ 2~!', '1'], changes: [{ node: 0, field: 0, time: 0, text: 0 }, { node: 1, field: 0, time: 0, text: 1 }] },
});
const spec: CardSpec = { fields: [{ field: 'log', label: 'log', cells: true }] };

let container: HTMLDivElement;
let root: Root;
let events: StageEvent[];

beforeEach(async () => {
  events = [];
  container = document.createElement('div');
  container.style.width = '720px';
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(
    <Stage data={data} playhead={playheadValue(5)} style={vizStyle('light')} label="Servers" cardSpec={spec} actions={['crash']}
      nodeActions={[{ type: 'timeout', label: (n) => `Time out ${n} now` }]} highlighted={['n1']} onEvent={(e) => events.push(e)} height={360} />,
  ));
  for (let k = 0; k < 3; k++) await act(async () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const node = (name: string) => container.querySelector(`[data-node="${name}"]`) as HTMLElement;

describe('Stage: cells, highlight and a lab\'s node actions', () => {
  it('draws a cells field as boxes: plain text for "…", dashed when tentative, ringed when marked, coloured by number', () => {
    const value = node('n0').querySelector('.stage-card-cells .stage-card-value')!;
    expect([...value.children].map((c) => [c.className, c.textContent, 'tentative' in (c as HTMLElement).dataset, 'marked' in (c as HTMLElement).dataset])).toEqual([
      ['stage-cell-text', '…', false, false], ['stage-cell', '1', false, false], ['stage-cell', '2', true, false], ['stage-cell', '2', true, true],
    ]);
    const [, one, two] = [...value.children] as HTMLElement[];
    expect(one.style.borderColor).not.toBe(two.style.borderColor);
    expect(getComputedStyle(two).borderStyle).toBe('dashed');
    expect(node('n0').getAttribute('aria-label')).toBe('n0, log earlier entries, 1, 2 tentative, 2 tentative marked, up');
  });

  it('rings the highlighted nodes only', () => {
    expect([node('n0'), node('n1'), node('n2')].map((n) => n.hasAttribute('data-highlight'))).toEqual([false, true, false]);
  });

  it('offers the lab\'s node action after the faults; choosing it hands { type, node, at } to onEvent', async () => {
    await act(async () => node('n2').click());
    const items = [...container.querySelectorAll('[role=menu] [role=menuitem]')] as HTMLElement[];
    expect(items.map((i) => i.textContent)).toEqual(['Crash n2', 'Time out n2 now']);
    await act(async () => items[1].click());
    expect(events).toEqual([{ type: 'timeout', node: 2, at: 5 }]);
  });
});
