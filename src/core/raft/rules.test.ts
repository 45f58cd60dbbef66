import { describe, expect, it } from 'vitest';
import { isQuorum, isSingleChange, majorityOf, memberCount, membersOf } from './config';
import { logOf } from './log';
import { Role, adoptTerm, freshPersistent, freshVolatile, leaderIndexes } from './persistent';
import { decidePreVote, decideVote, followerCommit, isUpToDate, leaderCommit, matchAppend } from './rules';

describe('raft rules (Figure 2)', () => {
  it('isUpToDate: a higher last term wins; with equal last terms, the longer (or equal) log wins', () => {
    expect(isUpToDate(3, 1, 2, 9)).toBe(true);
    expect(isUpToDate(2, 9, 3, 1)).toBe(false);
    expect(isUpToDate(2, 5, 2, 5)).toBe(true);
    expect(isUpToDate(2, 4, 2, 5)).toBe(false);
  });

  it('decideVote grants once per term to an up-to-date log; refuses stale terms, a second candidate and a log behind', () => {
    const voter = { currentTerm: 3, votedFor: -1, log: logOf([[1, 1], [3, 2]]) };
    const req = { term: 3, candidate: 1, lastLogIndex: 2, lastLogTerm: 3 };
    expect(decideVote(voter, req)).toBe('granted');
    expect(decideVote(voter, { ...req, term: 2 })).toBe('staleTerm');
    expect(decideVote(voter, { ...req, lastLogIndex: 1, lastLogTerm: 3 })).toBe('logBehind');
    expect(decideVote(voter, { ...req, lastLogIndex: 9, lastLogTerm: 2 })).toBe('logBehind');
    const voted = { ...voter, votedFor: 2 };
    expect(decideVote(voted, req)).toBe('alreadyVoted');
    expect(decideVote(voted, { ...req, candidate: 2 })).toBe('granted');
    expect(decideVote(voted, req, { ignoreVotedFor: true })).toBe('granted');
  });

  it('decidePreVote changes nothing and refuses while a leader is heard from', () => {
    const voter = { currentTerm: 3, votedFor: 2, log: logOf([[1, 1]]) };
    const req = { term: 4, candidate: 1, lastLogIndex: 1, lastLogTerm: 1 };
    expect(decidePreVote(voter, req, false)).toBe('granted');
    expect(decidePreVote(voter, req, true)).toBe('alreadyVoted');
    expect(decidePreVote(voter, { ...req, lastLogIndex: 0, lastLogTerm: 0 }, false)).toBe('logBehind');
    expect(decidePreVote(voter, { ...req, term: 3 }, false)).toBe('staleTerm');
    expect(voter).toEqual({ currentTerm: 3, votedFor: 2, log: logOf([[1, 1]]) });
  });

  it('matchAppend refuses a missing or mismatched prevLogIndex', () => {
    const log = logOf([[1, 1], [2, 2]]);
    expect(matchAppend(log, 3, 2, [])).toEqual({ ok: false });
    expect(matchAppend(log, 2, 1, [])).toEqual({ ok: false });
    expect(matchAppend(log, 0, 0, [1])).toMatchObject({ ok: true, truncateFrom: 0, appendFrom: 1, lastNewIndex: 1 });
  });

  it('matchAppend truncates at the first conflict, appends what is missing, and never cuts agreeing entries (a late shorter duplicate)', () => {
    const log = logOf([[1, 1], [1, 2], [1, 3]]);
    expect(matchAppend(log, 1, 1, [2, 2])).toEqual({ ok: true, truncateFrom: 2, appendFrom: 0, lastNewIndex: 3 });
    expect(matchAppend(log, 1, 1, [1])).toEqual({ ok: true, truncateFrom: 0, appendFrom: 1, lastNewIndex: 2 });
    expect(matchAppend(log, 2, 1, [1, 4])).toEqual({ ok: true, truncateFrom: 0, appendFrom: 1, lastNewIndex: 4 });
  });

  it('matchAppend with keepConflicts (broken) keeps its own conflicting entries and appends only past its end', () => {
    const log = logOf([[1, 1]]);
    expect(matchAppend(log, 0, 0, [2, 2], { keepConflicts: true })).toEqual({ ok: true, truncateFrom: 0, appendFrom: 1, lastNewIndex: 2 });
  });

  it('leaderCommit commits the majority index only when its entry is of the current term (Figure 8)', () => {
    // Five servers; the term-4 leader s0 holds [1, 2, 4]; s1 and s2 store up to index 2 (term 2).
    const log = logOf([[1, 1], [2, 2], [4, 3]]);
    const input = { log, currentTerm: 4, commitIndex: 1, self: 0, config: 0b11111, matchIndex: [0, 2, 2, 1, 0] };
    expect(leaderCommit(input)).toBe(1);
    expect(leaderCommit(input, { countOldTerms: true })).toBe(2);
    expect(leaderCommit({ ...input, matchIndex: [0, 3, 3, 1, 0] })).toBe(3);
    expect(leaderCommit({ ...input, commitIndex: 3, matchIndex: [0, 3, 3, 3, 3] })).toBe(3);
  });

  it('leaderCommit counts only the configuration\'s voters; a leader outside it does not count itself', () => {
    const log = logOf([[1, 1], [1, 2]]);
    const input = { log, currentTerm: 1, commitIndex: 0, self: 0, config: 0b11110, matchIndex: [0, 2, 0, 0, 0] };
    expect(leaderCommit(input)).toBe(0);
    expect(leaderCommit({ ...input, matchIndex: [0, 2, 2, 1, 0] })).toBe(1);
    expect(leaderCommit({ ...input, matchIndex: [0, 2, 2, 2, 0] })).toBe(2);
  });

  it('followerCommit is min(leaderCommit, last new index) and never moves back', () => {
    expect(followerCommit(1, 5, 3)).toBe(3);
    expect(followerCommit(4, 5, 3)).toBe(4);
    expect(followerCommit(4, 2, 9)).toBe(4);
  });

  it('config masks: majorities, quorums and single-server changes', () => {
    expect([memberCount(0b10110), majorityOf(0b111), majorityOf(0b1111), majorityOf(0b11111)]).toEqual([3, 2, 3, 3]);
    expect(isQuorum(0b0011, 0b0111)).toBe(true);
    expect(isQuorum(0b1001, 0b1111)).toBe(false);
    expect(membersOf(0b1010)).toEqual([1, 3]);
    expect([isSingleChange(0b111, 0b1111), isSingleChange(0b111, 0b011), isSingleChange(0b111, 0b11001)]).toEqual([true, true, false]);
  });

  it('a crash keeps currentTerm, votedFor and the log, and loses role, commitIndex and the leader indexes', () => {
    const disk = freshPersistent(0b111);
    const before = freshVolatile(3);
    expect(adoptTerm(disk, before, 2)).toBe(true);
    disk.votedFor = 1;
    disk.log = logOf([[2, 5]]);
    before.role = Role.leader;
    before.commitIndex = 1;
    leaderIndexes(before, disk.log);
    expect(Array.from(before.nextIndex)).toEqual([2, 2, 2]);
    const after = freshVolatile(3);
    expect([disk.currentTerm, disk.votedFor, disk.log.terms]).toEqual([2, 1, [2]]);
    expect([after.role, after.commitIndex, after.lastApplied, after.leaderId]).toEqual([Role.follower, 0, 0, -1]);
    expect(adoptTerm(disk, after, 2)).toBe(false);
    expect(adoptTerm(disk, after, 3)).toBe(true);
    expect(disk.votedFor).toBe(-1);
  });
});
