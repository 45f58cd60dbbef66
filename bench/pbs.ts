/**
 * PBS benchmark: WARS Monte Carlo trials per second (src/core/pbs), N=3 R=W=1 with exponential legs and
 * with the paper's LNKD-DISK fit (Pareto/exponential mixtures, so more draws per delay), plus the run a
 * PBS lab would ask of the worker: 10^5 trials evaluated for the five N=3 quorum configurations of the
 * paper's Table 4 on one set of draws. Medians of a few runs after a warm-up.
 *
 * `npx tsx bench/pbs.ts` prints the lines; `npm run bench -- pbs` prints them in the table.
 */
import { pathToFileURL } from 'node:url';
import { LNKD_DISK, exponentialLegs, pbsSweep, type QuorumConfig, type WarsLegs } from '../src/core/pbs';
import { medianMs, type BenchLine } from './report';
import type { LabSpec } from '../src/labs/contract';
import { spec as pbsSpec } from '../src/labs/pbs/index';
import type { PbsScenario } from '../src/labs/pbs/scenario';
import { poolSpeedUpLines } from './poolSpeedUp';

const REPETITIONS = 5;
const TRIALS = 100_000;
/** The lab's default run, in the worker behind a progress bar: within a second (same budget as a re-run). */
const LAB_RUN_MS_TARGET = 1000;
const TABLE4_CONFIGS: QuorumConfig[] = [{ n: 3, r: 1, w: 1 }, { n: 3, r: 1, w: 2 }, { n: 3, r: 2, w: 1 }, { n: 3, r: 3, w: 1 }, { n: 3, r: 1, w: 3 }];

function timed(configs: QuorumConfig[], legs: WarsLegs): number {
  const run = () => void pbsSweep({ configs, legs, trials: TRIALS, seed: 1 });
  run(); // warm-up
  return medianMs(REPETITIONS, run);
}

export async function run(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const single = [{ n: 3, r: 1, w: 1 }];
  for (const [label, legs] of [['exponential legs', exponentialLegs(0.1, 1)], ['LNKD-DISK legs', LNKD_DISK]] as const) {
    const ms = timed(single, legs);
    lines.push({ section: 'pbs', name: `WARS trials, N=3 R=W=1, ${label}`, value: TRIALS / (ms / 1000), unit: 'trials/s' });
  }
  const ms = timed(TABLE4_CONFIGS, LNKD_DISK);
  lines.push({ section: 'pbs', name: '10^5 trials x 5 configs (N=3, LNKD-DISK): one run', value: ms, unit: 'ms', target: `<= ${LAB_RUN_MS_TARGET} ms`, ok: ms <= LAB_RUN_MS_TARGET });
  lines.push(...(await poolLines()));
  return lines;
}

/** The pool: the PBS lab's largest run (10^5 trials, 4 configurations, LNKD-DISK), same result checked. */
async function poolLines(): Promise<BenchLine[]> {
  // Four configurations (the lab's most): N=3 with R,W = 1,1 / 1,2 / 2,1 / 2,2.
  const scenario: PbsScenario = { ...pbsSpec.defaults, latency: 'lnkd-disk', trials: 100_000, n1: 3, r1: 1, w1: 1, n2: 3, r2: 1, w2: 2, n3: 3, r3: 2, w3: 1, n4: 3, r4: 2, w4: 2 };
  // Nine rounds, as the consensus pool's: a run is ~250 ms, and five rounds' median moved 1.54-1.84x between runs here.
  return poolSpeedUpLines('pbs', pbsSpec as unknown as LabSpec, scenario, "10^5 trials x 4 configs, the PBS lab's largest run", 9, 2);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line.name.padEnd(60), line.unit === 'x' ? line.value.toFixed(2) : Math.round(line.value).toLocaleString('en-US'), line.unit);
}
