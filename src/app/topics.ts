/**
 * The home page's map from the seed's patterns (../shared/seed/distributed-systems.md headings) to labs.
 * A topic is covered by every registered lab whose id is in `labIds` or whose `patterns` name one of
 * `headings` (a topic such as Replication has several labs); with none it shows as coming.
 */
import type { LabSpec } from '../labs/contract';

export interface Topic {
  title: string;
  /** Seed headings (or table rows) this topic teaches. */
  headings: readonly string[];
  blurb: string;
  /** The labs planned for this topic, in the order the home page lists them. */
  labIds: readonly string[];
}

export const topics: readonly Topic[] = [
  {
    title: 'CAP and PACELC',
    headings: ['CAP Theorem', 'PACELC Extension', 'Fundamental Trade-offs'],
    blurb: 'During a partition, choose consistency or availability; without one, latency or consistency.',
    labIds: ['cap'],
  },
  {
    title: 'Hash rings and consistent hashing',
    headings: ['Consistent Hashing'],
    blurb: 'Hash keys and nodes onto one ring; adding a node moves only about 1/N of the keys.',
    labIds: ['consistent-hashing'],
  },
  {
    title: 'Partitioning strategies',
    headings: ['Data Partitioning', 'Strategies'],
    blurb: 'Hash mod N, ranges, a ring and a directory on the same keys: balance, range queries, moves, lookups.',
    labIds: ['partitioning'],
  },
  {
    title: 'Hot partitions',
    headings: ['Hot Partition Detection'],
    blurb: 'Skewed keys overload one node; salting, splitting and caching spread the load, at a cost.',
    labIds: ['partitioning'],
  },
  {
    title: 'Replication',
    headings: ['Replication', 'Models'],
    blurb: 'Leader-follower, multi-leader and leaderless replication under failures and lag.',
    labIds: ['leader-follower', 'multi-leader', 'quorums'],
  },
  {
    title: 'Quorums',
    headings: ['Quorum Reads/Writes'],
    blurb: 'N replicas, W writes, R reads: see when W + R > N gives fresh reads and what it costs.',
    labIds: ['quorums', 'pbs'],
  },
  {
    title: 'Consensus',
    headings: ['Consensus Patterns', 'When You Need Consensus', "When You Don't"],
    blurb: 'Leader election and a replicated log that survive crashes and partitions.',
    labIds: ['consensus'],
  },
  {
    title: 'CRDTs',
    headings: ['Distributed Data Structures', 'Counter', 'Set'],
    blurb: 'Counters and sets that merge without coordination and always converge.',
    labIds: ['crdts'],
  },
  {
    title: 'Bloom filters',
    headings: ['Bloom Filters'],
    blurb: '"Probably yes" or "definitely no": false positives against bits per element.',
    labIds: ['bloom-filters'],
  },
  {
    title: 'Distributed locks',
    headings: ['Lock'],
    blurb: 'Leases, fencing tokens, and what goes wrong when a lock holder pauses.',
    labIds: ['locks'],
  },
  {
    title: 'Queues',
    headings: ['Queue'],
    blurb: 'Partitioned queues, at-least-once delivery and idempotent consumers.',
    labIds: ['queues'],
  },
  {
    title: 'Failure handling',
    headings: ['Failure Handling', 'Partial Failure Strategies'],
    blurb: 'Timeouts, retries with backoff, circuit breakers and fallbacks against a slow dependency.',
    labIds: ['failure-handling'],
  },
  {
    title: 'Vector clocks',
    headings: ['Vector Clocks'],
    blurb: 'Track causality across nodes and spot concurrent writes.',
    labIds: ['vector-clocks'],
  },
  {
    title: 'Anti-patterns',
    headings: ['Anti-Patterns'],
    blurb: 'Shared databases, 2PC, trusting clocks: watch each one fail and its fix hold.',
    labIds: ['anti-patterns'],
  },
];

/** The registered labs teaching `topic`: its planned labs in order, then labs whose patterns name it. */
export function labsForTopic(topic: Topic, labs: readonly LabSpec[]): LabSpec[] {
  const headings = new Set(topic.headings.map((h) => h.toLowerCase()));
  const planned = topic.labIds.flatMap((id) => labs.filter((lab) => lab.id === id));
  const byPattern = labs.filter((lab) => !planned.includes(lab) && lab.patterns.some((p) => headings.has(p.toLowerCase())));
  return [...planned, ...byPattern];
}

/** What a topic's card shows: its link (the first lab teaching it), the topic's own blurb, and the other labs. */
export interface TopicCard {
  topic: Topic;
  lab: LabSpec | undefined;
  more: LabSpec[];
  /** The topic's blurb: two topics taught by one lab (partitioning strategies, hot partitions) say different things. */
  blurb: string;
}

export function topicCards(labs: readonly LabSpec[]): TopicCard[] {
  return topics.map((topic) => {
    const [lab, ...more] = labsForTopic(topic, labs);
    return { topic, lab, more, blurb: topic.blurb };
  });
}

/** Registered labs no topic points to (still listed, so nothing registered is unreachable). */
export function otherLabs(labs: readonly LabSpec[]): LabSpec[] {
  const covered = new Set(topics.flatMap((t) => labsForTopic(t, labs)));
  return labs.filter((lab) => !covered.has(lab));
}
