/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import { OpKind, RequestStatus, type LeaderFollowerResult, type ModeSummary } from './result';
import { spec } from './index';
import { lagPeaks } from './ui/select';

const results = new Map<string, LeaderFollowerResult>();
const step = (id: string): LeaderFollowerResult => {
  const s = lesson.find((x) => x.id === id)!;
  expect(spec.validate(s.scenario).ok).toBe(true);
  const key = JSON.stringify(s.scenario);
  if (!results.has(key)) results.set(key, program(s.scenario, plainContext()));
  return results.get(key)!;
};
const mode = (r: LeaderFollowerResult, m: ModeSummary['mode']) => r.compare.find((c) => c.mode === m)!;
const round1 = (v: number) => Math.round(v * 10) / 10;

describe('leader-follower lesson claims hold in the simulation', () => {
  it('has 5-6 steps with distinct ids, each with a valid scenario and 2-3 sentences', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(5);
    expect(lesson.length).toBeLessThanOrEqual(6);
    expect(new Set(lesson.map((s) => s.id)).size).toBe(lesson.length);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      // A sentence ends at . ! or ? followed by a space (a decimal point is not followed by one).
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect({ id: s.id, sentences: Math.min(3, Math.max(2, sentences)) }).toEqual({ id: s.id, sentences });
    }
  });

  it('write-cost: async 0 ms; semi-sync p50 11.4 ms; sync p50 13.9 ms and p99 23.5 ms; all keep every write and are linearizable', () => {
    const r = step('write-cost');
    expect(r.mode).toBe('sync');
    expect(r.faults).toEqual([]);
    expect([mode(r, 'async').writeP50Ms, mode(r, 'async').writeP99Ms]).toEqual([0, 0]);
    expect(round1(mode(r, 'semi-sync').writeP50Ms)).toBe(11.4);
    expect(round1(mode(r, 'sync').writeP50Ms)).toBe(13.9);
    expect(round1(mode(r, 'sync').writeP99Ms)).toBe(23.5);
    for (const m of r.compare) expect([m.mode, m.lostAckedWrites, m.verdict]).toEqual([m.mode, 0, 'linearizable']);
  });

  it('lag: followers up to 14 entries (40.3 ms) behind; all 79 reads stale, up to 14 writes behind; sync 0 stale yet not linearizable', () => {
    const r = step('lag');
    const peaks = lagPeaks(r);
    expect(peaks.entries).toBe(14);
    expect(round1(peaks.ageMs)).toBe(40.3);
    expect([r.staleness.reads, r.staleness.staleReads, r.staleness.kMax]).toEqual([79, 79, 14]);
    expect(r.check.verdict).toBe('not linearizable');
    expect(mode(r, 'sync').staleReads).toBe(0);
    expect(mode(r, 'sync').verdict).toBe('not linearizable');
  });

  it('sync-failover: n1 leads epoch 3 at 272.1 ms with index 20, as far as n2; nothing lost; no write acknowledged from the crash to 300 ms', () => {
    const r = step('sync-failover');
    expect(r.promotions).toHaveLength(1);
    const p = r.promotions[0];
    expect([p.node, p.epoch, round1(p.tMs), p.lastIndex]).toEqual([1, 3, 272.1, 20]);
    expect(p.voters).toEqual([{ node: 2, lastEpoch: 1, lastIndex: 20 }]);
    expect(r.lost).toEqual([]);
    expect(r.check.verdict).toBe('linearizable');
    const q = r.requests;
    for (let i = 0; i < q.kind.length; i++) {
      if (q.kind[i] === OpKind.write && q.status[i] === RequestStatus.ok) expect(q.retMs[i] <= 150 || q.retMs[i] >= 300).toBe(true);
    }
  });

  it('async-failover: n2 leads epoch 3 at 186.0 ms with index 109 (n1: 104); 8 writes acknowledged 96.3..99.8 ms lost; op 216 on n2 returned 173, overwritten by op 174', () => {
    const r = step('async-failover');
    const p = r.promotions[0];
    expect([p.node, p.epoch, round1(p.tMs), p.lastIndex, p.voters.map((v) => [v.node, v.lastIndex])]).toEqual([2, 3, 186.0, 109, [[1, 104]]]);
    expect(r.lost).toHaveLength(8);
    expect(round1(Math.min(...r.lost.map((l) => l.ackMs)))).toBe(96.3);
    expect(round1(Math.max(...r.lost.map((l) => l.ackMs)))).toBe(99.8);
    expect(r.lost.every((l) => l.node === 0 && l.cause === 'failover')).toBe(true);
    const e = r.check.explanation!;
    expect(r.check.verdict).toBe('not linearizable');
    expect(e.cannotPlace).toBe(216);
    expect([r.requests.node[216], round1(r.requests.callMs[216]), r.requests.value[216]]).toEqual([2, 211.1, 173]);
    expect(e.overwrittenBy).toBe(174);
    expect(r.requests.value[174]).toBe(175);
    expect(round1(r.lost.find((l) => l.op === 174)!.ackMs)).toBe(96.3);
    expect(r.stepDowns.map((s) => s.node)).toEqual([0]);
    expect(r.stepDowns[0].tMs).toBeGreaterThanOrEqual(300);
  });

  it('split-brain: n1 leads epoch 2 at 184.9 ms; two serve at once for 665.6 ms past the heal; 36 deposed writes, 45 lost, 37 stale reads', () => {
    const r = step('split-brain');
    const p = r.promotions[0];
    expect([p.node, p.epoch, round1(p.tMs)]).toEqual([1, 2, 184.9]);
    expect(round1(r.invariants.splitBrainMs)).toBe(665.6);
    expect(r.splitBrain.endMs[r.splitBrain.endMs.length - 1]).toBeGreaterThan(300);
    expect(r.invariants.deposedWrites).toBe(36);
    expect(r.lost.filter((l) => l.cause === 'deposed')).toHaveLength(36);
    expect(r.lost.filter((l) => l.cause === 'failover')).toHaveLength(9);
    expect(r.lost).toHaveLength(45);
    expect(r.metrics.staleReads).toBe(37);
    expect(r.stepDowns).toEqual([]);
  });

  it('fencing: lease 40 ms < detection 60 ms; n0 stops serving by 140 ms and steps down at 309.7 ms; no split brain; 4 lost in async, 0 in semi-sync and sync', () => {
    const s = lesson.find((x) => x.id === 'fencing')!.scenario;
    expect([s.leaseMs, s.detectMs, s.events[0].t]).toEqual([40, 60, 100]);
    const r = step('fencing');
    const n0 = Array.from(r.serving.node.keys()).filter((i) => r.serving.node[i] === 0);
    expect(Math.max(...n0.map((i) => r.serving.endMs[i]))).toBeLessThanOrEqual(140);
    expect(r.stepDowns.map((x) => [x.node, round1(x.tMs), x.newerEpoch])).toEqual([[0, 309.7, 2]]);
    expect(r.invariants.splitBrainMs).toBe(0);
    expect(r.check.verdict).toBe('linearizable');
    expect(r.lost).toHaveLength(4);
    expect([mode(r, 'semi-sync').lostAckedWrites, mode(r, 'sync').lostAckedWrites]).toEqual([0, 0]);
  });
});
