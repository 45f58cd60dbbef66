/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  {
    what: 'anti-patterns, defaults: the shared-database scene, no fault (schema 1)',
    link: '/anti-patterns?v=1&s=1&e=1',
    traceHash: '8a70a46bc86e6ea3',
  },
  {
    what: 'anti-patterns, readable parameters: 2PC beside a saga, a transfer every 100 ms, seed 7',
    link: '/anti-patterns?v=1&s=1&e=1&mode=2pc&seed=7&txPeriodMs=100',
    traceHash: '6aca50ae46756fcd',
  },
  {
    what: 'anti-patterns, preset shared-db-outage: Shared database: one outage stops both services',
    link: '/anti-patterns?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCViY5SCVCVgYEBkFFZABRRSi5KLM5QqtWBKTEnrARqihmSkqLU5Pyy1CJMc7Aqiq2tBQA',
    traceHash: '5c02fd20afb92b6f',
  },
  {
    what: "anti-patterns, preset shared-db-schema: Shared database: A's schema change breaks B",
    link: '/anti-patterns?v=1&s=1&e=1&migrateAtMs=1000',
    traceHash: '68c400fab5940d40',
  },
  {
    what: 'anti-patterns, preset 2pc-coordinator-crash: 2PC: the coordinator crashes after logging COMMIT',
    link: '/anti-patterns?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVkY5SiZKVhaEBkK4sAAooJRclFmco1erAVJgRVAExwxBZSVFqcn5ZahGGMdgVxeoo5YIVKRkVJCvV1gIA',
    traceHash: '89dd9c622a57175f',
  },
  {
    what: 'anti-patterns, preset clocks: Assuming synchronized clocks',
    link: '/anti-patterns?v=1&s=1&e=1&durationMs=600&mode=clocks',
    traceHash: 'da8621098a02c58e',
  },
  {
    what: 'anti-patterns, preset partition: No partition handling',
    link: '/anti-patterns?v=1&z=XYtBCoAgFETvMmsXJq28SrSQkhLKL_YLwrx7P9pEm2GY96bAwzYK25uDjy4HgpX98JFl7gqmTHuSCnO1UGBxtdZSziRvJJc5cKCIqspDzZfO3i2ovcJK48-uNw',
    traceHash: '768e23a500e49d16',
  },
  {
    what: 'anti-patterns, preset locality: Ignoring data locality',
    link: '/anti-patterns?v=1&s=1&e=1&mode=locality',
    traceHash: 'c1ce69340a26669e',
  },
];
