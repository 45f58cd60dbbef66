/**
 * Raft benchmark (src/labs/consensus): how fast the consensus lab simulates, and what the election-time
 * experiment costs in the worker.
 *
 *   events/s     one long run of the default cluster (5 servers, elections, 200 client commands/s,
 *                60 s simulated), the safety monitor on, with and without the result's change tables;
 *   schedules/s  swarm fault schedules as the property test runs them (mixed and chaos shapes);
 *   1,000 trials the Figure 16 experiment's 150-300 ms range: 1,000 trials, each a single run from the
 *                leader's crash until every survivor heard the new leader.
 *   pool         the lab's election-time experiment on one worker thread and on one per core
 *                (./poolSpeedUp.ts): at its largest, 5 ranges x 2,000 trials (the target, as bench pbs times the
 *                PBS lab's largest run), and 5 x 1,000 as the paper ran it (for scale: a third the work per
 *                thread, so the threads' fixed costs weigh more).
 *
 * `npx tsx bench/raft.ts` prints the lines; `npm run bench -- raft` prints them in the shared table.
 */
import { pathToFileURL } from 'node:url';
import { electionTimes, FIGURE16_OPTIONS } from '../src/labs/consensus/program/electionTimes';
import { simulate } from '../src/labs/consensus/program/simulate';
import { swarmScenario } from '../src/labs/consensus/program/swarm';
import { defaults, LIMITS } from '../src/labs/consensus/scenario';
import { spec } from '../src/labs/consensus/index';
import type { LabSpec } from '../src/labs/contract';
import { poolSpeedUpLines } from './poolSpeedUp';
import { medianMs, type BenchLine } from './report';

const REPETITIONS = 5;
const LONG_RUN = { ...defaults, clientRatePerSec: 200, durationMs: 60_000 };
const SCHEDULES = 200;
const TRIALS = 1000;

function eventsPerSecond(record: boolean): number {
  let events = 0;
  const run = () => {
    events = simulate(LONG_RUN, { record }).sim.events;
  };
  run(); // warm-up
  return events / (medianMs(REPETITIONS, run) / 1000);
}

function schedulesPerSecond(): number {
  const run = () => {
    for (let seed = 0; seed < SCHEDULES; seed++) simulate(swarmScenario(seed, { broken: 'none', chaos: seed % 2 === 1 }));
  };
  run();
  return SCHEDULES / (medianMs(3, run) / 1000);
}

function trialsSeconds(): number {
  const run = () => void electionTimes({ ...FIGURE16_OPTIONS, trials: TRIALS, ranges: [{ minMs: 150, maxMs: 300 }] });
  run();
  return medianMs(3, run) / 1000;
}

export async function run(): Promise<BenchLine[]> {
  const largest = { ...defaults, experiment: 'scale' as const, trials: LIMITS.trialsMax };
  const pool = await poolSpeedUpLines('raft', spec as unknown as LabSpec, largest, `election-time experiment at its largest, 5 ranges x ${LIMITS.trialsMax.toLocaleString('en-US')} trials`, 9, 3);
  const paper = { ...defaults, experiment: 'scale' as const, trials: 1000 };
  const paperPool = await poolSpeedUpLines('raft', spec as unknown as LabSpec, paper, 'election-time experiment, 5 ranges x 1,000 trials (the paper\'s count)', 9, 3);
  // For scale only: the target is the largest run's.
  const untargeted = paperPool.slice(1).map(({ target: _target, ok: _ok, ...line }) => line);
  return [
    ...pool,
    ...untargeted,
    { section: 'raft', name: 'simulated Raft events, 5 servers, 200 commands/s, monitor on', value: eventsPerSecond(false), unit: 'events/s' },
    { section: 'raft', name: 'same, recording the result\'s change tables (the program)', value: eventsPerSecond(true), unit: 'events/s' },
    { section: 'raft', name: 'swarm fault schedules (property test), mixed + chaos', value: schedulesPerSecond(), unit: 'schedules/s' },
    { section: 'raft', name: `${TRIALS.toLocaleString('en-US')} election trials, Figure 16, 150-300 ms`, value: trialsSeconds(), unit: 's' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line.name.padEnd(64), line.value.toPrecision(4), line.unit);
}
