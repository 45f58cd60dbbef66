/**
 * Goal: a run is a pure function of its scenario, and each scene shows the difference it is there for.
 * Method: run scenes twice (and without the stage) for equal hashes; change the seed for a different one;
 * check each scene's broken half against its fix on the same workload.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { MODES } from '../result';
import { defaults, presets, sceneDefaults, type AntiScenario } from '../scenario';
import { program, resultOf, runScene } from './program';

const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;
const run = (s: AntiScenario) => program(s, plainContext());

describe('anti-patterns program', () => {
  it('gives the same trace hash for the same scenario, with or without the stage, and another for another seed', () => {
    for (const m of MODES) {
      const s = { ...sceneDefaults(m, 3), durationMs: 800 };
      const a = run(s);
      expect(run(s).traceHash, m).toBe(a.traceHash);
      expect(resultOf(s, runScene(s, false)).traceHash, m).toBe(a.traceHash);
      if (m !== 'clocks' && m !== 'locality') expect(run({ ...s, seed: 4 }).traceHash, m).not.toBe(a.traceHash);
    }
  });

  it('shared-db: both halves get the same requests; a fault on the shared database fails both services, on A\'s store only A', () => {
    const r = run(preset('shared-db-outage'));
    // Every request sent before its timeout could end inside the run is recorded on both halves.
    const sent = (side: 0 | 1, what: string) => r.requests.filter((x) => x.side === side && x.what === what && x.sentMs < 1900).map((x) => x.sentMs).sort((a, b) => a - b);
    expect(sent(0, 'A').length).toBeGreaterThan(100);
    expect(sent(0, 'A')).toEqual(sent(1, 'A'));
    expect(sent(0, 'B')).toEqual(sent(1, 'B'));
    expect(r.metrics.servicesDownBroken).toBe(2);
    expect(r.metrics.servicesDownFixed).toBe(1);
    expect(r.metrics.bFailedFixed).toBe(0);
    expect(r.metrics.bFailedBroken).toBeGreaterThan(0);
  });

  it('2pc: without faults nothing blocks for long; a coordinator crash after COMMIT holds the locks until it recovers, then releases them', () => {
    const calm = run(preset('2pc'));
    expect(calm.metrics.lockHoldMsMax).toBeLessThan(50);
    const crash = run(preset('2pc-coordinator-crash'));
    expect(crash.metrics.lockHoldMsMax).toBeGreaterThan(990);
    expect(crash.metrics.lockHoldMsMax).toBeLessThan(1100);
    // Every transaction is decided the same way everywhere, and sagas all end (done or compensated).
    for (const t of crash.txs!.filter((x) => x.beginMs < 2500)) {
      expect(Number.isFinite(t.appliedMs), `T${t.tx}`).toBe(true);
      expect(t.sagaOutcome, `saga ${t.tx}`).not.toBe('running');
    }
  });

  it('2pc: a participant crashing while prepared takes its lock back at restart and still commits the verdict', () => {
    const s: AntiScenario = { ...defaults, mode: '2pc', failEvery: 0, logMs: 40, events: [{ t: 808, type: 'crash', node: 4 }, { t: 1300, type: 'recover', node: 4 }] };
    const r = run(s);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    const t4 = r.txs!.find((t) => t.tx === 4)!;
    expect(t4.decision).toBe('commit');
    expect(t4.appliedMs).toBeGreaterThan(1300);
  });

  it('2pc: a saga service down during a compensation: the compensation is retried until done, once', () => {
    // T3 fails at s1 (failEvery 3); s0 is down from just after T1 commits there until 1000 ms.
    const s: AntiScenario = { ...defaults, mode: '2pc', events: [{ t: 606, type: 'crash', node: 7 }, { t: 1000, type: 'recover', node: 7 }] };
    const r = run(s);
    const t3 = r.txs!.find((t) => t.tx === 3)!;
    expect(t3.sagaSteps).toBe('T1 C1');
    expect(t3.sagaEndMs).toBeGreaterThan(1000);
    expect(r.metrics.compensationRetries).toBeGreaterThan(0);
  });

  it('partition: the same cut drains the unguarded pool and spares the guarded one', () => {
    const r = run(preset('partition'));
    expect(r.metrics.poolFullMsBroken).toBeGreaterThan(500);
    expect(r.metrics.poolFullMsFixed).toBe(0);
    expect(r.metrics.profileUpFixed).toBeGreaterThan(r.metrics.profileUpBroken);
    const calm = run({ ...preset('partition'), events: [] });
    expect(calm.metrics.profileUpBroken).toBe(100);
    expect(calm.metrics.poolFullMsBroken).toBe(0);
  });

  it('locality: latency grows with the reads on the left (reads x RTT), barely on the right', () => {
    const a = run({ ...preset('locality'), reads: 2 });
    const b = run({ ...preset('locality'), reads: 8 });
    expect(b.metrics.euP50Broken - a.metrics.euP50Broken).toBeCloseTo(6 * 150, 6);
    expect(b.metrics.euP50Fixed - a.metrics.euP50Fixed).toBeCloseTo(6 * 0.5, 6);
  });

  it('clocks: without skew no write is lost on either side', () => {
    const r = run({ ...preset('clocks'), skewMs: 0 });
    expect([r.metrics.lostWall, r.metrics.lostHlc]).toEqual([0, 0]);
  });
});
