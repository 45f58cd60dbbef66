/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'vector-clocks, defaults: three replicas, clocks within 10 ms (wall-clock LWW loses 3 of 9 concurrent writes; schema 1)', link: '/vector-clocks?v=1&s=1&e=1', traceHash: 'ca47f771752e6cdc' },
  { what: 'vector-clocks, readable parameter: r1 100 ms behind (the later write b3 lost, 2 lease overlaps)', link: '/vector-clocks?v=1&s=1&e=1&skewMs=-100', traceHash: '46e5298267c3f0de' },
  { what: 'vector-clocks, an honest bound ε = 110 ms: commit wait 220 ms, no inversion', link: '/vector-clocks?v=1&s=1&e=1&epsMs=110&skewMs=-100', traceHash: 'a3b241524c45929a' },
  {
    what: 'vector-clocks, compressed script: r0 isolated 100..600 ms (LWW loses 8 of 12, siblings none)',
    link: '/vector-clocks?v=1&z=TYqxCoAgFEX_5c4OBdHgV0RrNIg9SBAVlSLk_XtPWlruhXNOA0GPCuVbS8FkF6GFXxSq4K0hxEOqQaFKNfR_kgC4Er2pBFatq_mnTjIevCvc2VUqC-WVknfWQE_MLw',
    traceHash: 'cedbc83041d33a5e',
  },
];
