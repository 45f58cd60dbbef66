/**
 * The safety monitor: Raft's five invariants (paper, Figure 3) checked as the run goes, at O(1) per entry
 * touched, from ghost state no server can see (raft-and-locks note §2):
 *
 *   leaderOf[term]   who led each term                      Election Safety, on every become-leader
 *   C[i]             the first entry committed at i (its prefix hash, term, value, who, in which term)
 *   applied[i]       the first entry applied at i           State Machine Safety, on apply and commit
 *   seen[(i, term)]  the prefix hash first stored there     Log Matching, on every append
 *
 * Leader Completeness: a server becoming leader of term t must hold, with the same prefix hash, the
 * highest entry committed by a leader of an earlier term. Leader Append-Only: a leader never truncates.
 * The host tells the monitor what changed (through the methods below, right after the change, or before a
 * truncation) and stamps what comes back; the first invariant finding is kept in `violation`, alarms in
 * `alarms` (see ./finding.ts).
 */
import { finding, entryProse, type EntryRef, type Finding } from './finding';
import { hashAt, lastIndex, termAt, type RaftLog } from './log';

/** Alarms kept (the first ones: later ones are usually consequences). */
export const ALARMS_MAX = 32;

const TERM_SPAN = 2 ** 24;

export class SafetyMonitor {
  /** The first invariant finding, once there is one. */
  violation: Finding | undefined = undefined;
  readonly alarms: Finding[] = [];
  private readonly logs: RaftLog[] = [];
  private readonly leaderOf = new Map<number, number>();
  private readonly cHash: number[] = [];
  private readonly cTerm: number[] = [];
  private readonly cValue: number[] = [];
  private readonly cServer: number[] = [];
  /** Highest index committed by a leader (or its follower) in each term. */
  private readonly committedByTerm = new Map<number, number>();
  private readonly appliedHash: number[] = [];
  private readonly appliedServer: number[] = [];
  private readonly seen = new Map<number, number>();
  private readonly seenServer = new Map<number, number>();
  private readonly termOf: number[] = [];
  private readonly voteTerm: number[] = [];
  private readonly voteFor: number[] = [];

  /** Registers server `server`'s log (the same object for its whole life: it is on its disk). */
  attach(server: number, log: RaftLog): void {
    this.logs[server] = log;
    this.termOf[server] ??= 0;
    this.voteTerm[server] ??= -1;
    this.voteFor[server] ??= -1;
  }

  /** Highest committed index so far (the ghost C table's length). */
  get committedLength(): number {
    return this.cHash.length;
  }

  leader(server: number, term: number): Finding | undefined {
    const other = this.leaderOf.get(term);
    if (other !== undefined && other !== server) {
      return this.report(finding('electionSafety', [other, server], [], term, `s${other} and s${server} both became leader of term ${term}.`));
    }
    this.leaderOf.set(term, server);
    return this.checkCompleteness(server, term);
  }

  term(server: number, term: number): Finding | undefined {
    const before = this.termOf[server] ?? 0;
    this.termOf[server] = term;
    if (term >= before) return undefined;
    return this.report(finding('termFell', [server], [], term, `s${server}'s currentTerm fell from ${before} to ${term}.`));
  }

  vote(server: number, term: number, candidate: number): Finding | undefined {
    const earlier = this.voteTerm[server] === term ? this.voteFor[server] : -1;
    this.voteTerm[server] = term;
    this.voteFor[server] = candidate;
    if (earlier === -1 || earlier === candidate) return undefined;
    return this.report(finding('voteChanged', [server, earlier, candidate], [], term, `s${server} voted for s${earlier} and then for s${candidate} in term ${term}.`));
  }

  /** Entry `index` was just appended to `server`'s log. */
  appended(server: number, index: number): Finding | undefined {
    const log = this.logs[server];
    const term = termAt(log, index);
    const hash = hashAt(log, index);
    const key = index * TERM_SPAN + term;
    const known = this.seen.get(key);
    if (known === undefined) {
      this.seen.set(key, hash);
      this.seenServer.set(key, server);
    } else if (known !== hash) {
      return this.report(this.mismatch(this.seenServer.get(key)!, server, index, term));
    }
    if (index > 1 && term < termAt(log, index - 1)) {
      return this.report(finding('termsDecrease', [server], [ref(log, server, index - 1), ref(log, server, index)], term,
        `s${server} appended term ${term} after term ${termAt(log, index - 1)} at index ${index}.`));
    }
    return undefined;
  }

  /** `server` is about to delete entry `from` and all after it. */
  truncating(server: number, from: number, isLeader: boolean): Finding | undefined {
    const log = this.logs[server];
    if (from > lastIndex(log)) return undefined;
    if (isLeader) {
      return this.report(finding('leaderAppendOnly', [server], [ref(log, server, from)], termAt(log, from),
        `s${server} deleted its ${entryProse(ref(log, server, from))} and what followed while leading.`));
    }
    if (from <= this.cHash.length && hashAt(log, from) === this.cHash[from - 1]) {
      return this.report(finding('committedEntryDeleted', [server], [ref(log, server, from)], termAt(log, from),
        `s${server} deleted the committed ${entryProse(ref(log, server, from))}.`));
    }
    return undefined;
  }

  /** `server`'s commitIndex went from `from` to `to` while in `term`. */
  committed(server: number, from: number, to: number, term: number): Finding | undefined {
    const log = this.logs[server];
    for (let i = from + 1; i <= to; i++) {
      const hash = hashAt(log, i);
      if (i <= this.cHash.length) {
        if (this.cHash[i - 1] !== hash) return this.report(this.conflict(server, i, 'committed'));
        continue;
      }
      this.cHash.push(hash);
      this.cTerm.push(termAt(log, i));
      this.cValue.push(log.values[i - 1]);
      this.cServer.push(server);
    }
    if (to > (this.committedByTerm.get(term) ?? 0)) this.committedByTerm.set(term, to);
    return undefined;
  }

  /** `server` applied entry `index` to its state machine. */
  applied(server: number, index: number): Finding | undefined {
    const hash = hashAt(this.logs[server], index);
    const first = this.appliedHash[index - 1];
    if (first === undefined) {
      this.appliedHash[index - 1] = hash;
      this.appliedServer[index - 1] = server;
      return undefined;
    }
    if (first === hash) return undefined;
    const other = this.appliedServer[index - 1];
    const theirs = this.logs[other];
    const entries = [ref(this.logs[server], server, index)];
    if (hashAt(theirs, index) === first) entries.unshift(ref(theirs, other, index));
    return this.report(finding('stateMachineSafety', [other, server], entries, termAt(this.logs[server], index),
      `s${other} and s${server} applied different entries at index ${index}.`));
  }

  private checkCompleteness(server: number, term: number): Finding | undefined {
    let cmax = 0;
    for (const [t, index] of this.committedByTerm) if (t < term && index > cmax) cmax = index;
    const log = this.logs[server];
    if (cmax === 0 || hashAt(log, cmax) === this.cHash[cmax - 1]) return undefined;
    let i = 1;
    while (i < cmax && hashAt(log, i) === this.cHash[i - 1]) i++;
    const missing: EntryRef = { server: this.cServer[i - 1], index: i, term: this.cTerm[i - 1], value: this.cValue[i - 1] };
    const entries = [missing];
    if (i <= lastIndex(log)) entries.push(ref(log, server, i));
    const has = i <= lastIndex(log) ? `holds ${entryProse(ref(log, server, i))} there instead` : `its log ends at ${lastIndex(log)}`;
    return this.report(finding('leaderCompleteness', [server, missing.server], entries, term,
      `s${server} became leader of term ${term} without the committed ${entryProse(missing)} (committed by s${missing.server}): it ${has}.`));
  }

  /** Two servers store (index, term) over different prefixes: find where they part. */
  private mismatch(first: number, second: number, index: number, term: number): Finding {
    const a = this.logs[first];
    const b = this.logs[second];
    const entries: EntryRef[] = [];
    let parted = 0;
    for (let i = 1; i <= Math.min(index, lastIndex(a), lastIndex(b)); i++) {
      if (hashAt(a, i) !== hashAt(b, i)) {
        parted = i;
        entries.push(ref(a, first, i), ref(b, second, i));
        break;
      }
    }
    const where = parted > 0 ? `: they differ at index ${parted}` : ' (the first holder has since changed its log)';
    return finding('logMatching', [first, second], entries, term, `s${first} and s${second} both hold an entry of term ${term} at index ${index} over different logs${where}.`);
  }

  private conflict(server: number, index: number, verb: string): Finding {
    const log = this.logs[server];
    const first: EntryRef = { server: this.cServer[index - 1], index, term: this.cTerm[index - 1], value: this.cValue[index - 1] };
    return finding('stateMachineSafety', [first.server, server], [first, ref(log, server, index)], termAt(log, index),
      `s${first.server} ${verb} ${entryProse(first)} but s${server} ${verb} ${entryProse(ref(log, server, index))} at the same index.`);
  }

  private report(f: Finding): Finding {
    if (f.isInvariant) this.violation ??= f;
    else if (this.alarms.length < ALARMS_MAX) this.alarms.push(f);
    return f;
  }
}

function ref(log: RaftLog, server: number, index: number): EntryRef {
  return { server, index, term: termAt(log, index), value: index >= 1 && index <= lastIndex(log) ? log.values[index - 1] : 0 };
}
