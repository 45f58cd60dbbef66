/**
 * Queues: a Kafka-style log and an SQS-style queue. One scenario, two scenes (`mode`):
 *
 *   kafka   a producer w0 writes keyed records to a topic of `partitions` partitions p0.. (a key goes to
 *           toPositive(murmur2(key)) mod N); one consumer group of consumers c0.. polls them, commits
 *           `last processed + 1` after (or before) each batch, and rebalances (eager range or cooperative
 *           sticky) when a member joins, leaves, misses heartbeats for the session timeout or polls too late.
 *   sqs     the same producer sends every message to a standard queue q0 and to a FIFO queue q1 (message
 *           groups, dedup ids over 5 minutes), each with a dead-letter queue (d0, d1) after
 *           `maxReceiveCount` receives; every consumer c0.. polls both queues.
 *
 * Both scenes feed every processed message to an idempotent consumer output (dedup by message id) and to
 * a non-idempotent one (counts every processing), side by side on the same deliveries.
 * Time is in milliseconds (the engine ticks in microseconds).
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';
import { ASSIGNORS, COMMITS, MODES, nodeNamesOf, type Assignor, type Commit, type Mode } from './result';

export type JoinEvent = { t: number; type: 'join'; node: number };
export type SlowdownEvent = { t: number; type: 'slowdown'; node: number; factor: number };
export type QueuesEvent = FaultEventOf<'crash' | 'recover'> | JoinEvent | SlowdownEvent;

export interface QueuesScenario extends BaseScenario {
  /** The scene: 'kafka' (default) or 'sqs'. */
  mode: Mode;
  /** Kafka: partitions of the topic. 1..100. Default 6. */
  partitions: number;
  /** Consumers at the start (c0..). 1..16. Default 3. Two more slots wait to join (a `join` event). */
  consumers: number;
  /** Messages the producer sends over the run, evenly in time. 1..1,000,000. Default 3000. */
  messages: number;
  /** Distinct keys (Kafka) or message groups (SQS FIFO). 1..100,000. Default 24. */
  keys: number;
  /** Share of messages on the hot key k0 (the rest spread evenly over the keys). 0..0.95. Default 0. */
  hotKeyShare: number;
  /** Processing time per message, ms. 0.01..600,000. Default 100. */
  processMs: number;
  /** Kafka max.poll.records: records a poll returns at most. 1..500. Default 50. */
  batchMax: number;
  /** Kafka session.timeout.ms: a member silent this long is declared dead. 1000..1,800,000. Default 45,000. */
  sessionTimeoutMs: number;
  /** Kafka max.poll.interval.ms: a member that does not poll again within this leaves the group. 1000..3,600,000. Default 300,000. */
  maxPollIntervalMs: number;
  /** Kafka assignor: 'eager' (Range: everyone revokes everything) or 'cooperative' (CooperativeSticky). Default eager. */
  assignor: Assignor;
  /** Kafka: commit 'after' processing a batch (at-least-once) or 'before' (at-most-once). Default after. */
  commit: Commit;
  /** Kafka: the idempotent producer (producer id + sequence numbers): the broker drops a retried send. Default true. */
  idempotentProducer: boolean;
  /** Kafka: a second consumer group (one member, a0, owning every partition) reads the same topic. Default false. */
  secondGroup: boolean;
  /** SQS visibility timeout, ms. 0..43,200,000 (12 h). Default 30,000. */
  visibilityMs: number;
  /** SQS receives without a delete before a message moves to the DLQ. 1..1000. Default 5. */
  maxReceiveCount: number;
  /** SQS ReceiveMessage MaxNumberOfMessages. 1..10. Default 1. */
  receiveMax: number;
  /** Share of messages whose processing always fails (poison). 0..0.5. Default 0. */
  poisonShare: number;
  /** Share of sends the producer retries with the same message id (a lost ack). 0..0.5. Default 0. */
  retryShare: number;
  /** How long after the first send a retry goes out, ms. 0..3,600,000. Default 1000. */
  retryDelayMs: number;
  /** Standard queue: chance a message is delivered once more after its delete (a server missed it). 0..0.1. Default 0.01. */
  redeliverShare: number;
  /** One network hop (what a dot takes to cross), ms. 1..10,000. Default 50. */
  hopMs: number;
  /** Simulated time the run covers, ms. 1000..7,200,000. Default 300,000. */
  durationMs: number;
  seed: number;
  /** Consumer crashes, recoveries, joins and slowdowns by time (ms), at most 200. */
  events: QueuesEvent[];
}

export const LIMITS = {
  partitionsMax: 100,
  consumersMax: 16,
  /** Consumer slots beyond `consumers` that a `join` can bring in. */
  spareConsumers: 2,
  messagesMax: 1_000_000,
  keysMax: 100_000,
  hotKeyShareMax: 0.95,
  processMsMin: 0.01,
  processMsMax: 600_000,
  batchMax: 500,
  sessionMsMin: 1000,
  sessionMsMax: 1_800_000,
  pollIntervalMsMax: 3_600_000,
  visibilityMsMax: 43_200_000,
  maxReceiveCountMax: 1000,
  receiveMax: 10,
  poisonMax: 0.5,
  retryMax: 0.5,
  retryDelayMsMax: 3_600_000,
  redeliverMax: 0.1,
  hopMsMax: 10_000,
  durationMsMin: 1000,
  durationMsMax: 7_200_000,
  slowdownMax: 1000,
  eventsMax: 200,
} as const;

/** Consumer slots of a scenario: the starting consumers and the spares a join brings in. */
export function consumerSlots(s: Pick<QueuesScenario, 'consumers'>): number {
  return s.consumers + LIMITS.spareConsumers;
}

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });
const share = (key: string, label: string, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min: 0, max, help });

export const params: readonly ParamSpec[] = [
  { key: 'mode', label: 'Scene', kind: 'enum', options: MODES, help: 'kafka: a partitioned log and a consumer group; sqs: a standard queue beside a FIFO queue, each with a DLQ.' },
  { key: 'partitions', label: 'Partitions', kind: 'int', min: 1, max: LIMITS.partitionsMax, help: 'Partitions of the Kafka topic (order holds only inside one).' },
  { key: 'consumers', label: 'Consumers', kind: 'int', min: 1, max: LIMITS.consumersMax, help: 'Consumers at the start; two more slots can join later.' },
  { key: 'messages', label: 'Messages', kind: 'int', min: 1, max: LIMITS.messagesMax, help: 'Messages the producer sends over the run, evenly in time.' },
  { key: 'keys', label: 'Keys / groups', kind: 'int', min: 1, max: LIMITS.keysMax, help: 'Distinct keys (Kafka) or FIFO message groups (SQS).' },
  share('hotKeyShare', 'Hot key share', LIMITS.hotKeyShareMax, 'Share of messages on key k0: its partition (or group) runs hot. See the partitioning lab (#/partitioning).'),
  ms('processMs', 'Processing time', LIMITS.processMsMin, LIMITS.processMsMax, 'Time a consumer takes per message.'),
  { key: 'batchMax', label: 'max.poll.records', kind: 'int', min: 1, max: LIMITS.batchMax, help: 'Records one Kafka poll returns at most.' },
  ms('sessionTimeoutMs', 'session.timeout.ms', LIMITS.sessionMsMin, LIMITS.sessionMsMax, 'A member silent this long is declared dead (Kafka default 45 s); heartbeats go every 3 s.'),
  ms('maxPollIntervalMs', 'max.poll.interval.ms', LIMITS.sessionMsMin, LIMITS.pollIntervalMsMax, 'A member that does not poll again within this leaves the group (default 5 min); its next commit fails.'),
  { key: 'assignor', label: 'Rebalance', kind: 'enum', options: ASSIGNORS, help: 'eager: Range, every member revokes everything first; cooperative: CooperativeSticky, only moved partitions pause.' },
  { key: 'idempotentProducer', label: 'Idempotent producer', kind: 'boolean', help: 'Kafka: the broker drops a retried send it already has (producer id and sequence number); off, a retry is appended twice.' },
  { key: 'secondGroup', label: 'Second group', kind: 'boolean', help: 'A second consumer group (member a0) reads the same topic with its own committed offsets: both groups see every record.' },
  { key: 'commit', label: 'Commit', kind: 'enum', options: COMMITS, help: 'after: commit last processed + 1 after the batch (at-least-once); before: commit on fetch (at-most-once).' },
  ms('visibilityMs', 'Visibility timeout', 0, LIMITS.visibilityMsMax, 'SQS hides a received message this long (default 30 s); undeleted, it comes back.'),
  { key: 'maxReceiveCount', label: 'maxReceiveCount', kind: 'int', min: 1, max: LIMITS.maxReceiveCountMax, help: 'Receives without a delete before a message moves to the dead-letter queue.' },
  { key: 'receiveMax', label: 'Receive batch', kind: 'int', min: 1, max: LIMITS.receiveMax, help: 'Messages one ReceiveMessage returns at most (MaxNumberOfMessages).' },
  share('poisonShare', 'Poison share', LIMITS.poisonMax, 'Share of messages whose processing always fails (never deleted).'),
  share('retryShare', 'Producer retries', LIMITS.retryMax, 'Share of sends the producer repeats with the same message id (its ack was lost): SQS queues get both; Kafka appends both unless the producer is idempotent.'),
  ms('retryDelayMs', 'Retry delay', 0, LIMITS.retryDelayMsMax, 'When the repeated send goes out after the first; FIFO deduplicates within 5 minutes.'),
  share('redeliverShare', 'Standard redelivery', LIMITS.redeliverMax, 'Chance a standard queue delivers a message once more after its delete.'),
  ms('hopMs', 'Network hop', 1, LIMITS.hopMsMax, 'Time a request or reply takes to cross (a dot on the stage).'),
  ms('durationMs', 'Duration', LIMITS.durationMsMin, LIMITS.durationMsMax, 'Simulated time the run covers.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream (keys, poison, retries).' },
];

const NODE_HELP = 'The consumer: c0 is 0, c1 is 1, ... (consumers and the two spare slots come first among the scene\'s nodes).';
const NODE_MAX = LIMITS.consumersMax + LIMITS.spareConsumers - 1;

export const events: readonly EventSpec[] = [
  ...faultEventSpecs(['crash', 'recover'], {
    nodeMax: NODE_MAX,
    nodeHelp: NODE_HELP,
    help: {
      crash: 'The consumer dies: its batch stops mid-way, uncommitted; Kafka notices only when its session times out; SQS messages it holds come back after their visibility timeout.',
      recover: 'The consumer restarts as a new member and joins the group (a rebalance).',
    },
  }),
  { type: 'join', label: 'Consumer joins', help: 'A spare consumer slot starts and joins the group (a rebalance).', fields: [{ key: 'node', label: 'Node', kind: 'int', min: 0, max: NODE_MAX, help: NODE_HELP }] },
  {
    type: 'slowdown',
    label: 'Consumer slows down',
    help: 'The consumer takes `factor` times as long per message from now on (1: back to normal).',
    fields: [
      { key: 'node', label: 'Node', kind: 'int', min: 0, max: NODE_MAX, help: NODE_HELP },
      { key: 'factor', label: 'Factor', kind: 'number', min: 1, max: LIMITS.slowdownMax, help: 'Processing time multiplier.' },
    ],
  },
];

/** Engine id of consumer `i` in a scenario (consumers come first: result.ts nodeNamesOf). */
export function consumerNode(_s: Pick<QueuesScenario, 'mode' | 'partitions'>, i: number): number {
  return i;
}

export function checkScenario(s: QueuesScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const names = nodeNamesOf(s.mode, s.partitions, consumerSlots(s));
  const first = consumerNode(s, 0);
  const last = consumerSlots(s) - 1;
  const range = `a consumer of the ${s.mode} scene, ${first}..${last} (${names[first]}..${names[last]})`;
  issues.push(...checkFaultEvents(s.events, names.length, range));
  s.events.forEach((e, i) => {
    if (e.node < first || e.node > last) issues.push({ path: `events[${i}].node`, message: `events[${i}].node must be ${range}, got ${fmt(e.node)}` });
  });
  return issues;
}

/** The factor a "Slow c1" menu item inserts: past Kafka's poll interval and SQS's visibility timeout at the defaults. */
export const SLOWDOWN_DEFAULT = 200;

export const validate = scenarioSchema<QueuesScenario>({
  params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.durationMsMax, check: checkScenario,
  eventDefaults: { slowdown: { factor: SLOWDOWN_DEFAULT } },
  runEnd: (s) => ({ t: s.durationMs, why: 'durationMs' }),
});

export const defaults: QueuesScenario = {
  mode: 'kafka',
  partitions: 6,
  consumers: 3,
  messages: 3000,
  keys: 1000,
  hotKeyShare: 0,
  processMs: 250,
  batchMax: 50,
  sessionTimeoutMs: 45_000,
  maxPollIntervalMs: 300_000,
  assignor: 'eager',
  commit: 'after',
  idempotentProducer: true,
  secondGroup: false,
  visibilityMs: 30_000,
  maxReceiveCount: 5,
  receiveMax: 1,
  poisonShare: 0,
  retryShare: 0,
  retryDelayMs: 1000,
  redeliverShare: 0.01,
  hopMs: 50,
  durationMs: 300_000,
  seed: 1,
  events: [],
};

export function horizon(s: QueuesScenario): number {
  return s.durationMs;
}

function workUnits(s: QueuesScenario): number {
  // Every message is produced, processed and (SQS) received on two queues; idle consumers poll every 500 ms.
  const idlePolls = (consumerSlots(s) * s.durationMs) / 500;
  return 4 * s.messages + idlePolls * (s.mode === 'sqs' ? 2 : 1);
}

export function cost(s: QueuesScenario): number {
  return Math.ceil(workUnits(s) + s.events.length * 100);
}

const d = defaults;
const kafkaConsumer = (i: number, _partitions = d.partitions) => i;
const sqsConsumer = (i: number) => i;

export const presets: readonly Preset<QueuesScenario>[] = [
  {
    id: 'crash-before-commit',
    title: 'Kafka: a consumer crashes before its commit',
    description: 'The group runs behind (15 records/s for 12/s of work), so c0 works through batches of up to 50. It dies at 61 s in the middle of one. Nobody notices for the 45 s session timeout, so its partitions wait; then the group rebalances and the new owner resumes at the committed offset: the records c0 processed but never committed run twice.',
    scenario: { ...d, messages: 4500, events: [{ t: 61_000, type: 'crash', node: kafkaConsumer(0) }] },
  },
  {
    id: 'join-eager',
    title: 'Kafka: a consumer joins (eager rebalance)',
    description: 'c3 joins at 60 s. With the eager Range assignor every member revokes every partition first: all 6 partitions pause until the new assignment arrives.',
    scenario: { ...d, events: [{ t: 60_000, type: 'join', node: kafkaConsumer(3) }] },
  },
  {
    id: 'join-cooperative',
    title: 'Kafka: a consumer joins (cooperative rebalance)',
    description: 'The same join with CooperativeSticky: members keep what they own; only the partitions that move to c3 are revoked in a first round and assigned in a second, and only they pause.',
    scenario: { ...d, assignor: 'cooperative', events: [{ t: 60_000, type: 'join', node: kafkaConsumer(3) }] },
  },
  {
    id: 'slow-consumer',
    title: 'Kafka: a consumer slower than max.poll.interval.ms',
    description: 'At 30 s c1 becomes 100 times slower: a batch of 50 records takes 500 s, past the 300 s poll interval. It is dropped from the group, its partitions go to others and its late commit fails: that batch is done twice.',
    scenario: { ...d, durationMs: 900_000, events: [{ t: 30_000, type: 'slowdown', node: kafkaConsumer(1), factor: 100 }] },
  },
  {
    id: 'hot-key',
    title: 'Kafka: a hot key makes a hot partition',
    description: '60 % of the records carry key k0. They all land on k0\'s partition, whose one owner cannot keep up: its lag climbs while the other partitions idle. Adding consumers does not help one partition (see the partitioning lab).',
    scenario: { ...d, hotKeyShare: 0.6, messages: 4000 },
  },
  {
    id: 'producer-retries',
    title: 'Kafka: producer retries without the idempotent producer',
    description: '5 % of sends lose their acknowledgement and are retried a second later. With the idempotent producer off the broker appends each retry again: the same message at a second offset, processed twice by the plain consumer and once by the idempotent one. Turn the idempotent producer on and the broker drops them; a consumer crash still redelivers.',
    scenario: { ...d, retryShare: 0.05, idempotentProducer: false },
  },
  {
    id: 'two-groups',
    title: 'Kafka: two consumer groups read the same topic',
    description: 'A second group (one member, a0, owning every partition) reads the topic beside the first. Reading deletes nothing: each group has its own committed offsets (a card shows both, "com." and "g2"), and both see every record, each at its own pace.',
    scenario: { ...d, secondGroup: true },
  },
  {
    id: 'scale',
    title: 'Kafka at scale: 100 partitions, 10^6 records',
    description: '10^6 records over 100 partitions and 16 consumers in one hour, one consumer crashing at 20 minutes: the stage aggregates the partitions, the lag chart shows them all.',
    scenario: { ...d, partitions: 100, consumers: 16, messages: 1_000_000, keys: 10_000, processMs: 40, batchMax: 500, durationMs: 3_600_000, events: [{ t: 1_200_000, type: 'crash', node: kafkaConsumer(0, 100) }] },
  },
  {
    id: 'sqs-visibility',
    title: 'SQS: a slow consumer and the visibility timeout',
    description: 'At 20 s c0 becomes 200 times slower: each message takes 50 s, longer than the 30 s visibility timeout. The message comes back, c1 receives it and processes it too; c0\'s delete carries a stale receipt handle.',
    scenario: { ...d, mode: 'sqs', consumers: 2, messages: 600, keys: 3, durationMs: 240_000, events: [{ t: 20_000, type: 'slowdown', node: sqsConsumer(0), factor: 200 }] },
  },
  {
    id: 'sqs-poison',
    title: 'SQS: a poison message goes to the dead-letter queue',
    description: '2 % of the messages always fail. Each is received every 30 s (its visibility timeout) and, after maxReceiveCount = 5 receives, moves to the DLQ. In the FIFO queue the poison message also holds back its whole group meanwhile.',
    scenario: { ...d, mode: 'sqs', consumers: 2, messages: 600, keys: 3, poisonShare: 0.02, durationMs: 300_000 },
  },
  {
    id: 'sqs-dedup',
    title: 'SQS: producer retries, standard beside FIFO',
    description: '10 % of sends are retried 2 minutes later with the same message id. FIFO drops the retry (its 5-minute deduplication window); the standard queue delivers it again. The idempotent output has each message once; the other counts the duplicates.',
    scenario: { ...d, mode: 'sqs', consumers: 2, messages: 600, keys: 3, retryShare: 0.1, retryDelayMs: 120_000, durationMs: 300_000 },
  },
  {
    id: 'sqs-dedup-late',
    title: 'SQS: a retry after the deduplication window',
    description: 'The same retries 6 minutes later: past FIFO\'s 5-minute window, so FIFO enqueues them again too. Deduplication by the queue is a window; idempotence in the consumer is not.',
    scenario: { ...d, mode: 'sqs', consumers: 2, messages: 600, keys: 3, retryShare: 0.1, retryDelayMs: 360_000, durationMs: 600_000 },
  },
];
