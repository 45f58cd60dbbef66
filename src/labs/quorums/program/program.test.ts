import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { storeOutcome } from '../../../sim/kit/leaderless/store';
import { program } from './program';
import { OpKind, Phase, RequestStatus, type QuorumsResult } from '../result';
import { defaults, presets, type QuorumsScenario } from '../scenario';

const run = (s: QuorumsScenario): QuorumsResult => program(s, plainContext());

/** Contact indices of request i. */
function contactsOf(r: QuorumsResult, i: number): number[] {
  const out: number[] = [];
  for (let j = r.requests.contactStart[i]; j < r.requests.contactStart[i + 1]; j++) out.push(j);
  return out;
}

describe('quorums program', () => {
  it('program(scenario) is deterministic: same scenario, same traceHash and metrics; another seed, another hash', () => {
    const a = run(defaults);
    const b = run(structuredClone(defaults));
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(a.traceHash);
  });

  it('every preset runs to its end within limits, and the ABD preset is linearizable', () => {
    for (const p of presets) {
      const r = run(p.scenario);
      expect({ id: p.id, stopped: r.stoppedAtLimit, ops: r.metrics.ops }).toEqual({ id: p.id, stopped: undefined, ops: p.scenario.ops });
      expect(r.traceHash).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(run(presets[0].scenario).check.verdict).toBe('linearizable');
  });

  // Golden runs: a change of these hashes means the same scenario now gives another trace (bump engineVersion).
  const golden: [string, string, string, number, number][] = [
    ['abd', '9647ac660042474d', 'linearizable', 0, 0],
    ['no-write-back', '956844a6d91636e2', 'not linearizable', 0, 0],
    ['w1-r1', '5989aff6a3338f2a', 'not linearizable', 1, 0],
    ['sloppy-partition', '27dd8c9a325e9817', 'not linearizable', 3, 5],
  ];

  it.each(golden)('preset %s gives its golden trace hash, verdict, stale reads and hints', (id, hash, verdict, staleReads, hintsStored) => {
    const r = run(presets.find((p) => p.id === id)!.scenario);
    expect([r.traceHash, r.check.verdict, r.metrics.staleReads, r.metrics.hintsStored]).toEqual([hash, verdict, staleReads, hintsStored]);
  });

  it('program(scenario) reports the kit store\'s run of the scenario: same trace hash, metrics and requests as storeOutcome', () => {
    const r = run(presets[2].scenario);
    const store = storeOutcome(presets[2].scenario);
    expect([r.traceHash, r.metrics, r.requests.version]).toEqual([store.traceHash, store.metrics, store.requests.version]);
  });

  it('a Pareto run has a longer latency tail than a uniform one over the same range', () => {
    const base = { ...defaults, ops: 400, latencyMsMax: 200, timeoutMs: 1000 };
    const uniform = run(base);
    const pareto = run({ ...base, latency: 'pareto', paretoShape: 1.2 });
    expect(pareto.metrics.latencyP50Ms).toBeLessThan(uniform.metrics.latencyP50Ms);
    expect(pareto.metrics.latencyP99Ms / pareto.metrics.latencyP50Ms).toBeGreaterThan(uniform.metrics.latencyP99Ms / uniform.metrics.latencyP50Ms);
  });

  it('quorum data: an ok read asked all N replicas, counted R replies, chose their highest version and wrote it back to W', () => {
    const r = run(defaults);
    let reads = 0;
    for (let i = 0; i < r.requests.kind.length; i++) {
      if (r.requests.kind[i] !== OpKind.read || r.requests.status[i] !== RequestStatus.ok) continue;
      reads++;
      const cs = contactsOf(r, i);
      const query = cs.filter((j) => r.contacts.phase[j] === Phase.query);
      expect(query.map((j) => r.contacts.node[j])).toEqual([0, 1, 2]);
      const counted = query.filter((j) => r.contacts.isCounted[j] === 1);
      expect(counted).toHaveLength(defaults.r);
      expect(r.requests.version[i]).toBe(Math.max(...counted.map((j) => r.contacts.version[j])));
      for (const j of query) {
        const isBehind = !Number.isNaN(r.contacts.replyMs[j]) && r.contacts.version[j] < r.requests.version[i];
        expect(r.contacts.isBehind[j]).toBe(isBehind ? 1 : 0);
      }
      const acks = cs.filter((j) => r.contacts.phase[j] === Phase.writeBack && r.contacts.isCounted[j] === 1);
      expect(acks).toHaveLength(defaults.w);
      expect(acks.every((j) => r.contacts.version[j] === r.requests.version[i])).toBe(true);
      expect(r.requests.retMs[i]).toBeGreaterThanOrEqual(Math.max(...acks.map((j) => r.contacts.replyMs[j])));
    }
    expect(reads).toBeGreaterThan(10);
    expect(r.requests.contactStart[r.requests.kind.length]).toBe(r.contacts.node.length);
  });

  it('an ok write picked a version above every counted query reply and was acknowledged by W replicas before answering', () => {
    const r = run(defaults);
    for (let i = 0; i < r.requests.kind.length; i++) {
      if (r.requests.kind[i] !== OpKind.write || r.requests.status[i] !== RequestStatus.ok) continue;
      const cs = contactsOf(r, i);
      const seen = cs.filter((j) => r.contacts.phase[j] === Phase.query && r.contacts.isCounted[j] === 1).map((j) => r.contacts.version[j]);
      expect(r.requests.version[i]).toBeGreaterThan(Math.max(...seen));
      const acks = cs.filter((j) => r.contacts.phase[j] === Phase.store && r.contacts.isCounted[j] === 1);
      expect(acks).toHaveLength(defaults.w);
      expect(r.requests.retMs[i]).toBeGreaterThanOrEqual(Math.max(...acks.map((j) => r.contacts.replyMs[j])));
    }
  });

  it('read repair sends the chosen version to a replica that missed writes while crashed, and its later replies are at least that fresh', () => {
    const s: QuorumsScenario = {
      ...defaults, seed: 1, nodes: 3, n: 3, w: 1, r: 2, clients: 1, ops: 30, writePct: 30, writeBack: false, readRepair: true,
      events: [{ t: 0, type: 'crash', node: 2 }, { t: 120, type: 'recover', node: 2 }],
    };
    const r = run(s);
    const repairs = r.contacts.phase.reduce<number[]>((acc, p, j) => (p === Phase.repair ? [...acc, j] : acc), []);
    const toNode2 = repairs.filter((j) => r.contacts.node[j] === 2 && !Number.isNaN(r.contacts.replyMs[j]));
    expect(toNode2.length).toBeGreaterThan(0);
    for (const j of toNode2) {
      const later = r.contacts.phase.reduce<number[]>((acc, p, k) => (p === Phase.query && r.contacts.node[k] === 2 && r.contacts.sentMs[k] > r.contacts.replyMs[j] && r.contacts.version[k] >= 0 ? [...acc, k] : acc), []);
      for (const k of later) expect(r.contacts.version[k]).toBeGreaterThanOrEqual(r.contacts.version[j]);
    }
    expect(r.metrics.readRepairs).toBe(repairs.length);
    expect(run({ ...s, readRepair: false }).metrics.readRepairs).toBe(0);
  });

  it('hinted handoff: writes while n0 is down go to a fallback with a hint, handed to n0 once it recovers', () => {
    const s: QuorumsScenario = {
      ...defaults, nodes: 5, n: 3, w: 3, r: 1, clients: 2, ops: 40, writePct: 60, sloppyQuorum: true, fallbackMs: 15, handoffMs: 10,
      events: [{ t: 20, type: 'crash', node: 0 }, { t: 150, type: 'recover', node: 0 }],
    };
    const r = run(s);
    const h = r.handoffs;
    const forN0 = Array.from(h.replica.keys()).filter((i) => h.replica[i] === 0);
    expect(forN0.length).toBeGreaterThan(0);
    for (const i of forN0) {
      expect(h.holder[i]).toBeGreaterThanOrEqual(3);
      expect(h.deliveredMs[i]).toBeGreaterThanOrEqual(150);
      expect(r.finalVersion[0]).toBeGreaterThanOrEqual(h.version[i]);
    }
    // Without the sloppy quorum, W = 3 cannot be met while n0 is down: writes then give up.
    const strict = run({ ...s, sloppyQuorum: false });
    expect(strict.metrics.timeouts + strict.metrics.failed).toBeGreaterThan(r.metrics.timeouts + r.metrics.failed);
    expect(strict.metrics.hintsStored).toBe(0);
  });

  it('hints for a replica that never comes back stay undelivered (hints for merely slow replicas are delivered)', () => {
    const s: QuorumsScenario = {
      ...defaults, nodes: 5, n: 3, w: 3, r: 1, clients: 2, ops: 20, writePct: 60, sloppyQuorum: true,
      events: [{ t: 20, type: 'crash', node: 1 }],
    };
    const r = run(s);
    const forN1 = Array.from(r.handoffs.replica.keys()).filter((i) => r.handoffs.replica[i] === 1);
    expect(forN1.length).toBeGreaterThan(0);
    expect(forN1.every((i) => Number.isNaN(r.handoffs.deliveredMs[i]))).toBe(true);
    expect(r.stoppedAtLimit).toBeUndefined();
  });

  it('staleness metrics: W = R = 1 without write-back has stale reads that the requests mark, with k and t-visibility', () => {
    let found: QuorumsResult | undefined;
    for (let seed = 1; seed <= 20 && !found; seed++) {
      const r = run({ ...defaults, seed, w: 1, r: 1, writeBack: false, clients: 4, latencyMsMax: 40, timeoutMs: 200 });
      if (r.metrics.staleReads > 0) found = r;
    }
    expect(found).toBeDefined();
    const r = found!;
    const marked = r.requests.isStale.reduce((a, b) => a + b, 0);
    expect(marked).toBe(r.metrics.staleReads);
    expect(r.metrics.kStalenessMax).toBeGreaterThanOrEqual(1);
    expect(r.metrics.tVisibilityMaxMs).toBeGreaterThan(0);
    expect(r.check.verdict).toBe('not linearizable');
  });
});
