/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'CRDTs, defaults: OR-Set beside a naive set and a 2P-Set, n3 and n4 cut off 800–2200 ms', link: '/crdts?v=1&s=1&e=1', traceHash: '5b0427541a452444' },
  { what: 'CRDTs, G-Counter beside the consensus log under the default cut', link: '/crdts?v=1&s=1&e=1&type=g-counter', traceHash: '38fb15b7859ab893' },
  { what: 'CRDTs, PN-Counter beside a signed counter merged by max', link: '/crdts?v=1&s=1&e=1&type=pn-counter', traceHash: 'f3344ddee44bde9a' },
  {
    what: 'CRDTs, duplicates: 20 % of messages delivered twice, no faults (the G-Counter right, the counter adding increments over)',
    link: '/crdts?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlbVSimlBTmZyYklqQHJJUpWRgY6SqllqXklQIXRsTpKJZUFQI1K6brJ-aV5JalFSrW1AA',
    traceHash: '7afbc61cb275bd9d',
  },
  {
    what: 'CRDTs, LWW-Register with n1 1 s behind, Lamport against wall-clock stamps',
    link: '/crdts?v=1&z=TYvBCsIwEET_Zc4ppNWD5FfEQ9ClBmsSNqtBQv7dtRXxssubedNAcKNB2e6ZoueQ4DR_UhSNjw13fcNorTWI6bINBE5RXlkR5UYV3TTMnB5ZbezMHqt0-Ky-WvYsQUKKq6vlNP21V_IL-unHS60D0xyKEKP3Nw',
    traceHash: 'f2d2ca595e0ce1d9',
  },
  {
    what: 'CRDTs, script from the stage: the default cut, then n1 crashed at 1200 ms and recovered at 3000 ms',
    link: '/crdts?v=1&z=ZYyxCoQwEET_ZeoUUa848ivHFSG3nAHJhjUKEvLvLtoEbHaHmTdTQXCDwXrfQMlLZDj1d0pF7U_FX3jLKjGZFwwK3Nta_UfWMrKXEkvkhGYqEv_uRaWGscOC-HW-EE3GPpnJL4_uZDtCKPBOgvZt7QQ',
    traceHash: '6670c3e23d532552',
  },
];
