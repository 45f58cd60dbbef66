/**
 * A caller: one instance of the client service. User requests arrive at it (open loop, from its own
 * stream; see ./simulate.ts); it calls a server chosen at random (its own stream) or its key's shard, waits
 * `timeout`, and
 * on a timeout or a rejection retries after a backoff (jitter from its own stream) up to `retries` times.
 * A timeout ends the wait, not the server's work: the call may have succeeded (a late reply is counted).
 *
 * The strategy decides what it does around that:
 *   breaker   a circuit breaker per caller (src/core/resilience): an open breaker fails fast, no retry
 *   fallback  a final failure answers "fallback" at once and puts a write into the retry queue (on disk):
 *             full-jitter backoff, `queueAttempts` tries, then the dead-letter queue
 *   stale     a cache: fresh within ttl; within ttl + swr served stale while one refresh runs; within
 *             ttl + sie served stale when the downstream fails
 *   degrade   a final failure answers from local data; a write is kept on disk with the version it saw,
 *             and replayed after the next success (the servers resolve conflicts, last writer wins)
 *   shed      a retry budget: a retry spends a token, a success earns 0.1
 */
import type { Rng } from '../../../core/random/rng';
import { backoffTicks } from '../../../core/resilience/backoff';
import { BREAKER_STATE_WORDS, CircuitBreaker } from '../../../core/resilience/circuitBreaker';
import { RetryBudget } from '../../../core/resilience/retryBudget';
import type { NodeContext } from '../../../sim/index';
import { Outcome, type OutcomeCode } from '../result';
import type { Config, Host } from './host';
import type { Call, CallKind, Msg, Reply } from './messages';

/** A user request while the caller works on it. */
interface Req {
  id: number;
  key: number;
  isWrite: boolean;
  arrive: number;
  /** Tries made so far. */
  n: number;
  prevWait: number;
}

interface Attempt {
  kind: CallKind;
  req?: Req;
  job?: Job;
  write?: PendingWrite;
  key: number;
  epoch: number;
  timer: number;
  /** When the attempt was sent (ticks). */
  sent: number;
}

/** A write in the retry queue (fallback). */
interface Job {
  req: number;
  key: number;
  attempts: number;
  /** When it was queued (ticks). */
  since: number;
}

/** A write taken locally during a partition (degrade). */
interface PendingWrite {
  key: number;
  base: number;
  at: number;
  isSent: boolean;
}

/** What survives a crash (the caller's disk): the retry queue, the DLQ, local writes, attempt ids. */
interface Disk {
  queue: Job[];
  dlq: number[];
  pending: PendingWrite[];
  nextAttempt: number;
}

export class Caller {
  private readonly c: Config;
  private readonly disk: Disk;
  private readonly breaker: CircuitBreaker | undefined;
  private readonly budget: RetryBudget | undefined;
  private readonly route: Rng;
  private readonly jitter: Rng;
  private readonly inflight = new Map<number, Attempt>();
  private readonly timers = new Map<number, () => void>();
  private readonly cache = new Map<number, { at: number; version: number }>();
  private readonly refreshing = new Set<number>();
  private readonly local = new Map<number, number>();
  private readonly open = new Set<Req>();

  constructor(private readonly ctx: NodeContext<Msg>, private readonly host: Host) {
    this.c = host.c;
    const storage = ctx.storage as { disk?: Disk };
    storage.disk ??= { queue: [], dlq: [], pending: [], nextAttempt: 0 };
    this.disk = storage.disk;
    const s = this.c.s;
    this.breaker = this.c.strategy === 'breaker'
      ? new CircuitBreaker({ windowCalls: s.windowCalls, minCalls: s.minCalls, failurePct: s.failurePct, openTicks: this.c.open, trialCalls: s.trialCalls }, (t) => host.breakerChanged(ctx.id, t))
      : undefined;
    this.budget = this.c.strategy === 'shed' && s.budgetTokens > 0 ? new RetryBudget(s.budgetTokens) : undefined;
    this.route = ctx.rng.fork(`route/${ctx.incarnation}`);
    this.jitter = ctx.rng.fork(`jitter/${ctx.incarnation}`);
  }

  onStart(): void {
    this.ctx.card('role', 'caller');
    this.host.breakerOf[this.ctx.id] = 0;
    // The queue's timers died with the last incarnation: schedule every job again.
    for (const job of this.disk.queue) this.schedule(job);
    for (const w of this.disk.pending) w.isSent = false;
    this.show();
  }

  private show(): void {
    this.host.retryQOf[this.ctx.id] = this.disk.queue.length;
    this.host.dlqOf[this.ctx.id] = this.disk.dlq.length;
    // Jobs leave the queue from anywhere but join at its end: the first one is the oldest.
    this.host.oldestSinceOf[this.ctx.id] = this.disk.queue.length > 0 ? this.disk.queue[0].since : Infinity;
    if (!this.host.isStaged) return;
    const breaker = this.breaker ? `${BREAKER_STATE_WORDS[this.breaker.state]} · ` : '';
    if (this.breaker) this.ctx.card('breaker', BREAKER_STATE_WORDS[this.breaker.state]);
    this.ctx.card('state', `${breaker}in flight ${this.inflight.size}`);
    this.ctx.card('queue', this.disk.queue.length);
    const st = this.c.strategy;
    const detail = st === 'fallback' ? `DLQ ${this.disk.dlq.length}`
      : st === 'shed' && this.budget ? `budget ${this.budget.tokens.toFixed(1)}`
        : st === 'degrade' ? `local writes ${this.disk.pending.length}`
          : st === 'stale' ? `cached ${this.cache.size}`
            : '';
    this.ctx.card('detail', detail);
  }

  /** The requests this caller is working on (ended as errors by the host if it crashes). */
  openRequests(): number[] {
    return [...this.open].map((r) => r.id);
  }

  /** A user request arrives now. */
  arrive(id: number, key: number, isWrite: boolean): void {
    const now = this.ctx.now();
    const r: Req = { id, key, isWrite, arrive: now, n: 0, prevWait: this.c.backoffBase };
    this.open.add(r);
    if (this.c.ttl > 0 && !isWrite) {
      const e = this.cache.get(key);
      const age = e ? now - e.at : Infinity;
      if (age <= this.c.ttl) {
        this.host.cacheHits++;
        this.end(r, Outcome.ok);
        return;
      }
      if (this.c.strategy === 'stale' && age <= this.c.ttl + this.c.swr) {
        this.serveStale(r, age);
        this.refresh(key);
        return;
      }
    }
    this.send(r);
  }

  private end(r: Req, outcome: OutcomeCode): void {
    this.open.delete(r);
    this.host.end(this.ctx.now(), r.id, outcome);
  }

  private serveStale(r: Req, age: number): void {
    this.host.staleAge.push(age);
    this.end(r, Outcome.stale);
  }

  /** One try of request r. */
  private send(r: Req): void {
    const now = this.ctx.now();
    let epoch = 0;
    if (this.breaker) {
      epoch = this.breaker.tryAcquire(now);
      this.host.maxTrialsAdmitted = Math.max(this.host.maxTrialsAdmitted, this.breaker.trialsAdmitted);
      if (epoch < 0) {
        // Rejected at once and unrecorded: an open breaker is not a failure of the downstream.
        this.host.breakerRejected++;
        this.finalFail(r, Outcome.rejected);
        this.show();
        return;
      }
    }
    r.n++;
    this.host.attempt(now, r.n > 1);
    const deadline = Math.min(r.arrive + this.c.deadline, now + this.c.timeout);
    this.call({ kind: 'call', req: r, key: r.key, epoch, timer: -1, sent: 0 }, { k: 'call', attempt: 0, req: r.id, key: r.key, isWrite: r.isWrite, deadline, n: r.n, at: 0 });
  }

  /** Sends one attempt to a random server and starts its timeout; `body` is the message, its attempt id set here. */
  private call(a: Attempt, body: Call): void {
    const attempt = this.disk.nextAttempt++;
    body.attempt = attempt;
    const server = this.c.callers + (this.c.s.sharded ? body.key % this.c.servers : this.route.int(this.c.servers));
    a.timer = this.after(this.c.timeout, () => this.onTimeout(attempt));
    a.sent = this.ctx.now();
    this.inflight.set(attempt, a);
    this.ctx.send(server, body);
    this.show();
  }

  private after(ticks: number, fn: () => void): number {
    const handle = this.ctx.setTimer(ticks, 0);
    this.timers.set(handle, fn);
    return handle;
  }

  onTimer(_tag: number, handle: number): void {
    const fn = this.timers.get(handle);
    if (!fn) return;
    this.timers.delete(handle);
    fn();
  }

  onMessage(_from: number, msg: Msg): void {
    if (msg.k !== 'reply') return;
    const a = this.inflight.get(msg.attempt);
    if (!a) {
      // The caller stopped waiting (timeout) or restarted since: the work was done anyway.
      if (msg.code === 'ok') this.host.lateReplies++;
      return;
    }
    this.inflight.delete(msg.attempt);
    if (msg.code === 'ok' && a.kind === 'call') this.host.roundTrip(a.sent, this.ctx.now());
    this.ctx.cancelTimer(a.timer);
    this.timers.delete(a.timer);
    this.settle(a, msg);
    this.show();
  }

  private onTimeout(attempt: number): void {
    const a = this.inflight.get(attempt);
    if (!a) return;
    this.inflight.delete(attempt);
    this.settle(a, undefined);
    this.show();
  }

  /** An attempt ended: a reply, or the timeout (undefined). */
  private settle(a: Attempt, reply: Reply | undefined): void {
    const now = this.ctx.now();
    const isOk = reply?.code === 'ok';
    if (a.kind === 'refresh') {
      this.refreshing.delete(a.key);
      if (isOk) this.cache.set(a.key, { at: now, version: reply!.version });
      return;
    }
    if (a.kind === 'replay') {
      const w = a.write!;
      if (isOk) this.disk.pending.splice(this.disk.pending.indexOf(w), 1);
      else w.isSent = false;
      return;
    }
    if (a.kind === 'retryq') {
      this.jobEnded(a.job!, isOk);
      return;
    }
    const r = a.req!;
    this.breaker?.onResult(now, a.epoch, !isOk);
    if (isOk) {
      this.budget?.onSuccess();
      this.success(r, reply!.version);
      return;
    }
    this.fail(r, reply ? Outcome.rejected : Outcome.error);
  }

  private success(r: Req, version: number): void {
    const now = this.ctx.now();
    if (this.c.ttl > 0) {
      this.cache.set(r.key, { at: now, version });
      this.host.missLatency.push(now - r.arrive);
    }
    this.local.set(r.key, version);
    this.end(r, Outcome.ok);
    if (this.c.strategy === 'degrade') this.reconcile();
  }

  /** A try failed (timed out, or 503/429): retry after the backoff if allowed, else the final failure. */
  private fail(r: Req, cause: OutcomeCode): void {
    if (r.n <= this.c.s.retries) {
      if (this.budget && !this.budget.tryRetry()) {
        this.host.budgetDenied++;
      } else {
        const wait = backoffTicks(this.c.backoff, r.n - 1, this.c.backoffBase, this.c.backoffCap, this.jitter, r.prevWait);
        r.prevWait = Math.max(1, wait);
        if (wait === 0) this.send(r);
        else this.after(wait, () => this.send(r));
        return;
      }
    }
    this.finalFail(r, cause);
  }

  private finalFail(r: Req, cause: OutcomeCode): void {
    const now = this.ctx.now();
    switch (this.c.strategy) {
      case 'fallback':
        this.end(r, Outcome.fallback);
        if (r.isWrite) {
          const job: Job = { req: r.id, key: r.key, attempts: 0, since: now };
          this.disk.queue.push(job);
          this.host.enqueued++;
          this.schedule(job);
        }
        return;
      case 'stale': {
        const e = this.cache.get(r.key);
        if (e && now - e.at <= this.c.ttl + this.c.sie) {
          this.serveStale(r, now - e.at);
          return;
        }
        break;
      }
      case 'degrade':
        if (r.isWrite) this.disk.pending.push({ key: r.key, base: this.local.get(r.key) ?? 0, at: now, isSent: false });
        this.end(r, Outcome.local);
        return;
    }
    this.end(r, cause);
  }

  /** stale-while-revalidate: one background refresh per key at a time. */
  private refresh(key: number): void {
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    const now = this.ctx.now();
    this.host.attempt(now, false);
    this.call({ kind: 'refresh', key, epoch: 0, timer: -1, sent: 0 }, { k: 'refresh', attempt: 0, req: -1, key, isWrite: false, deadline: now + this.c.timeout, n: 1, at: 0 });
  }

  private schedule(job: Job): void {
    const wait = backoffTicks('full', job.attempts, this.c.queueBase, this.c.queueCap, this.jitter);
    this.after(Math.max(1, wait), () => {
      const now = this.ctx.now();
      this.host.attempt(now, true);
      this.call({ kind: 'retryq', job, key: job.key, epoch: 0, timer: -1, sent: 0 }, { k: 'retryq', attempt: 0, req: job.req, key: job.key, isWrite: true, deadline: now + this.c.timeout, n: job.attempts + 1, at: 0 });
    });
  }

  private jobEnded(job: Job, isOk: boolean): void {
    const i = this.disk.queue.indexOf(job);
    if (i < 0) return;
    if (isOk) {
      this.disk.queue.splice(i, 1);
      this.host.queueDone++;
      return;
    }
    job.attempts++;
    if (job.attempts >= this.c.s.queueAttempts) {
      this.disk.queue.splice(i, 1);
      this.disk.dlq.push(job.req);
      this.host.toDlq(this.ctx.now(), this.ctx.id, job.req);
      return;
    }
    this.schedule(job);
  }

  /** After a success: replay the writes taken locally (each once at a time) with the version they saw. */
  private reconcile(): void {
    const now = this.ctx.now();
    for (const w of this.disk.pending) {
      if (w.isSent) continue;
      w.isSent = true;
      this.call({ kind: 'replay', write: w, key: w.key, epoch: 0, timer: -1, sent: 0 }, { k: 'replay', attempt: 0, req: -1, key: w.key, isWrite: true, deadline: now + this.c.timeout, n: w.base, at: w.at });
    }
  }
}
