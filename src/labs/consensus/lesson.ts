/**
 * The guided steps of the consensus lab, from "why a leader?" to "why a majority?". Every number a step
 * quotes is what the program computes for the step's scenario (its narration, cards and tables show it);
 * lesson.test.ts re-runs each scenario and checks each claim. Each step moves the playhead to the moment
 * it speaks of and rings the servers it names.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { presets } from './presets';
import type { ConsensusScenario } from './scenario';

export type LessonStep = ContractLessonStep<ConsensusScenario>;

const preset = (id: string): ConsensusScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'why-leader',
    title: 'Why a leader?',
    text:
      'Five servers must apply the same commands in the same order; Raft lets one of them, the leader, choose the order, and the others copy its log. ' +
      'At first nobody leads: s2\'s election timer runs out first, at 152.108 ms, so it becomes a candidate in term 1 and asks the others for their votes. ' +
      'Two votes and its own make three of five, a majority: s2 leads term 1 from 167.592 ms.',
    scenario: preset('first-election'),
    t: 167.592,
    highlight: { nodes: ['s2'] },
  },
  {
    id: 'commit',
    title: 'Committed once a majority stores it',
    text:
      'The leader appends each command to its log and sends it in AppendEntries; an entry is committed, then applied and answered, once a majority of servers stores it. ' +
      'The first command arrives at 99.817 ms, before anyone leads: the client tries again, s2 appends it at index 2 at 199.817 ms and commits it at 213.831 ms. ' +
      'Half of the 55 commands of this run commit within 14.4 ms, about one round trip to the two fastest followers.',
    scenario: preset('first-election'),
    t: 213.831,
    highlight: { nodes: ['s2'] },
  },
  {
    id: 'leader-fails',
    title: 'The leader fails with entries not yet committed',
    text:
      'From 300 ms the replies of s1, s2 and s3 no longer reach the leader s0: they store its entries, but s0 hears only s4 and itself, two of five, so its commit index stays at 14. ' +
      'When s0 crashes at 600 ms, every follower holds entries 15 to 29 of term 1, not committed.',
    scenario: preset('replay-uncommitted'),
    t: 600,
    highlight: { nodes: ['s0'] },
  },
  {
    id: 'replay',
    title: 'A new leader replays them',
    text:
      's2\'s timer runs out first, at 799.883 ms; its log is as up to date as any voter\'s, so it wins term 2 at 817.141 ms, and every running server has heard it by 826.729 ms: 226.7 ms without a leader. ' +
      'It does not count old copies: it appends a no-op of its own term at index 30, and committing that at 834.219 ms commits entries 15 to 29 with it.',
    scenario: preset('replay-uncommitted'),
    t: 834.219,
    highlight: { nodes: ['s2'] },
  },
  {
    id: 'majority-votes',
    title: 'Why a majority of votes?',
    text:
      'Any two majorities of the same servers share a server, and a server votes once per term, so two candidates cannot both win one term. ' +
      'Switch on the broken doubleVote rule and voters grant every candidate: s2 leads term 1 from 164.923 ms and s0 from 172.577 ms. ' +
      'Election Safety breaks, and the run stops at that step.',
    scenario: preset('broken-double-vote'),
    t: 172.577,
    highlight: { nodes: ['s2', 's0'] },
  },
  {
    id: 'majority-commit',
    title: 'Why a majority to commit?',
    text:
      'A leader cut off from the majority still believes it leads: s0 takes 33 commands after the cut at 300 ms and commits none, since only a majority can commit. ' +
      'On the other side s1, s3 and s4 vote for s2, which leads term 2 from 442.460 ms; when the cut heals, s0 hears of term 2, steps down at 2012.219 ms and deletes its entries from index 5 on.',
    scenario: preset('stale-leader'),
    t: 442.46,
    highlight: { nodes: ['s0', 's2'] },
  },
];
