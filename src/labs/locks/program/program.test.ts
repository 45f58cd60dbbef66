/**
 * The program's promises, each on a scenario built to show it: runs are pure functions of the scenario;
 * Redlock's validity is TTL - elapsed - (TTL x driftFactor + 2 ms); a lock server that restarts without
 * the key, like one whose clock jumps, gives two holders; the Raft side's tokens are the granting entries'
 * indexes and rise; log IDs are entry indexes; the log delivers one sequence everywhere.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, presetScenario } from '../../contract';
import { defaults, presets, type LocksScenario } from '../scenario';
import { program } from './program';

const run = (s: LocksScenario) => program(s, plainContext());
const preset = (id: string) => presetScenario(presets, id);

describe('locks program', () => {
  it('program(s) is a pure function of s: the same scenario, the same hash; another seed, another run', () => {
    expect(run(defaults).traceHash).toBe(run(defaults).traceHash);
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(run(defaults).traceHash);
  });

  it('Redlock validity is TTL - elapsed - (TTL x driftFactor + 2 ms): a grant counted when tryMs ran out, at 20 ms, is valid 968 ms', () => {
    const r = run(preset('clock-jump'));
    const first = r.locks!.holds.find((h) => h.side === 'redlock')!;
    expect([first.grantMs, first.votes, first.validityMs]).toEqual([20, 3, 1000 - 20 - (1000 * 0.01 + 2)]);
    const lax = run({ ...preset('clock-jump'), driftFactor: 0.1 }).locks!.holds.find((h) => h.side === 'redlock')!;
    expect(lax.validityMs).toBe(1000 - 20 - (100 + 2));
  });

  it('a Redlock server that restarts without the key gives two holders and a lost update; the Raft side none', () => {
    const r = run(preset('redis-restart'));
    expect(r.locks!.redlock.twoHolders).toBeGreaterThanOrEqual(1);
    expect(r.locks!.redlock.lostUpdates).toBeGreaterThanOrEqual(1);
    expect([r.locks!.raft.twoHolders, r.locks!.raft.lostUpdates]).toEqual([0, 0]);
    // Without the restart, the same cuts keep c1 at 2 of 5 while c0 holds: one holder at a time.
    const calm = run({ ...preset('redis-restart'), events: preset('redis-restart').events.slice(0, 4) });
    expect(calm.locks!.redlock.twoHolders).toBe(0);
  });

  it('Raft tokens are the granting entries\' indexes: they rise with every grant, and a leader crash keeps them rising', () => {
    for (const s of [defaults, preset('leader-crash')]) {
      const tokens = run(s).locks!.holds.filter((h) => h.side === 'raft').map((h) => h.token);
      expect(tokens.length).toBeGreaterThan(4);
      for (let i = 1; i < tokens.length; i++) expect(tokens[i]).toBeGreaterThan(tokens[i - 1]);
    }
  });

  it('without faults the Redlock side and the Raft side lose nothing', () => {
    const o = run(defaults).locks!;
    expect([o.redlock.twoHolders, o.redlock.lostUpdates, o.raft.twoHolders, o.raft.lostUpdates, o.raft.rejected]).toEqual([0, 0, 0, 0, 0]);
  });

  it('log IDs are distinct, rise for each client, and one answered before another was asked for is smaller; without clock faults Snowflake IDs are unique too', () => {
    const r = run({ ...defaults, mode: 'ids' });
    const rows = r.ids!.rows.filter((x) => x.side === 'raft');
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((x) => x.id)).size).toBe(rows.length);
    for (const c of [0, 1, 2]) {
      const ids = rows.filter((x) => x.client === c).map((x) => x.id);
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
    }
    // Real-time order, checked naively over all pairs (the analysis does it with a prefix maximum).
    for (const a of rows) for (const b of rows) if (a.replyMs < b.invokeMs) expect(a.id).toBeLessThan(b.id);
    expect(rows.some((x) => x.inverted || x.backwards || x.duplicate)).toBe(false);
    expect(r.ids!.snowflake.duplicates).toBe(0);
  });

  it('the log delivers one sequence to every Raft replica; the same writes by gossip reach each replica in its own order', () => {
    const o = run(preset('broadcast')).broadcast!;
    const raft = o.replicas.filter((x) => x.side === 'raft').map((x) => x.values.join());
    expect(new Set(raft).size).toBe(1);
    const gossip = o.replicas.filter((x) => x.side === 'gossip').map((x) => x.values.join());
    expect(new Set(gossip).size).toBeGreaterThan(1);
  });
});
