/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'CAP/PACELC, defaults: n3, n4 cut off 150–450 ms; CP refuses side B, AP serves both (schema 1)', link: '/cap?v=1&s=1&e=1', traceHash: '39a8c1247ae1b1eb' },
  { what: 'CAP/PACELC, three nodes, n2 cut off alone', link: '/cap?v=1&s=1&e=1&clients=6&nodes=3&sideB=2', traceHash: '2e7e7b4360700e0d' },
  { what: 'CAP/PACELC, Pareto hops: the PACELC latency tails', link: '/cap?v=1&s=1&e=1&latency=pareto&latencyMsMax=200&paretoShape=1.2&timeoutMs=250', traceHash: '738b12649b79aad7' },
  { what: 'CAP/PACELC, n2 moved to side B: CP now serves B and refuses A', link: '/cap?v=1&s=1&e=1&sideB=2%2C3%2C4', traceHash: '603637a5837eceda' },
  // Schema 2: the cut is a script; the defaults' link carries no script, the same run as schema 1's defaults.
  { what: 'CAP/PACELC, defaults (schema 2)', link: '/cap?v=1&s=2&e=1', traceHash: '39a8c1247ae1b1eb' },
  {
    what: 'CAP/PACELC, schema 2 script from the stage: n1 crashed at 120 ms, the default cut, n0 isolated from 500 ms',
    link: '/cap?v=1&z=TY0xCsMwDEXv8mcPaZosvkrpIFLRGIJlbLVQjO9eJR6S5Qvee6AKhr85FPjRduFIOQi88S9HNfyoiPLqldqOg91fMoAlU1nRXMU7yydZjLub0Lv57BJlDRokHq3J6SJXpu3g_csu4OfhDEKRjZTRnq39AQ',
    traceHash: '793327eb529b16f1',
  },
  {
    what: 'CAP/PACELC, defaults plus client requests at 200 ms during the cut: c3 writes on the minority side, c0 reads on the majority',
    link: '/cap?v=1&z=fc6xDsIwDATQf7k5Q2nLkl9BDFGxIFKVBNcFoSj_zgkG6NLFtu70JFcI_MFhge85J0lBY4Zn_pBkjE8VV81r4YnBjXAwimPH_SrEKEEtWswJzVVMc6SDHxxyYfvUaPJFffdDKvdVFtsQth-iEi77gtX498FNwox2bu0N',
    traceHash: '6b916076b0449a77',
  },
];
