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
    what: 'CRDTs, LWW-Register with n1 1 s behind, seed 4: Lamport stamps keep n1\'s last write, wall-clock stamps lose it',
    link: '/crdts?v=1&z=TY7BCsIwEET_Zc4ppLUHya-Ih2CXGqxJSFaDhPy7ayull11m5g1MBcH0Cnm7N_I2uQAj_ps8i32peMrreq21gg_TVmAYkfyJIpEfVNBUxZzCKwqNkxqxQudf649Fm9ixC35lJRyGQ3onu6BdZQXRBDPuwVJKl2h2mSmhtS8',
    traceHash: '03828003505a2349',
  },
  {
    what: 'CRDTs, script from the stage: the default cut, then n1 crashed at 1200 ms and recovered at 3000 ms',
    link: '/crdts?v=1&z=ZYyxCoQwEET_ZeoUUa848ivHFSG3nAHJhjUKEvLvLtoEbHaHmTdTQXCDwXrfQMlLZDj1d0pF7U_FX3jLKjGZFwwK3Nta_UfWMrKXEkvkhGYqEv_uRaWGscOC-HW-EE3GPpnJL4_uZDtCKPBOgvZt7QQ',
    traceHash: '6670c3e23d532552',
  },
];
