import { describe, expect, it } from 'vitest';
import { rng } from '../core/random/rng';
import { Network } from './network';
import { GROUPS_PATTERN } from './faultTable';
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

describe('partition groups: the parser reads exactly what the validator describes', () => {
  const described = new RegExp(`^(?:${GROUPS_PATTERN.source})$`);
  const parses = (text: string) => {
    try {
      parseGroups(text, 10 ** 9);
      return true;
    } catch {
      return false;
    }
  };

  it('refuses an empty item, which Number() would read as node 0', () => {
    for (const text of ['3| ', '1,|2', '|', ',', '0,,1', ' | 1', '1|', '1e0', '0x1', '-1', '1.0', '\t1']) {
      expect([text, parses(text), described.test(text)]).toEqual([text, false, false]);
    }
  });

  it('over every short text of digits, commas, bars and spaces, parseGroups accepts it iff the pattern describes it', () => {
    const alphabet = ['0', '1', '7', ',', '|', ' ', 'x'];
    let state = 5;
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + (n % 9);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[(state = (state * 1103515245 + 12345) >>> 0) % alphabet.length];
      expect(parses(text), JSON.stringify(text)).toBe(described.test(text));
    }
  });
});
