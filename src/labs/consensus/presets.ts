/**
 * The consensus lab's presets: each one scenario that shows one idea (an election, a replay after a
 * failure, a disruption and its cure, a stale leader and its cure, a membership change, a broken rule
 * caught by the invariants). Lessons start from them; the program's tests pin what each must show.
 */
import type { Preset } from '../contract';
import { defaults, type ConsensusEvent, type ConsensusScenario } from './scenario';

const d = defaults;
/** s0 leads term 1 at the start, so a script can name the leader. */
const led = { ...d, bootstrap: 'leader' } as const;
const isolate4: ConsensusEvent[] = [{ t: 300, type: 'partition', groups: '0,1,2,3|4' }, { t: 2000, type: 'heal' }];
const isolate0: ConsensusEvent[] = [{ t: 300, type: 'partition', groups: '0|1,2,3,4' }, { t: 2000, type: 'heal' }];

export const presets: readonly Preset<ConsensusScenario>[] = [
  {
    id: 'first-election',
    title: 'First election, then replication',
    description: 'Five followers with empty logs: the first to time out stands, wins a majority, appends its no-op and replicates client commands; each commits once a majority stores it.',
    scenario: d,
  },
  {
    id: 'replay-uncommitted',
    title: 'Leader fails: elect a new one, replay uncommitted entries',
    description: 'From 300 ms the replies of s1, s2 and s3 no longer reach the leader s0: followers store its entries but s0 cannot commit them. s0 crashes at 600 ms; the new leader holds those entries, appends its no-op and commits them all with it, step by step.',
    scenario: { ...led, clientRatePerSec: 50, durationMs: 2500, events: [
      { t: 300, type: 'cut', from: 1, to: 0 }, { t: 300, type: 'cut', from: 2, to: 0 }, { t: 300, type: 'cut', from: 3, to: 0 },
      { t: 600, type: 'crash', node: 0 }, { t: 1500, type: 'heal' }, { t: 1600, type: 'recover', node: 0 },
    ] },
  },
  {
    id: 'disruptive-rejoin',
    title: 'A rejoining server deposes a healthy leader',
    description: 's4 is cut off from 300 ms to 2 s: it times out again and again, raising its term to 10. When it comes back, its higher term makes the healthy leader step down, and the cluster spends an election on it.',
    scenario: { ...led, events: isolate4 },
  },
  {
    id: 'disruptive-rejoin-prevote',
    title: 'Same cut-off server, with PreVote',
    description: 'With PreVote, s4 asks first whether it could win; nobody answers yes while cut off, so its term never rises and its return disturbs nothing.',
    scenario: { ...led, preVote: true, events: isolate4 },
  },
  {
    id: 'stale-leader',
    title: 'A leader cut off from the majority keeps leading',
    description: 'The leader s0 is cut off from 300 ms to 2 s. The others elect a new leader in term 2, but s0 still believes it leads term 1 and takes client commands it can never commit.',
    scenario: { ...led, events: isolate0 },
  },
  {
    id: 'stale-leader-checkquorum',
    title: 'Same cut-off leader, with CheckQuorum',
    description: 'With CheckQuorum, s0 steps down one election timeout after it last heard a majority, and stops taking commands. (Without PreVote, its raised term still disturbs the new leader when the cut heals.)',
    scenario: { ...led, checkQuorum: true, events: isolate0 },
  },
  {
    id: 'membership',
    title: 'Add a server, then remove the leader',
    description: 's5 joins at 500 ms: the leader catches it up, then adds it (one server at a time). At 1.5 s the leader s0 is removed: it leads until the new configuration commits, then steps down, and s1..s5 elect a leader.',
    scenario: { ...led, events: [{ t: 500, type: 'addServer', node: 5 }, { t: 1500, type: 'removeServer', node: 0 }] },
  },
  {
    id: 'removed-server',
    title: 'A removed server disrupts the cluster',
    description: 's4 is removed at 500 ms. The leader stops sending to it before s4 learns of its removal, so s4 times out and stands again and again; each RequestVote of a higher term deposes the leader.',
    scenario: { ...led, events: [{ t: 500, type: 'removeServer', node: 4 }] },
  },
  {
    id: 'removed-server-checkquorum',
    title: 'Same removal, with CheckQuorum',
    description: 'With CheckQuorum, servers that hear from a leader ignore RequestVote: s4 stands in vain and the leader of term 1 stays.',
    scenario: { ...led, checkQuorum: true, events: [{ t: 500, type: 'removeServer', node: 4 }] },
  },
  {
    id: 'broken-double-vote',
    title: 'Broken: a server votes twice in a term',
    description: 'Three servers whose timeouts differ by at most 10 ms: two candidates stand in term 1 and a voter grants both. Two leaders of one term: Election Safety breaks and the run stops there.',
    scenario: { ...d, servers: 3, electionMsMin: 150, electionMsMax: 160, broken: 'doubleVote' },
  },
  {
    id: 'broken-commit-old-term',
    title: 'Broken: a leader commits an old-term entry by counting replicas (Figure 8)',
    description: 'Found by a seed search (12 cuts, partitions and heals, 20% loss, one entry per message). s0 leads term 1 and takes commands while cut off; s2 leads term 4 for 6 ms and its no-op at index 28 stays on it alone; s0 wins term 5 and sends its old entries one at a time: once s1 stores entry 28 of term 1, the broken leader counts two of three and commits it. s2 then wins term 6 with s1\'s vote (its last term 4 beats 1) without entry 28: Leader Completeness breaks.',
    scenario: {
      ...led, servers: 3, broken: 'commitOldTerm', batchMax: 1, clientRatePerSec: 50, durationMs: 1200, loss: 0.2,
      electionMsMin: 100, electionMsMax: 200, heartbeatMs: 40, latencyMsMin: 2, latencyMsMax: 5, seed: 2073,
      events: [
        { t: 245, type: 'cut', from: 0, to: 1 }, { t: 365, type: 'partition', groups: '1' }, { t: 418, type: 'cut', from: 0, to: 1 },
        { t: 513, type: 'partition', groups: '0' }, { t: 571, type: 'partition', groups: '1' }, { t: 572, type: 'heal' },
        { t: 666, type: 'heal' }, { t: 689, type: 'heal' }, { t: 740, type: 'cut', from: 1, to: 2 }, { t: 757, type: 'heal' },
        { t: 765, type: 'cut', from: 0, to: 2 }, { t: 866, type: 'heal' },
      ],
    },
  },
  {
    id: 'broken-keep-conflicts',
    title: 'Broken: a follower keeps a conflicting suffix',
    description: 'The leader s0 is cut off and takes commands alone; s1 wins term 2. When the cut heals, s0 keeps its own term-1 entries where the new leader has others, and commits them: State Machine Safety breaks.',
    scenario: { ...led, servers: 3, broken: 'keepConflicts', durationMs: 2000, events: [{ t: 300, type: 'partition', groups: '0|1,2' }, { t: 1000, type: 'heal' }] },
  },
];
