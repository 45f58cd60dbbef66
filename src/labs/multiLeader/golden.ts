/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'multi-leader, defaults: two regions 80 ms apart (schema 1)', link: '/multi-leader?v=1&s=1&e=1', traceHash: 'd0f9caa12a49cda4' },
  {
    what: 'multi-leader, readable parameters: 3 regions, exponential inter-region latency, seed 7',
    link: '/multi-leader?v=1&s=1&e=1&interLatency=exponential&regions=3&seed=7',
    traceHash: 'c98d9874a2958b9e',
  },
  {
    what: 'multi-leader, compressed script: partition 300..1500 ms (LWW loses 17 of 38 acknowledged writes, siblings none)',
    link: '/multi-leader?v=1&z=TYyxCoAwEEP_JXOHVnHpr4hDkaIF6ZV6ClLv3z1xcUlCHklDhHcG-6dzzKEmgtf-jJm1HhuWSkfRCHs7GDB8b636VXSMEionTpQhpr3QDT-6xrBBJgN6H1xnRR4',
    traceHash: '58c5f1b8bffb89cf',
  },
  {
    what: 'multi-leader, clock skew: region 1 two seconds behind (LWW drops 7 writes made after reading their winner)',
    link: '/multi-leader?v=1&s=1&e=1&clientsPerRegion=1&keys=1&ops=30&skewMs=-2000&thinkMs=300&updatePct=100',
    traceHash: '311ba37bcbeb456c',
  },
  {
    what: 'multi-leader, compressed script: client requests: c1 (region 0) and c2 (region 1) write k0 at 120 and 121 ms, each meeting a conflict with a write in flight',
    link: '/multi-leader?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1UnJOJpANVpFfoGSlVF6UWZKqpKMEEjIyANKVBUBTlIpSC0tTi0uUanUQWoywaQGag64ltrYWAA',
    traceHash: 'df33b9a9bf3baa88',
  },
];
