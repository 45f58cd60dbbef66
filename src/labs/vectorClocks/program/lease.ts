/**
 * The lease, as one replica plays it. r0 keeps it and grants it to the other replicas in turn, until an
 * `expiry` read on r0's own clock:
 *
 *   trusting the clocks   the holder holds while its clock reads below expiry; r0 regrants once its clock
 *                         reads expiry (a holder whose clock is behind r0's holds on after r0 has regranted);
 *   bounded uncertainty   the holder stops once its clock reads expiry - ε; r0 waits until its clock reads
 *                         expiry + ε: while every clock is within ±ε of true time, holdings never overlap.
 *
 * Durable at r0 (survives a crash): the last expiry and whether it was granted. Volatile: the queue of
 * requests, the holder's holding.
 */
import type { NodeContext } from '../../../sim/index';
import type { Msg, ReplicaConfig } from './messages';
import type { Recorder } from './record';

export const TAG_RELEASE = 2;
export const TAG_ASK = 3;
export const TAG_KEEPER = 4;

export interface LeaseDisk {
  leaseExpiry: number;
  isLeased: boolean;
}

export class Lease {
  private keeperTimer = -1;
  private readonly queue: number[] = [];
  isHolding = false;

  constructor(private readonly ctx: NodeContext<Msg>, private readonly cfg: ReplicaConfig, private readonly rec: Recorder, private readonly disk: LeaseDisk) {}

  /** At (re)start: a requester asks (r1 at once, others a little later); r0 re-arms its check of a live grant. */
  start(): void {
    const id = this.ctx.id;
    if (id !== 0 && this.cfg.leaseTicks > 0 && this.cfg.replicas >= 3) this.ctx.setTimer(id === 1 ? 0 : 1000 * id, TAG_ASK);
    if (id === 0 && this.disk.isLeased) this.armKeeper();
  }

  /** Handles the lease's timers; false for a tag that is not the lease's. */
  onTimer(tag: number): boolean {
    if (tag === TAG_RELEASE) this.release();
    else if (tag === TAG_ASK) {
      if (this.ctx.now() <= this.cfg.quietTick) this.ctx.send(0, { k: 'acq' });
    } else if (tag === TAG_KEEPER) {
      this.keeperTimer = -1;
      this.tryGrant();
    } else return false;
    return true;
  }

  /** r0: a replica asks for the lease. */
  requested(from: number): void {
    if (!this.queue.includes(from)) this.queue.push(from);
    this.tryGrant();
  }

  /** A holder holds until its clock reads expiry (trusting it) or expiry - ε (bounded uncertainty). */
  granted(expiry: number): void {
    const left = expiry - this.margin() - this.ctx.localNow();
    if (left <= 0) {
      this.askLater();
      return;
    }
    this.isHolding = true;
    this.rec.leaseStart(this.ctx.id);
    this.ctx.setTimer(left, TAG_RELEASE);
  }

  /** r0: grants the lease to the first in line once the last grant has expired by its rule. */
  private tryGrant(): void {
    const d = this.disk;
    if (this.queue.length === 0) return;
    const pt = this.ctx.localNow();
    const eps = this.margin();
    if (d.isLeased && !(pt - eps > d.leaseExpiry || (eps === 0 && pt >= d.leaseExpiry))) {
      this.armKeeper();
      return;
    }
    const to = this.queue.shift()!;
    d.leaseExpiry = pt + eps + this.cfg.leaseTicks;
    d.isLeased = true;
    this.ctx.send(to, { k: 'grant', expiry: d.leaseExpiry });
    this.armKeeper();
  }

  private armKeeper(): void {
    if (this.keeperTimer >= 0) this.ctx.cancelTimer(this.keeperTimer);
    this.keeperTimer = this.ctx.setTimer(Math.max(0, this.disk.leaseExpiry + this.margin() - this.ctx.localNow() + 1), TAG_KEEPER);
  }

  /** How far the rules stay from the expiry: ε with bounded uncertainty, nothing trusting the clocks. */
  private margin(): number {
    return this.cfg.kind === 'trusted' || this.cfg.bug === 'lease-no-margin' ? 0 : this.cfg.epsTicks;
  }

  private release(): void {
    if (!this.isHolding) return;
    this.isHolding = false;
    this.rec.leaseEnd(this.ctx.id, this.ctx.now());
    this.askLater();
  }

  private askLater(): void {
    this.ctx.setTimer(Math.floor(this.cfg.leaseTicks / 2), TAG_ASK);
  }
}
