/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'bloom-filters, defaults: 10^5 elements in 958,506 bits, k 7, in front of a store (schema 1)', link: '/bloom-filters?v=1&s=1&e=1', traceHash: '629a6a7d35fe4225' },
  {
    what: 'bloom-filters, readable parameters: undersized, 3 bits per element, k 2 (43 wasted store reads)',
    link: '/bloom-filters?v=1&s=1&e=1&k=2&m=300000',
    traceHash: '170e5494de0f06b2',
  },
  {
    what: 'bloom-filters, 2-bit counters overflowing, half the elements deleted',
    link: '/bloom-filters?v=1&s=1&e=1&deletePct=50&m=200000&width=2',
    traceHash: '3d6925aa1f0db99a',
  },
  {
    what: 'bloom-filters, compressed script: the store crashes at 300 ms and recovers at 600 ms',
    link: '/bloom-filters?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVkY5SiZKVsYEBkK4sAAooJRclFmco1eqgqjBDUlGUmpxfllqkVBtbWwsA',
    traceHash: '7dad35b351784608',
  },
  {
    what: 'bloom-filters, compressed script: f1 -> s2 slowed by 50 ms at 200 ms, s2 paused 800..900 ms',
    link: '/bloom-filters?v=1&z=ZYzBCoAgGIPfZWcPFQTlq0SHqD8IUkOzCPHd-9VL0GVj28cCCLIWcEVn0pPdDCT3F-mT6yFgtUblXXFuK4ETsqmSM9mwPQe_wO3mRhQB2iyc0wDZZa4Ax-Qd_Yj-Q1hyXjEyxvgC',
    traceHash: '716b4291f55293be',
  },
];
