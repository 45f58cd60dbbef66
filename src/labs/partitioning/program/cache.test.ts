/**
 * The run cache changes cost, never results: a series of edits run against one warm cache (as the worker
 * runs them: the workload, placements and table cached, the engine resumed from checkpoints) gives, run by
 * run, the same result, trace hash and work charged as each scenario run cold.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, type RunContext, type RunCache } from '../../contract';
import { BufferBin } from '../../../sim/bufferBin';
import { createRunCache } from '../../../worker/runCache';
import { collectTransferables } from '../../../worker/transferables';
import { program } from './program';
import { horizon, type PartitioningEvent, type PartitioningScenario } from '../scenario';
import { spec } from '../index';
import { CHECKPOINT_MIN_REQUESTS } from './checkpoints';

const base: PartitioningScenario = { ...spec.defaults, nodes: 12, keys: 4000, requests: CHECKPOINT_MIN_REQUESTS + 10_000, events: [] };
const at = (share: number) => Math.round(share * horizon(base));
const crashLate: PartitioningEvent = { t: at(0.9), type: 'crash', node: 3 };

/** Edits as a user makes them: a crash late, moved earlier, removed, a fix late, a parameter, back. */
const edits: PartitioningScenario[] = [
  base,
  { ...base, events: [crashLate] },
  { ...base, events: [{ ...crashLate, t: at(0.6) }] },
  { ...base, events: [{ ...crashLate, t: at(0.6) }, { t: at(0.8), type: 'recover', node: 3 }] },
  base,
  { ...base, events: [{ t: at(0.95), type: 'salt', k: 4 }] },
  { ...base, events: [{ t: at(0.7), type: 'cache', ttlMs: 50 }, { t: at(0.8), type: 'split' }, crashLate] },
  { ...base, writePct: base.writePct + 10, events: [crashLate] },
  { ...base, strategy: 'directory', events: [{ t: at(0.85), type: 'crash', node: base.nodes }] },
  { ...base, events: [crashLate] },
  // Range partitioning: a split after the checkpoint counts the requests per key of a resumed run.
  { ...base, strategy: 'range', events: [] },
  { ...base, strategy: 'range', events: [{ t: at(0.92), type: 'split' }, { t: at(0.95), type: 'crash', node: 1 }] },
];

function counted(context: RunContext): { context: RunContext; spent: () => number } {
  let units = 0;
  return {
    context: { ...context, work: (u) => { units += u; context.work(u); } },
    spent: () => units,
  };
}

/**
 * The paths where a and b differ (typed arrays compared byte for byte: toEqual walks 10^5-element arrays
 * one element at a time, minutes for this series).
 */
function differences(a: unknown, b: unknown, path = 'result', out: string[] = []): string[] {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const bytes = (v: unknown) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.alloc(0));
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || !bytes(a).equals(bytes(b))) out.push(path);
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (!Object.is(a, b)) out.push(path);
  return out;
}

function spied(cache: RunCache, hits: string[]): RunCache {
  return { get: <T,>(k: string) => { const v = cache.get<T>(k); if (v !== undefined) hits.push(k); return v; }, set: (k, v, b) => cache.set(k, v, b), bin: cache.bin };
}

/**
 * A bin that keeps buffers of any size and scrambles every buffer it hands out again: a run that read an
 * element of its working memory before writing it would read garbage, and its result would differ.
 */
class ScramblingBin extends BufferBin {
  private seed = 1;
  constructor() {
    super(512 * 1024 * 1024, 1);
  }
  override take<T>(type: Parameters<BufferBin['take']>[0], length: number): T {
    const before = this.reused;
    const a = super.take(type, length) as unknown as ArrayBufferView;
    if (this.reused > before) {
      const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (this.seed = (this.seed * 1103515245 + 12345) >>> 0) >>> 24;
    }
    return a as unknown as T;
  }
}

describe('partitioning with the run cache', () => {
  it('each edit gives the same result, hash and work warm as cold', () => {
    const cache = createRunCache();
    const hits: string[] = [];
    const resumed: number[] = [];
    for (const s of edits) {
      const cold = counted(plainContext());
      const warm = counted({ ...plainContext(), cache: spied(cache, hits) });
      const a = program(s, cold.context);
      const before = hits.length;
      const b = program(s, warm.context);
      resumed.push(hits.slice(before).filter((k) => k.includes('/checkpoint/')).length);
      expect(b.traceHash).toBe(a.traceHash);
      expect(warm.spent()).toBe(cold.spent());
      expect(differences(b, a)).toEqual([]);
    }
    // The crash at 90% resumed from a checkpoint the run before it took; the first run had none to resume.
    expect(resumed[0]).toBe(0);
    expect(resumed[1]).toBe(1);
    expect(resumed.filter((n) => n > 0).length).toBeGreaterThan(4);
    expect(resumed.at(-1)).toBe(1); // the split and crash under range, from the range run's checkpoint
    // What a crash does to keys is kept by placements and node: the crash of n3 met again took it from the cache.
    expect(hits.filter((k) => k.includes('/crash-impact/node=3')).length).toBeGreaterThan(0);
  }, 120_000);

  it('working memory reused from the bin, scrambled before each reuse, changes nothing; no result holds a buffer of the bin', () => {
    const bin = new ScramblingBin();
    const cache = createRunCache(undefined, bin);
    for (const s of edits) {
      const reusedBefore = bin.reused;
      const b = program(s, { ...plainContext(), cache });
      const a = program(s, plainContext());
      expect(differences(b, a)).toEqual([]);
      expect(collectTransferables(b).filter((buffer) => bin.holds(buffer))).toEqual([]);
      if (s !== edits[0]) expect(bin.reused).toBeGreaterThan(reusedBefore);
    }
  }, 120_000);

  it('a cache too small to keep anything changes nothing', () => {
    const cache = createRunCache(1000);
    for (const s of edits.slice(0, 3)) {
      const a = program(s, plainContext());
      const b = program(s, { ...plainContext(), cache });
      expect(differences(b, a)).toEqual([]);
    }
    expect(cache.size).toBe(0); // nothing fits: every run computes everything
  }, 30_000);
});
