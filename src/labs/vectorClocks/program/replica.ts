/**
 * One replica of x. Its client's writes arrive as the planned times come (a timer per write); the replica
 * stamps each with every clock it keeps, applies it, and replicates it to every other replica (resending
 * until acknowledged). Each replica resolves the writes it meets in four stores at once:
 *
 *   wall      last-writer-wins on (wall-clock stamp, replica): a clock behind loses even to writes it had seen
 *   lamport   last-writer-wins on (Lamport stamp, replica): a write after another always has a larger stamp
 *   hlc       last-writer-wins on (HLC (l, c), replica): the same guarantee, with l near physical time
 *   siblings  version vectors (dots and contexts, core/clocks): concurrent writes all kept
 *
 * Trusting the clocks ('trusted'), a write commits at once with its wall stamp pt. With bounded
 * uncertainty ('commitWait', Spanner's TrueTime), its stamp is s = pt + ε (the latest the true time can
 * be) and it commits only once pt - ε > s (the earliest the true time can be has passed s): about 2ε later.
 *
 * The lease (./lease.ts): r0 keeps it and grants it to the other replicas in turn, judged by bare clock
 * readings or with ±ε.
 *
 * Durable (survives a crash): the clocks' logical state, the stores, the writes applied and the own log.
 * Volatile: acknowledgements, a write waiting out its commit wait, the lease's holder and request queue.
 */
import { clockOf, dominates, formatVector, hlcCompare, hlcLocal, hlcReceive, merge, put, supersedes, type Hlc, type VersionVector } from '../../../core/clocks';
import type { NodeContext } from '../../../sim/index';
import type { Msg, ReplicaConfig, Write } from './messages';
import { Lease, type LeaseDisk } from './lease';
import type { Recorder } from './record';

const TAG_RETRY = 1;
const TAG_WRITE = 1000;
const TAG_COMMIT = 100_000;
const HLC_START: Hlc = { l: -(2 ** 52), c: 0 };

export interface Stores {
  wall?: Write;
  lamport?: Write;
  hlc?: Write;
  siblings: Write[];
}

interface Durable extends LeaseDisk {
  counter: number;
  seen: VersionVector;
  applied: Set<number>;
  stores: Stores;
  lamport: number;
  hlc: Hlc;
  log: Write[];
}

export type StoreKey = 'wall' | 'lamport' | 'hlc';

/** What a write's client read when it started: the replica's version vector, and each LWW store's value (-1 none). */
interface Read {
  context: VersionVector;
  from: number[];
}

/** True when a beats b for that store's last-writer-wins: a larger stamp, ties by replica. */
export function isLater(store: StoreKey, a: Write, b: Write): boolean {
  const order = store === 'wall' ? a.wall - b.wall : store === 'lamport' ? a.lamport - b.lamport : hlcCompare(a.hlc, b.hlc);
  return order !== 0 ? order > 0 : a.replica > b.replica;
}

/** What a replica's disk holds at the end of a run (crashed or not). */
export function storedStores(storage: Record<string, unknown>): Stores {
  return (storage as { disk?: Durable }).disk?.stores ?? { siblings: [] };
}

export class Replica {
  private readonly disk: Durable;
  private readonly acked: Set<number>[];
  private retryTimer = -1;
  private readonly lease: Lease;
  private readonly pending = new Map<number, { s: number; read: Read }>();
  private readonly shown = new Map<string, string | number>();

  constructor(private readonly ctx: NodeContext<Msg>, private readonly cfg: ReplicaConfig, private readonly rec: Recorder, private readonly crashTicks: readonly number[]) {
    const s = ctx.storage as { disk?: Durable };
    s.disk ??= { counter: 0, seen: [], applied: new Set(), stores: { siblings: [] }, lamport: 0, hlc: HLC_START, log: [], leaseExpiry: 0, isLeased: false };
    this.disk = s.disk;
    this.acked = Array.from({ length: cfg.replicas }, () => new Set<number>());
    this.lease = new Lease(ctx, cfg, rec, this.disk);
  }

  private get id(): number {
    return this.ctx.id;
  }

  private pt(): number {
    return this.ctx.localNow();
  }

  onStart(): void {
    const now = this.ctx.now();
    this.rec.observeClocks();
    // A recovered holder stopped holding when it crashed.
    if (now > 0) this.rec.leaseEnd(this.id, lastBefore(this.crashTicks, now));
    this.cfg.plan[this.id].forEach((p, k) => {
      if (p.tick >= now) this.ctx.setTimer(this.localDelay(p.tick - now), TAG_WRITE + k);
    });
    if (this.disk.log.length > 0) this.resend();
    this.lease.start();
    this.showCards();
  }

  onTimer(tag: number): void {
    this.rec.observeClocks();
    if (tag >= TAG_COMMIT) this.commitWaited(tag - TAG_COMMIT);
    else if (tag >= TAG_WRITE) this.clientWrite(tag - TAG_WRITE);
    else if (tag === TAG_RETRY) {
      this.retryTimer = -1;
      this.resend();
    } else this.lease.onTimer(tag);
    this.showCards();
  }

  onMessage(from: number, msg: Msg): void {
    this.rec.observeClocks();
    if (msg.k === 'rep') this.receive(from, msg.w);
    else if (msg.k === 'ack') this.acked[from].add(msg.index);
    else if (msg.k === 'acq') this.lease.requested(from);
    else this.lease.granted(msg.expiry);
    this.showCards();
  }

  /** Local ticks that take `trueTicks` of true time at the clock's current rate. */
  private localDelay(trueTicks: number): number {
    return trueTicks + Math.floor((trueTicks * this.ctx.clock.driftPpm) / 1_000_000);
  }

  private clientWrite(k: number): void {
    const eps = this.cfg.epsTicks;
    this.rec.started(this.cfg.plan[this.id][k].index);
    // What the client read: the replica's version vector and each store's value now, when the write starts.
    const read: Read = { context: this.disk.seen, from: (['wall', 'lamport', 'hlc'] as const).map((store) => this.disk.stores[store]?.index ?? -1) };
    if (this.cfg.kind === 'trusted') {
      this.commit(k, this.pt(), read);
      return;
    }
    if (this.cfg.bug === 'no-wait') {
      this.commit(k, this.pt() + eps, read);
      return;
    }
    this.pending.set(k, { s: this.pt() + eps, read });
    this.rec.remark(this.id, `r${this.id}: ${this.cfg.plan[this.id][k].name} asked, stamp ${((this.pt() + eps) / 1000).toFixed(1)}; commit wait until pt − ε passes it`);
    this.ctx.setTimer(2 * eps + 1, TAG_COMMIT + k);
  }

  /** Commit wait: the stamp s is surely past once pt - ε > s; a clock stepped back waits longer. */
  private commitWaited(k: number): void {
    const p = this.pending.get(k);
    if (p === undefined) return;
    const earliest = this.pt() - this.cfg.epsTicks;
    if (earliest > p.s) {
      this.pending.delete(k);
      this.commit(k, p.s, p.read);
    } else this.ctx.setTimer(p.s - earliest + 1, TAG_COMMIT + k);
  }

  private commit(k: number, wall: number, read: Read): void {
    const d = this.disk;
    const p = this.cfg.plan[this.id][k];
    d.lamport += 1;
    const before = d.hlc;
    d.hlc = hlcLocal(d.hlc, this.pt());
    this.checkHlc(before, 'write');
    const w: Write = { index: p.index, replica: this.id, value: p.name, dot: { node: this.id, counter: ++d.counter }, context: read.context, wall, lamport: d.lamport, hlc: d.hlc };
    read.from.forEach((from, store) => this.rec.read(store, w.index, from));
    d.seen = merge(d.seen, clockOf(w));
    d.applied.add(w.index);
    this.rec.committedWrite(w);
    const ms = (t: number) => (t / 1000).toFixed(1);
    this.rec.remark(this.id, `r${this.id} commits ${w.value}: wall ${ms(w.wall)}, Lamport ${w.lamport}, HLC ${ms(w.hlc.l)}·${w.hlc.c}, VV ${formatVector(clockOf(w), this.cfg.replicas)}`);
    this.apply(w);
    d.log.push(w);
    for (let peer = 0; peer < this.cfg.replicas; peer++) if (peer !== this.id) this.ctx.send(peer, { k: 'rep', w, lamport: w.lamport, hlc: w.hlc });
    this.armRetry();
  }

  private receive(from: number, w: Write): void {
    const d = this.disk;
    d.lamport = Math.max(d.lamport, w.lamport) + 1;
    const before = d.hlc;
    d.hlc = hlcReceive(d.hlc, w.hlc, this.pt());
    this.checkHlc(before, 'receive');
    if (hlcCompare(d.hlc, w.hlc) <= 0) this.rec.violation('hlc-causal', this.id, `r${this.id}'s HLC after receiving ${w.value} is not above the write's stamp`);
    if (d.lamport <= w.lamport) this.rec.violation('lamport-causal', this.id, `r${this.id}'s Lamport clock after receiving ${w.value} is not above its stamp ${w.lamport}`);
    if (!d.applied.has(w.index)) {
      d.applied.add(w.index);
      d.seen = merge(d.seen, clockOf(w));
      this.apply(w);
    }
    if (!dominates(d.seen, clockOf(w))) this.rec.violation('vector-receive', this.id, `r${this.id}'s version vector ${formatVector(d.seen, this.cfg.replicas)} does not cover ${w.value}'s ${formatVector(clockOf(w), this.cfg.replicas)}`);
    this.ctx.send(from, { k: 'ack', index: w.index });
  }

  /** HLC never goes backwards, never falls behind pt, and stays within the largest offset seen of pt. */
  private checkHlc(before: Hlc, what: string): void {
    const h = this.disk.hlc;
    const pt = this.pt();
    if (hlcCompare(h, before) <= 0) this.rec.violation('hlc-monotonic', this.id, `r${this.id}'s HLC went backwards at a ${what}`);
    if (h.l < pt) this.rec.violation('hlc-bound', this.id, `r${this.id}'s HLC l is below its physical clock`);
    const off = this.ctx.clock.offset(this.ctx.now());
    if (h.l - pt > this.rec.maxOffsetSeen - off) this.rec.violation('hlc-bound', this.id, `r${this.id}'s HLC l is ${h.l - pt} ticks ahead of its clock, more than any clock was ahead of its own`);
  }

  /** Merges `w` into the four stores, telling the narration when wall-clock LWW drops a write. */
  private apply(w: Write): void {
    const st = this.disk.stores;
    (['wall', 'lamport', 'hlc'] as const).forEach((store, k) => {
      const cur = st[store];
      if (!cur) {
        st[store] = w;
        return;
      }
      const isNewer = isLater(store, w, cur);
      const [kept, dropped] = isNewer ? [w, cur] : [cur, w];
      // A write replacing the one its client read is an update, not a drop.
      if (this.isRead(k, kept, dropped)) {
        if (isNewer) st[store] = w;
        return;
      }
      this.rec.drop(k, dropped.index, kept.index);
      if (store === 'wall') this.tellDrop(kept, dropped);
      if (isNewer) st[store] = w;
    });
    st.siblings = put(st.siblings, w);
  }

  /** `kept` replaced `dropped` knowingly: its client had read `dropped` in this store, directly or through earlier writes. */
  private isRead(store: number, kept: Write, dropped: Write): boolean {
    let at = this.rec.readFrom[store][kept.index] ?? -1;
    for (let hops = 0; at >= 0 && hops < 10_000; hops++) {
      if (at === dropped.index) return true;
      at = this.rec.readFrom[store][at] ?? -1;
    }
    return false;
  }

  private tellDrop(kept: Write, dropped: Write): void {
    const ms = (t: number) => (t / 1000).toFixed(1);
    const why = supersedes(dropped, kept) ? `written after ${kept.value} was seen` : 'concurrent';
    this.rec.remark(this.id, `r${this.id}: wall-clock LWW keeps ${kept.value} (${ms(kept.wall)}) and drops ${dropped.value} (${ms(dropped.wall)}, ${why})`);
  }

  private resend(): void {
    for (let peer = 0; peer < this.cfg.replicas; peer++) {
      if (peer === this.id) continue;
      for (const w of this.disk.log) if (!this.acked[peer].has(w.index)) this.ctx.send(peer, { k: 'rep', w, lamport: w.lamport, hlc: w.hlc });
    }
    this.armRetry();
  }

  private armRetry(): void {
    const isBehind = this.disk.log.some((w) => this.acked.some((a, peer) => peer !== this.id && !a.has(w.index)));
    if (isBehind && this.retryTimer < 0 && this.ctx.now() < this.cfg.quietTick + 20 * this.cfg.retryTicks) this.retryTimer = this.ctx.setTimer(this.cfg.retryTicks, TAG_RETRY);
  }

  /** The card (the stage's probe adds the physical clock's reading): Lamport, HLC, version vector, what wall-clock LWW and siblings hold, the lease. */
  private showCards(): void {
    const d = this.disk;
    const st = d.stores;
    this.card('lamport', d.lamport);
    this.card('hlc', d.hlc.l < 0 ? '—' : `${(d.hlc.l / 1000).toFixed(1)}·${d.hlc.c}`);
    this.card('vv', formatVector(d.seen, this.cfg.replicas));
    this.card('lww', st.wall?.value ?? '');
    this.card('sib', st.siblings.map((w) => w.value).join('|'));
    if (this.id !== 0) this.card('lease', this.lease.isHolding ? 'holds' : '');
  }

  private card(field: string, value: string | number): void {
    if (this.shown.get(field) === value) return;
    this.shown.set(field, value);
    this.ctx.card(field, value);
  }
}

/** The last tick of `ticks` (ascending) at or before `now` (0 when none). */
function lastBefore(ticks: readonly number[], now: number): number {
  let t = 0;
  for (const x of ticks) if (x <= now) t = x;
  return t;
}
