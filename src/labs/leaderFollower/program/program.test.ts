import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from './program';
import { LeadCause, OpKind, RequestStatus, type LeaderFollowerResult } from '../result';
import { defaults, presets, type LeaderFollowerScenario } from '../scenario';

const run = (s: LeaderFollowerScenario): LeaderFollowerResult => program(s, plainContext());
const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;

/** Indices of requests matching `kind` and `status`. */
function ops(r: LeaderFollowerResult, kind: number, status: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < r.requests.kind.length; i++) if (r.requests.kind[i] === kind && r.requests.status[i] === status) out.push(i);
  return out;
}

describe('leader-follower program', () => {
  it('program(scenario) is deterministic: same scenario, same traceHash and metrics; another seed, another hash', () => {
    const a = run(defaults);
    const b = run(structuredClone(defaults));
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(a.traceHash);
  });

  // Golden runs: a change of these hashes means the same scenario now gives another trace (bump engineVersion).
  const golden: [string, string, string, number, number][] = [
    ['async-stale-reads', 'fabaee5a00c7c189', 'not linearizable', 0, 0],
    ['sync', '57f5432865d71fb9', 'linearizable', 0, 0],
    ['semi-sync', '888838bc2f0c1fcc', 'linearizable', 0, 0],
    ['async-failover', '1ea22fb0006f1acd', 'not linearizable', 8, 0],
    ['split-brain', '68c87fd1155bf1e6', 'not linearizable', 45, 36],
    ['split-brain-fenced', 'f0bbc20dac79840a', 'linearizable', 4, 0],
  ];

  it.each(golden)('preset %s gives its golden trace hash, verdict, lost acknowledged writes and deposed writes', (id, hash, verdict, lost, deposed) => {
    const r = run(preset(id));
    expect([r.traceHash, r.check.verdict, r.metrics.lostAckedWrites, r.metrics.deposedWrites]).toEqual([hash, verdict, lost, deposed]);
    expect(r.stoppedAtLimit).toBeUndefined();
    expect(r.metrics.ops).toBe(preset(id).ops);
  });

  it('async acknowledges a write at once; sync and semi-sync only after a follower round trip (sync waits for the slowest)', () => {
    const r = run(defaults);
    const [sync, semi, async] = r.compare;
    expect([async.writeP50Ms, async.writeP99Ms]).toEqual([0, 0]);
    expect(semi.writeP50Ms).toBeGreaterThanOrEqual(2 * defaults.latencyMsMin);
    expect(sync.writeP50Ms).toBeGreaterThan(semi.writeP50Ms);
    // A round trip, plus the follower's apply queue (a few entries at most without faults).
    expect(sync.writeP99Ms).toBeLessThanOrEqual(2 * defaults.latencyMsMax + 10 * defaults.applyMs);
    expect(r.compare.map((m) => m.mode)).toEqual(['sync', 'semi-sync', 'async']);
  });

  it('reads from the leader go to the node leading its epoch; reads from followers never to a node that claims to lead', () => {
    const leaderReads = run({ ...defaults, readFrom: 'leader' });
    for (const i of ops(leaderReads, OpKind.read, RequestStatus.ok)) expect(leaderReads.requests.node[i]).toBe(0);
    const followerReads = run({ ...defaults, readFrom: 'followers' });
    const served = ops(followerReads, OpKind.read, RequestStatus.ok).map((i) => followerReads.requests.node[i]);
    expect(served.length).toBeGreaterThan(10);
    expect(served.every((n) => n === 1 || n === 2)).toBe(true);
  });

  it('every promotion picks a node at least as up to date as each of its voters, one leader per epoch', () => {
    for (const id of ['sync', 'semi-sync', 'async-failover', 'split-brain']) {
      const r = run(preset(id));
      expect(r.promotions.length).toBeGreaterThan(0);
      for (const p of r.promotions) {
        for (const v of p.voters) expect(v.lastEpoch < p.lastEpoch || (v.lastEpoch === p.lastEpoch && v.lastIndex <= p.lastIndex)).toBe(true);
      }
      expect(r.invariants.leadersPerEpochMax).toBe(1);
    }
  });

  it('sync with a crashed follower acknowledges no write until it recovers and catches up', () => {
    const r = run({ ...defaults, replication: 'sync', events: [{ t: 50, type: 'crash', node: 2 }, { t: 200, type: 'recover', node: 2 }] });
    const acked = ops(r, OpKind.write, RequestStatus.ok).map((i) => r.requests.retMs[i]);
    expect(acked.some((t) => t > 200)).toBe(true);
    expect(acked.filter((t) => t > 60 && t < 200)).toEqual([]);
    expect(r.promotions).toEqual([]);
  });

  it('an old leader back from a crash without fencing restarts as leader and takes writes beside the new one (split brain)', () => {
    const s: LeaderFollowerScenario = { ...defaults, fencing: false, ops: 200, thinkMs: 6, events: [{ t: 60, type: 'crash', node: 0 }, { t: 250, type: 'recover', node: 0 }] };
    const r = run(s);
    const restarted = Array.from(r.leaders.cause.keys()).filter((i) => r.leaders.cause[i] === LeadCause.restarted);
    expect(restarted.map((i) => [r.leaders.node[i], r.leaders.epoch[i]])).toEqual([[0, 1]]);
    expect(r.invariants.splitBrainMs).toBeGreaterThan(0);
    expect(r.invariants.deposedWrites).toBeGreaterThan(0);
    // With fencing, it comes back without a lease, hears of the newer epoch and steps down: no split brain.
    const fenced = run({ ...s, fencing: true });
    expect(fenced.stepDowns.map((x) => x.node)).toEqual([0]);
    expect([fenced.invariants.splitBrainMs, fenced.invariants.deposedWrites]).toEqual([0, 0]);
  });

  it('a paused follower falls behind while paused and catches up after; its lag chart shows it', () => {
    const r = run({ ...defaults, ops: 200, events: [{ t: 50, type: 'pause', node: 2 }, { t: 150, type: 'resume', node: 2 }] });
    const { lag } = r;
    const at = (node: number, tMs: number) => lag.entries[node * lag.samples + Math.floor(tMs / lag.sampleMs)];
    expect(at(2, 140)).toBeGreaterThan(10);
    expect(at(1, 140)).toBeLessThan(5);
    expect(lag.entries[2 * lag.samples + lag.samples - 1]).toBe(0);
    expect(r.finalApplied[2]).toBe(r.finalLastIndex[r.survivor]);
  });

  it('a crashed node\'s lag is NaN (no value) while it is down', () => {
    const r = run({ ...defaults, events: [{ t: 40, type: 'crash', node: 1 }, { t: 120, type: 'recover', node: 1 }] });
    const { lag } = r;
    expect(Number.isNaN(lag.entries[1 * lag.samples + Math.floor(80 / lag.sampleMs)])).toBe(true);
    expect(Number.isNaN(lag.entries[1 * lag.samples + Math.floor(200 / lag.sampleMs)])).toBe(false);
  });

  it('at the end every log agrees with the survivor\'s under fencing; without it the deposed leader\'s log diverges', () => {
    const fenced = run(preset('split-brain-fenced'));
    expect(Array.from(fenced.finalDivergent)).toEqual([0, 0, 0]);
    const split = run(preset('split-brain'));
    expect(split.finalDivergent[0]).toBeGreaterThan(0);
    expect(split.invariants.divergentEntries).toBe(split.finalDivergent.reduce((a, b) => a + b, 0));
  });

  it('a large scenario (9 nodes, 8 clients, 2,000 operations, crash and partition) runs within limits to a verdict', () => {
    const r = run({
      ...defaults, nodes: 9, clients: 8, ops: 2000, replication: 'sync',
      events: [{ t: 300, type: 'crash', node: 0 }, { t: 800, type: 'recover', node: 0 }, { t: 1200, type: 'partition', groups: '0,1,2|3,4,5,6,7,8' }, { t: 1500, type: 'heal' }],
    });
    expect(r.stoppedAtLimit).toBeUndefined();
    expect(r.check.verdict).toBe('linearizable');
    expect(r.invariants.splitBrainMs).toBe(0);
  }, 30_000);
});
