/**
 * The guided steps of the quorums lab, told on the stage: each step loads its scenario, moves the playhead
 * to the moment its text speaks of (the request card then shows that request) and rings the nodes it
 * names. Every number a step quotes is on screen at that moment (a card's value@version, a dot's label, the
 * request card, the figures) and lesson.test.ts re-runs each scenario and checks each claim. Operations are
 * named by their index in the history ("op 15") and clients by their process ("c7"), as the request card,
 * the timeline and the narration name them.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { defaults, presets, type QuorumsScenario } from './scenario';
import { noWriteBackViolation } from './violations';

export type LessonStep = ContractLessonStep<QuorumsScenario>;

const preset = (id: string): QuorumsScenario => presetScenario(presets, id);

/** n2 is down from 40 ms to 140 ms, then answers with what it stored before the crash. */
const readRepairScenario: QuorumsScenario = {
  ...defaults,
  ops: 80,
  writePct: 10,
  writeBack: false,
  readRepair: true,
  events: [
    { t: 40, type: 'crash', node: 2 },
    { t: 140, type: 'recover', node: 2 },
  ],
};

/** A coordinator that answers a read with the first reply it gets, over slow links (1..100 ms). */
const firstReplyScenario: QuorumsScenario = { ...defaults, bug: 'first-reply', seed: 4, latencyMsMax: 100, timeoutMs: 400 };

export const lesson: readonly LessonStep[] = [
  {
    id: 'overlap',
    title: 'A coordinator fans out and waits for a quorum',
    text:
      'Client c1’s read (op 3) went to n1, which sent read? to the replicas n0, n1 and n2 and took the first R = 2 replies, 2@1. ' +
      'With the write-back on, it then stored 2@1 on W = 2 replicas and answered at 53.33 ms; n2’s ack, still on its way, is a late ack: it arrives after the quorum was reached and does not count. ' +
      'W + R = 4 > N = 3, so every read set meets every write set, and the checker finds the 60 operations linearizable.',
    scenario: defaults,
    t: 53.4,
    highlight: { nodes: ['n1', 'n2'] },
  },
  {
    id: 'w1-r1',
    title: 'W = R = 1: fast, and sometimes stale',
    text:
      'With one ack and one reply over slow links (1..100 ms), a read takes whichever replica answers first. ' +
      'Op 21 (c3 via n2) took n0’s 16@5, while n1 and n2, whose cards already show 21@6, answered late. ' +
      'The read is stale, 1 completed write behind, and the checker rejects the history.',
    scenario: preset('w1-r1'),
    t: 604.1,
    highlight: { nodes: ['n0', 'n2'] },
  },
  {
    id: 'not-enough',
    title: 'W + R > N alone is not linearizability',
    text:
      'N = 3, W = 3, R = 1 under pauses, a partition and crashes, with no write-back. ' +
      'Write 12 (op 11) timed out after reaching n0 and n1 only: their cards show 12@2, n2’s still 6@1. ' +
      'Client c7 read 12@2 (op 13), then its next read (op 15) took n2’s reply alone and returned 6@1: the checker cannot place op 15 after op 13, which returned before it was called.',
    scenario: noWriteBackViolation,
    t: 224.3,
    highlight: { nodes: ['n2'] },
  },
  {
    id: 'write-back',
    title: 'ABD: write back before answering',
    text:
      'The same faults with the write-back on (the run takes another course): a read stores the value it chose on W = 3 replicas before it answers. ' +
      'At 230 ms op 14 (c7 via n2) has chosen 7@3 and its write-back 7@3 dots are on their way; it answers only once all three replicas hold 7@3 or newer, so no later read can return anything older. ' +
      'The checker finds this history linearizable.',
    scenario: { ...noWriteBackViolation, writeBack: true },
    t: 230,
    highlight: { nodes: ['n2'] },
  },
  {
    id: 'read-repair',
    title: 'Read repair',
    text:
      'n2 was down from 40 to 140 ms and came back with what its disk held, 1@1. ' +
      'Op 20 (c1 via n3) heard 18@4 from n1 and 1@1 from n2, answered 18@4 and then sent repair 18@4 to n2: its card catches up when the repair lands. ' +
      'Read repair fixes only the replicas that reads touch, after answering: 6 repairs in this run.',
    scenario: readRepairScenario,
    t: 151.4,
    highlight: { nodes: ['n2', 'n3'] },
  },
  {
    id: 'sloppy',
    title: 'A sloppy quorum keeps writing, and breaks the overlap',
    text:
      'A partition splits {n0, n1} from {n2, n3, n4} at 40 ms, and with a sloppy quorum both sides keep writing. ' +
      'n0 and n1 are 2 of the 3 replicas and store 22@6 on their own; n2 stores 21@2 with the fallbacks n3 and n4 standing in for n0 and n1, and they keep it as hints (their cards). ' +
      'Reads through n2 miss the other side: 3 of the 41 reads are stale and the history is not linearizable; after the heal at 200 ms the fallbacks hand all 5 hints over.',
    scenario: preset('sloppy-partition'),
    t: 190,
    highlight: { nodes: ['n3', 'n4'] },
  },
  {
    id: 'broken',
    title: 'A broken coordinator is caught',
    text:
      'This coordinator answers a read with the first reply, not the highest version. ' +
      'Op 55 (c1 via n3) took n0’s 53@16 though n2 answered 54@16, the value of c1’s own write 54 (op 53), which had returned: every card shows 54@16 as op 55 returns 53@16. ' +
      'The checker rejects the history; with a correct coordinator the same scenario is linearizable.',
    scenario: firstReplyScenario,
    t: 3922.1,
    highlight: { nodes: ['n0', 'n2'] },
  },
];
