/**
 * The invariant checkers over a sequence of cluster states: each state lists every server's term, vote,
 * role, log, commit index and applied index; consecutive states are compared and the differences fed to
 * the safety monitor (./safety.ts) in the order a server makes them (term, vote, log, role, commit, apply).
 * The program feeds the monitor as it runs instead; this form checks histories written by hand (the
 * paper's Figure 8, a TLA+ trace) and is the monitor's test bench.
 */
import type { Finding } from './finding';
import { appendEntry, emptyLog, lastIndex, truncateFrom, type RaftLog } from './log';
import { Role, type RoleCode } from './persistent';
import { SafetyMonitor } from './safety';

export interface ServerState {
  term: number;
  votedFor: number;
  role: RoleCode;
  /** [term, value] per entry. */
  log: readonly (readonly [number, number])[];
  commitIndex: number;
  lastApplied: number;
}

export interface HistoryVerdict {
  /** The first invariant broken, and the state index where it was seen (-1 when none). */
  violation: Finding | undefined;
  step: number;
  alarms: { step: number; finding: Finding }[];
}

export function checkStates(states: readonly (readonly ServerState[])[]): HistoryVerdict {
  const monitor = new SafetyMonitor();
  const logs: RaftLog[] = [];
  let before: readonly ServerState[] = [];
  const alarms: HistoryVerdict['alarms'] = [];
  for (let step = 0; step < states.length; step++) {
    const now = states[step];
    for (let s = 0; s < now.length; s++) {
      if (!logs[s]) monitor.attach(s, (logs[s] = emptyLog()));
      const found = diffServer(monitor, logs[s], s, before[s], now[s]);
      for (const f of found) if (!f.isInvariant) alarms.push({ step, finding: f });
      const violation = found.find((f) => f.isInvariant);
      if (violation) return { violation, step, alarms };
    }
    before = now;
  }
  return { violation: undefined, step: -1, alarms };
}

function diffServer(m: SafetyMonitor, log: RaftLog, s: number, a: ServerState | undefined, b: ServerState): Finding[] {
  const out: (Finding | undefined)[] = [];
  if (b.term !== (a?.term ?? 0)) out.push(m.term(s, b.term));
  if (b.votedFor !== -1 && (b.votedFor !== a?.votedFor || b.term !== a?.term)) out.push(m.vote(s, b.term, b.votedFor));
  const isLeader = a?.role === Role.leader && a.term === b.term;
  let same = 0;
  while (same < lastIndex(log) && same < b.log.length && log.terms[same] === b.log[same][0] && log.values[same] === b.log[same][1]) same++;
  if (same < lastIndex(log)) {
    out.push(m.truncating(s, same + 1, isLeader));
    truncateFrom(log, same + 1);
  }
  for (let i = same; i < b.log.length; i++) {
    appendEntry(log, b.log[i][0], b.log[i][1]);
    out.push(m.appended(s, i + 1));
  }
  if (b.role === Role.leader && !isLeader) out.push(m.leader(s, b.term));
  const commit = a ? Math.min(a.commitIndex, b.commitIndex) : 0;
  if (b.commitIndex > commit) out.push(m.committed(s, commit, b.commitIndex, b.term));
  const applied = a ? Math.min(a.lastApplied, b.lastApplied) : 0;
  for (let i = applied + 1; i <= b.lastApplied; i++) out.push(m.applied(s, i));
  return out.filter((f): f is Finding => f !== undefined);
}
