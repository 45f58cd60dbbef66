/**
 * Staleness of reads in a single-register history (Bailis et al., "Probabilistically Bounded Staleness"),
 * counted only from what real time proves, so no version order has to be guessed for concurrent writes:
 *
 *   k-staleness   how many versions the read certainly missed: writes that began after the write of the
 *                 returned value had completed, and completed before the read was called (0 = fresh);
 *   t-visibility  for a stale read, how long after the first of those missed writes completed the read was
 *                 still called without seeing it (read.call - missed.ret, in the history's time unit).
 *
 *   w(1) |--|                 r()->1 certainly missed w(2) and w(3): k = 2, t = r.call - w(2).ret
 *   w(2)      |--|
 *   w(3)          |--|
 *   r()->1              |--|
 *
 * A read of the initial value missed every write completed before it. In a linearizable history every
 * read has k = 0 (a certainly missed write would make the read illegal); the converse does not hold.
 * Values are assumed unique per write (as in the generated and lab histories); with duplicates, a read is
 * credited to the write of its value that completed last before it was called, or else that started before
 * it returned (the kindest reading). A read of a value no write wrote is counted as unexplained. A
 * successful cas counts as a write of its `to`; writes of unknown outcome are never "missed". Only
 * completed reads with a known result are measured.
 */
import { isUnknown, type CheckOp } from './model';
import type { RegisterInput, RegisterOutput, RegisterValue } from './models/register';

export interface ReadStaleness {
  /** The read's id. */
  op: number;
  /** Versions behind (>= 1 here: only stale reads are listed). */
  k: number;
  /** read.call - ret of the first missed write to complete. */
  t: number;
  /** The id of that write. */
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
  // By completion time, so "completed before the read was called" is a prefix found by binary search.
  versions.sort((a, b) => a.ret - b.ret || a.call - b.call || a.id - b.id);
  const byValue = new Map<RegisterValue, Version[]>();
  for (const v of versions) {
    const list = byValue.get(v.value);
    if (list) list.push(v);
    else byValue.set(v.value, [v]);
  }

  const report: StalenessReport = { reads: 0, staleReads: 0, kCounts: [], kMax: 0, tVisibilityMax: 0, stale: [], unexplained: [] };
  history.forEach((op, position) => {
    if (op.input.f !== 'read' || op.status === 'fail' || isUnknown(op)) return;
    const id = op.index ?? position;
    const value = (op.output === undefined ? null : op.output) as RegisterValue;
    report.reads++;
    const committed = countBelow(versions, op.call);
    const candidates = (byValue.get(value) ?? []).filter((v) => v.call <= op.ret);
    const before = candidates.filter((v) => v.ret < op.call);
    const source = before.length > 0 ? before[before.length - 1] : candidates[0];
    let sourceRet: number;
    if (source) sourceRet = source.ret;
    else if (value === initial) sourceRet = -Infinity;
    else if (unknownValues.has(value)) sourceRet = Infinity; // a write of unknown outcome: nothing certainly after it
    else {
      report.unexplained.push(id);
      return;
    }
    // Missed: completed before the read was called (versions[0..committed)) and began after the source returned.
    let k = 0;
    let missed: Version | undefined;
    for (let i = 0; i < committed; i++) {
      if (versions[i].call > sourceRet) {
        k++;
        missed ??= versions[i];
      }
    }
    report.kCounts[k] = (report.kCounts[k] ?? 0) + 1;
    if (!missed) return;
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
