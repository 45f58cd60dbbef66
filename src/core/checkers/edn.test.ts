import { describe, expect, it } from 'vitest';
import { EDN_DEPTH_MAX, EdnName, EdnSet, ednText, readEdn } from './edn';

const kw = (name: string) => new EdnName('keyword', name);

describe('readEdn', () => {
  it('reads a Jepsen history: maps of keywords, nil, integers and vectors; commas are whitespace; comments skipped', () => {
    const read = readEdn('; a register\n[{:process 7, :type :invoke, :f :cas, :value [2 3]}\n {:process :nemesis :type :info :f :kill :value nil} ; note\n]');
    expect(read).toEqual({
      ok: true,
      lines: [2, 3],
      value: [
        new Map<string, unknown>([['process', 7], ['type', kw('invoke')], ['f', kw('cas')], ['value', [2, 3]]]),
        new Map<string, unknown>([['process', kw('nemesis')], ['type', kw('info')], ['f', kw('kill')], ['value', null]]),
      ],
    });
  });

  it('reads lists, sets, strings with escapes, booleans, decimals, symbols and #_ discards', () => {
    const read = readEdn('({:a "x\\"y\\n\\u00e9" :b #{:n1 :n2} :c true :d -1.5e2 :e foo.bar/baz} #_ {:dropped 1} 3N)');
    expect(read.ok && read.value).toEqual([
      new Map<string, unknown>([['a', 'x"y\né'], ['b', new EdnSet([kw('n1'), kw('n2')])], ['c', true], ['d', -150], ['e', new EdnName('symbol', 'foo.bar/baz')]]),
      3,
    ]);
    expect(read.ok && ednText(read.value)).toBe('[{:a "x\\"y\\né", :b #{:n1 :n2}, :c true, :d -150, :e foo.bar/baz} 3]');
  });

  it('refuses what it cannot read exactly, naming the line', () => {
    const refusals: [string, number, RegExp][] = [
      ['[{:a 1 :a 2}]', 1, /the key :a appears twice in one map/],
      ['[\n{:t #inst "2020-01-01"}]', 2, /the tag #inst is not read/],
      ['[{:a 1}\n{:b 2]', 2, /unexpected "\]"/],
      ['[{:a 1}', 1, /ends before the closing "\]"/],
      ['[1] [2]', 1, /after the value \(one value per file\)/],
      ['[{:a 1 :b}]', 1, /even number of forms/],
      ['[99999999999999999999]', 1, /beyond 2\^53/],
      ['[\n\n"open]', 3, /a string is not closed/],
      ['[\\a]', 1, /characters/],
      ['', 1, /holds no EDN value/],
      ['[1 2 @x]', 1, /cannot read "@x"/],
    ];
    for (const [text, line, message] of refusals) {
      const read = readEdn(text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) {
        expect(read.line, text).toBe(line);
        expect(read.message, text).toMatch(message);
      }
    }
  });

  it(`refuses nesting deeper than ${EDN_DEPTH_MAX} levels, and reads it up to that`, () => {
    expect(readEdn('['.repeat(EDN_DEPTH_MAX) + ']'.repeat(EDN_DEPTH_MAX)).ok).toBe(true);
    const deep = readEdn('['.repeat(EDN_DEPTH_MAX + 2) + ']'.repeat(EDN_DEPTH_MAX + 2));
    expect(!deep.ok && deep.message).toMatch(/nesting deeper than 64 levels/);
  });
});
