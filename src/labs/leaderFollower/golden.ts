/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'leader-follower, defaults: async, leader reads, fencing, no faults (schema 1)', link: '/leader-follower?v=1&s=1&e=1', traceHash: '6b8e641e5838021c' },
  {
    what: 'leader-follower, readable parameters: 5 nodes, semi-sync, reads from followers, seed 7',
    link: '/leader-follower?v=1&s=1&e=1&nodes=5&readFrom=followers&replication=semi-sync&seed=7',
    traceHash: 'b256b48f92e961ff',
  },
  {
    what: 'leader-follower, compressed script: n0 cut off at 100 ms without fencing, healed at 300 ms (split brain)',
    link: '/leader-follower?v=1&z=TUw7DoMwDL3Lmz0EulS5Q09QdYiQAavIiUJaqUpzdwwsLPb7VzB8R1jPO7CGLBHe9C9rMflZMeX4SQbh_h31IBRLO2f_l6yOFHKRIlHRqO7m7WLOHBa0F2FkHUQn-DEsKxPiPtkfyVn0_TB2b20D',
    traceHash: '68c87fd1155bf1e6',
  },
  {
    what: 'leader-follower, compressed script: sync; c1 writes at 120 ms (a client request from the stage), then n0 crashes at 150 ms and recovers at 300 ms',
    link: '/leader-follower?v=1&z=ZYzBCgIxDET_Zc49rIqX_op4KDFgYUlqWleW0n83qweFvSTDm8d0MOIhoH4vsSTLiuh8YWmOLx00Z88fQwsiXpYbI2BDx8n_WnwFxo8n14YROkRvjrbOnfPPIUv1vjNO0_8K6cKGcQ2ey5wptaziTV2FMMYb',
    traceHash: '7c0067841b9e7da5',
  },
];
