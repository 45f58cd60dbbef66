/**
 * The guided steps of the partitioning lab, told on the stage: each step sets its scene, puts the playhead
 * on the moment its text speaks of and highlights the nodes it names. Every number quoted is on screen at
 * that moment (a node's card, the script, the tables below) and lesson.test.ts re-checks each against the
 * program. The first step's scene is the lab's default, the one a visitor sees first.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { defaults, type PartitioningScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<PartitioningScenario>;

const preset = (id: string): PartitioningScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'one-node-melts',
    title: 'One hot key melts its node',
    text:
      'The router sends each request (a dot) to the node that owns its key, and one celebrity key gets 20.0% of all ' +
      'requests. At t = 8000 ms its owner n2 reads CPU 100% with 486 requests waiting, while the other nine nodes ' +
      'sit between 27% and 55% CPU with at most 2 waiting. Each new request for that key queues behind the rest: ' +
      'p99 is 1.19 s while p50 stays at 4.4 ms.',
    scenario: defaults,
    t: 8000,
    highlight: { nodes: ['n2'] },
  },
  {
    id: 'strategies',
    title: 'Four placements, one skew',
    text:
      'Under key ranges, Zipf-popular keys sit together: at t = 3000 ms n7 reads CPU 82% and HOT. The table below ' +
      'places the same keys all four ways: a joining node takes 91.3% of them under hash mod N and 9.0% on the ring ' +
      '(ideal 1/11 = 9.1%), but only 3.1% under ranges, less than its share. None removes the skew: the busiest ' +
      'node serves at least 1.81 times the mean request load under every placement.',
    scenario: preset('zipf-ranges'),
    t: 3000,
    highlight: { nodes: ['n7'] },
  },
  {
    id: 'crash',
    title: 'A crash under ranges',
    text:
      'Under ranges a crashed node\'s keys have nowhere else to live: n3 crashes at 3.00 s, and requests for its ' +
      '1,250 keys fall at its crossed-out card until it recovers at 6.00 s; 739 requests fail. On the ring the ' +
      'same crash would move 1,051 keys to the next nodes clockwise instead (the table below compares all four).',
    scenario: { ...preset('crash-a-node'), strategy: 'range' },
    t: 3500,
    highlight: { nodes: ['n3'] },
  },
  {
    id: 'split',
    title: 'Split the hot range',
    text:
      'The busiest range sits on n7, whose CPU runs at 89.6% before 5.00 s. There the range splits at its request ' +
      'median and its upper half moves to the quietest node: the busiest node falls to 45.7%. One celebrity key ' +
      'cannot be split this way, because a single key is one point in key order.',
    scenario: preset('split-hot-range'),
    t: 8000,
    highlight: { nodes: ['n7'] },
  },
  {
    id: 'salt',
    title: 'Salt the hot key, and pay on reads',
    text:
      'At 5.00 s the hot key, written far more than read (a like counter), is salted 8 ways: each write goes to ' +
      'one of 8 sub-keys, and by t = 7500 ms n2 has 3 requests waiting at CPU 65%. Every read now asks all 8 salts ' +
      '(8 dots where there was one), 2,821 extra sub-requests in all, and n5 and n6, which hold salts, read CPU 100%.',
    scenario: preset('salt-hot-key'),
    t: 7500,
    highlight: { nodes: ['n2', 'n5', 'n6'] },
  },
  {
    id: 'cache',
    title: 'A cache in front, and stale reads',
    text:
      'From 5.00 s a cache with a 100 ms TTL answers reads of keys it saw recently, the hot key\'s above all: ' +
      '19.3% of reads never reach a node, and at t = 8000 ms n2 has 2 requests waiting at CPU 38%. Writes bypass ' +
      'the cache, so 12.1% of reads return a value older than the latest write: freshness is what this fix costs.',
    scenario: preset('cache-in-front'),
    t: 8000,
    highlight: { nodes: ['n2'] },
  },
];
