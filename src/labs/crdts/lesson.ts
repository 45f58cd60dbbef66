/**
 * The guided steps of the CRDTs lab, told on the stage: each step sets its scenario (a preset), the view
 * the stage draws, the moment it speaks of and the replicas it names. Every number a step quotes is on the
 * page for that step (a card, the narration, the agreement line or the measurements below) and is what the
 * program computes: lesson.test.ts re-runs each scenario, finds each number on the page's text (./ui/screen.ts)
 * and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type CrdtsScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<CrdtsScenario>;

const preset = (id: string): CrdtsScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'count-apart',
    title: 'Counting on both sides of a cut',
    text:
      'n3 and n4 are cut off from 800 ms to 2,200 ms, and every replica keeps taking increments. ' +
      'A G-Counter gives each replica its own entry and reads their sum: at 2,100 ms n4 reads 3 from counts [0,1,0,0,2], n2 reads 18 from [0,10,8,0,0]. ' +
      'No increment waits for another replica, so no increment is refused.',
    scenario: preset('g-counter'),
    t: 2100,
    highlight: { nodes: ['n2', 'n4'], view: 'g' },
  },
  {
    id: 'converge',
    title: 'Gossip and merge: the replicas converge',
    text:
      'Each replica sends its whole state every 250 ms (jittered) to 1 random peer, and a receiver merges by taking the maximum of each entry, so order, delay and duplicates do not matter. ' +
      'After the heal, all 5 replicas agree on 30 from 3,644.6 ms, 1,024.3 ms after the last update or fault; each holds the merge of all replicas\' states, which is the convergence check.',
    scenario: preset('g-counter'),
    t: 3645,
    highlight: { view: 'g' },
  },
  {
    id: 'consensus',
    title: 'When you don\'t need consensus',
    text:
      'The same 30 increments kept by a consensus log: n0 orders them and answers once a majority has stored each. ' +
      'n3 and n4, cut off from n0, get 0.0 % of their 5 increments accepted, and even the majority side waits two round trips: p50 78.1 ms, p99 97.7 ms, against 0.0 ms for the G-Counter, which answers before sending anything. ' +
      'A counter needs no agreed order: commutative merges are enough.',
    scenario: preset('g-counter'),
    t: 2100,
    highlight: { nodes: ['n3', 'n4'], view: 'log' },
  },
  {
    id: 'or-set',
    title: 'OR-Set: tags and tombstones',
    text:
      'An OR-Set tags each add with a unique dot (n2:3 is n2\'s third update) and a remove tombstones (✝) only the tags it has seen. ' +
      'At 2,100 ms n1 holds a through tag n1:6, made after n1:1, n2:1 and n2:2 were tombstoned: a was removed, then added again, and the re-add survives. ' +
      'Its "seen" vector is the causal context: which dots the state covers.',
    scenario: preset('or-set'),
    t: 2100,
    highlight: { nodes: ['n1'], view: 'or' },
  },
  {
    id: 'naive',
    title: 'A set merged by union undoes removes',
    text:
      'The same updates and messages on a plain set merged by union: n2 removes a at 834.9 ms, and at 862.0 ms a state that still holds a arrives and the union gives it back. ' +
      'A remove leaves no trace, so a merge cannot tell "removed" from "not yet added". The run counts 3 removes undone; the OR-Set, on the same messages, none.',
    scenario: preset('or-set'),
    t: 862.044,
    highlight: { nodes: ['n2'], view: 'naive' },
  },
  {
    id: 'two-phase',
    title: 'A 2P-Set never lets an element back',
    text:
      'A 2P-Set keeps removed elements as tombstones (R) and refuses a re-add: at 1,037.6 ms n2 adds a again, and a stays out. ' +
      'Both sets converge, all 5 replicas from 3,641.5 ms, but the 2P-Set to {} and the OR-Set to {a, b, c}: the 2P-Set shows 17 anomalies, re-adds and concurrent adds lost.',
    scenario: preset('or-set'),
    t: 1037.612,
    highlight: { nodes: ['n2'], view: 'tp' },
  },
  {
    id: 'pn-counter',
    title: 'Decrements need their own grow-only half',
    text:
      'A PN-Counter keeps increments (P) and decrements (N) in two G-Counters and reads sum(P) - sum(N): 10 on every replica at the end. ' +
      'One signed count per replica merged by max reads 11: a decrement lowers an entry, and an older, larger copy wins the next merge (5 anomalies in this run).',
    scenario: preset('pn-counter'),
    t: 4500,
    highlight: { view: 'max' },
  },
  {
    id: 'lww',
    title: 'Last-writer-wins: whose clock?',
    text:
      'An LWW-Register keeps the write with the larger stamp. n1\'s clock runs 1,000 ms behind: at 2,946.0 ms n1 takes a write v30, after it had received v29 (stamped 2,738.4 ms by n3), and v30 gets n1\'s slow reading, so it loses at once, on n1 itself; every replica ends with v29. ' +
      'Lamport stamps (one more than the stamp held) order v30 after the v29 it had seen, and every replica ends with v30.',
    scenario: preset('lww-skew'),
    t: 2950,
    highlight: { nodes: ['n1'], view: 'wall' },
  },
  {
    id: 'duplicates',
    title: 'Idempotent merges shrug off duplicates',
    text:
      'Now the network delivers 20 % of messages twice (56 in this run), and every increment is also sent as "+k" until acknowledged: at-least-once delivery. ' +
      'Every G-Counter reads 30, the increments made, since merging a state twice changes nothing; the counter that adds each "+k" it receives reads 34, 33, 32, 34, 38.',
    scenario: preset('duplicates'),
    t: 4900,
    highlight: { view: 'delta' },
  },
];
