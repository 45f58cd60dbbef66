/**
 * The guided steps of the PBS lab. Every number quoted is what the program computes for the step's scenario
 * (lesson.test.ts re-checks each claim); the paper's published figure is cited beside ours where it matches.
 * Paper: Bailis et al., "Probabilistically Bounded Staleness for Practical Partial Quorums", VLDB 2012.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type PbsScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<PbsScenario>;

const preset = (id: string): PbsScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'stale-at-commit',
    title: 'A committed write is not yet on every replica',
    text:
      'With N = 3 and R = W = 1, a write commits as soon as one replica has it, and a read trusts the first replica ' +
      'that answers. On LinkedIn\'s disk latencies only about 44% of reads issued at the moment of commit return ' +
      'the write (the paper: 43.9%), but 92.7% of reads issued 10 ms later do (the paper: 92.5%).',
    scenario: preset('paper-lnkd-disk'),
    t: 10,
  },
  {
    id: 't-visibility',
    title: 'Staleness is bounded in probability',
    text:
      'The curve is the answer to "how long after commit until reads are consistent?": for R = W = 1, 99.9% of ' +
      'reads are consistent about 52 ms after commit (the paper\'s Table 4: 45.5 ms, found by a noisier ' +
      'first-crossing method that lands early). Waiting for two replies (R = 2) gets there in about 14 ms (paper: 13.6 ms).',
    scenario: preset('paper-lnkd-disk'),
    t: 52,
  },
  {
    id: 'strict-cost',
    title: 'Strict quorums: consistent at once, slower writes',
    text:
      'R = W = 2 makes R + W > N, so every read quorum meets the write quorum: 100% consistent at commit. The price ' +
      'is latency: the 99.9th percentile write takes about 22 ms instead of 11 ms with W = 1 (the paper: 20.97 and ' +
      '10.99 ms), because the write waits for the second-fastest disk.',
    scenario: preset('paper-lnkd-disk'),
  },
  {
    id: 'fast-legs',
    title: 'Fast writes, little staleness',
    text:
      'On SSDs every leg is fast, so even R = W = 1 returns the latest write 97.5% of the time at commit (the paper: ' +
      '97.4%) and 99.9% of the time about 2 ms later (the paper: 1.85 ms).',
    scenario: preset('lnkd-ssd'),
    t: 2,
  },
  {
    id: 'write-tail',
    title: 'The write tail sets the staleness',
    text:
      'Make writes ten times slower than the other legs (exponential, means 10 ms and 1 ms): R = W = 1 drops to ' +
      'about 42% consistent at commit and needs about 64 ms for 99.9% (the paper: 41% and 65 ms). Try a write mean ' +
      'of 0.25 ms in the parameters: staleness almost vanishes.',
    scenario: preset('exponential-tail'),
    t: 64,
  },
];
