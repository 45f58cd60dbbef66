/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'PBS, defaults: LNKD-DISK N=3, R=W=1, R=2 W=1, R=W=2, 100,000 trials (schema 1)', link: '/pbs?v=1&s=1&e=1', traceHash: 'e3421ddbd2bf61cd' },
  {
    what: 'PBS, readable parameters: Yammer, 20,000 trials, seed 7, a fourth config N=5 R=2 W=2',
    link: '/pbs?v=1&s=1&e=1&latency=ymmr&n4=5&r2=1&r4=2&seed=7&tMaxMs=1500&trials=20000&w2=2&w3=1&w4=2',
    traceHash: 'b6fa954c5b120871',
  },
];
