/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  {
    what: 'consensus, defaults: five servers elect a leader and replicate client commands (schema 1)',
    link: '/consensus?v=1&s=1&e=1',
    traceHash: 'fc7421f0fe23970e',
  },
  {
    what: 'consensus, readable parameters: 3 servers, PreVote and CheckQuorum on, seed 7',
    link: '/consensus?v=1&s=1&e=1&checkQuorum=true&preVote=true&seed=7&servers=3',
    traceHash: '612e095bca43d400',
  },
  {
    what: 'consensus, compressed script: the leader s2 crashes at 400 ms, s4 is timed out at 700 ms and sent a request at 900 ms',
    link: '/consensus?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVkY5SiZKViYEBkK4sAAooJRclFmco1erAVJiAVZgjqSjJzE3NLy3BUGOJpKYotbA0tRioJra2FgA',
    traceHash: '64fb82089b5b97d4',
  },
  {
    what: 'consensus, preset broken-keep-conflicts: State Machine Safety breaks and the run stops',
    link: '/consensus?v=1&z=LY4xDsIwDEXv8ucMKd2yMnMCxJC2BqJWceS6lVDI3XGBxbL8vp9dQQidw_qrI-UoiREqBmZdVWJBwEJxIoHDIDxTtslMVM6c70sadTUwbRI1cb6Y6OS9d6CdsqFwrXgIb8Va-HfnTpZWhP7I6KvYeZQomo5tNFcP2H0Nf_qkuKDd7DuSncQ8fWsf',
    traceHash: 'ed8983ac52fa39c1',
  },
  {
    what: 'consensus, the election-time experiment (scale, 20 trials per range) beside the default run',
    link: '/consensus?v=1&s=1&e=1&experiment=scale&trials=20',
    traceHash: '657ebf65bbbfc2ef',
  },
];
