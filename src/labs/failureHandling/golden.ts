/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  { what: 'failure-handling, defaults: the retry storm, s2 down 5..10 s, no strategy (schema 1)', link: '/failure-handling?v=1&s=1&e=1', traceHash: '030d94ae1e343aa1' },
  { what: 'failure-handling, readable parameters: the same storm broken by a retry budget and dropping expired work', link: '/failure-handling?v=1&s=1&e=1&strategy=shed', traceHash: '0b085f08d257c0ae' },
  {
    what: 'failure-handling, compressed: breaker strategy with full jitter, 40 req/s, 20 s, no script',
    link: '/failure-handling?v=1&z=JYwxCoAwFEPvkrmDilPvIAiO4lBrKqK08K2CiHf3ixkCyQu5QdjSYP_dMzpZEuyN0fk1hQCLcGwbDKZDXF5SbHRbFSoDnoxZYz8YKGRL6ehha2V7_pr50oNR6FYKnucF',
    traceHash: 'd458ebe0fc583498',
  },
  {
    what: 'failure-handling, compressed script: fallback + retry queue + DLQ, both servers down 5..20 s',
    link: '/failure-handling?v=1&z=hY6xDsIwDET_5eYMbYEl_4CExIgYQmogokqQE4qqKP-OS2BCqBki2_fu7AyCbhVi_S15wy5AZ_QPNskFvxVp3chToJF8kvaQ4UMvxk4hQW_eYpruMoFlE68o6ouslpGa0tUdH4bJhpH4J-gPdVSQa2lHvCc7U9JTYkdyrdQxzeplEsvZDMPJ2BsUnuzEYiW1bZpSXg',
    traceHash: 'bb8c4e6825827ed6',
  },
  {
    what: 'failure-handling, compressed script: degrade to local data during a partition, reconcile at the heal',
    link: '/failure-handling?v=1&z=TY4xDsIwDEXv8ucMpYWld0BCYkQMUWuVCGgq1wVVIXfnR2UgQ2Tr2e87QdDuHObt72T0GiLahH5RbyGOR6J9xecgLxmN7SVh0LhMLFF9dq52DRyMim3O1olWTF4tFAWySwXXh398E_9AvjrcZaWpJmGinETP0v16MQ1CyHq2QoeVm70M6nspmeEpcbFyI90Obw00dMxqqpy_',
    traceHash: '42fcf368f989b528',
  },
];
