/**
 * The guided steps of the quorums lab. Every number a step quotes is what the program computes for the
 * step's scenario; lesson.test.ts re-runs each scenario and checks each claim. Operations are named by
 * their index in the history ("op 15"), as the checker's explanation and the timeline name them.
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
    title: 'W + R > N: every read set meets every write set',
    text:
      'N = 3, W = 2, R = 2: a write waits for 2 of the 3 replicas, a read for 2 replies, and 2 + 2 > 3, so any two ' +
      'such sets share a replica. Pick a read: the overlap view draws its read set and the write set of the last ' +
      'write before it: in this run each of the 29 reads called after a completed write meets its set. The checker finds the 60 operations linearizable.',
    scenario: defaults,
  },
  {
    id: 'w1-r1',
    title: 'W = R = 1: fast, and sometimes stale',
    text:
      'With one ack and one reply over slow links (1..100 ms), a read can ask a replica the last write has not reached. ' +
      'In this run 1 of the 22 reads returned a value one completed write behind (the red marker in the timeline), ' +
      'and the checker rejects the history.',
    scenario: preset('w1-r1'),
    t: 604,
  },
  {
    id: 'not-enough',
    title: 'W + R > N alone is not linearizability',
    text:
      'N = 3, W = 3, R = 1 under pauses, a partition and crashes, with no write-back. Write 12 (op 11) timed out after ' +
      'reaching some replicas; client 7 read 12 (op 13), then its next read (op 15) asked n2, which never got it, and returned 6. ' +
      'The timeline outlines the checker\'s explanation: op 15 cannot be placed after op 13, which returned before it was called.',
    scenario: noWriteBackViolation,
    t: 224.3,
    highlight: { nodes: ['n2'] },
  },
  {
    id: 'write-back',
    title: 'ABD: write back before answering',
    text:
      'The same scenario with the write-back on: before answering, a read stores the version it chose on W replicas, ' +
      'so a later read cannot miss what an earlier one returned. The checker now finds the history linearizable.',
    scenario: { ...noWriteBackViolation, writeBack: true },
    t: 224.3,
  },
  {
    id: 'sloppy',
    title: 'A sloppy quorum breaks the overlap',
    text:
      'A partition cuts n0 and n1 off; fallbacks n3 and n4 stand in for replicas that do not answer and keep hints, so a write set and a read set ' +
      'can be drawn from different nodes. 3 of the 41 reads are stale and the history is not linearizable; after the heal the ' +
      'fallbacks hand all 5 hints over. Without the sloppy quorum the same run is linearizable, and 4 requests fail instead.',
    scenario: preset('sloppy-partition'),
    t: 40,
    highlight: { nodes: ['n0', 'n1', 'n3', 'n4'] },
  },
  {
    id: 'read-repair',
    title: 'Read repair',
    text:
      'n2 crashes at 40 ms and recovers at 140 ms with the version it had: it answers with an old value until something updates it. ' +
      'With read repair, a read that hears an old version sends the newer one after answering: 6 repairs cut the replies ' +
      'from a replica that was behind from 37 (read repair off) to 24.',
    scenario: readRepairScenario,
    t: 140,
    highlight: { nodes: ['n2'] },
  },
  {
    id: 'broken',
    title: 'A broken coordinator is caught',
    text:
      'This coordinator answers a read with the first reply, not the highest version. Op 55 read 53 though its client\'s ' +
      'write 54 (op 53) had returned: the overlap view shows the sets meet at n2, which returned version (16, w54), ' +
      'and the checker rejects the history. With a correct coordinator the same scenario is linearizable.',
    scenario: firstReplyScenario,
    t: 3922.1,
    highlight: { nodes: ['n2'] },
  },
];
