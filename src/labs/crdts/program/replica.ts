/**
 * One replica: it applies its clients' updates at once (no coordination), and every gossip interval
 * (jittered 0.5x..1.5x) sends its whole state to `fanout` peers chosen at random; a receiver merges what
 * arrives into its own (anti-entropy). The states of every member (./family.ts) ride in one message, so the
 * CRDT and its foils see the same gossip, in the same order, with the same losses and duplicates.
 *
 *   n0 +1 -> [1,0,0]      n0 --state [1,0,0]--> n2      n2 merges: [1,0,0] max [0,0,2] = [1,0,2]
 *
 * Counters also keep the non-idempotent way beside it: every gossip round a replica sends each peer the
 * increments of its own that the peer has not acknowledged ("+2": its increments acked[peer]+1..own),
 * again and again until it does (at-least-once delivery). A receiver adds what arrives to its `delta` counter and
 * acknowledges; a copy delivered twice, or re-sent because its ack was late or lost, is added again. The
 * G-Counter states take a per-replica maximum and shrug copies off.
 *
 * Durable (ctx.storage, survives a crash): the states and the delta counter. Volatile: the gossip timer.
 */
import type { NodeContext } from '../../../sim/index';
import type { Member } from './family';
import type { Recorder } from './record';
import type { Update } from './workload';

export interface DeltaDisk {
  /** Increments made here. */
  own: number;
  /** Own increments plus every increment added from a message (duplicates included). */
  total: number;
  /** acked[peer]: own increments the peer has acknowledged. */
  acked: number[];
}

export interface Disk {
  states: unknown[];
  delta?: DeltaDisk;
}

export type Msg =
  | { k: 'state'; states: readonly unknown[]; send: number }
  | { k: 'inc'; first: number; upTo: number }
  | { k: 'ack'; upTo: number };

export interface ReplicaConfig {
  members: readonly Member[];
  /** Counters: keep the delta counter (the non-idempotent foil). */
  hasDelta: boolean;
  gossipTicks: number;
  fanout: number;
  /** No gossip after this true tick (the run's end). */
  stopTick: number;
}

const TAG_GOSSIP = 1;

export function diskOf(ctx: { storage: Record<string, unknown> }): Disk {
  return (ctx.storage as { disk: Disk }).disk;
}

export class Replica {
  private readonly ctx: NodeContext<Msg>;
  private readonly cfg: ReplicaConfig;
  private readonly rec: Recorder;
  private readonly disk: Disk;

  constructor(ctx: NodeContext<Msg>, cfg: ReplicaConfig, rec: Recorder) {
    this.ctx = ctx;
    this.cfg = cfg;
    this.rec = rec;
    const s = ctx.storage as { disk?: Disk };
    s.disk ??= {
      states: cfg.members.map((m) => m.type.initial()),
      ...(cfg.hasDelta ? { delta: { own: 0, total: 0, acked: new Array<number>(ctx.nodeCount).fill(0) } } : {}),
    };
    this.disk = s.disk;
  }

  onStart(): void {
    this.arm();
  }

  /** A client update at this replica: applied to every member at once. */
  update(u: Update): void {
    const d = this.disk;
    const local = this.ctx.localNow();
    this.cfg.members.forEach((m, i) => {
      d.states[i] = m.type.apply(d.states[i], this.ctx.id, m.opOf(u, local));
    });
    if (d.delta && u.kind === 'inc') {
      d.delta.own++;
      d.delta.total++;
    }
    this.rec.op(this.ctx.now(), this.ctx.id, u, d);
  }

  onMessage(from: number, msg: Msg): void {
    const d = this.disk;
    if (msg.k === 'ack') {
      if (d.delta && msg.upTo > d.delta.acked[from]) d.delta.acked[from] = msg.upTo;
      return;
    }
    if (msg.k === 'inc') {
      if (!d.delta) return;
      d.delta.total += msg.upTo - msg.first;
      this.ctx.send(from, { k: 'ack', upTo: msg.upTo });
      this.rec.touched(this.ctx.now(), this.ctx.id, d);
      return;
    }
    this.cfg.members.forEach((m, i) => {
      d.states[i] = m.type.merge(d.states[i], msg.states[i]);
    });
    this.rec.deliver(this.ctx.now(), this.ctx.id, msg.send, d);
  }

  onTimer(tag: number): void {
    if (tag !== TAG_GOSSIP || this.ctx.now() > this.cfg.stopTick) return;
    this.gossip();
    this.pushIncrements();
    this.arm();
  }

  /** Counters: sends every peer the own increments it has not acknowledged (again, if need be). */
  private pushIncrements(): void {
    const delta = this.disk.delta;
    if (!delta) return;
    for (let peer = 0; peer < this.ctx.nodeCount; peer++) {
      if (peer !== this.ctx.id && delta.own > delta.acked[peer]) this.ctx.send(peer, { k: 'inc', first: delta.acked[peer], upTo: delta.own });
    }
  }

  private arm(): void {
    const g = this.cfg.gossipTicks;
    this.ctx.setTimer(Math.floor(g / 2) + this.ctx.rng.int(g + 1), TAG_GOSSIP);
  }

  /** Sends the state to `fanout` distinct peers drawn at random (a partial shuffle of the others). */
  private gossip(): void {
    const n = this.ctx.nodeCount;
    const peers: number[] = [];
    for (let p = 0; p < n; p++) if (p !== this.ctx.id) peers.push(p);
    const count = Math.min(this.cfg.fanout, peers.length);
    for (let i = 0; i < count; i++) {
      const j = i + this.ctx.rng.int(peers.length - i);
      [peers[i], peers[j]] = [peers[j], peers[i]];
      const peer = peers[i];
      const send = this.rec.send(this.ctx.now(), this.ctx.id);
      this.ctx.send(peer, { k: 'state', states: this.disk.states.slice(), send });
    }
  }
}
