/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  {
    what: "queues, defaults: Kafka, 6 partitions, 3 consumers, eager, no fault (schema 1)",
    link: '/queues?v=1&s=1&e=1',
    traceHash: '5e92448945bd6844',
  },
  {
    what: "queues, readable parameters: cooperative, 12 partitions, commit before, seed 7",
    link: '/queues?v=1&s=1&e=1&assignor=cooperative&commit=before&partitions=12&seed=7',
    traceHash: '3120a164876c7935',
  },
  {
    what: "queues, preset crash-before-commit: Kafka: a consumer crashes before its commit",
    link: '/queues?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVgY5SiZKVmaGBAYhVWQAUUkouSizOUKqN1VHKTS0uTkxPBWowMTUwqK0FAA',
    traceHash: 'e1369308c636c777',
  },
  {
    what: "queues, preset join-cooperative: Kafka: a consumer joins (cooperative rebalance)",
    link: '/queues?v=1&z=JYuxCoAwDET_5eYOiuCQXxGHUoPEISltKUjpvxvwhuM43htg0BpQ_06ssYiBBmKtcqsVEJJZ5hKbdEYAd9bm_DGgdrm-BTTQvnh8vdkvPCaKec75AQ',
    traceHash: 'd541e53972eadc00',
  },
  {
    what: "queues, preset slow-consumer: Kafka: a consumer slower than max.poll.interval.ms",
    link: '/queues?v=1&z=JUxLCoAgFLzLrF0UrfIOnSBaiBoI8V7oKwnx7inOYmC-BR56VkiDrScTA0MXuCcaCUxbi9apQ8G_nqTpveA0Vji2VfeJ3bgR6GVU5bubhXRxdpwJ9aj1Bw',
    traceHash: '824853dde1495ab0',
  },
  {
    what: "queues, preset two-groups: Kafka: two consumer groups read the same topic",
    link: '/queues?v=1&s=1&e=1&secondGroup=true',
    traceHash: 'c7ffee5db3b7afd6',
  },
  {
    what: "queues, preset producer-retries: Kafka: producer retries without the idempotent producer",
    link: '/queues?v=1&s=1&e=1&idempotentProducer=false&retryShare=0.05',
    traceHash: '6fc03123fc1d2046',
  },
  {
    what: "queues, preset sqs-poison: SQS: a poison message goes to the dead-letter queue",
    link: '/queues?v=1&s=1&e=1&consumers=2&keys=3&messages=600&mode=sqs&poisonShare=0.02',
    traceHash: '3f35474a6af01d03',
  },
  {
    what: "queues, preset sqs-dedup-late: SQS: a retry after the deduplication window",
    link: '/queues?v=1&s=1&e=1&consumers=2&durationMs=600000&keys=3&messages=600&mode=sqs&retryDelayMs=360000&retryShare=0.1',
    traceHash: 'e76e6a99833c39df',
  },
];
