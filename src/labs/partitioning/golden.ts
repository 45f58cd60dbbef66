/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'partitioning, defaults: one celebrity key melts its node (schema 1)', link: '/partitioning?v=1&s=1&e=1', traceHash: 'e672db0dbb04a73c' },
  {
    what: 'partitioning, readable parameters: Zipf keys on ranges, 5,000 requests, seed 7',
    link: '/partitioning?v=1&s=1&e=1&distribution=zipf&requests=5000&seed=7&strategy=range',
    traceHash: '2ca9939cee777e8c',
  },
  {
    what: 'partitioning, compressed script: salt the write-heavy celebrity key 8 ways at 5 s',
    link: '/partitioning?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1UraSlYWOUomSlamBgQGQUVkA1KRUnJhTolQbq6NUXpRZkhqQDJS3MKitBQA',
    traceHash: '6f015efc42b45a7c',
  },
];
