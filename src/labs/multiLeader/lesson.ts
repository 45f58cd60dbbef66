/**
 * The guided steps of the multi-leader lab. Every number quoted is what the program computes for the
 * step's scenario (lesson.test.ts re-checks each one).
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
      'Each region\'s leader acknowledges its own clients\' writes without asking anyone: the median write here takes ' +
      '2.1 ms. The measured round trip between the two regions is 166 ms; with a single leader, every write from the ' +
      'other region would wait that long.',
    scenario: preset('two-regions'),
  },
  {
    id: 'concurrent-writes',
    title: 'Asynchronous replication makes concurrent writes',
    text:
      'A write reaches the other region 72 ms later (median). Two updates of one key made in that window, in ' +
      'different regions, are concurrent: neither client had seen the other\'s write. Of 27 acknowledged writes, ' +
      'leaders met 18 such conflicting pairs.',
    scenario: preset('two-regions'),
  },
  {
    id: 'lww-loses',
    title: 'Last-writer-wins silently drops writes',
    text:
      'Cut the link for 1.2 s: both regions keep accepting writes, each side building on its own values. At the ' +
      'heal, last-writer-wins keeps the highest timestamp per key and drops the rest: 17 of the 38 acknowledged ' +
      'writes vanish, though every client was told ok and no surviving write had read them. All regions end equal.',
    scenario: preset('partition'),
    t: 1500,
  },
  {
    id: 'clock-skew',
    title: 'A clock behind loses even later writes',
    text:
      'LWW trusts the leaders\' clocks. With region 1\'s clock 2 s behind, two clients take turns on one key, each ' +
      'reading before writing: only 3 pairs of the 15 acknowledged writes are concurrent, yet LWW drops 7 writes, all ' +
      'from region 1, each made by a client that had read the very write it lost to.',
    scenario: preset('clock-skew'),
  },
  {
    id: 'siblings',
    title: 'Siblings keep both; a client merges them',
    text:
      'Keeping siblings, the same partition loses nothing: a leader keeps every write no other write\'s client had ' +
      'seen, compared by version vectors. 16 reads returned two siblings, and the 7 writes that followed them merged ' +
      'them, writing with the context the read returned. Every acknowledged write is kept or was read by a later one.',
    scenario: preset('partition'),
    t: 1500,
  },
];
