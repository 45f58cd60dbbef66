/**
 * Staleness of reads in a single-register history (Bailis et al., "Probabilistically Bounded Staleness"):
 *
 *   k-staleness   how many versions behind the read was: the number of writes that had completed before the
 *                 read was called and that are newer than the version it returned (0 = fresh);
 *   t-visibility  for a stale read, how long after the oldest write it missed had completed the read was
 *                 still called without seeing it (read.call - missed.ret, in the history's time unit).
 *
 *   w(1) |--|                 versions by completion: w(1), w(2), w(3)
 *   w(2)      |--|
 *   w(3)          |--|
 *   r()->1              |--|  k = 2 (w(2), w(3) missed), t = r.call - w(2).ret
 *
 * Versions are ordered by the writes' completion times (ties: call, then id), which is the order any
 * linearization of non-overlapping writes has. Values are assumed unique per write (as in the generated and
 * lab histories); with duplicates, a read is credited to the latest write of its value that started before
 * it returned (the kindest reading). A read of a value no write wrote is counted as unexplained. A
 * successful cas counts as a write of its `to`. Only completed reads with a known result are measured.
 */
import { isUnknown, type CheckOp } from './model';
import type { RegisterInput, RegisterOutput, RegisterValue } from './models/register';

export interface ReadStaleness {
  /** The read's id. */
  op: number;
  /** Versions behind (>= 1 here: only stale reads are listed). */
  k: number;
  /** read.call - ret of the oldest write it missed. */
  t: number;
  /** The id of that oldest missed write. */
  missed: number;
}

export interface StalenessReport {
  reads: number;
  staleReads: number;
  /** kCounts[k] = reads k versions behind (kCounts[0] = fresh reads). */
  kCounts: number[];
  kMax: number;
  tVisibilityMax: number;
  /** Every stale read, in id order. */
  stale: ReadStaleness[];
  /** Reads whose value no write (and not the initial value) explains. */
  unexplained: number[];
}

interface Version {
  id: number;
  call: number;
  ret: number;
  value: RegisterValue;
}

export function registerStaleness(history: readonly CheckOp<RegisterInput, RegisterOutput>[], initial: RegisterValue = null): StalenessReport {
  const versions: Version[] = [];
  const unknownValues = new Set<RegisterValue>();
  history.forEach((op, position) => {
    if (op.status === 'fail') return;
    const id = op.index ?? position;
    const written = op.input.f === 'write' ? op.input.value : op.input.f === 'cas' && op.output === true ? op.input.to : undefined;
    if (op.input.f === 'cas' && isUnknown(op)) unknownValues.add(op.input.to);
    if (written === undefined) return;
    if (isUnknown(op)) unknownValues.add(written);
    else versions.push({ id, call: op.call, ret: op.ret, value: written });
  });
  versions.sort((a, b) => a.ret - b.ret || a.call - b.call || a.id - b.id);
  const positionsByValue = new Map<RegisterValue, number[]>();
  versions.forEach((v, i) => {
    const list = positionsByValue.get(v.value);
    if (list) list.push(i);
    else positionsByValue.set(v.value, [i]);
  });

  const report: StalenessReport = { reads: 0, staleReads: 0, kCounts: [], kMax: 0, tVisibilityMax: 0, stale: [], unexplained: [] };
  history.forEach((op, position) => {
    if (op.input.f !== 'read' || op.status === 'fail' || isUnknown(op)) return;
    const id = op.index ?? position;
    const value = (op.output === undefined ? null : op.output) as RegisterValue;
    report.reads++;
    // Writes completed before the read was called: versions[0..committed).
    const committed = countBelow(versions, op.call);
    let source: number;
    const candidates = (positionsByValue.get(value) ?? []).filter((i) => versions[i].call <= op.ret);
    if (candidates.length > 0) source = candidates[candidates.length - 1];
    else if (value === initial) source = -1;
    else if (unknownValues.has(value)) source = committed; // a write of unknown outcome: not behind anything
    else {
      report.unexplained.push(id);
      return;
    }
    const k = Math.max(0, committed - 1 - source);
    report.kCounts[k] = (report.kCounts[k] ?? 0) + 1;
    if (k === 0) return;
    const missed = versions[source + 1];
    const t = op.call - missed.ret;
    report.staleReads++;
    report.kMax = Math.max(report.kMax, k);
    report.tVisibilityMax = Math.max(report.tVisibilityMax, t);
    report.stale.push({ op: id, k, t, missed: missed.id });
  });
  for (let k = 0; k < report.kCounts.length; k++) report.kCounts[k] ??= 0;
  report.stale.sort((a, b) => a.op - b.op);
  return report;
}

/** Number of versions with ret < time (versions sorted by ret). */
function countBelow(versions: readonly Version[], time: number): number {
  let lo = 0;
  let hi = versions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (versions[mid].ret < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
