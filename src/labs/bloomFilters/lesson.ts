/**
 * The guided steps of the Bloom filters lab: each sets its scenario, moves the playhead to the filter
 * operation it speaks of and rings the nodes it names. Every number a step quotes is on the page for that
 * step (the bit array's words at its t, the narration, the measurements below) and is what the program
 * computes: lesson.test.ts re-runs each scenario and finds each number in the page's text.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type BloomScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<BloomScenario>;

const preset = (id: string): BloomScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'definitely-no',
    title: '"Definitely no" costs no disk read',
    text:
      'The filter in f1 has 958,506 bits holding 100,000 elements; each key sets or reads 7 of them. ' +
      'At 3.055 ms c0 asks for miss-0, and bit 485,959, one of its 7, is 0: no insert ever set it, so miss-0 was never inserted. ' +
      'f1 answers "definitely no" at once, without touching the store s2.',
    scenario: preset('one-percent'),
    t: 3.055,
    highlight: { nodes: ['f1'] },
  },
  {
    id: 'probably-yes',
    title: '"Probably yes" reads the store',
    text:
      'At 37.35 ms c0 asks for item-86516: all 7 of its bits are set, so the filter says "probably yes" and f1 reads s2\'s disk, which holds it. ' +
      'A get the filter answers alone takes 2.05 ms (median), one that reads the store 13.95 ms.',
    scenario: preset('one-percent'),
    t: 37.35,
    highlight: { nodes: ['f1', 's2'] },
  },
  {
    id: 'insert',
    title: 'An insert sets k bits, and bits are never cleared',
    text:
      'In a filter of 64 bits with 3 hashes (every bit drawn), at 46.955 ms f1 adds new-2: it sets bits 4, 61 and 55, 2 of them newly. ' +
      'Inserts only set bits, so a key once inserted always finds its bits set: a Bloom filter never answers "no" for it.',
    scenario: preset('tiny'),
    t: 46.955,
    highlight: { nodes: ['f1'] },
  },
  {
    id: 'false-positive',
    title: 'A false positive: bits set by other keys',
    text:
      'At 129.558 ms f1 checks miss-6: bits 21, 52 and 20 were all set by other keys, so the filter says "probably yes" for a key never inserted. ' +
      'f1 reads s2\'s disk for nothing: in this run 4 of the 12 store reads are wasted this way.',
    scenario: preset('tiny'),
    t: 129.558,
    highlight: { nodes: ['f1', 's2'] },
  },
  {
    id: 'rate',
    title: 'The rate: (1 - e^(-kn/m))^k, about 10 bits per element for 1 %',
    text:
      'Of 100,000 keys never inserted, 973 get "probably yes": 0.973 %, against 1.004 % from the formula (1 - e^(-kn/m))^k, -1 σ of binomial noise away. ' +
      'With m/n = 9.59 bits per element the best k is (m/n) ln 2 = 6.64, so 7 hashes; about 10 bits per element give 1 % (exactly 9.585 at the best k).',
    scenario: preset('one-percent'),
    t: 3.055,
  },
  {
    id: 'past-design',
    title: 'Past its design n the rate climbs fast',
    text:
      'The same 958,506 bits filled on to 200,000 elements, twice the design: the rate climbs from 1.04 % to 15.43 % (the formula says 15.75 %), measured on 20,000 never-inserted keys per point. ' +
      'A filter is sized for the n it will hold; past it, it has to be rebuilt larger.',
    scenario: preset('one-percent'),
    t: 3.055,
  },
  {
    id: 'undersized',
    title: 'Too few bits: the savings shrink',
    text:
      'With 3 bits per element and 2 hashes the formula gives 23.68 %, and 23,437 of 100,000 keys never inserted get "probably yes". ' +
      'In front of the store s2 the filter in f1 still saves 114 disk reads, but 43 of its 72 store reads are wasted on false positives.',
    scenario: preset('undersized'),
    t: 51.861,
    highlight: { nodes: ['f1', 's2'] },
  },
  {
    id: 'clear-bits',
    title: 'Deleting by clearing bits loses other elements',
    text:
      'A standard filter cannot delete: clearing the bits of 10,000 deleted elements makes 35,867 of the 90,000 others answer "no", false negatives. ' +
      'A counting filter keeps a 4-bit counter per position instead (479,256 bytes against 119,816) and decrements it: it loses 0 of them.',
    scenario: preset('one-percent'),
    t: 3.055,
  },
  {
    id: 'overflow',
    title: 'Counter overflow: saturate, never decrement',
    text:
      '2-bit counters saturate at 3: filling this crowded filter, 196,822 increments hit a saturated counter. ' +
      'Deleting 50,000 elements skips the 302,342 decrements of saturated counters, so 0 of the 50,000 kept elements are lost (27,205 deleted ones still answer "probably yes"). ' +
      'Decrementing saturated counters anyway loses 43,578 kept elements.',
    scenario: preset('overflow'),
    t: 3.055,
  },
  {
    id: 'store-down',
    title: 'The store crashes: "no" still works',
    text:
      'The store s2 crashes at 300 ms and recovers at 600 ms. ' +
      'Gets the filter answers "definitely no" never need s2 and keep being answered; the gets it sends to s2 meanwhile time out, 2 in this run.',
    scenario: preset('store-down'),
    t: 300,
    highlight: { nodes: ['s2'] },
  },
];
