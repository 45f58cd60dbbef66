/**
 * Batch runs on a pool: the PBS lab's run through the worker API with in-process pools of 1..4 workers gives
 * the result of its plain program to the bit, under one progress bar that only moves forward and ends at 1.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, type BaseScenario, type LabResult, type LabSpec } from '../labs/contract';
import { spec as consensus } from '../labs/consensus/index';
import type { ConsensusScenario } from '../labs/consensus/scenario';
import { spec as pbs } from '../labs/pbs/index';
import type { PbsScenario } from '../labs/pbs/scenario';
import { createWorkerApi } from './api';
import { createBatchApi } from './batch';
import { MIN_UNITS_PER_PART, RANGES_PER_WORKER, splitRanges, type BatchPool } from './pool';

const findLab = (id: string) => [pbs, consensus].find((lab) => lab.id === id) as unknown as LabSpec | undefined;

/**
 * A pool whose workers run in this thread: what crosses a worker boundary is the same data. Worker w answers
 * `delayMs[w]` ms late (a worker slowed by a shared machine); `ranges[w]` counts the ranges it was given.
 */
function localPool(size: number, used: Set<number>, delayMs: readonly number[] = [], ranges: number[] = []): BatchPool {
  const api = createBatchApi({ findLab, transfer: (v) => v });
  return {
    size,
    part: async (worker, labId, scenario: BaseScenario, from, to, onProgress) => {
      used.add(worker);
      ranges[worker] = (ranges[worker] ?? 0) + 1;
      const reply = await api.part(labId, structuredClone(scenario), from, to, onProgress);
      if (delayMs[worker]) await new Promise((resolve) => setTimeout(resolve, delayMs[worker]));
      return reply;
    },
  };
}

describe('splitRanges', () => {
  it('cuts 0..units into contiguous ranges as even as integers allow', () => {
    expect(splitRanges(10, 3)).toEqual([[0, 3], [3, 6], [6, 10]]);
    expect(splitRanges(2, 4)).toEqual([[0, 1], [1, 2]]);
    expect(splitRanges(0, 3)).toEqual([[0, 0]]);
  });
});

describe('a batch run on a pool of workers', () => {
  it('gives the same result for pool sizes 1..4 as the program alone, under one forward-moving progress bar', async () => {
    const s: PbsScenario = { ...pbs.defaults, trials: 4 * MIN_UNITS_PER_PART + 123, seed: 11 };
    const { program } = await pbs.loadProgram();
    const alone = program(s, plainContext());
    for (let size = 1; size <= 4; size++) {
      const used = new Set<number>();
      const api = createWorkerApi({ findLab, transfer: (v) => v, cache: null, pool: localPool(size, used), progressIntervalMs: 0 });
      const seen: number[] = [];
      const reply = await api.run('pbs', s, (f) => seen.push(f));
      if (!reply.ok) throw new Error(reply.error.message);
      expect(used.size).toBe(size === 1 ? 0 : size); // a pool of one runs in the simulation worker itself
      const result: LabResult = reply.result;
      expect(result.traceHash).toBe(alone.traceHash);
      expect(result).toEqual(alone);
      expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
      expect(seen[seen.length - 1]).toBe(1);
    }
  });

  it('the consensus lab\'s election-time trials split over 2 or 3 workers give the result of the program alone', async () => {
    const s: ConsensusScenario = { ...consensus.defaults, experiment: 'scale', trials: 30, seed: 5 };
    const { program, batch } = await consensus.loadProgram();
    expect(batch!.units(s)).toBe(150);
    const alone = program(s, plainContext());
    for (const size of [2, 3]) {
      const used = new Set<number>();
      const api = createWorkerApi({ findLab, transfer: (v) => v, cache: null, pool: localPool(size, used), progressIntervalMs: 0 });
      const reply = await api.run('consensus', s);
      if (!reply.ok) throw new Error(reply.error.message);
      expect(used.size).toBe(2); // 150 trials: two parts of at least 64
      expect(reply.result.traceHash).toBe(alone.traceHash);
      expect(reply.result).toEqual(alone);
    }
    expect(batch!.units({ ...s, experiment: 'none' })).toBe(0);
  });

  it('a slow worker is given fewer ranges, and the result stays the program\'s alone', async () => {
    const s: PbsScenario = { ...pbs.defaults, trials: 2 * RANGES_PER_WORKER * MIN_UNITS_PER_PART, seed: 3 };
    const { program } = await pbs.loadProgram();
    const alone = program(s, plainContext());
    const ranges: number[] = [];
    const api = createWorkerApi({ findLab, transfer: (v) => v, cache: null, pool: localPool(2, new Set(), [0, 200], ranges), progressIntervalMs: 0 });
    const seen: number[] = [];
    const reply = await api.run('pbs', s, (f) => seen.push(f));
    if (!reply.ok) throw new Error(reply.error.message);
    expect(ranges[0] + ranges[1]).toBe(2 * RANGES_PER_WORKER);
    expect(ranges[0]).toBeGreaterThan(ranges[1]);
    expect(reply.result).toEqual(alone);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('a part that fails fails the run with its error', async () => {
    const broken: BatchPool = { size: 2, part: async () => ({ ok: false, error: { kind: 'crashed', message: 'The simulation failed: boom' } }) };
    const api = createWorkerApi({ findLab, transfer: (v) => v, cache: null, pool: broken });
    const reply = await api.run('pbs', { ...pbs.defaults, trials: 3 * MIN_UNITS_PER_PART });
    expect(reply).toEqual({ ok: false, error: { kind: 'crashed', message: 'The simulation failed: boom' } });
  });
});
