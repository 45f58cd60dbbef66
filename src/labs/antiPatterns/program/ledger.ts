/**
 * The 2PC and saga scene's ghost: transactions as the coordinator logged them and the participants applied
 * them, saga steps as the services committed them, locks held, reads kept waiting, and the invariants,
 * checked at the step they could break:
 *
 *   2pc-atomic         no transaction is committed at one participant and aborted at another;
 *   2pc-no-unilateral  a prepared participant applies only the verdict the coordinator logged (it never decides alone);
 *   saga-outcome       a saga's committed steps are T1..Tk, or T1..Tj-1 then C(j-1)..C1 (a prefix of one while it runs).
 */
import type { TxRow } from '../result';
import type { Observer } from './observer';

type Decision = 'commit' | 'abort';

interface TxState {
  beginTick: number;
  decision: Decision | undefined;
  decidedTick: number;
  applied: (Decision | undefined)[];
  appliedTick: number;
  sagaBeginTick: number;
  saga: string[];
  sagaEnd: 'done' | 'compensated' | undefined;
  sagaEndTick: number;
}

export class TxLedger {
  readonly txs = new Map<number, TxState>();
  readonly holds: { part: number; tx: number; fromTick: number; toTick: number }[] = [];
  blockedTxs = 0;
  blockedReads = 0;
  readonly readWaitsMs: number[] = [];
  sagaReads = 0;
  /** Saga reads at s0 that saw a step of a saga not finished (a debit before its credit or its refund). */
  intermediateReads = 0;
  /** Per intermediate read, the sagas it saw open (to count those later compensated). */
  private readonly openSeen: number[][] = [];
  stepRetries = 0;
  /** Sagas whose T1 is committed at s0, not compensated there, not ended (insertion order). */
  private readonly openAtS0 = new Set<number>();
  compRetries = 0;

  constructor(private readonly obs: Observer, private readonly parts: number) {
    obs.declare('2pc-atomic', 'No 2PC transaction is committed at one participant and aborted at another (atomicity).', 'every transaction had one outcome everywhere');
    obs.declare('2pc-no-unilateral', 'A prepared participant applies only the verdict the coordinator logged: it never decides alone.', 'every prepared participant waited for the logged verdict');
    obs.declare('saga-outcome', 'Each saga commits T1..Tn, or T1..Tj-1 then C(j-1)..C1 (a prefix of one while it runs).', 'every saga\'s steps followed one of the two shapes');
  }

  private tx(tx: number): TxState {
    let t = this.txs.get(tx);
    if (!t) {
      t = { beginTick: NaN, decision: undefined, decidedTick: NaN, applied: Array.from({ length: this.parts }, () => undefined), appliedTick: NaN, sagaBeginTick: NaN, saga: [], sagaEnd: undefined, sagaEndTick: NaN };
      this.txs.set(tx, t);
    }
    return t;
  }

  remark(node: number, text: string): void {
    this.obs.remark(node, text);
  }

  begin(tx: number): void {
    this.tx(tx).beginTick = this.obs.now();
  }

  decided(tx: number, d: Decision): void {
    const t = this.tx(tx);
    t.decision = d;
    t.decidedTick = this.obs.now();
  }

  /** Participant `part` applied `d` to `tx`; `wasPrepared`: it had voted YES (so only the logged verdict may come). */
  applied(part: number, tx: number, d: Decision, wasPrepared: boolean): void {
    const t = this.tx(tx);
    t.applied[part] = d;
    if (wasPrepared && t.decision !== d) this.obs.broke('2pc-no-unilateral', `p${part} applied ${d} to T${tx}, the coordinator logged ${t.decision ?? 'nothing'}`);
    if (t.applied.includes('commit') && t.applied.includes('abort')) this.obs.broke('2pc-atomic', `T${tx}: ${t.applied.map((x, i) => `p${i} ${x ?? '?'}`).join(', ')}`);
    if (t.applied.every((x) => x !== undefined)) t.appliedTick = this.obs.now();
    if (wasPrepared) this.obs.remark(-1, `p${part} ${d === 'commit' ? 'commits' : 'aborts'} T${tx} and releases its lock`);
  }

  lockHeld(part: number, tx: number, fromTick: number, toTick: number): void {
    this.holds.push({ part, tx, fromTick, toTick });
  }

  blockedTx(part: number, tx: number): void {
    this.blockedTxs++;
    this.obs.remark(-1, `PREPARE T${tx} waits at p${part}: the row is locked`);
  }

  blockedRead(): void {
    this.blockedReads++;
  }

  readWait(ms: number): void {
    this.readWaitsMs.push(ms);
  }

  sagaBegin(tx: number): void {
    this.tx(tx).sagaBeginTick = this.obs.now();
  }

  sagaStep(service: number, tx: number, kind: 'T' | 'C'): void {
    const t = this.tx(tx);
    t.saga.push(`${kind}${service + 1}`);
    if (service === 0) {
      if (kind === 'T' && t.sagaEnd === undefined) this.openAtS0.add(tx);
      else this.openAtS0.delete(tx);
    }
    if (!isSagaPrefix(t.saga)) this.obs.broke('saga-outcome', `saga ${tx}: ${t.saga.join(' ')}`);
  }

  sagaEnd(tx: number, end: 'done' | 'compensated'): void {
    const t = this.tx(tx);
    t.sagaEnd = end;
    t.sagaEndTick = this.obs.now();
    this.openAtS0.delete(tx);
    if (!isSagaOutcome(t.saga, end)) this.obs.broke('saga-outcome', `saga ${tx} ended ${end} after ${t.saga.join(' ') || 'nothing'}`);
    this.obs.remark(-1, end === 'done' ? `saga ${tx} done: ${t.saga.join(' ')}` : `saga ${tx} compensated: ${t.saga.join(' ') || 'nothing to undo'}`);
  }

  sagaRetry(compensation: boolean): void {
    if (compensation) this.compRetries++;
    else this.stepRetries++;
  }

  /** A read at s0: which sagas had committed T1 there and not yet ended? */
  sagaRead(): void {
    this.sagaReads++;
    const open = [...this.openAtS0];
    if (open.length > 0) {
      this.intermediateReads++;
      this.openSeen.push(open);
    }
  }

  /** Intermediate reads that saw a debit its saga later refunded. */
  dirtyReads(): number {
    return this.openSeen.filter((open) => open.some((tx) => this.txs.get(tx)!.sagaEnd === 'compensated')).length;
  }

  rows(tpm: number): TxRow[] {
    return [...this.txs].sort((a, b) => a[0] - b[0]).map(([tx, t]) => ({
      tx,
      beginMs: (Number.isNaN(t.beginTick) ? t.sagaBeginTick : t.beginTick) / tpm,
      decision: t.decision ?? 'none',
      decidedMs: t.decidedTick / tpm,
      appliedMs: t.appliedTick / tpm,
      sagaSteps: t.saga.join(' '),
      sagaOutcome: t.sagaEnd ?? 'running',
      sagaEndMs: t.sagaEndTick / tpm,
    }));
  }
}

/** T1..Tk, or T1..Tj then Cj..C1 (j >= 1), possibly unfinished. */
export function isSagaPrefix(steps: readonly string[]): boolean {
  let j = 0;
  while (j < steps.length && steps[j] === `T${j + 1}`) j++;
  for (let i = j; i < steps.length; i++) if (steps[i] !== `C${j - (i - j)}`) return false;
  return true;
}

/** A finished saga: done = T1..Tn (n = 3); compensated = T1..Tj then Cj..C1 complete (j may be 0). */
export function isSagaOutcome(steps: readonly string[], end: 'done' | 'compensated', n = 3): boolean {
  if (!isSagaPrefix(steps)) return false;
  const forward = steps.filter((x) => x.startsWith('T')).length;
  const back = steps.length - forward;
  return end === 'done' ? forward === n && back === 0 : forward < n && back === forward;
}
