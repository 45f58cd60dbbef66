import { describe, expect, it } from 'vitest';
import { rng } from '../core/random/rng';
import { Network } from './network';
import { groupOf, parseGroups } from './partition';

describe('partition groups', () => {
  it('parseGroups("0,1|2,3") reads groups of node ids', () => {
    expect(parseGroups('0,1|2, 3', 4)).toEqual([[0, 1], [2, 3]]);
    expect(() => parseGroups('0,9', 4)).toThrow('partition groups must hold node ids 0..3, got "9" in "0,9"');
    expect(() => parseGroups(' ', 4)).toThrow('at least one node');
  });

  it('groupOf puts unlisted nodes together in one extra group and refuses repeated nodes', () => {
    expect(Array.from(groupOf([[0], [2, 3]], 6))).toEqual([0, 2, 1, 1, 2, 2]);
    expect(() => groupOf([[0, 1], [1]], 3)).toThrow('node 1 is listed twice');
  });

  it('Network.partition cuts exactly the links between groups, both ways, and replaces older cuts', () => {
    const net = new Network(rng(1), 4);
    net.cut(0, 1);
    net.partition([[0, 1], [2]]);
    const cut = (a: number, b: number) => net.isCut(a, b);
    expect([cut(0, 1), cut(1, 0), cut(0, 2), cut(2, 0), cut(3, 2), cut(2, 3), cut(3, 0), cut(1, 3)]).toEqual([
      false, false, true, true, true, true, true, true,
    ]);
    net.heal();
    expect(cut(0, 2)).toBe(false);
  });

  it('Network.addNode keeps cuts and existing links', () => {
    const net = new Network(rng(1), 2);
    const link = net.link(0, 1);
    net.cut(1, 0);
    expect(net.addNode()).toBe(2);
    expect(net.link(0, 1)).toBe(link);
    expect([net.isCut(1, 0), net.isCut(0, 1), net.isCut(2, 0)]).toEqual([true, false, false]);
  });
});
