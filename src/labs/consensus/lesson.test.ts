/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { spec } from './index';
import { lesson } from './lesson';
import { program } from './program/program';
import { ChangeKind, type ConsensusResult } from './result';

const results = new Map<string, ConsensusResult>();
const step = (id: string): ConsensusResult => {
  const s = lesson.find((x) => x.id === id)!;
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Change rows of one kind (and server) as [tMs, server, a, b, c]. */
function rows(r: ConsensusResult, kind: number, server?: number): number[][] {
  const c = r.changes;
  const out: number[][] = [];
  for (let i = 0; i < c.kind.length; i++) if (c.kind[i] === kind && (server === undefined || c.server[i] === server)) out.push([r3(c.tMs[i]), c.server[i], c.a[i], c.b[i], c.c[i]]);
  return out;
}
const leaders = (r: ConsensusResult) => Array.from(r.leaders.server, (s, i) => [s, r.leaders.term[i], r3(r.leaders.startMs[i]), r3(r.leaders.endMs[i])]);

describe('consensus lesson claims hold in the simulation', () => {
  it('has 6 steps with distinct ids, each a valid scenario, 2-3 sentences, t within the run and servers that exist', () => {
    expect(lesson.length).toBe(6);
    expect(new Set(lesson.map((s) => s.id)).size).toBe(lesson.length);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect({ id: s.id, sentences: Math.min(3, Math.max(2, sentences)) }).toEqual({ id: s.id, sentences });
      expect(s.t).toBeGreaterThanOrEqual(0);
      expect(s.t).toBeLessThanOrEqual(step(s.id).endTime);
      for (const n of s.highlight?.nodes ?? []) expect(step(s.id).stage.nodeNames).toContain(n);
    }
  });

  it('why-leader: s2 stands in term 1 at 152.108 ms and leads it from 167.592 ms', () => {
    const r = step('why-leader');
    expect(rows(r, ChangeKind.role).find((x) => x[2] === 1)).toEqual([152.108, 2, 1, 0, 0]);
    expect(leaders(r)[0].slice(0, 3)).toEqual([2, 1, 167.592]);
  });

  it('commit: the first command, sent at 99.817 ms, is appended at index 2 at 199.817 ms and committed at 213.831 ms; p50 14.4 ms of 55', () => {
    const r = step('commit');
    const q = r.requests;
    expect([r3(q.submitMs[0]), q.index[0], q.term[0]]).toEqual([99.817, 2, 1]);
    expect(rows(r, ChangeKind.append, 2).find((x) => x[2] === 2)![0]).toBe(199.817);
    expect(rows(r, ChangeKind.commit, 2).find((x) => x[2] >= 2)![0]).toBe(213.831);
    expect([r.metrics.requests, Math.round(r.metrics.commitP50Ms * 10) / 10]).toEqual([55, 14.4]);
  });

  it('leader-fails: s0 commits up to 14; at its crash at 600 ms every follower holds 15..29 of term 1, uncommitted', () => {
    const r = step('leader-fails');
    expect(rows(r, ChangeKind.status, 0)[0].slice(0, 3)).toEqual([600, 0, 1]);
    expect(rows(r, ChangeKind.commit, 0).filter((x) => x[0] < 600).at(-1)![2]).toBe(14);
    for (const s of [1, 2, 3, 4]) {
      expect(rows(r, ChangeKind.append, s).filter((x) => x[0] <= 600).at(-1)!.slice(2, 4)).toEqual([29, 1]);
      expect(rows(r, ChangeKind.commit, s).filter((x) => x[0] <= 600).at(-1)![2]).toBe(14);
    }
  });

  it('replay: s2 stands at 799.883, leads term 2 at 817.141, heard by all at 826.729 (226.7 ms); no-op 30 committed at 834.219', () => {
    const r = step('replay');
    expect(rows(r, ChangeKind.role, 2).find((x) => x[2] === 1)![0]).toBe(799.883);
    expect(leaders(r)[1].slice(0, 3)).toEqual([2, 2, 817.141]);
    const gap = r.gaps[0];
    expect([r3(gap.endMs), Math.round((gap.endMs - gap.crashMs) * 10) / 10]).toEqual([826.729, 226.7]);
    expect(rows(r, ChangeKind.append, 2).find((x) => x[0] >= 817.141)!.slice(2)).toEqual([30, 2, 0]);
    expect(rows(r, ChangeKind.commit, 2).find((x) => x[0] > 817.141)!.slice(0, 3)).toEqual([834.219, 2, 30]);
  });

  it('majority-votes: with doubleVote s2 leads term 1 from 164.923 ms and s0 from 172.577 ms; Election Safety stops the run there', () => {
    const r = step('majority-votes');
    expect(lesson.find((s) => s.id === 'majority-votes')!.scenario.broken).toBe('doubleVote');
    expect(leaders(r).map((l) => l.slice(0, 3))).toEqual([[2, 1, 164.923], [0, 1, 172.577]]);
    expect(r.verdict.violation).toMatchObject({ kind: 'electionSafety', servers: [2, 0], tMs: 172.577 });
    expect(r.endTime).toBe(172.577);
  });

  it('majority-commit: s0 takes 33 commands after 300 ms and commits none; s2 leads term 2 from 442.460 with s1, s3, s4; s0 steps down at 2012.219 and cuts from index 5', () => {
    const r = step('majority-commit');
    const q = r.requests;
    const taken = Array.from(q.submitMs.keys()).filter((i) => q.submitMs[i] > 300 && q.term[i] === 1);
    expect(taken.length).toBe(33);
    expect(taken.filter((i) => !Number.isNaN(q.committedMs[i]))).toEqual([]);
    expect(leaders(r).map((l) => l.slice(0, 4))).toEqual([[0, 1, 0, 2012.219], [2, 2, 442.46, 3000]]);
    expect(rows(r, ChangeKind.vote).filter((x) => x[0] > 400 && x[0] < 442.46).map((x) => [x[1], x[2]]).sort()).toEqual([[1, 2], [2, 2], [3, 2], [4, 2]]);
    expect(rows(r, ChangeKind.truncate, 0).map((x) => x[2])).toEqual([5]);
  });
});
