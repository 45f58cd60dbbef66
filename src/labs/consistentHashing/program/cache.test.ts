/**
 * The run cache changes cost, never results: a series of edits run against one warm cache (as the worker
 * runs them) gives, run by run, the same result, trace hash and work charged as each scenario run cold.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, type RunContext } from '../../contract';
import { createRunCache } from '../../../worker/runCache';
import { program } from './program';
import type { ConsistentHashingScenario } from '../scenario';
import { spec } from '../index';

const base: ConsistentHashingScenario = { ...spec.defaults, nodes: 40, vnodes: 100, keys: 30_000, lookup: 'user:42', events: [] };

/** Edits as a user makes them: add, add, remove, weight, undo, another vnodes, another seed, back. */
const edits: ConsistentHashingScenario[] = [
  base,
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }] },
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'add', weight: 3 }] },
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'add', weight: 3 }, { t: 3, type: 'remove', node: 5 }] },
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'weight', node: 40, weight: 2 }, { t: 3, type: 'remove', node: 5 }] },
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }] },
  { ...base, vnodes: 7, events: [{ t: 1, type: 'add', weight: 1 }] },
  { ...base, seed: 9, events: [{ t: 1, type: 'remove', node: 0 }] },
  { ...base, keys: 1_000, events: [{ t: 1, type: 'remove', node: 0 }] },
  base,
];

function counted(context: RunContext): { context: RunContext; spent: () => number } {
  let units = 0;
  return {
    context: { ...context, work: (u) => { units += u; context.work(u); } },
    spent: () => units,
  };
}

describe('consistent hashing with the run cache', () => {
  it('each edit gives the same result, hash and work warm as cold', () => {
    const cache = createRunCache();
    for (const s of edits) {
      const cold = counted(plainContext());
      const warm = counted({ ...plainContext(), cache });
      const a = program(s, cold.context);
      const b = program(s, warm.context);
      expect(b.traceHash).toBe(a.traceHash);
      expect(warm.spent()).toBe(cold.spent());
      expect(b).toEqual(a);
    }
    expect(cache.size).toBeGreaterThan(5);
  });

  it('a hit is a hit: the second run of a scenario reads the pieces the first one stored', () => {
    const cache = createRunCache();
    const gets: string[] = [];
    const spy = { get: <T,>(k: string) => { const v = cache.get<T>(k); if (v !== undefined) gets.push(k); return v; }, set: cache.set };
    const first = program(edits[2], { ...plainContext(), cache: spy });
    const hitsCold = gets.length;
    const second = program(edits[2], { ...plainContext(), cache: spy });
    expect(second.traceHash).toBe(first.traceHash);
    expect(gets.length - hitsCold).toBeGreaterThanOrEqual(6); // keys, ring, its hash, assignment, sweep rings and sweeps
    expect(gets.some((k) => k.includes('/keys/'))).toBe(true);
  });

  it('a tiny cache that keeps almost nothing still gives the cold result', () => {
    const cache = createRunCache(64 * 1024);
    for (const s of edits.slice(0, 4)) {
      expect(program(s, { ...plainContext(), cache }).traceHash).toBe(program(s, plainContext()).traceHash);
    }
  });
});
