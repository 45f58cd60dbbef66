/**
 * The guided steps of the CAP/PACELC lab, told on the stage: each step sets its scenario, the moment its
 * text speaks of (t), the nodes it names and the run the stage draws (CP or AP). Every number quoted is on
 * the page (the stage's line and cards, the narration, the tables below) and lesson.test.ts re-checks each
 * one against the program.
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
      'From 150 to 450 ms, n3 and n4 cannot reach n0, n1 and n2: the stage shades the two sides, and a dot sent ' +
      'across the cut falls at it. Every node holds a copy of the register, so each side could go on answering ' +
      'its clients; the question is whether it should. Drag across the stage to cut elsewhere, or click a node ' +
      'to crash, pause or isolate it.',
    scenario: defaults,
    t: 150,
    highlight: { nodes: ['n3', 'n4'], view: 'CP' },
  },
  {
    id: 'cp',
    title: 'CP refuses the minority',
    text:
      'CP answers only with replies from 3 of the 5 copies. At 151.2 ms c4 asks n4 to read; n4 hears from ' +
      'itself and n3 while the cut stops its gets to the other three, so at 211.2 ms, after the 60 ms timeout, ' +
      'n4 refuses: no quorum. Through the cut CP refused all 9 requests of the minority side, and the checker ' +
      'finds its history linearizable.',
    scenario: defaults,
    t: 211.21,
    highlight: { nodes: ['n4'], view: 'CP' },
  },
  {
    id: 'ap',
    title: 'AP serves both sides, and they diverge',
    text:
      'AP answers from any one copy (W = R = 1), so n3 and n4 serve all 47 of their clients\' requests through ' +
      'the cut and take their writes. Just before the heal the sides hold different registers: n0 has 192@27 ' +
      '(value 192 at counter 27), n3 has 191@18. Once copies meet again the higher counter wins, so writes the ' +
      'minority acknowledged are overwritten, and the checker finds the history not linearizable.',
    scenario: defaults,
    t: 449,
    highlight: { nodes: ['n0', 'n3'], view: 'AP' },
  },
  {
    id: 'else-latency',
    title: 'Else: latency or consistency',
    text:
      'Without a cut the trade is latency: before 150 ms the stage shows CP waiting, for every answer, on a ' +
      'majority\'s replies and then a second round. On N = 3 with a heavy-tailed network, PA/EL (W = R = 1) ' +
      'reads in 3 ms at the median and 7.9 ms at the 99th percentile, PC/EC (W = R = 2 with write-back) in ' +
      '9.4 and 30 ms, and only PC/EC\'s history is linearizable (the PACELC table below).',
    scenario: preset('pareto-tail'),
    t: 100,
    highlight: { view: 'CP' },
  },
  {
    id: 'pa-ec',
    title: 'PA/EC: the two choices are separate',
    text:
      'PA/EC runs PC/EC\'s quorums plus a sloppy quorum. With no cut it costs the same (15 ms reads at the ' +
      'median for both, both linearizable); under the cut its fallbacks serve 91% of the minority side\'s ' +
      'requests where PC/EC serves none, as AP does on the stage, and its history is no longer linearizable: ' +
      'availability when partitioned, consistency otherwise.',
    scenario: defaults,
    t: 300,
    highlight: { nodes: ['n3', 'n4'], view: 'AP' },
  },
];
