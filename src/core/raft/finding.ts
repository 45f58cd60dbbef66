/**
 * What the safety monitor (./safety.ts) reports, as data first (kind, servers, entries) and prose apart,
 * so the UI can point at the servers and entries and a test can compare fields.
 *
 * The five invariants of the Raft paper's Figure 3 stop a run; the alarms are Figure 2 rules whose breach
 * comes before an invariant breaks (a vote changed within a term, a committed entry deleted...) and are
 * recorded beside it, so a student sees the cause before the effect.
 */

export const INVARIANTS = ['electionSafety', 'leaderAppendOnly', 'logMatching', 'leaderCompleteness', 'stateMachineSafety'] as const;
export type Invariant = (typeof INVARIANTS)[number];

export const ALARMS = ['termFell', 'voteChanged', 'committedEntryDeleted', 'termsDecrease'] as const;
export type Alarm = (typeof ALARMS)[number];

export type FindingKind = Invariant | Alarm;

export const FINDING_TITLES: Readonly<Record<FindingKind, string>> = {
  electionSafety: 'Election Safety: at most one leader per term',
  leaderAppendOnly: 'Leader Append-Only: a leader never deletes or overwrites its entries',
  logMatching: 'Log Matching: same index and term means identical logs up to there',
  leaderCompleteness: 'Leader Completeness: a committed entry is in the log of every later leader',
  stateMachineSafety: 'State Machine Safety: no two servers apply different entries at one index',
  termFell: 'currentTerm never falls',
  voteChanged: 'votedFor never changes within a term',
  committedEntryDeleted: 'a committed entry is never deleted',
  termsDecrease: 'terms never fall along a log',
};

/** One entry as some server holds it (value: 0 no-op, > 0 command id, < 0 configuration). */
export interface EntryRef {
  server: number;
  index: number;
  term: number;
  value: number;
}

export interface Finding {
  kind: FindingKind;
  isInvariant: boolean;
  /** The servers involved, in the order the detail names them. */
  servers: number[];
  entries: EntryRef[];
  /** The term the finding is about (the leaders' term, the vote's term...); 0 when none. */
  term: number;
  /** One sentence of what happened, naming servers s0, s1... */
  detail: string;
}

/** A finding stamped with where the run was: the engine step, simulated time and trace position. */
export interface StampedFinding extends Finding {
  step: number;
  tMs: number;
  traceIndex: number;
}

export function isInvariant(kind: FindingKind): kind is Invariant {
  return (INVARIANTS as readonly string[]).includes(kind);
}

export function finding(kind: FindingKind, servers: number[], entries: EntryRef[], term: number, detail: string): Finding {
  return { kind, isInvariant: isInvariant(kind), servers, entries, term, detail };
}

/** "entry 2 (term 3, command 7)" */
export function entryProse(e: EntryRef): string {
  const what = e.value === 0 ? 'no-op' : e.value > 0 ? `command ${e.value}` : 'configuration';
  return `entry ${e.index} (term ${e.term}, ${what})`;
}

/** The finding as a paragraph: its rule, then what happened. */
export function findingProse(f: Finding): string {
  return `${FINDING_TITLES[f.kind]}. ${f.detail}`;
}
