/**
 * The guided steps of the clocks lab, from "which happened first?" to "why last-writer-wins loses data",
 * told on the stage and the space-time diagram: each step sets its scenario, moves the playhead to the
 * moment it speaks of and rings the replicas it names. Every number a step quotes is on the page for that
 * step (a card or the narration at its t, or the measurements below) and is what the program computes:
 * lesson.test.ts re-runs each scenario, finds each number on the page's text and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { presets, type VectorClocksScenario } from './scenario';

export type LessonStep = ContractLessonStep<VectorClocksScenario>;

const preset = (id: string): VectorClocksScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'which-first',
    title: 'Which write happened first?',
    text:
      'At 75.1 ms r2 commits c1 and at 89.6 ms r0 commits a1, before either has heard of the other: c1\'s version vector [0,0,1] and a1\'s [1,0,0] are concurrent, since neither covers the other. ' +
      'Wall clocks order them anyway: r0 stamps a1 84.7 and r2 stamps c1 77.1, so wherever the two meet, wall-clock last-writer-wins keeps a1 and drops c1, though neither came first.',
    scenario: preset('synced'),
    t: 89.629,
    highlight: { nodes: ['r0', 'r2'] },
  },
  {
    id: 'later-write-loses',
    title: 'A slow clock makes the later write lose',
    text:
      'r1\'s clock runs 98.3 ms behind true time, far outside the 10 ms bound. ' +
      'At 273.0 ms r1 commits b3 after receiving c2 from r2 (b3\'s vector [1,3,2] covers c2\'s [1,2,2]: click b3 on the diagram and the arrow from c2 lights up in its causal past), yet stamps it 174.7 against c2\'s 227.5. ' +
      'Wall-clock last-writer-wins keeps c2 and drops b3, the later write, and the diagram marks it lost.',
    scenario: preset('skewed'),
    t: 273.034,
    highlight: { nodes: ['r1', 'r2'] },
  },
  {
    id: 'logical-clocks',
    title: 'Lamport clocks and HLC keep the order',
    text:
      'Logical stamps carry causality: c2 gets Lamport 6 and HLC 227.5·0, b3 Lamport 8 and HLC 227.5·2, because r1\'s HLC took c2\'s larger l and counted on. ' +
      'Neither lets an earlier write beat a later one (0 lost to an earlier write), but concurrent writes still need a rule: each loses 3 of 9 committed writes, where version vectors keep them as siblings and lose 0.',
    scenario: preset('skewed'),
    t: 273.034,
    highlight: { nodes: ['r1'] },
  },
  {
    id: 'lease',
    title: 'A lease judged by wall-clock time',
    text:
      'r0 grants the lease until a reading of its own clock, and r1 holds it until its own clock reads that time: 98.3 ms slow, r1 holds from 64.9 ms to 323.7 ms, while r0 granted it to r2 at 273.0 ms. ' +
      'At 300 ms both cards wear the lease badge: trusting wall clocks, 2 pairs of holdings overlap, for 106.7 ms with two holders.',
    scenario: preset('skewed'),
    t: 300,
    highlight: { nodes: ['r1', 'r2'] },
  },
  {
    id: 'commit-wait',
    title: 'Commit wait: pay for the uncertainty',
    text:
      'Give the system an honest bound, ε = 110 ms, wide enough for r1\'s slow clock, and commit wait fixes the order: each write is stamped pt + ε and commits only once pt − ε has passed that stamp, so the median write waits 220.0 ms. ' +
      'Then no stamps invert the real order (0 pairs, against 5 trusting the clocks), and no two replicas hold the lease at once (0 overlapping pairs).',
    scenario: preset('truetime'),
    t: 493.035,
    highlight: { nodes: ['r1'], view: 'commitWait' },
  },
  {
    id: 'why-lww-loses',
    title: 'Why last-writer-wins loses data',
    text:
      'Cut r0 off from 100 ms to 600 ms and every write on one side is concurrent with every write on the other. ' +
      'After the heal, version vectors hold a4 and c4 as siblings at every replica and lose 0 writes, for an application merge to join; wall-clock last-writer-wins keeps one value and lost 8 of 12 committed writes, each acknowledged to its client and then silently gone.',
    scenario: preset('partition'),
    t: 800,
    highlight: { nodes: ['r0'] },
  },
];
