/**
 * The home page's map from the seed's patterns (../shared/seed/distributed-systems.md headings) to labs.
 * A topic is covered by a registered lab whose id is `labId` or whose `patterns` name one of `headings`;
 * otherwise it shows as coming.
 */
import type { LabSpec } from '../labs/contract';

export interface Topic {
  title: string;
  /** Seed headings (or table rows) this topic teaches. */
  headings: readonly string[];
  blurb: string;
  /** The lab id planned for this topic. */
  labId: string;
}

export const topics: readonly Topic[] = [
  {
    title: 'CAP and PACELC',
    headings: ['CAP Theorem', 'PACELC Extension', 'Fundamental Trade-offs'],
    blurb: 'During a partition, choose consistency or availability; without one, latency or consistency.',
    labId: 'cap-pacelc',
  },
  {
    title: 'Hash rings and consistent hashing',
    headings: ['Consistent Hashing'],
    blurb: 'Hash keys and nodes onto one ring; adding a node moves only about 1/N of the keys.',
    labId: 'consistent-hashing',
  },
  {
    title: 'Partitioning strategies',
    headings: ['Data Partitioning', 'Strategies'],
    blurb: 'Hash mod N, ranges, a ring and a directory on the same keys: balance, range queries, moves, lookups.',
    labId: 'partitioning',
  },
  {
    title: 'Hot partitions',
    headings: ['Hot Partition Detection'],
    blurb: 'Skewed keys overload one node; salting, splitting and caching spread the load, at a cost.',
    labId: 'partitioning',
  },
  {
    title: 'Replication',
    headings: ['Replication', 'Models'],
    blurb: 'Leader-follower, multi-leader and leaderless replication under failures and lag.',
    labId: 'replication',
  },
  {
    title: 'Quorums',
    headings: ['Quorum Reads/Writes'],
    blurb: 'N replicas, W writes, R reads: see when W + R > N gives fresh reads and what it costs.',
    labId: 'quorums',
  },
  {
    title: 'Consensus',
    headings: ['Consensus Patterns', 'When You Need Consensus', "When You Don't"],
    blurb: 'Leader election and a replicated log that survive crashes and partitions.',
    labId: 'consensus',
  },
  {
    title: 'CRDTs',
    headings: ['Distributed Data Structures', 'Counter', 'Set'],
    blurb: 'Counters and sets that merge without coordination and always converge.',
    labId: 'crdts',
  },
  {
    title: 'Bloom filters',
    headings: ['Bloom Filters'],
    blurb: '"Probably yes" or "definitely no": false positives against bits per element.',
    labId: 'bloom-filters',
  },
  {
    title: 'Distributed locks',
    headings: ['Lock'],
    blurb: 'Leases, fencing tokens, and what goes wrong when a lock holder pauses.',
    labId: 'locks',
  },
  {
    title: 'Queues',
    headings: ['Queue'],
    blurb: 'Partitioned queues, at-least-once delivery and idempotent consumers.',
    labId: 'queues',
  },
  {
    title: 'Failure handling',
    headings: ['Failure Handling', 'Partial Failure Strategies'],
    blurb: 'Timeouts, retries with backoff, circuit breakers and fallbacks against a slow dependency.',
    labId: 'failure-handling',
  },
  {
    title: 'Vector clocks',
    headings: ['Vector Clocks'],
    blurb: 'Track causality across nodes and spot concurrent writes.',
    labId: 'vector-clocks',
  },
  {
    title: 'Anti-patterns',
    headings: ['Anti-Patterns'],
    blurb: 'Shared databases, 2PC, trusting clocks: watch each one fail and its fix hold.',
    labId: 'anti-patterns',
  },
];

/** The registered lab teaching `topic`, if any. */
export function labForTopic(topic: Topic, labs: readonly LabSpec[]): LabSpec | undefined {
  const headings = new Set(topic.headings.map((h) => h.toLowerCase()));
  return (
    labs.find((lab) => lab.id === topic.labId) ??
    labs.find((lab) => lab.patterns.some((p) => headings.has(p.toLowerCase())))
  );
}

/** Registered labs no topic points to (still listed, so nothing registered is unreachable). */
export function otherLabs(labs: readonly LabSpec[]): LabSpec[] {
  const covered = new Set(topics.map((t) => labForTopic(t, labs)).filter(Boolean));
  return labs.filter((lab) => !covered.has(lab));
}
