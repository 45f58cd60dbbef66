/**
 * Scene 2, right half: a saga (Garcia-Molina and Salem, 1987) for the same transfers. The orchestrator o0
 * runs T1 on s0 (debit), T2 on s1 (reserve), T3 on s2 (credit), each a local transaction that commits, and is
 * visible, at once. When step j fails it runs the compensations C(j-1)..C1 in that order: a refund, a
 * release; new transactions, not a rollback. Every step and compensation is retried every RETRY_MS until
 * answered, so the services apply each at most once per transaction (idempotent by transaction id). The
 * orchestrator's saga log survives a crash; it resumes from it at restart.
 */
import type { Actor, NodeContext } from '../../../sim/index';
import type { Msg } from './messages';
import type { TxLedger } from './ledger';
import { DELTAS, START_BALANCES } from './twoPc';
import type { Carded } from './world';

export const RETRY_MS = 100;
const STEPS = 3;

interface SagaEntry {
  failStep: number;
  phase: 'forward' | 'compensating' | 'done' | 'compensated';
  /** forward: the step running; compensating: the compensation running. */
  at: number;
}

export class Orchestrator implements Actor<Msg>, Carded {
  private readonly log: Map<number, SagaEntry>;
  private lastText = '–';
  /** The one retry timer per running saga. */
  private readonly timers = new Map<number, number>();
  constructor(readonly ctx: NodeContext<Msg>, private readonly services: readonly number[], private readonly tpm: number, private readonly ledger: TxLedger) {
    ctx.storage.sagas ??= new Map<number, SagaEntry>();
    this.log = ctx.storage.sagas as Map<number, SagaEntry>;
  }

  onStart(): void {
    if (this.ctx.incarnation === 0) return;
    for (const [tx, e] of this.log) {
      if (e.phase === 'forward' || e.phase === 'compensating') {
        this.ledger.remark(this.ctx.id, `o0 recovers and resumes saga ${tx} from its log`);
        this.issue(tx, e);
      }
    }
  }

  private issue(tx: number, e: SagaEntry, retry = false): void {
    if (retry) this.ledger.sagaRetry(e.phase === 'compensating');
    if (e.phase === 'forward') this.ctx.send(this.services[e.at], { k: 'step', tx, step: e.at, fail: e.at === e.failStep });
    else if (e.phase === 'compensating') this.ctx.send(this.services[e.at], { k: 'comp', tx, step: e.at });
    else return;
    const old = this.timers.get(tx);
    if (old !== undefined) this.ctx.cancelTimer(old);
    this.timers.set(tx, this.ctx.setTimer(RETRY_MS * this.tpm, tx));
  }

  onMessage(_from: number, m: Msg): void {
    if (m.k === 'begin') {
      const e: SagaEntry = { failStep: m.failStep, phase: 'forward', at: 0 };
      this.log.set(m.tx, e);
      this.ledger.sagaBegin(m.tx);
      this.lastText = `saga ${m.tx}: T1`;
      return this.issue(m.tx, e);
    }
    if (m.k !== 'stepReply' && m.k !== 'compReply') return;
    const e = this.log.get(m.tx);
    if (!e) return;
    if (m.k === 'stepReply' && e.phase === 'forward' && m.step === e.at) {
      if (m.ok) {
        e.at++;
        if (e.at === STEPS) return this.end(m.tx, e, 'done');
      } else {
        e.phase = 'compensating';
        e.at = m.step - 1;
        this.ledger.remark(this.ctx.id, `T${m.step + 1} of saga ${m.tx} failed: o0 compensates ${m.step === 0 ? 'nothing' : Array.from({ length: m.step }, (_, i) => `C${m.step - i}`).join(', ')}`);
        if (e.at < 0) return this.end(m.tx, e, 'compensated');
      }
      this.lastText = `saga ${m.tx}: ${e.phase === 'forward' ? 'T' : 'C'}${e.at + 1}`;
      this.issue(m.tx, e);
    } else if (m.k === 'compReply' && e.phase === 'compensating' && m.step === e.at) {
      e.at--;
      if (e.at < 0) return this.end(m.tx, e, 'compensated');
      this.lastText = `saga ${m.tx}: C${e.at + 1}`;
      this.issue(m.tx, e);
    }
  }

  private end(tx: number, e: SagaEntry, phase: 'done' | 'compensated'): void {
    e.phase = phase;
    const old = this.timers.get(tx);
    if (old !== undefined) this.ctx.cancelTimer(old);
    this.timers.delete(tx);
    this.lastText = `saga ${tx} ${phase}`;
    this.ledger.sagaEnd(tx, phase);
  }

  onTimer(tx: number): void {
    const e = this.log.get(tx);
    if (e) this.issue(tx, e, true);
  }

  card(field: string): number | string {
    if (field === 'role') return 'orchestrator';
    if (field === 'state') return this.lastText;
    if (field === 'lock') return 'no locks';
    return '';
  }
}

interface ServiceDisk {
  balance: number;
  /** Local transactions committed (steps and compensations alike: a compensation is one more, not an erasure). */
  version: number;
  /** Per transaction: 'T' applied, 'C' compensated, 'failed' (the local transaction aborted). */
  done: Map<number, 'T' | 'C' | 'failed'>;
}

export class SagaService implements Actor<Msg>, Carded {
  private readonly disk: ServiceDisk;
  constructor(readonly ctx: NodeContext<Msg>, readonly index: number, private readonly ledger: TxLedger) {
    ctx.storage.disk ??= { balance: START_BALANCES[index], version: 0, done: new Map() };
    this.disk = ctx.storage.disk as ServiceDisk;
  }

  onMessage(from: number, m: Msg): void {
    if (m.k === 'step') {
      const had = this.disk.done.get(m.tx);
      if (had === undefined) {
        if (m.fail) this.disk.done.set(m.tx, 'failed');
        else {
          this.disk.done.set(m.tx, 'T');
          this.disk.balance += DELTAS[this.index];
          this.disk.version++;
          this.ledger.sagaStep(this.index, m.tx, 'T');
        }
      }
      const ok = this.disk.done.get(m.tx) !== 'failed';
      this.ctx.send(from, { k: 'stepReply', tx: m.tx, step: m.step, ok });
    } else if (m.k === 'comp') {
      if (this.disk.done.get(m.tx) === 'T') {
        // A semantic undo: a new local transaction (a refund, a release), applied once however often asked.
        this.disk.done.set(m.tx, 'C');
        this.disk.balance -= DELTAS[this.index];
        this.disk.version++;
        this.ledger.sagaStep(this.index, m.tx, 'C');
      }
      this.ctx.send(from, { k: 'compReply', tx: m.tx, step: m.step });
    } else if (m.k === 'read') {
      this.ledger.sagaRead();
      this.ctx.send(from, { k: 'readReply', id: m.id, balance: this.disk.balance });
    }
  }

  card(field: string): number | string {
    if (field === 'role') return 'service';
    if (field === 'state') return `row ${this.disk.balance} (v${this.disk.version})`;
    if (field === 'lock') return 'no lock';
    if (field === 'waiting') return 0;
    return '';
  }
}

/** c0: starts transfer k every periodTicks on both sides; r0: reads p0 and s0 every readTicks. */
export class TxClient implements Actor<Msg>, Carded {
  private tx = 0;
  private reads = 0;
  constructor(readonly ctx: NodeContext<Msg>, private readonly o: { periodTicks: number; readTicks: number; failEvery: number; targets: readonly number[]; isReader: boolean }) {}

  onStart(): void {
    this.ctx.setTimer(this.o.isReader ? this.o.readTicks : this.o.periodTicks, 0);
  }

  onTimer(): void {
    if (this.o.isReader) {
      this.reads++;
      for (const t of this.o.targets) this.ctx.send(t, { k: 'read', id: this.reads });
      this.ctx.setTimer(this.o.readTicks, 0);
    } else {
      this.tx++;
      const failStep = this.o.failEvery > 0 && this.tx % this.o.failEvery === 0 ? 1 : -1;
      for (const t of this.o.targets) this.ctx.send(t, { k: 'begin', tx: this.tx, failStep });
      this.ctx.setTimer(this.o.periodTicks, 0);
    }
  }

  onMessage(): void {}

  card(field: string): number | string {
    if (field === 'role') return this.o.isReader ? 'reader' : 'client';
    if (field === 'state') return this.o.isReader ? `${this.reads} reads` : this.tx > 0 ? `T${this.tx} begun` : '–';
    return '';
  }
}
