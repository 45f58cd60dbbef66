/**
 * A client process: one engine node running what its scene asks of it. A pause (GC) freezes all of it;
 * its timers and the replies it is sent wait, and it then carries on from where it was, believing what
 * it believed.
 *
 *   locks      two sessions side by side, each a loop: acquire, read the storage, work `workMs`, write what
 *              it computed from its read, release, rest `idleMs`. Redlock (Redis docs, "Distributed Locks"):
 *              read the local clock, SET NX PX on r0..r4 with one random value, wait at most tryMs for the
 *              answers; held iff 3 or more said yes and validity = TTL - elapsed - (TTL x driftFactor + 2 ms)
 *              is positive, else DEL on all five and retry after a random 50..150 ms. Raft: an acquire
 *              command; the reply carries the fencing token, which the client sends with every access.
 *              A client checks its lease when it gets it, not again before writing: any check could be
 *              followed by a pause.
 *   ids        two loops: ask a random generator g0..g2 for an ID, ask the log for one; each waits for its
 *              answer, then 1/rate.
 *   broadcast  every 1/rate: x := the next value (c0 odd, c1 even) to its gossip replica and to the log.
 *
 * Raft commands go to the leader the client last heard of; a redirect names another, and a silence of
 * RETRY_MS moves on to the next server, with the same sequence number (the log answers a retry once).
 */
import type { Rng } from '../../../core/random/rng';
import type { Actor, NodeContext } from '../../../sim/index';
import type { CmdResult, Command, Msg } from './messages';
import type { Observer } from './observer';

export const RETRY_MS = 100;
const BACKOFF_MS_MIN = 50;
const BACKOFF_MS_MAX = 150;

export interface ClientOptions {
  mode: 'locks' | 'ids' | 'broadcast';
  index: number;
  ticksPerMs: number;
  raft: readonly number[];
  redlock: readonly number[];
  /** Storage nodes: [Redlock's, Raft's]. */
  storage: readonly number[];
  generators: readonly number[];
  /** Gossip replica this client writes to. */
  gossipHome: number;
  ttlTicks: number;
  driftFactor: number;
  tryTicks: number;
  workTicks: number;
  idleTicks: number;
  periodTicks: number;
  /** First action after this many ticks. */
  startTicks: number;
}

const T = { rlTry: 1, rlBackoff: 2, rlWork: 3, rlIdle: 4, raRetry: 5, raBackoff: 6, raWork: 7, raIdle: 8, sfNext: 9, idNext: 10, bcTick: 11 } as const;

type Phase = 'idle' | 'acquiring' | 'reading' | 'working' | 'writing';

export class Client implements Actor<Msg> {
  // Redlock session
  rlPhase: Phase = 'idle';
  rlValue = 0;
  rlValidUntil = 0;
  private rlAttempt = 0;
  private rlStart = 0;
  private rlOks = 0;
  private rlAnswered = 0;
  private rlTryTimer = -1;
  private rlBase = 0;
  // Raft session
  raPhase: Phase = 'idle';
  raToken = 0;
  raValidUntil = 0;
  private raStart = 0;
  private raBase = 0;
  /** Sequence numbers of Raft commands live on the client's disk: a restart must not reuse one (the log would answer the old command's result). */
  private readonly disk: { seq: number };
  private req: { cmd: Command & { seq: number }; onReply: (r: CmdResult, leader: number) => void } | undefined;
  private guess = 0;
  private retryTimer = -1;
  // IDs and broadcast
  private sfSeq = 0;
  private sfAsked = { seq: -1, node: -1, tick: 0 };
  private idAsked = 0;
  private next = 0;
  lastText = '–';
  readonly rng: Rng;

  constructor(readonly ctx: NodeContext<Msg>, readonly o: ClientOptions, private readonly obs: Observer) {
    this.rng = ctx.rng.fork(ctx.incarnation === 0 ? 'client' : `client/${ctx.incarnation}`);
    ctx.storage.client ??= { seq: 0 };
    this.disk = ctx.storage.client as { seq: number };
    this.next = o.index + 1;
  }

  onStart(): void {
    const m = this.o.mode;
    if (m === 'locks') {
      this.ctx.setTimer(this.o.startTicks, T.rlIdle);
      this.ctx.setTimer(this.o.startTicks, T.raIdle);
    } else if (m === 'ids') {
      this.ctx.setTimer(this.o.startTicks, T.sfNext);
      this.ctx.setTimer(this.o.startTicks, T.idNext);
    } else this.ctx.setTimer(this.o.startTicks, T.bcTick);
  }

  onTimer(tag: number): void {
    switch (tag) {
      case T.rlTry: this.rlTryTimer = -1; if (this.rlPhase === 'acquiring') this.rlCount(); return;
      case T.rlBackoff: case T.rlIdle: this.rlAcquire(); return;
      case T.rlWork: this.rlWrite(); return;
      case T.raRetry: this.retryTimer = -1; this.guess = (this.guess + 1) % this.o.raft.length; this.sendReq(); return;
      case T.raBackoff: case T.raIdle: this.raAcquire(); return;
      case T.raWork: this.raWrite(); return;
      case T.sfNext: this.askSnowflake(); return;
      case T.idNext: this.askLog(); return;
      case T.bcTick: this.broadcastWrite(); return;
    }
  }

  onMessage(_from: number, m: Msg): void {
    switch (m.k) {
      case 'setReply': return this.rlAnswer(m.ok, m.attempt);
      case 'readReply': return m.side === 0 ? this.rlRead(m.version) : this.raRead(m.version);
      case 'writeReply': return m.side === 0 ? this.rlReleased() : this.raReleased(m.ok);
      case 'cmdReply': return this.onCmdReply(m.seq, m.result, m.leader);
      case 'redirect': return this.onRedirect(m.seq, m.leader);
      case 'idReply': return this.onSnowflake(m.seq, m.id, m.text);
      default:
    }
  }

  // ---- Redlock ----

  private rlAcquire(): void {
    this.rlPhase = 'acquiring';
    this.rlAttempt++;
    this.rlValue = 1 + this.rng.int(2 ** 31 - 2);
    this.rlStart = this.ctx.localNow();
    this.rlOks = 0;
    this.rlAnswered = 0;
    for (const r of this.o.redlock) this.ctx.send(r, { k: 'set', value: this.rlValue, ttlTicks: this.o.ttlTicks, attempt: this.rlAttempt });
    this.rlTryTimer = this.ctx.setTimer(this.o.tryTicks, T.rlTry);
  }

  private rlAnswer(ok: boolean, attempt: number): void {
    if (attempt !== this.rlAttempt || this.rlPhase !== 'acquiring') return;
    this.rlAnswered++;
    if (ok) this.rlOks++;
    if (this.rlAnswered === this.o.redlock.length) this.rlCount();
  }

  /** Redlock's steps 3-5: count the yeses, compute the validity, hold or unlock all and retry. */
  private rlCount(): void {
    if (this.rlTryTimer >= 0) this.ctx.cancelTimer(this.rlTryTimer);
    this.rlTryTimer = -1;
    const o = this.o;
    const elapsed = this.ctx.localNow() - this.rlStart;
    const drift = Math.round(o.ttlTicks * o.driftFactor) + 2 * o.ticksPerMs;
    const validity = o.ttlTicks - elapsed - drift;
    if (this.rlOks * 2 > o.redlock.length && validity > 0) {
      this.rlValidUntil = this.rlStart + validity;
      this.rlPhase = 'reading';
      this.obs.grant('redlock', o.index, this.ctx.id, this.rlValue, this.rlOks, validity / o.ticksPerMs);
      this.ctx.send(o.storage[0], { k: 'read', token: 0, side: 0 });
      return;
    }
    for (const r of o.redlock) this.ctx.send(r, { k: 'del', value: this.rlValue });
    this.rlPhase = 'idle';
    this.ctx.setTimer(this.backoff(), T.rlBackoff);
  }

  private rlRead(version: number): void {
    if (this.rlPhase !== 'reading') return;
    this.rlBase = version;
    this.rlPhase = 'working';
    this.ctx.setTimer(this.o.workTicks, T.rlWork);
  }

  private rlWrite(): void {
    this.rlPhase = 'writing';
    this.ctx.send(this.o.storage[0], { k: 'write', token: 0, baseVersion: this.rlBase, side: 0 });
  }

  private rlReleased(): void {
    if (this.rlPhase !== 'writing') return;
    for (const r of this.o.redlock) this.ctx.send(r, { k: 'del', value: this.rlValue });
    this.obs.release('redlock', this.o.index);
    this.rlPhase = 'idle';
    this.rlValidUntil = 0;
    this.ctx.setTimer(this.o.idleTicks, T.rlIdle);
  }

  // ---- Raft lock ----

  private raAcquire(): void {
    this.raPhase = 'acquiring';
    this.raStart = this.ctx.localNow();
    this.request({ op: 'acquire', client: this.o.index, seq: 0, ttlTicks: this.o.ttlTicks }, (r) => {
      if (this.raPhase !== 'acquiring') return;
      if (!r.ok) {
        this.raPhase = 'idle';
        this.ctx.setTimer(this.backoff(), T.raBackoff);
        return;
      }
      this.raToken = r.value;
      this.raValidUntil = this.raStart + this.o.ttlTicks;
      this.raPhase = 'reading';
      this.obs.grant('raft', this.o.index, this.ctx.id, r.value, 0, this.o.ttlTicks / this.o.ticksPerMs);
      this.ctx.send(this.o.storage[1], { k: 'read', token: r.value, side: 1 });
    });
  }

  private raRead(version: number): void {
    if (this.raPhase !== 'reading') return;
    this.raBase = version;
    this.raPhase = 'working';
    this.ctx.setTimer(this.o.workTicks, T.raWork);
  }

  private raWrite(): void {
    this.raPhase = 'writing';
    this.ctx.send(this.o.storage[1], { k: 'write', token: this.raToken, baseVersion: this.raBase, side: 1 });
  }

  private raReleased(_ok: boolean): void {
    if (this.raPhase !== 'writing') return;
    this.request({ op: 'release', client: this.o.index, seq: 0, token: this.raToken }, () => {});
    this.obs.release('raft', this.o.index);
    this.raPhase = 'idle';
    this.raValidUntil = 0;
    this.ctx.setTimer(this.o.idleTicks, T.raIdle);
  }

  // ---- Raft requests ----

  private request(cmd: Command & { seq: number }, onReply: (r: CmdResult, leader: number) => void): void {
    cmd.seq = ++this.disk.seq;
    this.req = { cmd, onReply };
    this.sendReq();
  }

  private sendReq(): void {
    if (!this.req) return;
    this.ctx.send(this.o.raft[this.guess], { k: 'cmd', cmd: this.req.cmd });
    if (this.retryTimer >= 0) this.ctx.cancelTimer(this.retryTimer);
    this.retryTimer = this.ctx.setTimer(RETRY_MS * this.o.ticksPerMs, T.raRetry);
  }

  private onRedirect(seq: number, leader: number): void {
    if (!this.req || this.req.cmd.seq !== seq || leader < 0) return;
    const g = this.o.raft.indexOf(leader);
    if (g < 0 || g === this.guess) return;
    this.guess = g;
    this.sendReq();
  }

  private onCmdReply(seq: number, result: CmdResult, leader: number): void {
    if (!this.req || this.req.cmd.seq !== seq) return;
    const g = this.o.raft.indexOf(leader);
    if (g >= 0) this.guess = g;
    if (this.retryTimer >= 0) this.ctx.cancelTimer(this.retryTimer);
    this.retryTimer = -1;
    const { onReply } = this.req;
    this.req = undefined;
    onReply(result, leader);
  }

  // ---- IDs ----

  private askSnowflake(): void {
    const g = this.o.generators[this.rng.int(this.o.generators.length)];
    this.sfAsked = { seq: ++this.sfSeq, node: g, tick: this.ctx.now() };
    this.ctx.send(g, { k: 'idReq', seq: this.sfSeq });
  }

  private onSnowflake(seq: number, id: number, text: string): void {
    if (seq !== this.sfAsked.seq) return;
    this.idRow('snowflake', this.sfAsked.node, this.sfAsked.tick, id, text);
    this.ctx.setTimer(this.o.periodTicks, T.sfNext);
  }

  private askLog(): void {
    this.idAsked = this.ctx.now();
    this.request({ op: 'nextId', client: this.o.index, seq: 0 }, (r, leader) => {
      this.idRow('raft', leader, this.idAsked, r.value, String(r.value));
      this.ctx.setTimer(this.o.periodTicks, T.idNext);
    });
  }

  private idRow(side: 'snowflake' | 'raft', node: number, invokeTick: number, id: number, text: string): void {
    const tpm = this.o.ticksPerMs;
    this.lastText = text;
    this.obs.id({ side, client: this.o.index, node, invokeMs: invokeTick / tpm, replyMs: this.ctx.now() / tpm, id, text, duplicate: false, backwards: false, inverted: false });
  }

  // ---- broadcast ----

  private broadcastWrite(): void {
    const value = this.next;
    this.next += 2;
    this.lastText = `:= ${value}`;
    this.ctx.send(this.o.gossipHome, { k: 'gput', value });
    this.request({ op: 'set', client: this.o.index, seq: 0, value }, () => {});
    this.ctx.setTimer(this.o.periodTicks, T.bcTick);
  }

  private backoff(): number {
    return this.rng.range(BACKOFF_MS_MIN, BACKOFF_MS_MAX) * this.o.ticksPerMs;
  }
}
