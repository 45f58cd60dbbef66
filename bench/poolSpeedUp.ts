/**
 * A batch experiment's pool speed-up, as the CLI runs it: the lab's batch program on one worker thread and on
 * one per core (threads started and warmed by `warmups` runs first, since each thread compiles its own code;
 * then timed in turn: 1, all, 1, all, ... so a shared machine's load falls on both), the two results' hashes
 * compared. The speed-up is the median of each round's ratio (one thread's time over the pool's right after
 * it): a ratio of adjacent runs cancels the slow drifts of a shared machine that a ratio of medians keeps. Target: at least 0.8 x cores. A
 * shared machine's load makes the ratio pessimistic: the load average is printed beside it.
 */
import { availableParallelism, loadavg } from 'node:os';
import { threadPool } from '../src/cli/threadPool';
import { plainContext, type BaseScenario, type LabSpec } from '../src/labs/contract';
import { POOL_MAX, runOnPool } from '../src/worker/pool';
import { waitForQuiet } from './quiet';
import type { BenchLine } from './report';

export async function poolSpeedUpLines(section: string, spec: LabSpec, scenario: BaseScenario, what: string, rounds = 5, warmups = 1): Promise<BenchLine[]> {
  const cores = Math.min(POOL_MAX, availableParallelism());
  const { batch } = await spec.loadProgram();
  if (!batch) throw new Error(`${spec.id} has no batch program`);
  const pools = [threadPool(1, Number.POSITIVE_INFINITY), threadPool(cores, Number.POSITIVE_INFINITY)];
  const times: number[][] = [[], []];
  const hashes = ['', ''];
  try {
    for (let w = 0; w < warmups; w++) for (const pool of pools) await runOnPool(pool, spec.id, batch, scenario, plainContext());
    // The target is stated for a quiet machine: the bench's previous section may still keep a core busy.
    await waitForQuiet();
    for (let r = 0; r < rounds; r++) {
      for (let p = 0; p < 2; p++) {
        const start = performance.now();
        const reply = await runOnPool(pools[p], spec.id, batch, scenario, plainContext());
        times[p].push(performance.now() - start);
        if (!reply.ok) throw new Error(reply.error.message);
        hashes[p] = reply.result.traceHash;
      }
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const one = median(times[0]);
  const all = median(times[1]);
  const speedUp = median(times[0].map((t, r) => t / times[1][r]));
  const same = hashes[0] === hashes[1];
  return [
    { section, name: 'machine load average (1 min)', value: loadavg()[0], unit: '' },
    { section, name: `${what}, on 1 worker thread`, value: one, unit: 'ms' },
    { section, name: `the same on the pool (${cores} threads)`, value: all, unit: 'ms' },
    { section, name: `pool speed-up over one worker, median of ${rounds} rounds (${cores} cores; same hash: ${same})`, value: speedUp, unit: 'x', target: `>= ${(0.8 * cores).toFixed(1)}x`, ok: speedUp >= 0.8 * cores && same },
  ];
}
