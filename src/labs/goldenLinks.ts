/**
 * Golden links: scenario links as users share them, each with the trace hash it must replay to, in Node
 * (goldenLinks.test.ts) and in Chromium (goldenLinks.browser.test.ts), forever. When a lab's schema changes,
 * old links stay here and must still decode (through the migration ladder) to the same run; when its
 * engineVersion changes on purpose, add the new hashes beside the old links with the version noted.
 */
export interface GoldenLink {
  /** The fragment (without '#') exactly as the app wrote it. */
  link: string;
  traceHash: string;
  what: string;
}

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'consistent hashing, defaults (schema 1)', link: '/consistent-hashing?v=1&s=1&e=1', traceHash: 'd5294315ae958dd2' },
  {
    what: 'consistent hashing, readable parameters: 5 nodes, 1 vnode, 200 keys, seed 7',
    link: '/consistent-hashing?v=1&s=1&e=1&keys=200&seed=7&vnodes=1',
    traceHash: '8c58d83a4149d404',
  },
  {
    what: 'consistent hashing, compressed script: add then remove, lookup user:42, R=3',
    link: '/consistent-hashing?v=1&z=PY1LCoAwDETvMuss_Ox6FXEhNqiIrdRSKaV3N63QLELy5sEkMFRPeP69slncYaGEBzZe8JTga-jjLS4WrUF4-dj2wjMlGKslGUWBGpro-LKBkWfCybEUdDJU7foRQru7nD8',
    traceHash: '741ef15e7e94145b',
  },
  {
    what: 'consistent hashing, weighted: add a weight-3 node, then reweight n0',
    link: '/consistent-hashing?v=1&z=Rcw7CoAwEATQu0ydIv6aXEUsxCwqQhQNSgi5u-MHbRZ25u1GCEymsD2zE9eu4wzDfBfnGdcR_i59WGjRWguFQ8Z-YF4kFeFmy0aTwOQffMlv89QoTBL4tNKa_LrjUqZ0Ag',
    traceHash: 'cfe8d556db2b4c48',
  },
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
  { what: 'PBS, defaults: LNKD-DISK N=3, R=W=1, R=2 W=1, R=W=2, 100,000 trials (schema 1)', link: '/pbs?v=1&s=1&e=1', traceHash: 'e3421ddbd2bf61cd' },
  {
    what: 'PBS, readable parameters: Yammer, 20,000 trials, seed 7, a fourth config N=5 R=2 W=2',
    link: '/pbs?v=1&s=1&e=1&latency=ymmr&n4=5&r2=1&r4=2&seed=7&tMaxMs=1500&trials=20000&w2=2&w3=1&w4=2',
    traceHash: 'b6fa954c5b120871',
  },
  {
    what: 'quorums, compressed script: N=3 W=2 R=2 with ABD write-back under crashes (linearizable)',
    link: '/quorums?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-ClCVkY5SiZKVmQGQqiwA8pWSixKLM5RqdVAVGCKpKEpNzi9LLVKqja2tBQA',
    traceHash: '9647ac660042474d',
  },
  {
    what: 'quorums, compressed script: the same without write-back (seed 2, a stale read the checker catches)',
    link: '/quorums?v=1&z=hVGxUsMwDP0XzR4alzaQkT13HCvHYBxBfLh2TrYLvZB_R7aB5ujQxbbk956epBkQukZAqKdGp8h46GbQ1qCLnN8JwGN9Ps3g_MCMjYAI3b7l6zRxDJNKAWERM7yRTxNjYfvVCCk2UKBtZvxCKZpovCvwtV4judYPijCkQ1UsP-dSIyq7ospK3Z-pmlQYLxHtWlz7I9IFRt7eXVHZrhr5U3kW8KqsfVH6vefObxhiVUSnT33o1ef_jHGl4Syb0QJ8npfk-VPZAqEaHnFShsNICXkviEN1MBpXauS3OaBPMUeNZL0PdscnmYj37AQ69hSYXDIPms3v2mX5Bg',
    traceHash: '956844a6d91636e2',
  },
  { what: 'CAP/PACELC, defaults: n3, n4 cut off 150–450 ms; CP refuses side B, AP serves both (schema 1)', link: '/cap?v=1&s=1&e=1', traceHash: '39a8c1247ae1b1eb' },
  { what: 'CAP/PACELC, three nodes, n2 cut off alone', link: '/cap?v=1&s=1&e=1&clients=6&nodes=3&sideB=2', traceHash: '2e7e7b4360700e0d' },
  { what: 'CAP/PACELC, Pareto hops: the PACELC latency tails', link: '/cap?v=1&s=1&e=1&latency=pareto&latencyMsMax=200&paretoShape=1.2&timeoutMs=250', traceHash: '738b12649b79aad7' },
  { what: 'CAP/PACELC, n2 moved to side B: CP now serves B and refuses A', link: '/cap?v=1&s=1&e=1&sideB=2%2C3%2C4', traceHash: '603637a5837eceda' },
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
];
