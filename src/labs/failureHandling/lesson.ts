/**
 * The guided steps of the failure-handling lab: a retry storm that outlives its trigger and what breaks
 * it, goodput collapse and shedding, the breaker's three states, fallback with a retry queue and DLQ,
 * serving stale, degrading and reconciling, and leader failure in the consensus lab. Every number a step
 * quotes is on screen for the step's scenario (headline, table, narration, script, parameters);
 * lesson.test.ts re-runs each scenario and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { defaults, presets, type FailureScenario } from './scenario';

export type LessonStep = ContractLessonStep<FailureScenario>;

const preset = (id: string): FailureScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'storm',
    title: 'A retry storm starts',
    text:
      'Users send 70 requests/s to c0 and c1 whatever happens (an open loop), and each of the two servers has 5 slots at 100 ms per request. ' +
      's2 is down from 5000 to 10000 ms: its calls time out after 1000 ms and are retried at once, up to 3 times, and the retries pile onto s3. ' +
      'Over the run 4,308 requests make 14,585 attempts: an amplification of 3.39.',
    scenario: defaults,
    t: 10_000,
    highlight: { nodes: ['s2', 's3'] },
  },
  {
    id: 'outlives',
    title: 'The storm outlives its trigger',
    text:
      's2 is back at 10000 ms, yet nothing gets better: every wait in the queues is longer than the timeout, so every call is retried and the servers work on calls nobody waits for (4,852 replies came after their caller gave up). ' +
      'Goodput is 17.8 % over the run and is not recovered by the end (60 s). ' +
      'This is a metastable failure: the crash is over, and the retries keep the overload going.',
    scenario: defaults,
    t: 30_000,
    highlight: { nodes: ['c0', 'c1'] },
  },
  {
    id: 'budget',
    title: 'Breaking the loop: a retry budget and shedding',
    text:
      'The same seed and crash, with a retry budget of 10 tokens per caller (a retry costs a token, a success earns a tenth of one) and servers that drop work past its deadline. ' +
      'The budget denied 164 retries, so the amplification stays at 1.01 against 3.39. ' +
      'Goodput is 96.1 % against 17.8 %, and the time to recover is 0.0 s.',
    scenario: preset('metastable-budget'),
    t: 10_000,
    highlight: { nodes: ['c0', 'c1'] },
  },
  {
    id: 'collapse',
    title: 'Goodput collapse: a stale queue',
    text:
      'No retries now: 90 requests/s, and both servers 3x slower from 8000 to 16000 ms. ' +
      'Hundreds of requests queue, and once the servers are fast again they work through them in order, finishing calls whose callers gave up long ago (4,371 late replies). ' +
      'Throughput stays high while goodput is near zero: 19.2 % over the run, not recovered by the end (60 s).',
    scenario: preset('goodput-collapse'),
    t: 16_000,
    highlight: { nodes: ['s2', 's3'] },
  },
  {
    id: 'shed',
    title: 'Drop what nobody waits for',
    text:
      'Each call carries its deadline, and the servers drop queued work past it: 448 requests skipped without doing them. ' +
      'Goodput is 85.4 % against 19.2 %, back 1.5 s after the slowdown ends.',
    scenario: preset('goodput-shed'),
    t: 16_000,
    highlight: { nodes: ['s2', 's3'] },
  },
  {
    id: 'rate-limit',
    title: 'Overload at the door: a token bucket',
    text:
      '130 requests/s arrive, and no retries, but the servers finish only about 100 a second between them. ' +
      'Each server polices with a token bucket (burst 10, refilled at 45/s, continuously, starting full) and answers 1,295 requests with a cheap 429 before doing any work. ' +
      'The rest are served on time: goodput 67.4 % against 6.6 % without buckets, where the queues grow until every answer comes too late.',
    scenario: preset('rate-limit'),
    t: 15_000,
    highlight: { nodes: ['s2', 's3'] },
  },
  {
    id: 'breaker-opens',
    title: 'A slow downstream opens the breaker',
    text:
      'Both servers turn 10x slower at 10000 ms, and calls time out. ' +
      'c1\'s breaker counts outcomes in a window of its last 20 calls and opens at 11541.201 ms, when 10 of them have failed (50 %). ' +
      'Open, it rejects calls at once without calling: fast failures, not counted as failures of the downstream.',
    scenario: preset('breaker-slow'),
    t: 11_541.201,
    highlight: { nodes: ['c1'] },
  },
  {
    id: 'half-open',
    title: 'Half-open: a few trial calls',
    text:
      'At 16667.133 ms, the first call after 5000 ms open half-opens c1\'s breaker: 3 trial calls go through and the rest are rejected. ' +
      'The servers are still slow, all 3 fail, and at 17800.869 ms it opens again.',
    scenario: preset('breaker-slow'),
    t: 16_667.133,
    highlight: { nodes: ['c1'] },
  },
  {
    id: 'breaker-closes',
    title: 'What the breaker saved',
    text:
      'The servers are fast again from 25000 ms, but their backlog keeps the breakers cycling until c1 closes for good at 30790.918 ms. ' +
      'Over the run the breakers rejected 813 calls at once and saved 4,137 requests to the downstream against immediate retries; retries waited with full jitter. ' +
      'Goodput is 51.5 % against 26.5 %, recovered 6.0 s after the slowdown, while without them it is not recovered by the end (40 s).',
    scenario: preset('breaker-slow'),
    t: 30_790.918,
    highlight: { nodes: ['c0', 'c1'] },
  },
  {
    id: 'fallback',
    title: 'Downstream down: fallback, retry queue, dead letters',
    text:
      'Both servers are down from 5000 to 20000 ms. ' +
      'The callers answer 322 requests with a fallback at once and queue each write under its request id (the idempotency key); the queue is at most 263 deep and drains after 20000 ms, 268 writes applied from it. ' +
      '54 writes failed 5 times and wait in the dead-letter queue for a person to look at.',
    scenario: preset('fallback-queue'),
    t: 20_000,
    highlight: { nodes: ['c0', 'c1'] },
  },
  {
    id: 'stale',
    title: 'Serve stale, refresh in the background',
    text:
      'Copies are fresh for 2000 ms, then served stale up to 10000 ms past that while one refresh runs, and up to 60000 ms past it while the servers fail (down from 15000 to 30000 ms). ' +
      '1,202 answers were stale, of median age 5,458 ms and at most 24,024 ms, each saving a trip of 377 ms on average. ' +
      'Goodput is 100.0 % against 65.4 % without serving stale.',
    scenario: preset('serve-stale'),
    t: 20_000,
    highlight: { nodes: ['c0', 'c1'] },
  },
  {
    id: 'degrade',
    title: 'Partition: degrade to local data, reconcile later',
    text:
      'From 10000 to 25000 ms c0 cannot reach s2 or s3: it answers 180 requests from local data and keeps its writes. ' +
      'At the heal it replays 53 of them with the version each was based on and finds 52 conflicts with c1\'s writes meanwhile; last writer wins loses 52 writes, counted rather than hidden.',
    scenario: preset('degrade-partition'),
    t: 25_000,
    highlight: { nodes: ['c0'] },
  },
  {
    id: 'leader',
    title: 'Leader failure: elect, then replay',
    text:
      'When the downstream is a replicated store and its leader fails, the remedy is inside it: elect a new leader, then replay the entries the old one had not committed. ' +
      'The consensus lab runs that scenario step by step: follow "Leader failure" above the stage.',
    scenario: defaults,
  },
];
