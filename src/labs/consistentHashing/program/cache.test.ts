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
  // 1000 points per node (vnodes 1000, or 500 at weight 2): the ring shares the sweep ring's positions.
  { ...base, vnodes: 1000, keys: 5_000, events: [{ t: 1, type: 'add', weight: 1 }] },
  { ...base, vnodes: 1000, keys: 5_000, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 3 }] },
  { ...base, vnodes: 1000, keys: 5_000, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'add', weight: 1 }, { t: 3, type: 'remove', node: 3 }] },
  { ...base, vnodes: 500, keys: 5_000, events: [{ t: 1, type: 'weight', node: 0, weight: 2 }, { t: 2, type: 'add', weight: 2 }] },
  { ...base, vnodes: 1000, keys: 5_000, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 3 }] },
  // Undo of an add: the checkpoint after the first add was stored by a run with one more node slot.
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'add', weight: 2 }] },
  { ...base, events: [{ t: 1, type: 'add', weight: 1 }] },
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

  it('a hit is a hit: a re-run resumes from the whole script, an appended event from the script before it', () => {
    const cache = createRunCache();
    const hits: string[] = [];
    const spy = { get: <T,>(k: string) => { const v = cache.get<T>(k); if (v !== undefined) hits.push(k); return v; }, set: cache.set };
    const after = (n: number) => hits.filter((k) => k.includes('/after/') && JSON.parse(k.slice(k.indexOf('{'))).events.length === n);
    const first = program(edits[1], { ...plainContext(), cache: spy });
    expect(hits.filter((k) => k.includes('/after/'))).toHaveLength(0);
    expect(program(edits[1], { ...plainContext(), cache: spy }).traceHash).toBe(first.traceHash);
    expect(after(1)).toHaveLength(1);
    program(edits[2], { ...plainContext(), cache: spy }); // edits[2] = edits[1] + one event
    expect(after(1)).toHaveLength(2);
    expect(hits.some((k) => k.includes('/keys/'))).toBe(true);
  });

  it('a run over its work budget fails warm as it fails cold', () => {
    const cache = createRunCache();
    const s = edits[3];
    const spent = counted(plainContext());
    program(s, spent.context);
    program(s, { ...plainContext(), cache }); // warm every piece and checkpoint
    const budget = spent.spent() - 1;
    expect(() => program(s, plainContext(budget))).toThrow('work budget');
    expect(() => program(s, { ...plainContext(budget), cache })).toThrow('work budget');
    expect(program(s, { ...plainContext(budget + 1), cache }).traceHash).toBe(program(s, plainContext()).traceHash);
  });

  it('undoing an add resumes from a checkpoint made with more node slots, and still equals the cold run', () => {
    const cache = createRunCache();
    const twoAdds: ConsistentHashingScenario = { ...base, events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'add', weight: 2 }] };
    const oneAdd: ConsistentHashingScenario = { ...base, events: [{ t: 1, type: 'add', weight: 1 }] };
    const none: ConsistentHashingScenario = { ...base, events: [] };
    program(twoAdds, { ...plainContext(), cache }); // cold: stores the checkpoints after 0, 1 and 2 events with 42 slots
    expect(program(oneAdd, { ...plainContext(), cache })).toEqual(program(oneAdd, plainContext()));
    expect(program(none, { ...plainContext(), cache })).toEqual(program(none, plainContext()));
  });

  it('a tiny cache that keeps almost nothing still gives the cold result', () => {
    const cache = createRunCache(64 * 1024);
    for (const s of edits.slice(0, 4)) {
      expect(program(s, { ...plainContext(), cache }).traceHash).toBe(program(s, plainContext()).traceHash);
    }
  });
});
