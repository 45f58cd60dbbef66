/**
 * The guided steps of the anti-patterns lab: each anti-pattern broken beside its fix, one idea per step.
 * Every number a step quotes is on screen for the step's scenario (narration, tables, figures, the script's
 * times and the parameters); lesson.test.ts re-runs each scenario and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { presets, type AntiScenario } from './scenario';

export type LessonStep = ContractLessonStep<AntiScenario>;

const preset = (id: string): AntiScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'shared-db-load',
    title: 'A shared database couples the services\' load',
    text:
      'A and B get the same requests on both sides; on the left they share one database, whose slots and table locks A\'s writes hold while B\'s reads wait. ' +
      'B\'s p99 is 27.4 ms there against 8.4 ms where B owns its store, and the table below shows it climbing with A\'s load (49.9 ms at 200 writes a second) while the other side stays flat. ' +
      'The price of the fix: B reads a copy of A\'s orders, 5.6 ms behind on average.',
    scenario: preset('shared-db'),
    t: 1000,
    highlight: { nodes: ['d0', 'b0', 'b1'] },
  },
  {
    id: 'shared-db-outage',
    title: 'One database down, every service down',
    text:
      'At 1000 ms the shared database crashes and, on the right, A\'s own store with it, until 1600 ms. ' +
      'On the left 2 services go down (a0 and b0); on the right 1 (a1), while b1 keeps answering from its own store, its copy of A\'s orders frozen until d1 returns.',
    scenario: preset('shared-db-outage'),
    t: 1300,
    highlight: { nodes: ['d0', 'd1', 'b0', 'b1'] },
  },
  {
    id: 'shared-db-schema',
    title: 'One schema, two teams',
    text:
      'Sharing tables couples the services at design time too. At 1000 ms A ships a change to its orders table: on the left b0 still reads the old columns, and 43 of its reads are refused until B ships its own change 800 ms later. ' +
      'On the right A changes only its own store and its events keep their form: 0 of b1\'s reads fail.',
    scenario: preset('shared-db-schema'),
    t: 1200,
    highlight: { nodes: ['d0', 'b0', 'b1'] },
  },
  {
    id: '2pc-locks',
    title: 'Two-phase commit holds locks from PREPARE to the verdict',
    text:
      't0 sends PREPARE for T1; each participant locks its row, forces a prepared record and votes YES, and t0 logs COMMIT at 205.100 ms. ' +
      'The rows stay locked until COMMIT arrives (13.1 ms on average here), and the reader\'s reads of p0 wait behind the lock: 14 of them did.',
    scenario: preset('2pc'),
    t: 210,
    highlight: { nodes: ['t0', 'p0', 'p1', 'p2'] },
  },
  {
    id: '2pc-blocked',
    title: 'The coordinator crashes after logging COMMIT',
    text:
      't0 logs COMMIT T4 at 805.493 ms and crashes at 810 ms, before it sends the verdict. ' +
      'p0, p1 and p2 voted YES, so none may decide alone: they hold their locks and ask t0 again and again, and 134 reads of p0 wait, one for 1001.7 ms.',
    scenario: preset('2pc-coordinator-crash'),
    t: 1200,
    highlight: { nodes: ['t0', 'p0', 'p1', 'p2'] },
  },
  {
    id: '2pc-recovers',
    title: 'Recovery ends the blocking',
    text:
      'At 1810 ms t0 recovers, finds COMMIT T4 in its log and sends it again; every participant has committed T4 and let go of its lock by 1811.801 ms. ' +
      'The longest lock was held 1008.2 ms: blocking lasts exactly as long as the coordinator is away.',
    scenario: preset('2pc-coordinator-crash'),
    t: 1812,
    highlight: { nodes: ['t0', 'p0', 'p1', 'p2'] },
  },
  {
    id: 'saga',
    title: 'A saga: local transactions and compensations',
    text:
      'The saga commits T1 at s0 at once; T2 of saga 3 fails at s1, so the orchestrator runs C1, a refund at s0: a new transaction, not a rollback, retried until done and applied once. ' +
      'Saga 3 ends compensated at 610.110 ms, with no lock held anywhere. ' +
      'The price is isolation: 11 reads of s0 saw a transfer half done, and 1 saw a debit that was later refunded.',
    scenario: preset('2pc'),
    t: 607,
    highlight: { nodes: ['o0', 's0', 's1'] },
  },
  {
    id: 'clocks',
    title: 'Assuming synchronized clocks',
    text:
      'w1\'s clock is 100 ms behind: x = 2 is written after w1 heard x = 1, yet stamped 9956, below 10050, so k0 (last writer wins by wall clock) drops it, and 6 of 12 writes are lost. ' +
      'k1 orders the same writes by hybrid logical clocks and loses 0: an effect never gets a stamp below its cause. ' +
      'HLC does not synchronize clocks and does not settle concurrent writes; the clocks lab (the link above the stage) goes further.',
    scenario: preset('clocks'),
    t: 160,
    highlight: { nodes: ['w1', 'k0', 'k1'] },
  },
  {
    id: 'partition',
    title: 'No partition handling: the pool drains',
    text:
      'At 1000 ms the downstreams d0 and d1 are cut off. f0 calls without a timeout, so every lost call holds a thread: its pool is exhausted for 1728.2 ms, and profile requests, which never touch the downstream, are answered only 53.0 % of the time. ' +
      'f1 times out calls at 50 ms, its breaker opens 2 times and answers orders with a fallback: profile stays at 100.0 %.',
    scenario: preset('partition'),
    t: 1300,
    highlight: { nodes: ['f0', 'f1'] },
  },
  {
    id: 'locality',
    title: 'Ignoring data locality',
    text:
      'An EU request reads 5 rows one after another from the US database: 5 round trips of 150 ms, 750.5 ms at the median. ' +
      'Homed by access pattern, the same rows are in the EU and the request takes 3.0 ms; cross-region calls fall from 2.15 to 0.36 per request, and only travellers\' requests still cross.',
    scenario: preset('locality'),
    t: 400,
    highlight: { nodes: ['a0', 'd0', 'a2', 'd1'] },
  },
];
