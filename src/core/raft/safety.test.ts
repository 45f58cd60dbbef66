/**
 * The safety monitor on hand-written cluster histories (./history.ts): the paper's Figure 8 with and
 * without the old-term commit, two leaders in one term, a follower keeping a conflicting entry, two
 * different entries applied at one index, a leader truncating, and the alarms that come first.
 */
import { describe, expect, it } from 'vitest';
import { findingProse } from './finding';
import { checkStates, type ServerState } from './history';
import { Role } from './persistent';

const F = Role.follower;
const L = Role.leader;
type Log = [number, number][];
const st = (term: number, votedFor: number, role: number, log: Log, commitIndex = 0, lastApplied = 0): ServerState =>
  ({ term, votedFor, role: role as ServerState['role'], log, commitIndex, lastApplied });

/** Figure 8: five servers s0..s4 (the paper's S1..S5), all holding entry 1 of term 1. */
function figure8(countOldTerms: boolean): ServerState[][] {
  const a: Log = [[1, 1]];
  const x: Log = [[1, 1], [2, 2]];
  const y: Log = [[1, 1], [3, 3]];
  const x4: Log = [[1, 1], [2, 2], [4, 4]];
  return [
    [st(1, 0, L, a, 1), st(1, 0, F, a, 1), st(1, 0, F, a, 1), st(1, 0, F, a, 1), st(1, 0, F, a, 1)],
    // (a) term 2: s0 leads, appends X at 2; only s1 gets it.
    [st(2, 0, L, x, 1), st(2, 0, F, x, 1), st(2, 0, F, a, 1), st(2, 0, F, a, 1), st(2, 0, F, a, 1)],
    // (b) s0 crashes; s4 wins term 3 with s2, s3 and itself, appends Y at 2, crashes.
    [st(2, 0, F, x, 0), st(2, 0, F, x, 1), st(3, 4, F, a, 1), st(3, 4, F, a, 1), st(3, 4, L, y, 1)],
    // (c) s0 restarts and wins term 4 (s1, s2), appends a term-4 entry, pushes X to s2: X on a majority.
    [st(4, 0, L, x4, countOldTerms ? 2 : 1), st(4, 0, F, x, 1), st(4, 0, F, x, 1), st(3, 4, F, a, 1), st(3, 4, F, y, 1)],
    // (d1) s0 crashes; s4 wins term 5 with s1, s2, s3 (its last term 3 beats their 2 and 1).
    [st(4, 0, F, x4, 0), st(5, 4, F, x, 1), st(5, 4, F, x, 1), st(5, 4, F, a, 1), st(5, 4, L, y, 1)],
    // s4 overwrites index 2 with Y everywhere it reaches.
    [st(4, 0, F, x4, 0), st(5, 4, F, y, 2), st(5, 4, F, y, 2), st(5, 4, F, y, 2), st(5, 4, L, y, 2)],
  ];
}

describe('safety monitor over cluster histories', () => {
  it('Figure 8 with Figure 2\'s rule: no invariant breaks (X was never committed, so overwriting it is allowed)', () => {
    const verdict = checkStates(figure8(false));
    expect(verdict.violation).toBeUndefined();
    expect(verdict.alarms).toEqual([]);
  });

  it('Figure 8 with old-term entries committed by counting replicas: Leader Completeness breaks when s4 wins term 5', () => {
    const verdict = checkStates(figure8(true));
    expect(verdict.step).toBe(4);
    expect(verdict.violation).toMatchObject({ kind: 'leaderCompleteness', servers: [4, 0], term: 5 });
    expect(verdict.violation!.entries).toEqual([{ server: 0, index: 2, term: 2, value: 2 }, { server: 4, index: 2, term: 3, value: 3 }]);
    expect(findingProse(verdict.violation!)).toMatch(/^Leader Completeness.*s4 became leader of term 5 without the committed entry 2 \(term 2, command 2\)/);
  });

  it('two leaders of one term break Election Safety; the second vote is an alarm first', () => {
    const a: Log = [];
    const verdict = checkStates([
      [st(1, -1, F, a), st(1, -1, F, a), st(1, -1, F, a)],
      [st(2, 0, F, a), st(2, 1, F, a), st(2, 0, F, a)],
      [st(2, 0, L, a), st(2, 1, F, a), st(2, 1, F, a)],
      [st(2, 0, L, a), st(2, 1, L, a), st(2, 1, F, a)],
    ]);
    expect(verdict.alarms.map((x) => [x.step, x.finding.kind, x.finding.servers])).toEqual([[2, 'voteChanged', [2, 0, 1]]]);
    expect([verdict.step, verdict.violation?.kind, verdict.violation?.servers]).toEqual([3, 'electionSafety', [0, 1]]);
  });

  it('a follower keeping its conflicting entry under a leader\'s later one breaks Log Matching, naming where the logs part', () => {
    const verdict = checkStates([
      [st(1, 0, L, [[1, 10]]), st(2, 1, L, [[2, 20]]), st(2, 1, F, [[2, 20]])],
      [st(1, 0, L, [[1, 10]]), st(2, 1, L, [[2, 20], [2, 21]]), st(2, 1, F, [[2, 20], [2, 21]])],
      [st(2, 1, F, [[1, 10], [2, 21]]), st(2, 1, L, [[2, 20], [2, 21]]), st(2, 1, F, [[2, 20], [2, 21]])],
    ]);
    expect([verdict.step, verdict.violation?.kind, verdict.violation?.servers]).toEqual([2, 'logMatching', [1, 0]]);
    expect(verdict.violation!.entries).toEqual([{ server: 1, index: 1, term: 2, value: 20 }, { server: 0, index: 1, term: 1, value: 10 }]);
    expect(verdict.alarms).toEqual([]);
  });

  it('two servers applying different entries at one index break State Machine Safety', () => {
    const verdict = checkStates([
      [st(1, 0, F, [[1, 10]], 1, 1), st(2, 1, F, [[2, 20]], 0, 0)],
      [st(1, 0, F, [[1, 10]], 1, 1), st(2, 1, F, [[2, 20]], 1, 1)],
    ]);
    expect([verdict.step, verdict.violation?.kind, verdict.violation?.servers]).toEqual([1, 'stateMachineSafety', [0, 1]]);
  });

  it('a leader deleting its own entries breaks Leader Append-Only; a follower deleting a committed entry is an alarm', () => {
    const leader = checkStates([[st(1, 0, L, [[1, 1], [1, 2]])], [st(1, 0, L, [[1, 1]])]]);
    expect([leader.step, leader.violation?.kind]).toEqual([1, 'leaderAppendOnly']);
    const follower = checkStates([
      [st(1, 0, L, [[1, 1]], 1), st(1, 0, F, [[1, 1]], 1)],
      [st(1, 0, L, [[1, 1]], 1), st(1, 0, F, [], 0)],
    ]);
    expect(follower.violation).toBeUndefined();
    expect(follower.alarms.map((x) => [x.step, x.finding.kind])).toEqual([[1, 'committedEntryDeleted']]);
  });

  it('a term that falls is an alarm (currentTerm must survive a restart)', () => {
    const verdict = checkStates([[st(3, -1, F, [])], [st(2, -1, F, [])]]);
    expect(verdict.alarms.map((x) => x.finding.kind)).toEqual(['termFell']);
  });
});
