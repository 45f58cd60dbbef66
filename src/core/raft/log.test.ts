import { describe, expect, it } from 'vitest';
import {
  appendEntry, configValue, copyLog, emptyLog, entryHash, hashAt, lastIndex, lastTerm, latestConfig, logOf, termAt, truncateFrom,
} from './log';

describe('raft log', () => {
  it('appendEntry(log, term, value) numbers entries from 1 and keeps terms, values and prefix hashes aligned', () => {
    const log = emptyLog();
    expect([lastIndex(log), lastTerm(log), termAt(log, 0), hashAt(log, 0)]).toEqual([0, 0, 0, 0]);
    expect(appendEntry(log, 1, 7)).toBe(1);
    expect(appendEntry(log, 2, 8)).toBe(2);
    expect([lastIndex(log), lastTerm(log), termAt(log, 1), termAt(log, 3), hashAt(log, 3)]).toEqual([2, 2, 1, -1, -1]);
    expect(hashAt(log, 2)).toBe(entryHash(entryHash(0, 1, 7), 2, 8));
  });

  it('prefix hashes agree exactly when the prefixes agree (same entries in the same order)', () => {
    const a = logOf([[1, 1], [1, 2], [2, 3]]);
    const b = logOf([[1, 1], [1, 2], [2, 3]]);
    const swapped = logOf([[1, 2], [1, 1], [2, 3]]);
    const otherTerm = logOf([[1, 1], [2, 2], [2, 3]]);
    expect(hashAt(a, 3)).toBe(hashAt(b, 3));
    expect(hashAt(swapped, 3)).not.toBe(hashAt(a, 3));
    expect(hashAt(otherTerm, 3)).not.toBe(hashAt(a, 3));
    expect(hashAt(otherTerm, 1)).toBe(hashAt(a, 1));
    for (const h of a.hashes) expect(Number.isSafeInteger(h) && h > 0).toBe(true);
  });

  it('entryHash spreads 10^5 distinct prefixes without a collision', () => {
    const seen = new Set<number>();
    let h = 0;
    for (let i = 0; i < 100_000; i++) {
      h = entryHash(h, 1 + (i >> 10), i);
      seen.add(h);
    }
    expect(seen.size).toBe(100_000);
  });

  it('truncateFrom(log, i) deletes entry i and everything after it, and ignores an index past the end', () => {
    const log = logOf([[1, 1], [1, 2], [2, 3]]);
    const copy = copyLog(log);
    truncateFrom(log, 5);
    expect(lastIndex(log)).toBe(3);
    truncateFrom(log, 2);
    expect([log.terms, log.values, log.hashes.length]).toEqual([[1], [1], 1]);
    expect(lastIndex(copy)).toBe(3);
    expect(() => truncateFrom(log, 0)).toThrow(/invalid truncation/);
  });

  it('latestConfig(log, bootstrap) is the last configuration entry (used once stored), else the bootstrap one', () => {
    const log = logOf([[1, 0], [1, 5], [2, configValue(0b1111)], [2, 6]]);
    expect(latestConfig(log, 0b111)).toEqual({ mask: 0b1111, index: 3 });
    expect(latestConfig(log, 0b111, 2)).toEqual({ mask: 0b111, index: 0 });
    truncateFrom(log, 3);
    expect(latestConfig(log, 0b111)).toEqual({ mask: 0b111, index: 0 });
    expect(() => configValue(0)).toThrow(/invalid configuration/);
  });
});
