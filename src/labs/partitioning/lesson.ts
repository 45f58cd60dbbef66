/**
 * The guided steps of the partitioning lab, from "why one node melts" to "the fix and what it costs": one
 * idea per step, each shown by its scenario. Every number quoted is what the program computes for that
 * scenario (lesson.test.ts re-checks each claim).
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type PartitioningScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<PartitioningScenario>;

const preset = (id: string): PartitioningScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'one-node-melts',
    title: 'Why one node melts',
    text:
      'Placement balances keys, not requests: here one celebrity key gets 20% of 2,000 requests/s, so its node is asked ' +
      'for about 560 requests/s while a 2 ms service time allows 500. The other nine nodes stay near 30% CPU, yet ' +
      'the cluster p99 passes one second while the median request still takes under 5 ms.',
    scenario: preset('one-node-melts'),
  },
  {
    id: 'three-signs',
    title: 'Three signs of a hot partition',
    text:
      'The detector compares the hottest node with the median node in every time bucket: CPU (at least 80% while the ' +
      'median is under half of it), queue depth (at least 8 and 4 times the median), and p99 latency (4 times the ' +
      'median). In this run all three fire on the celebrity key\'s node from the first bucket on.',
    scenario: preset('one-node-melts'),
  },
  {
    id: 'strategies',
    title: 'Four placements, one skew',
    text:
      'On the same Zipf keys, a node joining moves about 91% of the keys under hash mod N, 9% on the ring or through ' +
      'the directory, and 3% under ranges, and a 100-key range query touches about 1 node under ranges but all 10 ' +
      'under hashing. None of them fixes skew: under every strategy the busiest node serves over 1.8 times the mean.',
    scenario: preset('zipf-ranges'),
  },
  {
    id: 'split',
    title: 'Split the hot range',
    text:
      'Under ranges, split the hottest range at its request median and move the upper half to the quietest node: ' +
      'the busiest node\'s CPU falls from about 90% to under 50%. One celebrity key cannot be split this way, ' +
      'because a single key is one point in key order.',
    scenario: preset('split-hot-range'),
    t: 5000,
  },
  {
    id: 'salt',
    title: 'Salt the hot key, and pay on reads',
    text:
      'Salting a write-heavy key with 8 suffixes spreads its writes over 8 partitions: the busiest node drops from ' +
      '100% CPU to under 60%. The price is on reads, which must ask all 8 salts: about 2,800 extra sub-requests ' +
      'here, so for a read-heavy key salting costs more than it saves.',
    scenario: preset('salt-hot-key'),
    t: 5000,
  },
  {
    id: 'cache',
    title: 'A cache in front, and stale reads',
    text:
      'A cache with a 100 ms TTL answers about 19% of all reads, nearly every read of the celebrity key, and the hot ' +
      'node falls from 100% CPU to under 45%. Writes bypass the cache, so about 12% of reads return a value older than ' +
      'the latest write: freshness is what this fix costs.',
    scenario: preset('cache-in-front'),
    t: 5000,
  },
];
