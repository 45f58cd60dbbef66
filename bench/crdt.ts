/**
 * CRDT benchmark (issue 13): merges per second for each type, on the states two replicas of eight hold
 * after the same seeded history (2,000 updates, gossip between random pairs, so the two states overlap
 * and differ as in a lab). Sets draw from 100 elements, 60 % adds and 40 % removes; the OR-Set's state
 * carries its tags and tombstones. Each merge builds a new state (merge never mutates), and merges
 * alternate a <- b and b <- a. Then: the set anomaly detector over that 2,000-update history (plus its
 * sends and delivers), which a lab runs once per scenario.
 *
 * Run: `npm run bench -- crdt` or `npx tsx bench/crdt.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  type CrdtType, type HistoryStep, type SetOp, gCounter, lwwRegisterOf, maxCounter, naiveSet, orSet, pnCounter, replay, setAnomalies, sumCounter, twoPhaseSet,
} from '../src/core/crdt';
import { rng } from '../src/core/random/rng';
import type { BenchLine } from './report';

const REPLICAS = 8;
const UPDATES = 2000;
const ELEMENTS = 100;
const REPETITIONS = 5;
const SLICE_MS = 150;

/** A seeded history: each step is an update at a random replica, or one replica's state sent to another. */
function historyOf<O>(makeOp: (r: ReturnType<typeof rng>) => O): HistoryStep<O>[] {
  const r = rng('bench-crdt');
  const steps: HistoryStep<O>[] = [];
  let updates = 0;
  while (updates < UPDATES) {
    if (r.chance(2, 3)) {
      steps.push({ type: 'op', replica: r.int(REPLICAS), op: makeOp(r) });
      updates++;
    } else {
      const from = r.int(REPLICAS);
      steps.push({ type: 'send', replica: from });
      steps.push({ type: 'deliver', replica: (from + 1 + r.int(REPLICAS - 1)) % REPLICAS, send: steps.length - 1 });
    }
  }
  return steps;
}

const setOp = (r: ReturnType<typeof rng>): SetOp => ({ type: r.chance(3, 5) ? 'add' : 'remove', element: `e${r.int(ELEMENTS)}` });

/** Merges per second of `type` on two replicas' states after `history`: median of timed slices. */
function mergeRate<S, O, V>(type: CrdtType<S, O, V>, history: HistoryStep<O>[]): { perSecond: number; entries: number } {
  const [a, b] = replay(type, history, REPLICAS);
  const rates: number[] = [];
  let sink = 0;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    let merges = 0;
    const start = performance.now();
    while (performance.now() - start < SLICE_MS) {
      for (let i = 0; i < 100; i++) {
        if (type.merge(a, b) === a) sink++;
        if (type.merge(b, a) === b) sink++;
      }
      merges += 200;
    }
    rates.push(merges / ((performance.now() - start) / 1000));
  }
  if (sink === 0.5) console.log(sink);
  rates.sort((x, y) => x - y);
  return { perSecond: rates[REPETITIONS >> 1], entries: type.describe(type.merge(a, b)).entries };
}

export async function run(): Promise<BenchLine[]> {
  const counterOps = historyOf(() => ({ type: 'increment' as const }));
  const pnOps = historyOf((r) => ({ type: r.chance(1, 2) ? ('increment' as const) : ('decrement' as const) }));
  const lwwOps = historyOf((r) => ({ type: 'set' as const, value: `v${r.int(1000)}` }));
  const setOps = historyOf(setOp);
  const cases: [string, () => { perSecond: number; entries: number }][] = [
    ['G-Counter', () => mergeRate(gCounter, counterOps)],
    ['PN-Counter', () => mergeRate(pnCounter, pnOps)],
    ['LWW-Register', () => mergeRate(lwwRegisterOf<string>(), lwwOps)],
    ['OR-Set', () => mergeRate(orSet, setOps)],
    ['2P-Set (foil)', () => mergeRate(twoPhaseSet, setOps)],
    ['set merged by union (foil)', () => mergeRate(naiveSet, setOps)],
    ['counter merged by sum (foil)', () => mergeRate(sumCounter, counterOps)],
    ['signed counter merged by max (foil)', () => mergeRate(maxCounter, pnOps)],
  ];
  const lines: BenchLine[] = [];
  for (const [name, measure] of cases) {
    const { perSecond, entries } = measure();
    lines.push({ section: 'crdt', name: `${name}: merges, 8 replicas, 2,000 updates (${entries} entries in the merged state)`, value: perSecond, unit: 'merges/s' });
  }
  const start = performance.now();
  const found = setAnomalies(naiveSet, setOps, REPLICAS).length + setAnomalies(twoPhaseSet, setOps, REPLICAS).length;
  lines.push({ section: 'crdt', name: `anomaly detection, naive set + 2P-Set over ${setOps.length.toLocaleString('en-US')} steps (${found} found)`, value: performance.now() - start, unit: 'ms' });
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await run()) console.log(`${line.name.padEnd(84)}${line.value.toFixed(line.value >= 100 ? 0 : 2).padStart(14)} ${line.unit}`);
}
