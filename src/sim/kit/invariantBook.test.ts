import { describe, expect, it } from 'vitest';
import { InvariantBook } from './invariantBook';

describe('InvariantBook', () => {
  it('keeps the first breach of each invariant, with its time in ms, and tells it when asked to', () => {
    let tick = 0;
    const book = new InvariantBook(() => tick, 1000, true);
    book.declare('safe', 'Nothing bad happens.', 'held');
    book.declare('live', 'Something good happens.', 'held');
    tick = 2500;
    book.broke('safe', 'two leaders in term 3');
    tick = 4000;
    book.broke('safe', 'a later breach');
    book.broke('unknown', 'ignored');
    expect(book.checks()).toEqual([
      { id: 'safe', name: 'Nothing bad happens.', ok: false, detail: 'two leaders in term 3', tMs: 2.5 },
      { id: 'live', name: 'Something good happens.', ok: true, detail: 'held', tMs: NaN },
    ]);
    expect(book.remarks).toEqual([{ tick: 2500, node: -1, text: 'invariant broken: Nothing bad happens. (two leaders in term 3)' }]);
    book.remark(2, 'n2 steps down');
    expect(book.remarkColumns()).toEqual({ tick: [2500, 4000], node: [-1, 2], text: [book.remarks[0].text, 'n2 steps down'] });
  });

  it('without remarkBreaks a breach is only recorded', () => {
    const book = new InvariantBook(() => 7, 1);
    book.declare('x', 'X holds.', 'ok');
    book.broke('x', 'no');
    expect([book.remarks, book.checks()[0].tMs]).toEqual([[], 7]);
  });
});
