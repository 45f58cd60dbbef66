/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
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
  {
    what: 'quorums, compressed script: two client requests of c2 at 120 ms, a read then a write (the write waits for the read)',
    link: '/quorums?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1UnJOJpCtZGWko5RfoGSlVJSamKKkowQUMTQyANKVBUBDgKKFpanFJUq1Opg6yosyS1LxaImtrQUA',
    traceHash: 'f65cf7ab64106e71',
  },
];
