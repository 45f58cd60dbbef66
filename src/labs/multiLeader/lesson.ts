/**
 * The guided steps of the multi-leader lab, told on the stage: each step sets its scenario, moves the
 * playhead to the moment it speaks of and rings the leaders it names. Every number a step quotes is on the
 * page for that step (a card or the narration at its t, or the measurements below) and is what the program
 * computes: lesson.test.ts re-runs each scenario, finds each number on the page's text and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type MultiLeaderScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<MultiLeaderScenario>;

const preset = (id: string): MultiLeaderScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'local-writes',
    title: 'A leader in every region: local writes',
    text:
      'At 90 ms r1 has acknowledged 4 writes to its clients, and all 4 are still on their way to r0 (its card: to r0 4), in batches that take a crossing between regions. ' +
      'No write waits for the other region: the median write takes 2.1 ms, against a measured round trip between the regions of 165.9 ms, which every write from the far region would wait with a single leader.',
    scenario: preset('two-regions'),
    t: 90,
    highlight: { nodes: ['r1'] },
  },
  {
    id: 'concurrent-writes',
    title: 'Asynchronous replication makes concurrent writes',
    text:
      'A write reaches the other region 72.3 ms after it was made (median), and two updates of one key made in different regions within that window are concurrent: neither client had seen the other\'s write. ' +
      'At 106.8 ms r0 applies r1\'s batch and meets the first such pair on k1, writes 6 and 4: its card flags the conflict and the narration names the pair. ' +
      'Over the run the leaders meet 18 conflicting pairs among 27 acknowledged writes.',
    scenario: preset('two-regions'),
    t: 106.812,
    highlight: { nodes: ['r0'] },
  },
  {
    id: 'lww-loses',
    title: 'Last-writer-wins silently drops writes',
    text:
      'The link between the regions is cut from 300 ms to 1500 ms and both sides keep accepting writes: just before the heal, r0 holds 13 writes r1 has not acknowledged and r1 holds 19 for r0. ' +
      'Once they cross, last-writer-wins keeps the highest timestamp of each key and drops the rest: 17 of the 38 acknowledged writes vanish, though every client was told ok and no surviving write had read them.',
    scenario: preset('partition'),
    t: 1499,
    highlight: { nodes: ['r0', 'r1'] },
  },
  {
    id: 'clock-skew',
    title: 'A clock behind loses even later writes',
    text:
      'Last-writer-wins trusts the leaders\' clocks, and r1\'s runs 2000 ms behind (its card: clock −2000.0 ms). ' +
      'Write 8, acknowledged at 878.5 ms, was made by a client of r1 that had read 6, yet r1 itself keeps 6 (its card: k0 6), for write 8\'s timestamp is 2000 ms too small. ' +
      'LWW drops 7 writes this way, all from region 1, though only 3 pairs of writes were concurrent.',
    scenario: preset('clock-skew'),
    t: 900,
    highlight: { nodes: ['r1'] },
  },
  {
    id: 'siblings',
    title: 'Siblings keep both; a client merges them',
    text:
      'Switch the cards to siblings: after the same partition, r0 and r1 both hold two values for k0, 116|118, one written on each side, and 0 acknowledged writes are lost. ' +
      '16 reads returned two siblings, and the 7 writes that followed them merged them, writing with the context the read returned.',
    scenario: preset('partition'),
    t: 1700,
    highlight: { nodes: ['r0', 'r1'] },
  },
];
