/**
 * The consensus program on the lab's presets: what each teaches must happen in the run (an election, a
 * replay, a disruption and its cure, a stale leader and its cure, a membership change, a broken rule
 * caught), the run must be a pure function of its scenario, and a crash must keep exactly the persistent
 * state.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, presetScenario } from '../../contract';
import { ChangeKind, type ConsensusResult } from '../result';
import { presets } from '../presets';
import { defaults, type ConsensusScenario } from '../scenario';
import { describeMessage, MESSAGE_KINDS, messageDescriber, MsgKind } from './messages';
import { simulate } from './simulate';
import { program } from './program';

const run = (s: ConsensusScenario): ConsensusResult => program(s, plainContext());
const preset = (id: string) => run(presetScenario(presets, id));

/** Rows of one change kind, optionally of one server: [tMs, server, a, b, c]. */
function rows(r: ConsensusResult, kind: number, server?: number): [number, number, number, number, number][] {
  const c = r.changes;
  const out: [number, number, number, number, number][] = [];
  for (let i = 0; i < c.kind.length; i++) {
    if (c.kind[i] === kind && (server === undefined || c.server[i] === server)) out.push([c.tMs[i], c.server[i], c.a[i], c.b[i], c.c[i]]);
  }
  return out;
}

/** Leadership intervals as [server, term, startMs, endMs]. */
const leaders = (r: ConsensusResult) => Array.from(r.leaders.server, (s, i) => [s, r.leaders.term[i], r.leaders.startMs[i], r.leaders.endMs[i]]);

describe('consensus program', () => {
  it('program(scenario) is deterministic: same scenario, same trace hash and metrics; another seed, another trace', () => {
    const a = run(defaults);
    const b = run(structuredClone(defaults));
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(a.traceHash);
  });

  // Golden runs: a change of these hashes means the same scenario now gives another trace (bump engineVersion).
  const golden: [string, string, number, number, string | null][] = [
    ['first-election', 'fc7421f0fe23970e', 1, 56, null],
    ['replay-uncommitted', '351f375a4c6ce5cb', 2, 131, null],
    ['disruptive-rejoin', '0989f3f659e87dcf', 2, 56, null],
    ['disruptive-rejoin-prevote', '890dbe534c46cea2', 1, 56, null],
    ['stale-leader', '3f4cf20f30f9d645', 2, 24, null],
    ['stale-leader-checkquorum', 'f5b4f429678fc833', 3, 51, null],
    ['membership', '2788d8f535aff823', 2, 61, null],
    ['removed-server', '4ff3b5a2a05ab43a', 6, 63, null],
    ['removed-server-checkquorum', 'd143b7204b0fdaf9', 1, 57, null],
    ['broken-double-vote', '24dd55b21f696173', 2, 0, 'electionSafety'],
    ['broken-commit-old-term', '2627fd9c5e5ac0bd', 4, 30, 'leaderCompleteness'],
    ['broken-keep-conflicts', 'ed8983ac52fa39c1', 2, 5, 'stateMachineSafety'],
  ];

  it.each(golden)('preset %s gives its golden trace hash, leaders, committed entries and verdict', (id, hash, leaderCount, committed, kind) => {
    const r = preset(id);
    expect([r.traceHash, r.metrics.leaders, r.metrics.committed, r.verdict.violation?.kind ?? null]).toEqual([hash, leaderCount, committed, kind]);
    expect(r.stoppedAtLimit).toBeUndefined();
  });

  it('first election: one leader, every server applies the same commands in the same order, a commit takes a round trip', () => {
    const r = preset('first-election');
    expect(r.verdict.ok).toBe(true);
    expect(r.leaders.server.length).toBe(1);
    const applied = [0, 1, 2, 3, 4].map((s) => rows(r, ChangeKind.apply, s).map((x) => x[4]));
    const longest = applied.reduce((a, b) => (b.length > a.length ? b : a));
    for (const seq of applied) expect(seq).toEqual(longest.slice(0, seq.length));
    expect(r.metrics.requestsCommitted).toBeGreaterThan(r.metrics.requests - 3);
    expect(r.metrics.commitP50Ms).toBeGreaterThanOrEqual(2 * defaults.latencyMsMin);
  });

  it('replay: entries the old leader could not commit are committed by the new leader, with its no-op', () => {
    const r = preset('replay-uncommitted');
    const s0Commit = rows(r, ChangeKind.commit, 0).filter(([t]) => t < 600).reduce((m, x) => Math.max(m, x[2]), 0);
    const stored = rows(r, ChangeKind.append, 1).filter(([t]) => t < 600).reduce((m, x) => Math.max(m, x[2]), 0);
    expect(stored - s0Commit).toBeGreaterThan(5);
    const [next] = leaders(r).filter(([, term]) => term > 1);
    expect(next[2]).toBeGreaterThan(600);
    const replayed = rows(r, ChangeKind.commit, next[0]).filter(([t]) => t > next[2]).map((x) => x[2]);
    expect(Math.max(...replayed)).toBeGreaterThan(stored);
    // Commands taken by s0 between the cut and its crash are answered, after the crash.
    const submit = r.requests.submitMs;
    const late = Array.from(submit.keys()).filter((i) => submit[i] > 320 && submit[i] < 590 && r.requests.term[i] === 1);
    expect(late.length).toBeGreaterThan(5);
    for (const i of late) expect(r.requests.committedMs[i]).toBeGreaterThan(600);
  });

  it('a server cut off raises its term and deposes the healthy leader when it returns; with PreVote it does not', () => {
    const without = preset('disruptive-rejoin');
    const termOf4 = rows(without, ChangeKind.term, 4).map((x) => x[2]);
    expect(Math.max(...termOf4)).toBeGreaterThan(5);
    const [first] = leaders(without);
    expect(first.slice(0, 2)).toEqual([0, 1]);
    expect(first[3]).toBeGreaterThan(2000);
    expect(first[3]).toBeLessThan(2100);
    expect(leaders(without).length).toBe(2);
    const withPreVote = preset('disruptive-rejoin-prevote');
    expect(leaders(withPreVote)).toEqual([[0, 1, 0, 3000]]);
    expect(rows(withPreVote, ChangeKind.term, 4)).toEqual([[0, 4, 1, 0, 0]]);
  });

  it('a leader cut off from the majority leads on in its term; with CheckQuorum it steps down within an election timeout', () => {
    const stale = leaders(preset('stale-leader'));
    expect(stale[0].slice(0, 2)).toEqual([0, 1]);
    expect(stale[0][3]).toBeGreaterThan(2000);
    expect(stale[1][1]).toBe(2);
    expect(stale[1][2]).toBeLessThan(stale[0][3]);
    const checked = leaders(preset('stale-leader-checkquorum'));
    const { electionMsMin, heartbeatMs } = defaults;
    expect(checked[0][3]).toBeGreaterThan(300);
    expect(checked[0][3]).toBeLessThanOrEqual(300 + electionMsMin + heartbeatMs);
  });

  it('membership: s5 catches up and joins; the removed leader leads until its removal commits, then never stands again', () => {
    const r = preset('membership');
    const [add, remove] = r.membership;
    expect([add.kind, add.node, add.leader, remove.kind, remove.node, remove.leader]).toEqual(['addServer', 5, 0, 'removeServer', 0, 0]);
    expect(add.committedMs).toBeGreaterThan(500);
    expect(rows(r, ChangeKind.apply, 5).length).toBeGreaterThan(10);
    expect(rows(r, ChangeKind.config, 5).at(-1)![2]).toBe(0b111110);
    const [first, second] = leaders(r);
    expect(first[3]).toBe(remove.committedMs);
    expect(second[0]).not.toBe(0);
    expect(rows(r, ChangeKind.role, 0).filter(([t, , role]) => t > remove.committedMs && role !== 0)).toEqual([]);
  });

  it('a removed server that never learned of its removal deposes leader after leader; with CheckQuorum its votes are ignored', () => {
    const without = preset('removed-server');
    expect(without.membership[0].committedMs).toBeGreaterThan(500);
    expect(without.leaders.server.length).toBeGreaterThan(3);
    expect(Array.from(without.leaders.server)).not.toContain(4);
    expect(leaders(preset('removed-server-checkquorum'))).toEqual([[0, 1, 0, 3000]]);
  });

  it('a crash keeps currentTerm, votedFor and the log, and loses commitIndex; the restarted server catches up', () => {
    const r = run({ ...defaults, bootstrap: 'leader', events: [{ t: 500, type: 'crash', node: 1 }, { t: 800, type: 'recover', node: 1 }] });
    expect(rows(r, ChangeKind.status, 1).map((x) => [x[0], x[2]])).toEqual([[500, 1], [800, 0]]);
    expect(rows(r, ChangeKind.commit, 1).filter(([t]) => t === 800).map((x) => x[2])).toEqual([0]);
    expect(rows(r, ChangeKind.truncate, 1)).toEqual([]);
    expect(rows(r, ChangeKind.term, 1).map((x) => x[2])).toEqual([1]);
    const leaderCommit = Math.max(...rows(r, ChangeKind.commit, 0).map((x) => x[2]));
    expect(Math.max(...rows(r, ChangeKind.commit, 1).map((x) => x[2]))).toBeGreaterThan(leaderCommit - 3);
  });

  it('broken variants stop the run at the first violation and name the servers and entries involved', () => {
    const dv = preset('broken-double-vote');
    expect(dv.verdict.violation).toMatchObject({ kind: 'electionSafety', term: 1 });
    expect(dv.verdict.alarms.map((a) => a.kind)).toContain('voteChanged');
    expect(dv.endTime).toBe(dv.verdict.violation!.tMs);
    expect(dv.changes.step.every((step) => step <= dv.verdict.violation!.step)).toBe(true);
    expect(dv.stoppedAtLimit).toBeUndefined();
    const f8 = preset('broken-commit-old-term');
    expect(f8.verdict.violation).toMatchObject({ kind: 'leaderCompleteness', servers: [2, 0], term: 6 });
    expect(f8.verdict.violation!.entries).toEqual([{ server: 0, index: 28, term: 1, value: 27 }, { server: 2, index: 28, term: 4, value: 0 }]);
    expect(run({ ...presetScenario(presets, 'broken-commit-old-term'), broken: 'none' }).verdict.ok).toBe(true);
    const kc = preset('broken-keep-conflicts');
    expect(kc.verdict.violation).toMatchObject({ kind: 'stateMachineSafety' });
    expect(kc.verdict.violation!.servers).toContain(0);
    expect(kc.verdict.violation!.entries.map((e) => e.index)).toEqual([kc.verdict.violation!.entries[0].index, kc.verdict.violation!.entries[0].index]);
    expect(kc.verdict.prose).toMatch(/^State Machine Safety.*The run stopped at step \d+/);
  });

  it('every message has a readable kind; AppendEntries says how many entries it carries, replies carry + or −', () => {
    expect(MESSAGE_KINDS.map((k) => k.name)).toEqual(['RequestVote', 'RequestVote reply', 'PreVote', 'PreVote reply', 'AppendEntries', 'AppendEntries reply']);
    const append = { k: MsgKind.appendEntries, term: 2, prevLogIndex: 3, prevLogTerm: 1, terms: [2, 2], values: [0, 7], leaderCommit: 3 } as const;
    expect(describeMessage({ ...append, terms: [...append.terms], values: [...append.values] })).toBe('AppendEntries ×2');
    expect(describeMessage({ ...append, terms: [], values: [] })).toBe('AppendEntries ×0');
    expect(describeMessage({ k: MsgKind.requestVoteReply, term: 2, granted: false })).toBe('RequestVote reply −');
    expect(describeMessage({ k: MsgKind.preVote, term: 3, lastLogIndex: 0, lastLogTerm: 0 })).toBe('PreVote t3');
    expect(describeMessage({ k: MsgKind.appendEntriesReply, term: 2, success: true, index: 5 })).toBe('AppendEntries reply + 5');
    expect(describeMessage({ k: MsgKind.appendEntriesReply, term: 2, success: false, index: 4 })).toBe('AppendEntries reply −');
  });

  it('messageDescriber names every message a run sends (the stage log), without changing the trace', () => {
    const s = { ...defaults, preVote: true, durationMs: 600 };
    const run = simulate(s, { stage: { describe: messageDescriber } });
    const log = run.sim.stageLog!.columns();
    const used = new Set(Array.from(log.messageKind, (k) => log.kinds[k]));
    expect(used).toEqual(new Set(messageDescriber.kinds));
    expect(log.labels).toContain('AppendEntries ×0');
    expect(run.sim.trace.hash()).toBe(simulate(s).sim.trace.hash());
  });
});
