/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

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
];
