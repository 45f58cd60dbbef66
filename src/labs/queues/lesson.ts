/**
 * The guided steps of the queues lab, from "a queue decouples producers and consumers" to "why
 * idempotence". Every number a step quotes is on screen for the step's scenario (narration, cards, tables,
 * figures); lesson.test.ts re-runs each scenario and checks each claim.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { defaults, presets, type QueuesScenario } from './scenario';

export type LessonStep = ContractLessonStep<QueuesScenario>;

const preset = (id: string): QueuesScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'decouple',
    title: 'A queue decouples producers and consumers',
    text:
      'The producer w0 sends 3,000 records over 300 s and never waits for a consumer: the topic stores them, and reading deletes nothing. ' +
      'The consumers c0, c1 and c2 pull batches at their own pace and commit how far they got. ' +
      'Lag, the records sent and not yet committed, stays small while they keep up: at most 18 on any partition.',
    scenario: defaults,
    t: 150_000,
    highlight: { nodes: ['w0', 'c0', 'c1', 'c2'] },
  },
  {
    id: 'order',
    title: 'Order holds inside a partition only',
    text:
      'A record\'s key picks its partition (murmur2 of the key, mod the 6 partitions), so all records of a key sit in one log, in order, read by one consumer at a time: 0 were processed out of their key\'s order. ' +
      'Across partitions there is no order at all: 1,900 records were processed after a record the producer sent later.',
    scenario: defaults,
    t: 150_000,
    highlight: { nodes: ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'] },
  },
  {
    id: 'hot-key',
    title: 'A hot key makes a hot partition',
    text:
      'Here most records carry the key k0, and every one of them goes to k0\'s partition p5: it holds 67.3 % of the records, and its one owner c2 cannot keep up. ' +
      'p5\'s lag climbs while the other partitions idle (1,791 records behind at the end), and more consumers would not help, since a partition has one owner in a group. ' +
      'The partitioning lab (#/partitioning) shows the fixes: salting or splitting the hot key.',
    scenario: preset('hot-key'),
    t: 290_000,
    highlight: { nodes: ['p5', 'c2'] },
  },
  {
    id: 'crash',
    title: 'A crash before the commit: redelivery',
    text:
      'c0 crashes at 61 s in the middle of a batch: 15 of its 27 records of p0 are processed, none committed. ' +
      'Its last heartbeat was at 60.050 s, so the group learns of the crash only a session timeout (45 s) later, at 105.050 s, and p0 waits meanwhile. ' +
      'c1 then fetches p0 from the committed offset 128 and runs those 15 records again: delivery is at-least-once.',
    scenario: preset('crash-before-commit'),
    t: 105_100,
    highlight: { nodes: ['c0', 'c1', 'p0'] },
  },
  {
    id: 'eager',
    title: 'A join: the eager rebalance stops everyone',
    text:
      'c3 joins at 60 s. With the eager (Range) assignor every member first revokes every partition it owns, so all 6 partitions stop. ' +
      'They resume only when generation 2 hands them out again, 900 ms later.',
    scenario: preset('join-eager'),
    t: 60_500,
    highlight: { nodes: ['c3'] },
  },
  {
    id: 'cooperative',
    title: 'The cooperative rebalance moves only what must move',
    text:
      'The same join with the cooperative (sticky) assignor: members keep the partitions that stay theirs, and only p5 is revoked from c2 in a first round, then given to c3 in a second (generation 3). ' +
      'One partition pauses instead of all of them: 1,200 partition-ms in all.',
    scenario: preset('join-cooperative'),
    t: 61_000,
    highlight: { nodes: ['p5', 'c2', 'c3'] },
  },
  {
    id: 'slow',
    title: 'A slow consumer leaves the group',
    text:
      'At 30 s c1 slows to 25 s per record, so one batch outlasts max.poll.interval.ms (300 s): at 356.200 s c1 leaves the group while its batch runs on, and its partitions go to c0 and c2. ' +
      'When the batch ends, its commit fails (c1 no longer owns p2) and the new owner processes those records again; c1 rejoins and the cycle repeats: 31 records processed twice.',
    scenario: preset('slow-consumer'),
    t: 506_300,
    highlight: { nodes: ['c1'] },
  },
  {
    id: 'producer-retries',
    title: 'Duplicates from the producer side',
    text:
      'Here some sends lose their acknowledgement and the producer sends them again; without the idempotent producer the broker appends each retry as a new record, so 156 messages sit twice in the log and the plain consumer writes 154 duplicate rows. ' +
      'Kafka\'s idempotent producer (a producer id and a sequence number per partition) lets the broker drop such retries, but a consumer crash still redelivers: only an idempotent consumer, or offsets committed in the same transaction as the output, makes the effects exactly-once.',
    scenario: preset('producer-retries'),
    t: 150_000,
    highlight: { nodes: ['w0'] },
  },
  {
    id: 'visibility',
    title: 'SQS: a visibility timeout, not a delete',
    text:
      'SQS hides a received message for the visibility timeout (30 s) and deletes it only when the consumer asks. ' +
      'c0, slowed to 50 s a message, holds m49 past its timeout: m49 turns visible again, and c1 receives it (receive #2) and processes it too. ' +
      'c0\'s delete at 70.050 s carries the old receipt handle: SQS answers success and deletes nothing.',
    scenario: preset('sqs-visibility'),
    t: 70_100,
    highlight: { nodes: ['c0', 'c1', 'q0'] },
  },
  {
    id: 'dlq',
    title: 'A poison message goes to the dead-letter queue',
    text:
      'A poison message fails every time and is never deleted: m34 comes back every 30 s and is received 5 times. ' +
      'The next receive, at 168.400 s, moves it to q0\'s dead-letter queue d0 instead: the DLQ counts receives, not failures. ' +
      'In the FIFO queue q1 each poison message also holds back its whole group meanwhile: 296 messages still wait there at the end.',
    scenario: preset('sqs-poison'),
    t: 168_600,
    highlight: { nodes: ['q0', 'd0', 'q1'] },
  },
  {
    id: 'dedup',
    title: 'Deduplication by the queue is a window',
    text:
      'Some sends are retried 2 minutes later with the same message id (a lost acknowledgement). ' +
      'The FIFO queue q1 accepts each retry and drops it (36 of them, within its 5-minute deduplication window); the standard queue q0 enqueues them, and its plain consumer writes 52 duplicate rows.',
    scenario: preset('sqs-dedup'),
    t: 121_000,
    highlight: { nodes: ['q0', 'q1'] },
  },
  {
    id: 'idempotence',
    title: 'Why idempotence',
    text:
      'Retries sent after the window get past FIFO deduplication too: the plain consumers write 21 duplicate rows behind q1 and 37 behind q0. ' +
      'The idempotent consumers, fed the same deliveries, remember message ids and write each of the 599 messages once. ' +
      'Delivery stays at-least-once: exactly-once effects come from idempotence, or from committing offsets in the same transaction as the output (Kafka transactions, inside Kafka only).',
    scenario: preset('sqs-dedup-late'),
    t: 400_000,
    highlight: { nodes: ['q0', 'q1'] },
  },
];
