/**
 * The scenes' simple servers, one engine actor each (state in fields is lost in a crash: a Redlock server
 * without persistence forgets its keys when it restarts, as Redis does without fsync):
 *
 *   RedlockServer   one key: SET NX PX sets it when absent or expired on this server's own clock; DEL removes
 *                   it only when the value is still the one given. A clock jump moves every expiry.
 *   Storage         a counter with a version. A read answers the version; a write stores version + 1. With
 *                   fencing, any access carrying a token below the highest seen is refused (and a read's
 *                   token counts as seen, so a holder's read fences off everyone before it).
 *   Snowflake       an ID is (ms, node, seq) from the generator's own clock: seq counts within a millisecond
 *                   and restarts at 0 in any other one, even an earlier one (the naive generator).
 *   GossipReplica   applies a write when it first hears it and passes it on to every other replica.
 */
import type { Actor, NodeContext } from '../../../sim/index';
import type { Msg } from './messages';
import type { Observer } from './observer';

export class RedlockServer implements Actor<Msg> {
  holder = 0;
  holderClient = -1;
  /** Local ticks the key expires. */
  expiresAt = 0;
  constructor(readonly ctx: NodeContext<Msg>, private readonly obs: Observer) {}

  hasKey(): boolean {
    return this.holder !== 0 && this.ctx.localNow() < this.expiresAt;
  }

  onMessage(from: number, m: Msg): void {
    if (m.k === 'set') {
      const ok = !this.hasKey();
      if (ok) {
        this.holder = m.value;
        this.holderClient = from;
        this.expiresAt = this.ctx.localNow() + m.ttlTicks;
      }
      this.ctx.send(from, { k: 'setReply', ok, attempt: m.attempt });
    } else if (m.k === 'del' && this.holder === m.value) {
      this.holder = 0;
      this.holderClient = -1;
    }
    this.obs.touched();
  }
}

interface StorageDisk {
  version: number;
  highest: number;
  lastWriter: number;
}

/** A storage node keeps its data on disk: a crash loses nothing it acknowledged. */
export class Storage implements Actor<Msg> {
  private readonly disk: StorageDisk;
  constructor(readonly ctx: NodeContext<Msg>, private readonly obs: Observer, readonly side: 0 | 1, readonly fencing: boolean) {
    ctx.storage.data ??= { version: 0, highest: 0, lastWriter: -1 };
    this.disk = ctx.storage.data as StorageDisk;
  }

  get version(): number {
    return this.disk.version;
  }
  get highest(): number {
    return this.disk.highest;
  }
  get lastWriter(): number {
    return this.disk.lastWriter;
  }

  onMessage(from: number, m: Msg): void {
    if (m.k === 'read') {
      if (this.fencing) this.disk.highest = Math.max(this.disk.highest, m.token);
      this.ctx.send(from, { k: 'readReply', version: this.version, side: m.side });
    } else if (m.k === 'write') {
      const ok = !this.fencing || m.token >= this.highest;
      this.obs.write(this.side, from, m.token, m.baseVersion, this.version, ok);
      if (ok) {
        this.disk.highest = Math.max(this.disk.highest, m.token);
        this.disk.version++;
        this.disk.lastWriter = from;
      }
      this.ctx.send(from, { k: 'writeReply', ok, side: m.side, version: this.version });
    }
  }
}

/** Snowflake's layout: 41 bits of ms | 10 of node | 12 of sequence, as a number (exact below 2^53). */
export const SNOWFLAKE_EPOCH_MS = 10_000;
export function snowflakeId(ms: number, node: number, seq: number): number {
  return ms * 4_194_304 + node * 4096 + seq;
}

export class Snowflake implements Actor<Msg> {
  lastMs = -1;
  seq = 0;
  /** IDs handed out since the last start. */
  count = 0;
  constructor(readonly ctx: NodeContext<Msg>, readonly generator: number, private readonly ticksPerMs: number) {}

  onMessage(from: number, m: Msg): void {
    if (m.k !== 'idReq') return;
    this.count++;
    const ms = SNOWFLAKE_EPOCH_MS + Math.floor(this.ctx.localNow() / this.ticksPerMs);
    if (ms === this.lastMs) this.seq = Math.min(this.seq + 1, 4095);
    else {
      this.lastMs = ms;
      this.seq = 0;
    }
    this.ctx.send(from, { k: 'idReply', seq: m.seq, id: snowflakeId(ms, this.generator, this.seq), text: `${ms}-${this.generator}-${this.seq}` });
  }
}

export class GossipReplica implements Actor<Msg> {
  readonly delivered: number[] = [];
  private readonly seen = new Set<number>();
  constructor(readonly ctx: NodeContext<Msg>, private readonly peers: readonly number[], private readonly obs: Observer) {}

  onMessage(_from: number, m: Msg): void {
    if (m.k !== 'gput' || this.seen.has(m.value)) return;
    this.seen.add(m.value);
    this.delivered.push(m.value);
    this.obs.gossipDelivered(this.ctx.id, m.value);
    for (const p of this.peers) if (p !== this.ctx.id) this.ctx.send(p, m);
  }
}
