/**
 * The guided steps of the CAP/PACELC lab. Every number quoted is what the program computes for the step's
 * scenario; lesson.test.ts re-checks each one.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type CapScenario, defaults, presets } from './scenario';

export type LessonStep = ContractLessonStep<CapScenario>;

const preset = (id: string): CapScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'cut',
    title: 'A partition forces a choice',
    text:
      'From 150 to 450 ms, n3 and n4 cannot reach n0, n1 and n2, and every node holds a copy of the register. ' +
      'A store that answers only with a majority of the copies must refuse side B; one that answers from any copy ' +
      'can serve side B, but side B then cannot see what side A writes. Drag a line across the drawing, or press ' +
      'the node buttons, to cut elsewhere.',
    scenario: defaults,
    t: 150,
    highlight: { nodes: ['n3', 'n4'] },
  },
  {
    id: 'cp',
    title: 'CP refuses the minority',
    text:
      'n2 alone on side B: CP (W = R = 2 of 3, ABD write-back) refused all 8 requests its clients asked during ' +
      'the cut, each after the 60 ms timeout, and served all 48 of side A\'s. The checker finds the whole history ' +
      'linearizable: no stale read, no lost write. Availability fell; consistency held.',
    scenario: preset('lone-node'),
    t: 150,
    highlight: { nodes: ['n2'] },
  },
  {
    id: 'ap',
    title: 'AP serves both sides, and they diverge',
    text:
      'With W = R = 1, AP served all 84 requests of side A and all 47 of side B during the cut, and accepted ' +
      'writes on both sides (18 and 11); 36 reads returned a value older than a write completed before they began. ' +
      'After the heal the version order decides: 11 acknowledged writes are ordered before a write that had ' +
      'already finished when they began, so their values are lost. The checker: not linearizable.',
    scenario: defaults,
    t: 450,
  },
  {
    id: 'else-latency',
    title: 'Else: latency or consistency',
    text:
      'No cut, N = 3, heavy-tailed network. PA/EL (W = R = 1) answers reads in 3 ms at the median and 7.9 ms ' +
      'at the 99th percentile; PC/EC (W = R = 2 with write-back) waits for a second replica and a second round: ' +
      '9.4 ms and 30 ms. The price of speed: 2 stale reads of 222 and a history that is not linearizable, where ' +
      'PC/EC\'s is.',
    scenario: preset('pareto-tail'),
  },
  {
    id: 'pa-ec',
    title: 'PA/EC: the two choices are separate',
    text:
      'PA/EC runs PC/EC\'s quorums plus a sloppy quorum. With no cut it costs the same: 15 ms reads at the median ' +
      'for both, both linearizable. Under the cut its fallbacks serve 91% of side B\'s requests where PC/EC served ' +
      'none, and the checker finds that history not linearizable: it chose availability when partitioned, ' +
      'consistency otherwise.',
    scenario: defaults,
  },
];
