/**
 * A downstream server: `slots` requests at once, the rest in a FIFO queue; service time exponential with
 * the scenario's mean (times the node's slowdown factor). Work a caller gave up on is still done: the
 * server cannot know (that is what keeps a retry storm going). With the shed strategy it rejects cheaply
 * before doing work: 429 when its token bucket is empty, 503 when its queue is at the limit, and it drops
 * queued work whose deadline has passed. A crash loses the queue and the work in the slots.
 */
import { log } from '../../../core/math/detMath';
import type { Rng } from '../../../core/random/rng';
import { TokenBucket } from '../../../core/resilience/tokenBucket';
import type { NodeContext } from '../../../sim/index';
import type { Host } from './host';
import type { Call, Msg, ReplyCode } from './messages';

const TICKS_PER_SEC = 1_000_000;

export class Server {
  private busy = 0;
  /** FIFO: items from `head` on wait (an index, not shift(): a storm queues tens of thousands). */
  private queue: { from: number; call: Call }[] = [];
  private head = 0;
  private readonly bucket: TokenBucket | undefined;
  private readonly service: Rng;
  private readonly working = new Map<number, { from: number; call: Call }>();

  constructor(private readonly ctx: NodeContext<Msg>, private readonly host: Host) {
    const c = host.c;
    const isShed = c.strategy === 'shed';
    this.bucket = isShed && c.s.bucketRatePerSec > 0 ? new TokenBucket(c.s.bucketBurst, c.s.bucketRatePerSec, TICKS_PER_SEC, ctx.now()) : undefined;
    this.service = ctx.rng.fork(`service/${ctx.incarnation}`);
  }

  onStart(): void {
    this.ctx.card('role', 'server');
    this.host.queueOf[this.ctx.id] = 0;
    this.show();
  }

  private show(): void {
    this.host.queueOf[this.ctx.id] = this.waiting();
    if (!this.host.isStaged) return;
    const tokens = this.bucket ? ` · tokens ${this.bucket.level(this.ctx.now()).toFixed(1)}` : '';
    this.ctx.card('state', `slots ${this.busy}/${this.host.c.s.slots}${tokens}`);
    this.ctx.card('queue', this.waiting());
  }

  onMessage(from: number, msg: Msg): void {
    if (msg.k === 'reply') return;
    const s = this.host.c.s;
    const isShed = this.host.c.strategy === 'shed';
    if (this.bucket && !this.bucket.tryTake(this.ctx.now())) {
      this.host.throttled++;
      this.reply(from, msg, 'throttled');
      this.show();
      return;
    }
    if (this.bucket) this.host.bucketAdmitted++;
    if (isShed && s.queueMax > 0 && this.busy >= s.slots && this.waiting() >= s.queueMax) {
      this.host.shed++;
      this.reply(from, msg, 'shed');
      return;
    }
    if (this.busy < s.slots) this.start(from, msg);
    else this.queue.push({ from, call: msg });
    this.show();
  }

  private waiting(): number {
    return this.queue.length - this.head;
  }

  private start(from: number, call: Call): void {
    this.busy++;
    const meanTicks = this.host.c.s.serviceMs * 1000 * this.host.factor[this.ctx.id];
    // Exponential service time by inversion: -mean ln(1 - u), with u from the server's own stream.
    const u = this.service.float();
    const ticks = Math.max(1, Math.round(meanTicks * -lnOneMinus(u)));
    const handle = this.ctx.setTimer(ticks, 0);
    this.working.set(handle, { from, call });
  }

  onTimer(_tag: number, handle: number): void {
    const job = this.working.get(handle);
    if (!job) return;
    this.working.delete(handle);
    this.busy--;
    const now = this.ctx.now();
    this.host.completions[this.host.binOf(now)]++;
    const version = this.apply(job.call, now);
    this.reply(job.from, job.call, 'ok', version);
    const dropExpired = this.host.c.strategy === 'shed' && this.host.c.s.dropExpired;
    while (this.head < this.queue.length && this.busy < this.host.c.s.slots) {
      const next = this.queue[this.head++];
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      if (dropExpired && now > next.call.deadline) {
        this.host.dropped++;
        continue;
      }
      this.start(next.from, next.call);
    }
    this.show();
  }

  /** The store's answer: a read returns the version; a write bumps it (once per request id). */
  private apply(call: Call, now: number): number {
    const h = this.host;
    if (call.k === 'replay') {
      h.replayed++;
      if (h.version[call.key] !== call.n) {
        // A conflict: someone else wrote the key since the local write's base. Last writer wins by time.
        h.conflicts++;
        h.lostWrites++;
        if (call.at < h.writtenAt[call.key]) return h.version[call.key];
      }
      h.version[call.key]++;
      h.writtenAt[call.key] = call.at;
      return h.version[call.key];
    }
    if (!call.isWrite) return h.version[call.key];
    if (h.applied.has(call.req)) {
      if (call.k === 'retryq') h.duplicates++;
      return h.version[call.key];
    }
    h.applied.add(call.req);
    h.version[call.key]++;
    h.writtenAt[call.key] = now;
    return h.version[call.key];
  }

  private reply(to: number, call: Call, code: ReplyCode, version = 0): void {
    this.ctx.send(to, { k: 'reply', code, attempt: call.attempt, req: call.req, version });
  }
}

/** ln(1 - u) for u in [0, 1), with the deterministic log (src/core/math). */
function lnOneMinus(u: number): number {
  return log(1 - u);
}
