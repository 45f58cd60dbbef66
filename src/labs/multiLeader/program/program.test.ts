import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program, runResult } from './program';
import { Fate as StageFate } from '../../../core/stage/types';
import { Fate, OpKind, OpStatus, type MultiLeaderResult } from '../result';
import { defaults, presets, type MultiLeaderScenario } from '../scenario';

const run = (s: MultiLeaderScenario): MultiLeaderResult => program(s, plainContext());
const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;

describe('multi-leader program', () => {
  it('program(scenario) is deterministic: same scenario, same traceHash and metrics; another seed, another hash', () => {
    const a = run(defaults);
    const b = run(structuredClone(defaults));
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(a.traceHash);
  });

  // Golden runs: a change of these hashes means the same scenario now gives another trace (bump engineVersion).
  const golden: [string, string][] = [
    ['two-regions', 'd0f9caa12a49cda4'],
    ['partition', '58c5f1b8bffb89cf'],
    ['clock-skew', '311ba37bcbeb456c'],
    ['four-regions', '7cb09526eacc5341'],
  ];

  it.each(golden)('preset %s runs to its end within limits, converges, and gives its golden trace hash', (id, hash) => {
    const r = run(preset(id));
    expect(r.stoppedAtLimit).toBeUndefined();
    expect(r.runs.map((x) => x.isConverged)).toEqual([true, true]);
    expect(r.traceHash).toBe(hash);
  });

  it('writes are acknowledged by the local leader: write latency is two local hops, far below the measured inter-region round trip', () => {
    const [lww] = run(defaults).runs;
    expect(lww.metrics.writeP99Ms).toBeLessThanOrEqual(3 * defaults.localMs);
    expect(lww.metrics.roundTripP50Ms).toBeGreaterThan(defaults.interMs);
    expect(lww.metrics.roundTripP50Ms).toBeLessThan(3 * defaults.interMs);
  });

  it('a partition never healed leaves the regions diverged (both runs), and the same partition healed converges', () => {
    const cut: MultiLeaderScenario = { ...defaults, events: [{ t: 100, type: 'partition', groups: '0|1' }] };
    expect(run(cut).runs.map((x) => x.isConverged)).toEqual([false, false]);
    expect(run({ ...cut, events: [...cut.events, { t: 2000, type: 'heal' }] }).runs.map((x) => x.isConverged)).toEqual([true, true]);
  });

  it('a crashed leader refuses its clients (failed operations) and catches up after recovering', () => {
    const s: MultiLeaderScenario = { ...defaults, events: [{ t: 200, type: 'crash', node: 0 }, { t: 600, type: 'recover', node: 0 }] };
    const [lww, siblings] = run(s).runs;
    expect(lww.metrics.failed).toBeGreaterThan(0);
    for (let i = 0; i < lww.ops.kind.length; i++) {
      if (lww.ops.status[i] !== OpStatus.fail) continue;
      expect(lww.ops.region[i]).toBe(0);
      expect(lww.ops.callMs[i]).toBeGreaterThanOrEqual(200);
      expect(lww.ops.callMs[i]).toBeLessThan(600 + defaults.timeoutMs);
    }
    expect([lww.isConverged, siblings.isConverged]).toEqual([true, true]);
  });

  it('LWW keeps the write with the highest timestamp: the conflicts list names it, and the final value of a key is its highest-timestamp write', () => {
    const [lww] = run(preset('partition')).runs;
    const c = lww.conflicts;
    expect(c.a.length).toBeGreaterThan(0);
    for (let j = 0; j < c.a.length; j++) {
      const [a, b] = [c.a[j], c.b[j]];
      expect(lww.ops.key[a]).toBe(c.key[j]);
      const higher = lww.ops.tsMs[a] > lww.ops.tsMs[b] || (lww.ops.tsMs[a] === lww.ops.tsMs[b] && lww.ops.region[a] > lww.ops.region[b]) ? a : b;
      expect(c.lwwKeeps[j]).toBe(higher);
    }
    for (let key = 0; key < lww.finalValues[0].length; key++) {
      let best = -1;
      for (let i = 0; i < lww.ops.kind.length; i++) {
        if (lww.ops.kind[i] !== OpKind.write || lww.ops.key[i] !== key || Number.isNaN(lww.ops.tsMs[i])) continue;
        if (best < 0 || lww.ops.tsMs[i] > lww.ops.tsMs[best] || (lww.ops.tsMs[i] === lww.ops.tsMs[best] && lww.ops.region[i] > lww.ops.region[best])) best = i;
      }
      expect(lww.finalValues[0][key]).toBe(best < 0 ? '' : String(best + 1));
    }
  });

  it('clock skew: with region 1 two seconds behind, every write LWW loses had read the write that beat it; siblings lose none', () => {
    const [lww, siblings] = run(preset('clock-skew')).runs;
    expect(lww.metrics.lostUpdates).toBeGreaterThan(0);
    expect(lww.metrics.lostAfterWinner).toBe(lww.metrics.lostUpdates);
    for (const op of lww.lost.op) expect(lww.ops.region[op]).toBe(1);
    expect(siblings.metrics.lostUpdates).toBe(0);
    // Without the skew, the same workload loses (almost) nothing: the losses were the clock's.
    expect(runResult({ ...preset('clock-skew'), skewMs: 0 }, 'lww').metrics.lostAfterWinner).toBe(0);
  });

  it('siblings: a read returns every sibling, and a write whose client read siblings merges them', () => {
    const [, siblings] = run(preset('partition')).runs;
    expect(siblings.metrics.siblingReads).toBeGreaterThan(0);
    expect(siblings.metrics.merges).toBeGreaterThan(0);
    const multi = Array.from(siblings.ops.returned).filter((n) => n >= 2).length;
    expect(multi).toBe(siblings.metrics.siblingReads);
    expect(siblings.ops.fate.filter((f) => f === Fate.lost).length).toBe(0);
  });

  it('both histories are checked with the key-value model: multi-leader is not linearizable', () => {
    for (const x of run(defaults).runs) {
      expect(x.check.model).toBe('kv');
      expect(x.check.verdict).toBe('not linearizable');
      expect(x.check.explanation).toBeDefined();
    }
  });
});

describe('multi-leader result timing', () => {
  it('endTime covers every call, every return, every state change and every delivery, not resends to a region down for good', () => {
    const r = run(defaults);
    for (const x of r.runs) {
      expect(r.endTime).toBeGreaterThanOrEqual(x.metrics.lastChangeMs);
      const m = x.stage!.messages;
      for (let i = 0; i < m.count; i++) if (m.fate[i] === StageFate.delivered) expect(r.endTime).toBeGreaterThanOrEqual(m.end[i]);
      for (let i = 0; i < x.ops.callMs.length; i++) if (!Number.isNaN(x.ops.retMs[i])) expect(r.endTime).toBeGreaterThanOrEqual(x.ops.retMs[i]);
    }
    const down = run({ ...defaults, events: [{ t: 200, type: 'crash', node: 1 }] });
    expect(down.runs[0].stage!.horizon).toBeGreaterThan(down.endTime + 10 * defaults.retryMs);
    expect(down.endTime).toBeLessThan(2000);
  });

  it('replication rows: every write goes to every other region, applied after it was written (all applied once converged)', () => {
    const r = run(preset('partition'));
    const rep = r.runs[0].replication;
    const writes = Array.from(r.runs[0].ops.tsMs).filter((ts) => !Number.isNaN(ts)).length;
    expect(rep.op.length).toBe(writes * (r.regions - 1));
    for (let i = 0; i < rep.op.length; i++) {
      expect(rep.from[i]).not.toBe(rep.to[i]);
      expect(rep.appliedMs[i]).toBeGreaterThanOrEqual(rep.writtenMs[i]);
    }
    expect(r.runs[1].replication.appliedMs).toEqual(rep.appliedMs);
  });

  it('after a long partition a region catches up batch after batch at the round-trip pace, not one batch per resend', () => {
    const s: MultiLeaderScenario = { ...defaults, ops: 600, thinkMs: 4, updatePct: 100, retryMs: 2000, events: [{ t: 10, type: 'partition', groups: '0|1' }, { t: 1500, type: 'heal' }] };
    const [lww] = run(s).runs;
    const missed = Array.from(lww.replication.appliedMs).filter((t) => t >= 1500).length;
    expect(missed).toBeGreaterThan(3 * 64); // several batches had to cross after the heal
    expect(lww.isConverged).toBe(true);
    // First resend within retryMs of the heal, then one round trip (< 3 x interMs) per batch of 64.
    expect(lww.metrics.lastChangeMs).toBeLessThan(1500 + s.retryMs + Math.ceil(missed / 64) * 3 * s.interMs);
  });

  it('with every leader down for good, clients fail fast and the run still ends within the operation budget', () => {
    const s: MultiLeaderScenario = { ...defaults, thinkMs: 0, updatePct: 100, events: [{ t: 0, type: 'crash', node: 0 }, { t: 0, type: 'crash', node: 1 }] };
    const r = run(s);
    expect(r.stoppedAtLimit).toBeUndefined();
    for (const x of r.runs) {
      expect(x.metrics.ops).toBeLessThanOrEqual(s.ops);
      expect(x.metrics.failed).toBe(x.metrics.ops);
    }
  });
});
