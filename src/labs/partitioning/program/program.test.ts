/** The partitioning program against its own promises: determinism, the detector, mitigations, faults, limits. */
import { describe, expect, it } from 'vitest';
import { BudgetExceeded, plainContext } from '../../contract';
import { program } from './program';
import { cost, defaults, type PartitioningScenario } from '../scenario';
import { spec } from '../index';

const preset = (id: string): PartitioningScenario => spec.presets.find((p) => p.id === id)!.scenario;
const run = (s: PartitioningScenario) => program(s, plainContext());

/** Golden trace hashes per preset: a change here means the same link now replays differently. */
const GOLDEN: Record<string, string> = {
  'cache-in-front': '658b2bc335aaa6df',
  'crash-a-node': '452f54b49c4724d0',
  'directory-outage': 'b680a3bc2b5ec7fa',
  'one-node-melts': 'e672db0dbb04a73c',
  'salt-hot-key': '6f015efc42b45a7c',
  'split-hot-range': '4804d38c7814524e',
  'zipf-ranges': '1b7f947b42c08879',
};
const GOLDEN_MAX = '01f800ad8182557e';

describe('partitioning program', () => {
  it('program(preset) replays to its pinned trace hash, and twice to the same result', () => {
    const hashes: Record<string, string> = {};
    for (const p of spec.presets) if (p.id !== 'maximum-scale') hashes[p.id] = run(p.scenario).traceHash;
    expect(hashes).toEqual(GOLDEN);
    const a = run(defaults);
    const b = run(defaults);
    expect(a.traceHash).toBe(b.traceHash);
    expect(Array.from(a.perNode.cpuPct)).toEqual(Array.from(b.perNode.cpuPct));
  }, 30_000);

  it('maximum-scale: 1,000 nodes, 10^6 keys, 10^6 requests replay to the pinned hash, every request served', () => {
    const r = run(preset('maximum-scale'));
    expect(r.traceHash).toBe(GOLDEN_MAX);
    expect(r.totals.ok).toBe(1_000_000);
    expect(r.stoppedAtLimit).toBeUndefined();
    expect(r.detections.length).toBeGreaterThan(0);
    // The stage is bounded: one request in ten is drawn, queue depths sit on a grid, the narration and marks stay small.
    expect(r.stageInfo.sampleEvery).toBe(10);
    expect(r.stage.messages.count).toBe(200_000);
    expect(r.stageInfo.depthGapMs).toBeGreaterThan(0);
    expect(r.stage.fields.time.length).toBeLessThan(500_000);
    expect(r.marks.length).toBeLessThan(500_000);
  }, 30_000);

  it('another seed gives another run', () => {
    expect(run({ ...defaults, seed: 2 }).traceHash).not.toBe(run(defaults).traceHash);
  });

  it('one-node-melts: the detector names the celebrity key owner by all three signs, at t = 0', () => {
    const r = run(preset('one-node-melts'));
    const kinds = r.detections.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['cpu', 'queue', 'latency']));
    const celebrityOwner = r.series.top[0].node;
    expect(r.hotNode).toBe(celebrityOwner);
    for (const d of r.detections.slice(0, 3)) expect({ node: d.node, t: d.t }).toEqual({ node: celebrityOwner, t: 0 });
    expect(r.hotKeySharePct[0]).toBeGreaterThan(19);
    expect(r.phases[0].cpuPctMax).toBeGreaterThan(85);
    expect(r.phases[0].cpuPctP50).toBeLessThan(35);
  });

  it('uniform keys on a healthy cluster fire no detection', () => {
    const r = run({ ...defaults, distribution: 'uniform' });
    expect(r.detections).toEqual([]);
    expect(r.hotNode).toBe(-1);
  });

  it('salt: writes spread (busiest CPU falls) and reads fan out k ways', () => {
    const r = run(preset('salt-hot-key'));
    const [before, after] = r.phases;
    expect(after.fanoutPerRead).toBe(8);
    expect(before.fanoutExtra).toBe(0);
    expect(after.fanoutExtra).toBeGreaterThan(0);
    expect(after.fanoutExtra % 7).toBe(0);
    expect(after.cpuPctMax).toBeLessThan(before.cpuPctMax - 30);
  });

  it('split: the hottest range moves half its load away; busiest CPU falls', () => {
    const r = run(preset('split-hot-range'));
    const [before, after] = r.phases;
    expect(after.cpuPctMax).toBeLessThan(before.cpuPctMax - 20);
  });

  it('cache: reads hit after the cache turns on, and some hits are stale because writes bypass it', () => {
    const r = run(preset('cache-in-front'));
    const [before, after] = r.phases;
    expect(before.cacheHitPct).toBe(0);
    expect(after.cacheHitPct).toBeGreaterThan(15);
    expect(after.cacheStalePct).toBeGreaterThan(0);
    expect(run({ ...preset('cache-in-front'), writePct: 0 }).totals.cacheStale).toBe(0);
  });

  it('crash: each strategy does what it says with the node keys', () => {
    const r = run(preset('crash-a-node'));
    const [crash] = r.faults;
    const by = Object.fromEntries(crash.byStrategy.map((x) => [x.strategy, x]));
    expect(by.range.keysUnavailable).toBeGreaterThan(0);
    expect(by.range.keysRemapped).toBe(0);
    expect(by.consistent.keysUnavailable).toBe(0);
    expect(by.consistent.keysRemapped).toBeLessThan(defaults.keys * 0.2);
    expect(by['mod-n'].keysRemapped).toBeGreaterThan(defaults.keys * 0.8);
    const ranged = run({ ...preset('crash-a-node'), strategy: 'range' });
    expect(ranged.faults[0].requestsFailed).toBeGreaterThan(100);
    expect(ranged.phases[1].failed).toBeGreaterThan(100);
    expect(ranged.phases[2].failed).toBe(0);
  });

  it('directory outage: every request fails while the directory is down, none after it recovers', () => {
    const r = run(preset('directory-outage'));
    const [, down, up] = r.phases;
    // A request sent less than one hop before the recovery reaches the directory after it: it succeeds.
    expect(down.failed).toBeGreaterThan(down.requests - 3);
    expect(down.failed).toBeGreaterThan(1000);
    expect(up.failed).toBe(0);
    expect(r.faults[0].byStrategy.find((x) => x.strategy === 'directory')!.directoryOutage).toBe(true);
  });

  it('table: mod-N moves most keys on a join, the ring about 1/(N+1); ranges answer range queries on ~1 node', () => {
    const r = run(preset('zipf-ranges'));
    const by = Object.fromEntries(r.table.map((x) => [x.strategy, x]));
    expect(by['mod-n'].movedOnJoinPct).toBeGreaterThan(85);
    expect(by.consistent.movedOnJoinPct).toBeLessThan(15);
    expect(by.range.rangeQueryNodes).toBeLessThan(2);
    expect(by['mod-n'].rangeQueryNodes).toBeGreaterThan(9);
    expect(by.directory.lookupHops).toBe(2);
  });

  it('series are bounded: every array has BUCKETS entries, per-node matrices nodes x BUCKETS', () => {
    const r = run(defaults);
    expect(r.series.cpuPctMax.length).toBe(r.buckets.count);
    expect(r.perNode.cpuPct.length).toBe(defaults.nodes * r.buckets.count);
    expect(r.series.top.length).toBe(8);
  });

  it('program charges about cost(scenario) to context.work and stops at the budget', () => {
    let spent = 0;
    program(defaults, { progress() {}, work: (u) => void (spent += u) });
    expect(spent).toBeGreaterThan(cost(defaults) * 0.5);
    expect(spent).toBeLessThanOrEqual(cost(defaults) * 1.05);
    expect(() => program(defaults, plainContext(1000))).toThrow(BudgetExceeded);
  });
});
