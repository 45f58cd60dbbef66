/**
 * A golden scenario and its pinned trace hash, asserted in Node (golden.test.ts) and in Chromium
 * (golden.browser.test.ts): the same scenario must give the same hash in both. When the engine's semantics
 * change on purpose, update the hash here (and bump the labs' engineVersion).
 */
import { type EchoConfig, runEcho } from './echoRun';

export const GOLDEN_CONFIG: EchoConfig = {
  seed: 20261125,
  nodes: 5,
  latency: { kind: 'pareto', scaleTicks: 20, shape: 1.5 },
  loss: 0.05,
  duplicate: 0.02,
  reorder: 0.1,
  echo: { periodTicks: 100, rounds: 30 },
  events: [
    { t: 300, type: 'partition', groups: '0,1|2,3' },
    { t: 500, type: 'crash', node: 4 },
    { t: 700, type: 'drift', node: 1, ppm: 150_000 },
    { t: 900, type: 'heal' },
    { t: 1100, type: 'recover', node: 4 },
    { t: 1200, type: 'pause', node: 2 },
    { t: 1400, type: 'resume', node: 2 },
    { t: 1500, type: 'cut', from: 0, to: 3 },
    { t: 1600, type: 'clockJump', node: 3, ms: -250 },
  ],
};

export const GOLDEN_HASH = '1c202b6fbdcb7fab';
export const GOLDEN_LENGTH = 723;

/** The golden run's hash and trace length. */
export function goldenRun(): { hash: string; length: number } {
  const { columns } = runEcho(GOLDEN_CONFIG);
  return { hash: columns.hash, length: columns.length };
}
