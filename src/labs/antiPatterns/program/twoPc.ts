/**
 * Scene 2, left half: two-phase commit. The client c0 starts transfer T<k> every txPeriodMs; the coordinator
 * t0 sends PREPARE to p0 (debit 10), p1 (reserve 1) and p2 (credit 10).
 *
 *   participant   on PREPARE: votes NO and aborts alone (it may: it has promised nothing), or takes its row
 *                 lock (waiting in line behind the holder), forces a prepared record and votes YES. Prepared,
 *                 it keeps the lock and waits for the verdict: it never decides alone, it asks t0 every
 *                 STATUS_MS. Reads of its row wait behind the lock. A crash keeps the prepared record (and so
 *                 the lock, taken again at restart).
 *   coordinator   all YES: logs COMMIT; any NO or a vote missing after VOTE_TIMEOUT_MS: logs ABORT; sends the
 *                 verdict logMs after logging it (the force); resends it until every participant acks. At
 *                 restart it resends every logged verdict not yet acked; a transaction it has no record of is
 *                 aborted (presumed abort).
 *
 * Worked timeline (the coordinator-crash preset): T4 prepared everywhere; t0 logs COMMIT and crashes before
 * sending; p0..p2 hold their locks (the reader's reads wait behind them) until t0 recovers and resends
 * COMMIT; then they commit, release, and the line drains.
 */
import type { Actor, NodeContext } from '../../../sim/index';
import type { Msg } from './messages';
import type { TxLedger } from './ledger';
import { type Carded } from './world';

export const STATUS_MS = 100;
export const VOTE_TIMEOUT_MS = 300;
export const RESEND_MS = 100;
/** What each participant's row changes by when a transfer commits (p0/s0 debit, p1/s1 reserve, p2/s2 credit). */
export const DELTAS = [-10, -1, 10] as const;
export const START_BALANCES = [1000, 100, 0] as const;

type Decision = 'commit' | 'abort';
const DECIDE_TAG = 1_000_000;
const RESEND_TAG = 2_000_000;

interface CoordDisk {
  log: Map<number, Decision>;
  done: Set<number>;
}

export class Coordinator implements Actor<Msg>, Carded {
  private readonly disk: CoordDisk;
  private readonly votes = new Map<number, Set<number>>();
  private readonly acks = new Map<number, Set<number>>();
  private readonly timers = new Map<number, number>();
  private lastText = '–';
  constructor(readonly ctx: NodeContext<Msg>, private readonly parts: readonly number[], private readonly logTicks: number, private readonly tpm: number, private readonly ledger: TxLedger) {
    ctx.storage.disk ??= { log: new Map(), done: new Set() };
    this.disk = ctx.storage.disk as CoordDisk;
  }

  onStart(): void {
    if (this.ctx.incarnation === 0) return;
    for (const [tx, d] of this.disk.log) {
      if (this.disk.done.has(tx)) continue;
      this.ledger.remark(this.ctx.id, `t0 recovers and reads ${d.toUpperCase()} T${tx} in its log: it sends it again`);
      this.send(tx, d);
    }
  }

  onMessage(from: number, m: Msg): void {
    if (m.k === 'begin') {
      this.votes.set(m.tx, new Set());
      this.ledger.begin(m.tx);
      this.parts.forEach((p, i) => this.ctx.send(p, { k: 'prepare', tx: m.tx, no: i === m.failStep }));
      this.timers.set(m.tx, this.ctx.setTimer(VOTE_TIMEOUT_MS * this.tpm, m.tx));
      this.lastText = `T${m.tx} preparing`;
    } else if (m.k === 'vote') {
      const logged = this.disk.log.get(m.tx);
      if (logged) return this.ctx.send(from, { k: logged, tx: m.tx });
      const v = this.votes.get(m.tx);
      if (!v) return;
      if (!m.yes) return this.decide(m.tx, 'abort');
      v.add(from);
      if (v.size === this.parts.length) this.decide(m.tx, 'commit');
    } else if (m.k === 'ack') {
      const a = this.acks.get(m.tx) ?? new Set<number>();
      a.add(from);
      this.acks.set(m.tx, a);
      if (a.size === this.parts.length && this.disk.log.has(m.tx)) {
        this.disk.done.add(m.tx);
        this.lastText = `T${m.tx} done`;
      }
    } else if (m.k === 'status') {
      const logged = this.disk.log.get(m.tx);
      if (logged) this.ctx.send(from, { k: logged, tx: m.tx });
      else if (!this.votes.has(m.tx)) {
        // No record and not collecting votes: the transaction began before a crash. Presumed abort.
        this.decide(m.tx, 'abort');
      }
    }
  }

  private decide(tx: number, d: Decision): void {
    if (this.disk.log.has(tx)) return;
    this.disk.log.set(tx, d);
    this.votes.delete(tx);
    const t = this.timers.get(tx);
    if (t !== undefined) this.ctx.cancelTimer(t);
    this.ledger.decided(tx, d);
    this.ledger.remark(this.ctx.id, `t0 logs ${d.toUpperCase()} T${tx}; it sends it once the log force is done`);
    this.lastText = `T${tx} ${d.toUpperCase()} logged`;
    this.ctx.setTimer(this.logTicks, DECIDE_TAG + tx);
  }

  private send(tx: number, d: Decision): void {
    for (const p of this.parts) if (!this.acks.get(tx)?.has(p)) this.ctx.send(p, { k: d, tx });
    this.ctx.setTimer(RESEND_MS * this.tpm, RESEND_TAG + tx);
  }

  onTimer(tag: number): void {
    if (tag >= RESEND_TAG) {
      const tx = tag - RESEND_TAG;
      const d = this.disk.log.get(tx);
      if (d && !this.disk.done.has(tx)) this.send(tx, d);
    } else if (tag >= DECIDE_TAG) {
      const tx = tag - DECIDE_TAG;
      this.send(tx, this.disk.log.get(tx)!);
      this.lastText = `T${tx} ${this.disk.log.get(tx)!.toUpperCase()} sent`;
    } else if (this.votes.has(tag)) {
      this.decide(tag, 'abort');
    }
  }

  card(field: string): number | string {
    if (field === 'role') return 'transaction coordinator';
    if (field === 'state') return this.lastText;
    if (field === 'lock') return `${this.disk.log.size} logged`;
    return '';
  }
}

interface PartDisk {
  balance: number;
  prepared: Set<number>;
  outcome: Map<number, Decision>;
}

type Waiter = { k: 'prepare'; tx: number; from: number } | { k: 'read'; id: number; from: number; tick: number };

export class Participant implements Actor<Msg>, Carded {
  private readonly disk: PartDisk;
  private holder = 0;
  private holderSince = 0;
  private readonly line: Waiter[] = [];
  constructor(readonly ctx: NodeContext<Msg>, readonly index: number, private readonly coordinator: number, private readonly tpm: number, private readonly ledger: TxLedger) {
    ctx.storage.disk ??= { balance: START_BALANCES[index], prepared: new Set(), outcome: new Map() };
    this.disk = ctx.storage.disk as PartDisk;
  }

  onStart(): void {
    for (const tx of this.disk.prepared) {
      // A prepared record outlives a crash: the lock is taken again and the verdict asked for.
      this.take(tx);
      this.ctx.setTimer(STATUS_MS * this.tpm, tx);
    }
  }

  private take(tx: number): void {
    this.holder = tx;
    this.holderSince = this.ctx.now();
  }

  onMessage(from: number, m: Msg): void {
    if (m.k === 'prepare') return this.prepare(m.tx, m.no, from);
    if (m.k === 'commit' || m.k === 'abort') return this.verdict(m.tx, m.k, from);
    if (m.k === 'read') {
      if (this.holder !== 0) {
        this.line.push({ k: 'read', id: m.id, from, tick: this.ctx.now() });
        this.ledger.blockedRead();
      } else this.ctx.send(from, { k: 'readReply', id: m.id, balance: this.disk.balance });
    }
  }

  private prepare(tx: number, no: boolean, from: number): void {
    if (this.disk.outcome.has(tx) || this.disk.prepared.has(tx)) {
      if (this.disk.prepared.has(tx)) this.ctx.send(from, { k: 'vote', tx, yes: true });
      else this.ctx.send(from, { k: 'vote', tx, yes: false });
      return;
    }
    if (no) {
      this.disk.outcome.set(tx, 'abort');
      this.ledger.applied(this.index, tx, 'abort', false);
      this.ctx.send(from, { k: 'vote', tx, yes: false });
      return;
    }
    if (this.holder !== 0) {
      if (!this.line.some((w) => w.k === 'prepare' && w.tx === tx)) {
        this.line.push({ k: 'prepare', tx, from });
        this.ledger.blockedTx(this.index, tx);
      }
      return;
    }
    this.take(tx);
    this.disk.prepared.add(tx);
    this.ctx.send(from, { k: 'vote', tx, yes: true });
    this.ctx.setTimer(STATUS_MS * this.tpm, tx);
  }

  private verdict(tx: number, d: Decision, from: number): void {
    if (this.disk.prepared.has(tx)) {
      this.disk.prepared.delete(tx);
      this.disk.outcome.set(tx, d);
      if (d === 'commit') this.disk.balance += DELTAS[this.index];
      this.ledger.applied(this.index, tx, d, true);
      this.ledger.lockHeld(this.index, tx, this.holderSince, this.ctx.now());
      this.holder = 0;
      this.drain();
    } else if (!this.disk.outcome.has(tx)) {
      // Aborted before this participant prepared (it was waiting in line): leave the line.
      const i = this.line.findIndex((w) => w.k === 'prepare' && w.tx === tx);
      if (i >= 0) this.line.splice(i, 1);
      this.disk.outcome.set(tx, d);
      this.ledger.applied(this.index, tx, d, false);
    }
    this.ctx.send(from, { k: 'ack', tx });
  }

  /** The lock is free: answer waiting reads, and hand the lock to the next waiting PREPARE. */
  private drain(): void {
    while (this.holder === 0 && this.line.length > 0) {
      const w = this.line.shift()!;
      if (w.k === 'read') {
        this.ledger.readWait((this.ctx.now() - w.tick) / this.tpm);
        this.ctx.send(w.from, { k: 'readReply', id: w.id, balance: this.disk.balance });
      } else this.prepare(w.tx, false, w.from);
    }
  }

  onTimer(tx: number): void {
    if (!this.disk.prepared.has(tx)) return;
    this.ctx.send(this.coordinator, { k: 'status', tx });
    this.ctx.setTimer(STATUS_MS * this.tpm, tx);
  }

  card(field: string): number | string {
    if (field === 'role') return 'participant';
    if (field === 'state') return `row ${this.disk.balance}`;
    if (field === 'lock') return this.holder !== 0 ? `T${this.holder} prepared` : 'free';
    if (field === 'waiting') return this.line.length;
    if (field === 'locked') return this.holder !== 0 ? 'yes' : '';
    return '';
  }
}
