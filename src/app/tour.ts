/**
 * The course tour (`#/tour`): the seed's patterns (../shared/seed/distributed-systems.md) in the seed's own
 * order, each with the labs that teach it and every step of their guided lessons, so a teacher can hand out
 * one link for the whole course. It grows as labs land: a heading lists every registered lab whose
 * `patterns` name it or whose topic (./topics.ts) plans it. tour.test.ts checks the outline against the seed.
 */
import type { LabSpec } from '../labs/contract';
import { topics } from './topics';

export interface TourSection {
  /** A `##` heading of the seed. */
  title: string;
  /** Its `###` headings, or for a section made of a table, the table's rows (the topics name them). */
  parts: readonly string[];
}

export const TOUR: readonly TourSection[] = [
  { title: 'Fundamental Trade-offs', parts: ['CAP Theorem', 'PACELC Extension'] },
  { title: 'Data Partitioning', parts: ['Strategies', 'Consistent Hashing', 'Hot Partition Detection'] },
  { title: 'Replication', parts: ['Models', 'Quorum Reads/Writes'] },
  { title: 'Consensus Patterns', parts: ['When You Need Consensus', "When You Don't"] },
  { title: 'Distributed Data Structures', parts: ['Queue', 'Counter', 'Set', 'Lock', 'Bloom Filters'] },
  { title: 'Failure Handling', parts: ['Partial Failure Strategies', 'Vector Clocks'] },
  { title: 'Anti-Patterns', parts: ['Anti-Patterns'] },
];

/** The registered labs that teach `heading`: planned by a topic naming it first, then by their patterns. */
export function labsForHeading(heading: string, labs: readonly LabSpec[]): LabSpec[] {
  const key = heading.toLowerCase();
  const planned = topics.filter((t) => t.headings.some((h) => h.toLowerCase() === key)).flatMap((t) => t.labIds);
  const byId = planned.flatMap((id) => labs.filter((lab) => lab.id === id));
  const byPattern = labs.filter((lab) => lab.patterns.some((p) => p.toLowerCase() === key));
  return [...new Set([...byId, ...byPattern])];
}
