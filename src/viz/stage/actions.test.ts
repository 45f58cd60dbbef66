/**
 * Goal: the fault menus offer exactly the lab's actions, in the engine fault table's event shapes, greyed
 * when a no-op at t. Method: a 3-node synthetic stage (n2 crashed from 40), frames at t = 10 and 50.
 */
import { describe, expect, it } from 'vitest';
import { clientMenuItems, linkMenuItems, nodeMenuItems, partitionEvent, sidesOfLine } from './actions';
import { cellsWords } from './cards';
import { stageGeometry } from './geometry';
import { createFrame, layoutAt } from './layoutAt';
import { syntheticStage } from './testing/synthetic';

const data = syntheticStage({ nodes: 3, horizon: 100, messages: [], crashes: [[2, 40, Infinity]], medianLatency: 6 });
const g = stageGeometry({ width: 300, height: 300, nodeCount: 3, tier: 'cards', card: { width: 40, height: 20 } });
const at = (t: number) => layoutAt(data, g, t, createFrame(data, g));
const view = (items: ReturnType<typeof nodeMenuItems>) => items.map((i) => [i.label, i.disabled]);

describe('nodeMenuItems', () => {
  it('offers the supported node faults named by action and node, greyed when a no-op at t', () => {
    expect(view(nodeMenuItems(data, at(50), 2, ['crash', 'recover', 'pause', 'resume']))).toEqual([
      ['Crash n2', true], ['Recover n2', false], ['Pause n2', true], ['Resume n2', true],
    ]);
    expect(nodeMenuItems(data, at(10), 1, ['crash'])[0].event).toEqual({ type: 'crash', node: 1, at: 10 });
  });

  it('offers the lab\'s own node actions after the faults, greyed unless the node is up', () => {
    const own = [{ type: 'timeout', label: (n: string) => `Time out ${n} now` }];
    expect(view(nodeMenuItems(data, at(50), 2, ['crash'], {}, own))).toEqual([['Crash n2', true], ['Time out n2 now', true]]);
    expect(nodeMenuItems(data, at(10), 1, [], {}, own)).toEqual([{ label: 'Time out n1 now', event: { type: 'timeout', node: 1, at: 10 }, disabled: false }]);
    // An action labelled '' for a node stays out of that node's menu (a server-only action).
    const serverOnly = [{ type: 'slowdown', label: (n: string) => (n === 'n1' ? `Slow ${n}` : '') }];
    expect(nodeMenuItems(data, at(10), 1, [], {}, serverOnly).map((i) => i.label)).toEqual(['Slow n1']);
    expect(nodeMenuItems(data, at(10), 0, [], {}, serverOnly)).toEqual([]);
  });

  it('isolates with the isolate fault, else as a partition of the node alone; clock items carry ms', () => {
    expect(nodeMenuItems(data, at(10), 1, ['isolate'])[0].event).toEqual({ type: 'isolate', node: 1, at: 10 });
    expect(nodeMenuItems(data, at(10), 1, ['partition'])[0].event).toEqual({ type: 'partition', groups: '1', at: 10 });
    expect(nodeMenuItems(data, at(10), 0, ['clockJump', 'skew'], { clockMs: 5 }).map((i) => i.event)).toEqual([
      { type: 'clockJump', node: 0, ms: 5, at: 10 }, { type: 'clockJump', node: 0, ms: -5, at: 10 },
      { type: 'skew', node: 0, ms: 5, at: 10 }, { type: 'skew', node: 0, ms: 0, at: 10 },
    ]);
  });
});

describe('clientMenuItems', () => {
  it('offers a write and a read from the client when the lab supports requests, nothing otherwise', () => {
    const withClients = { ...data, clients: { names: ['c0', 'c1'], home: Int32Array.of(0, 1) } };
    expect(clientMenuItems(withClients, at(10), 1, ['request'])).toEqual([
      { label: 'Write from c1', event: { type: 'request', client: 1, op: 'write', at: 10 }, disabled: false },
      { label: 'Read from c1', event: { type: 'request', client: 1, op: 'read', at: 10 }, disabled: false },
    ]);
    expect(clientMenuItems(withClients, at(10), 1, ['crash'])).toEqual([]);
  });
});

describe('linkMenuItems', () => {
  it('offers each direction of a link: cut (greyed when cut), heal (greyed when open), slow and lossy with amounts', () => {
    const items = linkMenuItems(data, at(10), 0, 1, ['cut', 'healLink', 'slow', 'lossy']);
    expect(view(items)).toEqual([
      ['Cut n0 → n1', false], ['Heal n0 → n1', true], ['Slow n0 → n1 by 12 ms', false], ['Make n0 → n1 lose 0.5', false],
      ['Cut n1 → n0', false], ['Heal n1 → n0', true], ['Slow n1 → n0 by 12 ms', false], ['Make n1 → n0 lose 0.5', false],
    ]);
    expect(items[2].event).toEqual({ type: 'slow', from: 0, to: 1, ms: 12, at: 10 });
  });

  it('offers a duplicating link with the lab\'s share, or 0.5', () => {
    expect(view(linkMenuItems(data, at(10), 0, 1, ['duplicating']))).toEqual([['Make n0 → n1 duplicate 0.5', false], ['Make n1 → n0 duplicate 0.5', false]]);
    const items = linkMenuItems(data, at(10), 0, 1, ['duplicating'], { dup: 0.2 });
    expect(items[1].event).toEqual({ type: 'duplicating', from: 1, to: 0, dup: 0.2, at: 10 });
  });
});

describe('partition gestures', () => {
  it('a drag splits nodes by side of the line; one empty side asks for nothing', () => {
    // n0 on top, n1 right, n2 left (a ring of 3): a vertical drag down the middle puts n1 alone on one side.
    const sides = sidesOfLine(g, 150, 0, 150, 300);
    expect(partitionEvent(sides, 7)).toEqual({ type: 'partition', groups: sides[1] === 1 ? '0,2|1' : '1|0,2', at: 7 });
    expect(partitionEvent([0, 0, 0], 7)).toBeUndefined();
  });
});

describe('cellsWords', () => {
  it('says a log tail in words: earlier entries, each term, tentative and marked ones', () => {
    expect(cellsWords('… 3 3 4~ 4~!')).toBe('earlier entries, 3, 3, 4 tentative, 4 tentative marked');
    expect(cellsWords('')).toBe('');
  });
});
