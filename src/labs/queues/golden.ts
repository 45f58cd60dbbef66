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
    link: '/queues?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVuY5SiZKVmaGBgQGQVVkAFFJKLkoszlCqjdVRyk0tLk5MTwVqMDE1MKitBQA',
    traceHash: 'e1369308c636c777',
  },
  {
    what: "queues, preset join-cooperative: Kafka: a consumer joins (cooperative rebalance)",
    link: '/queues?v=1&z=JYuxCoAwDET_5eYOujjkV8Sh1CBxSEpbClL670a84TiO9wYYtAbUvxNrLGKggVirXGoFhGSWucQmnRHAnbU5vw-onZ--BDTQtnh8Pdk_3CaKecz5Ag',
    traceHash: 'd541e53972eadc00',
  },
  {
    what: "queues, preset slow-consumer: Kafka: a consumer slower than max.poll.interval.ms",
    link: '/queues?v=1&z=JUxLCoAgEL3LW7so2pR36ATRQtIgiJmwKQnx7o34Fg_eNyPA9gZ34y2QiwfDZvgnOjmYZo2mrsIgvIFE9ZKxu0046qr6xF5vRgOBHVpVvkst3Ccnz4lQ1lJ-',
    traceHash: '824853dde1495ab0',
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
