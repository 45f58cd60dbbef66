/**
 * One store run (src/sim/kit/leaderless/store.ts) summed up for the CAP/PACELC comparison: totals, the
 * majority and minority sides during cuts (./cuts.ts), availability over time per side, lost writes and
 * the latency distributions. Pure; every loop is over the run's requests.
 */
import { resultProse } from '../../../core/checkers';
import { OpKind, RequestStatus } from '../../../sim/kit/codes';
import type { StoreRequestColumns } from '../../../sim/kit/leaderless/codes';
import type { StoreOutcome, StoreSpec } from '../../../sim/kit/leaderless/store';
import type { Mode, RunSummary, SideCounts } from '../result';
import { Side, sideAt, type CutEpochs } from './cuts';

export interface MeasureInput {
  mode: Mode;
  isCut: boolean;
  /** The mode's store spec, and its run. */
  spec: StoreSpec;
  run: StoreOutcome;
  /** The cuts the run made (none in PACELC's E runs). */
  epochs: CutEpochs;
  binMs: number;
  bins: number;
}

export function measure(input: MeasureInput): RunSummary {
  const { run, spec, epochs } = input;
  const q = run.requests;
  const count = q.kind.length;
  const sides: [SideCounts, SideCounts] = [emptySide(), emptySide()];
  const invoked = [new Float64Array(input.bins), new Float64Array(input.bins)];
  const served = [new Float64Array(input.bins), new Float64Array(input.bins)];
  const readLatency: number[] = [];
  const writeLatency: number[] = [];
  let readsOk = 0;
  let writesOk = 0;
  for (let i = 0; i < count; i++) {
    const isOk = q.status[i] === RequestStatus.ok;
    const isWrite = q.kind[i] === OpKind.write;
    const at = sideAt(epochs, q.coordinator[i], q.callMs[i]);
    const s = at === Side.minority ? 1 : 0;
    const bin = Math.min(input.bins - 1, Math.floor(q.callMs[i] / input.binMs));
    invoked[s][bin]++;
    if (isOk) served[s][bin]++;
    if (isOk) {
      (isWrite ? writeLatency : readLatency).push(q.retMs[i] - q.callMs[i]);
      if (isWrite) writesOk++;
      else readsOk++;
    }
    if (at !== Side.whole) {
      const c = sides[s];
      c.requests++;
      if (isOk) c.ok++;
      if (q.isStale[i]) c.staleReads++;
      if (isOk && isWrite) c.writesOk++;
    }
  }
  const m = run.metrics;
  return {
    mode: input.mode,
    isCut: input.isCut,
    n: spec.n,
    w: spec.w,
    r: spec.r,
    writeBack: spec.writeBack,
    sloppyQuorum: spec.sloppyQuorum,
    traceHash: run.traceHash,
    verdict: run.checked.check.verdict,
    verdictProse: resultProse(run.checked.check),
    ops: m.ops,
    ok: m.ok,
    failed: m.failed,
    timeouts: m.timeouts,
    reads: m.reads,
    readsOk,
    writesOk,
    staleReads: m.staleReads,
    lostWrites: lostWrites(q),
    sides,
    availabilityMajority: ratio(served[0], invoked[0]),
    availabilityMinority: ratio(served[1], invoked[1]),
    readLatencyMs: Float64Array.from(readLatency).sort(),
    writeLatencyMs: Float64Array.from(writeLatency).sort(),
    endMs: run.endMs,
  };
}

function emptySide(): SideCounts {
  return { requests: 0, ok: 0, staleReads: 0, writesOk: 0 };
}

function ratio(num: Float64Array, den: Float64Array): Float64Array {
  return num.map((x, k) => (den[k] > 0 ? x / den[k] : NaN));
}

/**
 * Lost writes: an ok write w is lost when some ok write x has a higher version (so x's value replaces
 * w's wherever both meet) although x returned before w was invoked: the register keeps the older write.
 * With strict quorums (W + R > N, no sloppy quorum) this never happens: w's query quorum meets x's store
 * quorum, so w picks a higher version. Across a cut it does, when the two sides count versions apart.
 * (A run can be linearizable and still lose a write, when no later read happens to observe the order.)
 *
 *   side A:  x = write(7) version (5, w7) ok |
 *   side B:                                  | w = write(9) version (3, w9) ok    -> after heal: 7 wins, 9 is lost
 *
 * Method: ok writes sorted by return time, a running maximum of their versions, and for each w a binary
 * search for the writes that returned before it was invoked.
 */
export function lostWrites(q: StoreRequestColumns): number {
  const writes: number[] = [];
  for (let i = 0; i < q.kind.length; i++) if (q.kind[i] === OpKind.write && q.status[i] === RequestStatus.ok) writes.push(i);
  const byRet = [...writes].sort((a, b) => q.retMs[a] - q.retMs[b] || a - b);
  const maxVersion = new Float64Array(byRet.length);
  byRet.forEach((op, k) => (maxVersion[k] = Math.max(k > 0 ? maxVersion[k - 1] : -1, q.version[op])));
  let lost = 0;
  for (const w of writes) {
    // Writes that returned strictly before w was invoked: the first `lo` of byRet.
    let lo = 0;
    let hi = byRet.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (q.retMs[byRet[mid]] < q.callMs[w]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && maxVersion[lo - 1] > q.version[w]) lost++;
  }
  return lost;
}

