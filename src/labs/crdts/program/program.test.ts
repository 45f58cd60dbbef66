import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program, simulate } from './program';
import { RequestOutcome, type CrdtsResult } from '../result';
import { defaults, presets, type CrdtsScenario } from '../scenario';

const run = (s: CrdtsScenario): CrdtsResult => program(s, plainContext());
const preset = (id: string) => presets.find((p) => p.id === id)!.scenario;
const view = (r: CrdtsResult, key: string) => r.views.find((v) => v.key === key)!;

describe('crdts program', () => {
  it('program(scenario) is deterministic: same scenario, same traceHash and metrics; another seed, another hash', () => {
    const a = run(defaults);
    const b = run(structuredClone(defaults));
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(a.traceHash);
  });

  // Golden runs: a change of these hashes means the same scenario now gives another trace (bump engineVersion).
  const golden: [string, string][] = [
    ['or-set', '5b0427541a452444'],
    ['g-counter', '38fb15b7859ab893'],
    ['duplicates', '7afbc61cb275bd9d'],
    ['pn-counter', 'f3344ddee44bde9a'],
    ['lww-skew', '03828003505a2349'],
  ];

  it.each(golden)('preset %s runs to its end within limits, every CRDT view converges to the merge of all, and gives its golden trace hash', (id, hash) => {
    const r = run(preset(id));
    expect(r.stoppedAtLimit).toBeUndefined();
    for (const v of r.views) if (v.isCrdt) expect({ view: v.key, converged: v.isConverged, join: v.equalsJoin }).toEqual({ view: v.key, converged: true, join: true });
    expect(r.traceHash).toBe(hash);
  });

  it('a partition never healed leaves the sides apart; healed, they agree, and the time to converge is counted from the heal', () => {
    const cut: CrdtsScenario = { ...defaults, type: 'g-counter', updatesMs: 1000, events: [{ t: 500, type: 'partition', groups: '3,4' }] };
    expect(view(run(cut), 'g').isConverged).toBe(false);
    const healed = run({ ...cut, events: [...cut.events, { t: 2500, type: 'heal' }] });
    const g = view(healed, 'g');
    expect(healed.quietMs).toBe(2500);
    expect(g.isConverged).toBe(true);
    expect(g.settledMs).toBeGreaterThan(2500);
    expect(g.convergeMs).toBeCloseTo(g.settledMs - 2500, 6);
  });

  it('updates at a crashed replica are refused by both counters; the CRDT accepts every other one at once, the log only on n0\'s side', () => {
    const s: CrdtsScenario = { ...defaults, type: 'g-counter', updates: 60, events: [{ t: 0, type: 'crash', node: 2 }, { t: 1000, type: 'recover', node: 2 }, ...defaults.events] };
    const r = run(s);
    for (let i = 0; i < r.updates.tMs.length; i++) {
      const isDown = r.updates.replica[i] === 2 && r.updates.tMs[i] < 1000;
      expect(r.updates.outcome[i] === RequestOutcome.ok).toBe(!isDown);
    }
    const [crdt, log] = r.availability;
    expect(crdt.okCutOff).toBe(crdt.askedCutOff);
    expect(log.okCutOff).toBe(0);
    expect(crdt.p99Ms).toBe(0);
    expect(log.p50Ms).toBeGreaterThan(2 * s.latencyMs);
  });

  it('without duplicates, loss or cuts the counter adding increments agrees with the G-Counter; with duplicates it counts more', () => {
    const clean = run({ ...defaults, type: 'g-counter', events: [] });
    expect(view(clean, 'delta').finalValues).toEqual(view(clean, 'g').finalValues);
    const dup = run(preset('duplicates'));
    expect(dup.duplicated).toBeGreaterThan(0);
    expect(view(dup, 'g').anomalies).toEqual([]);
    expect(view(dup, 'delta').anomalies.length).toBeGreaterThan(0);
  });

  it('a duplicating link (the link menu\'s fault) does the same from the playhead on, on that link only', () => {
    const links = [[0, 1], [1, 0], [0, 2], [2, 0], [1, 2], [2, 1]].map(([from, to]) => ({ t: 0, type: 'duplicating' as const, from, to, dup: 1 }));
    const r = run({ ...defaults, type: 'g-counter', events: links });
    expect(r.duplicated).toBeGreaterThan(0);
    expect(view(r, 'g').anomalies).toEqual([]);
    expect(view(r, 'delta').anomalies.length).toBeGreaterThan(0);
    expect(run({ ...defaults, type: 'g-counter', events: links.map((e) => ({ ...e, dup: 0 })) }).duplicated).toBe(0);
  });

  it('the OR-Set shows no anomaly where the naive set undoes removes and the 2P-Set loses re-adds', () => {
    const r = run(preset('or-set'));
    expect(view(r, 'or').anomalies).toEqual([]);
    expect(view(r, 'naive').anomalies.every((a) => a.kind === 'remove-undone')).toBe(true);
    expect(view(r, 'naive').anomalies.length).toBeGreaterThan(0);
    expect(view(r, 'tp').anomalies.some((a) => a.kind === 're-add-lost')).toBe(true);
  });

  it('with a slow clock the wall-clock register can keep an older write than the Lamport one', () => {
    const s: CrdtsScenario = { ...defaults, type: 'lww-register', updates: 40, events: [{ t: 0, type: 'skew', node: 1, ms: -2000 }] };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const differs = seeds.some((seed) => {
      const r = run({ ...s, seed });
      return view(r, 'wall').finalValues[0] !== view(r, 'lww').finalValues[0];
    });
    expect(differs).toBe(true);
  });

  it('the stage draws the gossip (state messages), and a view\'s cards carry its state', () => {
    const r = run({ ...defaults, type: 'or-set' });
    const stage = view(r, 'or').stage;
    expect(stage.kinds).toContain('state');
    expect(stage.fields.names).toEqual(expect.arrayContaining(['or.value', 'or.context', 'or.a', 'naive.value', 'tp.added', 'tp.removed', 'naive.anomaly']));
    expect(r.logStage.fields.names).toEqual(expect.arrayContaining(['log', 'commit']));
  });

  it('the same run with or without the stage records the same trace', () => {
    expect(simulate(defaults, false).sim.trace.columns().hash).toBe(simulate(defaults, true).sim.trace.columns().hash);
  });
});
