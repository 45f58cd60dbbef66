/**
 * The guided steps of the locks lab, from "a lock is a lease" to "why fencing tokens", then what else the
 * log gives (IDs, one order). Every number a step quotes is on screen for the step's scenario (narration,
 * cards, tables, figures); lesson.test.ts re-runs each scenario and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { defaults, presets, type LocksScenario } from './scenario';

export type LessonStep = ContractLessonStep<LocksScenario>;

const preset = (id: string): LocksScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'lease',
    title: 'A lock is a lease',
    text:
      'A lock server cannot wait forever for a holder that may have died, so every lock here expires: after 1000 ms unless released. ' +
      'c0 sets its random value on all five Redlock servers and, 9.003 ms after it began, counts 5 of 5 yes: it holds the lock for a validity of 979.0 ms (the TTL less the time spent and the drift allowance). ' +
      'The Raft lock service grants it too, as log entry 2, whose index is its token 2.',
    scenario: defaults,
    t: 13.663,
    highlight: { nodes: ['c0'] },
  },
  {
    id: 'pause',
    title: 'The holder pauses; the lease does not',
    text:
      'At 100 ms a stop-the-world GC freezes c0 for 1.5 s, after it got both locks and read the storage. ' +
      'Both leases run out meanwhile, and c1 gets the Redlock lock at 1053.064 ms while c0 still believes it holds it: two holders. ' +
      'c0 wakes and its write reaches d0 at 1603.927 ms, made from v0 over v1: c1\'s update is lost.',
    scenario: preset('gc-pause'),
    t: 1603.927,
    highlight: { nodes: ['c0', 'c1', 'd0'] },
  },
  {
    id: 'consensus-lease',
    title: 'Consensus does not stop a paused holder',
    text:
      'The Raft lock grants one lease at a time in leader-stamped time: c1 gets token 11 at 1175.260 ms, only after c0\'s lease has ended. ' +
      'But c0 was asleep and does not know it; with a storage that checks nothing, its write reaches d1 at 1604.382 ms and loses c1\'s update there too. ' +
      'No check on the client can help: a pause can fall right after any check.',
    scenario: preset('gc-pause-no-fencing'),
    t: 1604.382,
    highlight: { nodes: ['c0', 'd1'] },
  },
  {
    id: 'fencing',
    title: 'Why fencing tokens',
    text:
      'Every grant carries a larger token, and the storage remembers the highest it has seen: c1 read d1 with token 11. ' +
      'When c0 wakes, its write with token 2 reaches d1 at 1604.382 ms and is rejected, so no update is lost on the Raft side. ' +
      'Redlock\'s random values cannot be ordered, so d0 has nothing to check: the safety lives in the storage, with a token only consensus can hand out.',
    scenario: preset('gc-pause'),
    t: 1604.382,
    highlight: { nodes: ['d1', 'c0'] },
  },
  {
    id: 'clock-jump',
    title: 'Redlock trusts every server\'s clock',
    text:
      'c0 holds Redlock with r0, r1 and r2 (3 of 5, from 20.000 ms); at 100 ms r2\'s clock steps 2 s ahead and r2 forgets c0\'s key at once. ' +
      'c1, which reaches r2, r3 and r4, gets 3 of 5 at 217.000 ms: two holders, and c1\'s write at 526.790 ms loses c0\'s update. ' +
      'The Raft lock reads no server clock to expire a lease early: c1 gets token 7 only at 438.385 ms, after c0 released.',
    scenario: preset('clock-jump'),
    t: 217,
    highlight: { nodes: ['r2', 'c0', 'c1'] },
  },
  {
    id: 'ids',
    title: 'IDs: the log\'s index against the clock',
    text:
      'A Snowflake ID is the generator\'s millisecond, its number and a sequence: when g0\'s clock steps back 500 ms at 1 s, it hands out milliseconds again. ' +
      'Over the run 2 Snowflake IDs repeat (10757-0-0 first) and 91 go backwards for their client; the log\'s IDs are entry indexes: 0 duplicates, 0 backwards, 0 out of real-time order.',
    scenario: preset('ids-clock-step'),
    t: 1261.959,
    highlight: { nodes: ['g0'] },
  },
  {
    id: 'broadcast',
    title: 'One order everywhere: atomic broadcast',
    text:
      'c0 and c1 write x at the same moments; gossip replicas apply writes as they hear them, so p1 and p2 see some pairs in another order than p0 and p2 ends with x = 17 while p0 ends with 18. ' +
      'Through the Raft log every replica delivers the same sequence and ends with x = 17: the log is a total order broadcast, which is why it can hand out locks and IDs.',
    scenario: preset('broadcast'),
    t: 2000,
    highlight: { nodes: ['p0', 'p2'] },
  },
];
