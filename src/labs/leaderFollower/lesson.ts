/**
 * The guided steps of the leader-follower lab ("Replication models"). Every number a step quotes is what
 * the program computes for the step's scenario; lesson.test.ts re-runs each scenario and checks each
 * claim. Operations are named by their index in the history ("op 216"), as the checker and the timeline
 * name them.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { defaults, type LeaderFollowerScenario, presets } from './scenario';

export type LessonStep = ContractLessonStep<LeaderFollowerScenario>;

const preset = (id: string): LeaderFollowerScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'write-cost',
    title: 'What a write waits for',
    text:
      'With async replication the leader acknowledges a write as soon as it wrote it (0 ms here: the client\'s own hop is not simulated); ' +
      'semi-sync waits for the fastest follower to apply it (p50 11.4 ms), sync for the slowest (p50 13.9 ms, p99 23.5 ms). ' +
      'The table runs this same scenario, three nodes on 1 to 10 ms links without faults, in all three modes. ' +
      'Without faults all three keep every write, and reads from the leader are linearizable in all three.',
    scenario: { ...defaults, replication: 'sync' },
  },
  {
    id: 'lag',
    title: 'Lag, and stale reads from followers',
    text:
      'Followers apply one entry every 3 ms, slower than the writes arrive, and fall up to 14 entries (40.3 ms) behind the leader, as the lag charts show. ' +
      'Every read goes to a follower: all 79 were stale, up to 14 writes behind, and the checker rejects the history. ' +
      'Sync replication removes the stale reads (0 in the table) but not the violation, since one follower can show a write before another has applied it.',
    scenario: preset('async-stale-reads'),
  },
  {
    id: 'sync-failover',
    title: 'Sync failover: nothing lost, nothing written',
    text:
      'The leader n0 crashes at 150 ms, and n1 becomes leader of epoch 3 at 272.1 ms (the election of epoch 2 split its votes) with a log as long as n2\'s (index 20). ' +
      'Every acknowledged write was on every follower, so none is lost and the history is linearizable. ' +
      'The price: sync waits for every follower, n0 included, so no write is acknowledged between the crash and n0\'s return at 300 ms.',
    scenario: preset('sync'),
    t: 150,
    highlight: { nodes: ['n0', 'n1'] },
  },
  {
    id: 'async-failover',
    title: 'Async failover loses acknowledged writes',
    text:
      'n0 crashes at 100 ms with the tail of its log still on the wire; n2 becomes leader of epoch 3 at 186.0 ms with the longest log it could reach ' +
      '(index 109; n1 had 104), and the 8 writes n0 acknowledged between 96.3 and 99.8 ms are not in it. ' +
      'The checker sees the loss: op 216, a read from n2 at 211.1 ms, returned 173, a value that write 175 (op 174, acknowledged at 96.3 ms) had replaced. ' +
      'When n0 comes back at 300 ms it steps down and drops those entries.',
    scenario: preset('async-failover'),
    t: 100,
    highlight: { nodes: ['n0', 'n2'] },
  },
  {
    id: 'split-brain',
    title: 'Split brain without fencing',
    text:
      'At 100 ms a partition cuts n0 off with client 0, which lives beside it; n1 becomes leader of epoch 2 at 184.9 ms, but n0 never doubts itself and keeps taking client 0\'s writes. ' +
      'Two nodes take writes at once for 665.6 ms, on past the heal at 300 ms. ' +
      'After n1\'s promotion n0 acknowledged 36 more writes; with the 9 before it, 45 acknowledged writes are missing from the surviving log, and 37 reads were stale.',
    scenario: preset('split-brain'),
    t: 100,
    highlight: { nodes: ['n0', 'n1'] },
  },
  {
    id: 'fencing',
    title: 'Fencing: epochs and leases',
    text:
      'With fencing, n0\'s lease ends 40 ms after the last heartbeat a majority answered, before anyone may vote for a successor (after 60 ms of silence), so it refuses writes from then on; ' +
      'at 309.7 ms, once the partition healed, it hears of epoch 2 and steps down. ' +
      'No split brain (0 ms), and the history is linearizable. ' +
      'But the 4 writes n0 acknowledged before its lease ran out never left it: fencing stops split brain, not async loss, while semi-sync and sync lose none here (see the table).',
    scenario: preset('split-brain-fenced'),
    t: 309.7,
    highlight: { nodes: ['n0'] },
  },
];
