import { describe, expect, it } from 'vitest';
import { commonPrefix, epochAt, isAtLeastAsUpToDate, lastEpoch, matchesAt, mergeEntries, resumeHint, stateAt, type Entry } from './log';

/** A log from epochs, one entry per epoch number; entry i writes value 10 * i. */
const logOf = (...epochs: number[]): Entry[] => epochs.map((epoch, i) => ({ epoch, op: i, state: 10 * (i + 1), tick: i }));

describe('replication log', () => {
  it('epochAt(log, i) is 0 at index 0, the entry\'s epoch inside, -1 past the end; lastEpoch of an empty log is 0', () => {
    const log = logOf(1, 1, 2);
    expect([epochAt(log, 0), epochAt(log, 1), epochAt(log, 3), epochAt(log, 4)]).toEqual([0, 1, 2, -1]);
    expect([lastEpoch(log), lastEpoch([])]).toEqual([2, 0]);
  });

  it('stateAt(log, i) reads the register after entry i (nil = 0 before any entry; a barrier repeats the state)', () => {
    const log = logOf(1, 1);
    log.push({ epoch: 2, op: -1, state: log[1].state, tick: 9 });
    expect([stateAt(log, 0), stateAt(log, 1), stateAt(log, 2), stateAt(log, 3)]).toEqual([0, 10, 20, 20]);
  });

  it('isAtLeastAsUpToDate compares the last epoch first, then the length', () => {
    expect(isAtLeastAsUpToDate(2, 3, 1, 9)).toBe(true);
    expect(isAtLeastAsUpToDate(1, 9, 2, 3)).toBe(false);
    expect(isAtLeastAsUpToDate(1, 5, 1, 5)).toBe(true);
    expect(isAtLeastAsUpToDate(1, 4, 1, 5)).toBe(false);
  });

  it('matchesAt accepts only the very entry (index, epoch) the leader names, and the empty prefix', () => {
    const log = logOf(1, 1, 2);
    expect([matchesAt(log, 0, 0), matchesAt(log, 2, 1), matchesAt(log, 3, 2)]).toEqual([true, true, true]);
    expect([matchesAt(log, 3, 1), matchesAt(log, 4, 2)]).toEqual([false, false]);
  });

  it('mergeEntries keeps entries already held, truncates at the first that differs, and says where', () => {
    const log = logOf(1, 1, 1, 1);
    const incoming = logOf(1, 1, 2).slice(1); // indexes 2 (epoch 1) and 3 (epoch 2)
    expect(mergeEntries(log, 1, incoming)).toBe(2);
    expect(log.map((e) => e.epoch)).toEqual([1, 1, 2]);
    expect(mergeEntries(log, 1, incoming)).toBe(-1); // a duplicate changes nothing
    expect(log).toHaveLength(3);
  });

  it('resumeHint skips the follower\'s whole disagreeing epoch, or points at its end when it is short', () => {
    const log = logOf(1, 1, 2, 2, 2);
    expect(resumeHint(log, 5)).toBe(2);
    expect(resumeHint(log, 9)).toBe(5);
  });

  it('commonPrefix finds where two logs part (log matching makes it a binary search)', () => {
    expect(commonPrefix(logOf(1, 1, 2, 2), logOf(1, 1, 3))).toBe(2);
    expect(commonPrefix(logOf(1, 1), logOf(1, 1, 1))).toBe(2);
    expect(commonPrefix([], logOf(1))).toBe(0);
  });
});
