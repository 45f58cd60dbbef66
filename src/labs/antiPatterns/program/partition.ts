/**
 * Scene 4, no partition handling. Front services f0 (left) and f1 (right) each have a pool of `threads`;
 * a request holds a thread until answered, and waits in line (up to 4 x threads, then 503) when none is free.
 * profile is answered locally in PROFILE_MS; orders calls the downstream (d0, d1: DOWNSTREAM_MS of work).
 *
 *   f0   calls without a timeout: a call lost in a partition holds its thread for ever, the pool drains, and
 *        profile, which never touches the downstream, waits in line behind it until its callers time out.
 *   f1   a timeout (timeoutMs) on every call, a circuit breaker, and a fallback answer (a cached default):
 *        count-based window of the last BREAKER.window calls, no verdict before BREAKER.minCalls, OPEN at a
 *        failure rate >= 50 %; OPEN answers with the fallback at once (unrecorded) for BREAKER.openMs; then the
 *        next call half-opens it: exactly BREAKER.trials trial calls, the rest get the fallback; their failure
 *        rate decides OPEN again or CLOSED with a fresh window (resilience4j's rules at teaching sizes: its
 *        defaults are 100 calls, 100, 60 s and 10 trials).
 * A timeout ends the caller's wait, not the callee's work: the downstream may still answer (late, ignored).
 */
import { BREAKER_STATE_WORDS, BreakerState, CircuitBreaker } from '../../../core/resilience';
import type { Actor, NodeContext, StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import { nodeNamesOf } from '../result';
import { NODE, type AntiScenario } from '../scenario';
import { LoadClient } from './client';
import { count, latencyQ, ms1, okPercent, pct, rowsOf } from './measure';
import { WHAT, type Msg } from './messages';
import type { Observer } from './observer';
import type { Scene } from './scene';
import { makeWorld, type Carded } from './world';

export const PROFILE_MS = 2;
export const DOWNSTREAM_MS = 5;
export const BREAKER = { window: 10, minCalls: 5, failurePercent: 50, openMs: 500, trials: 3 } as const;
const N = NODE.partition;

interface Job {
  from: number;
  id: number;
  what: number;
}

export class Front implements Actor<Msg>, Carded {
  private busy = 0;
  private readonly line: Job[] = [];
  private readonly calls = new Map<number, { job: Job; timer: number; tick: number; epoch: number }>();
  private readonly work = new Map<number, Job>();
  private nextCall = 1;
  readonly breaker: CircuitBreaker | undefined;
  /** Times the breaker opened. */
  opened = 0;
  private fullSince = NaN;
  constructor(
    readonly ctx: NodeContext<Msg>,
    private readonly o: { threads: number; downstream: number; guarded: boolean; timeoutTicks: number; side: 0 | 1; pausedTicks: (from: number, to: number) => number },
    private readonly obs: Observer,
  ) {
    const config = { windowCalls: BREAKER.window, minCalls: BREAKER.minCalls, failurePct: BREAKER.failurePercent, openTicks: msToTicks(BREAKER.openMs), trialCalls: BREAKER.trials };
    this.breaker = o.guarded ? new CircuitBreaker(config, (t) => t.to === BreakerState.open && this.onOpen()) : undefined;
  }

  onMessage(from: number, m: Msg): void {
    if (m.k === 'req') {
      const job = { from, id: m.id, what: m.what };
      if (this.busy < this.o.threads) this.start(job);
      else if (this.line.length < 4 * this.o.threads) this.line.push(job);
      else this.ctx.send(from, { k: 'resp', id: m.id, outcome: 'error', value: 503 });
    } else if (m.k === 'callReply') {
      const c = this.calls.get(m.id);
      if (!c) return; // late: the caller timed out already (the downstream did the work anyway)
      this.calls.delete(m.id);
      if (c.timer >= 0) this.ctx.cancelTimer(c.timer);
      if (this.o.guarded && this.heldTooLong(c.tick)) this.obs.broke('timeout-bounds-thread', `a call held a thread of f1 for ${(this.ctx.now() - c.tick) / TICKS_PER_MS} ms`);
      this.breaker?.onResult(this.ctx.now(), c.epoch, false);
      this.finish(c.job, 'ok');
    }
  }

  private start(job: Job): void {
    this.take();
    if (job.what === WHAT.profile) {
      const tag = this.nextCall++;
      this.work.set(tag, job);
      this.ctx.setTimer(msToTicks(PROFILE_MS), tag);
      return;
    }
    const epoch = this.breaker ? this.breaker.tryAcquire(this.ctx.now()) : 0;
    if (epoch < 0) return this.finish(job, 'fallback');
    const id = this.nextCall++;
    const timer = this.o.guarded ? this.ctx.setTimer(this.o.timeoutTicks, id) : -1;
    this.calls.set(id, { job, timer, tick: this.ctx.now(), epoch });
    if (this.breaker?.state === BreakerState.open) this.obs.broke('breaker-open-no-call', `f1 called d1 with its breaker open`);
    this.ctx.send(this.o.downstream, { k: 'call', id });
  }

  onTimer(tag: number): void {
    const w = this.work.get(tag);
    if (w) {
      this.work.delete(tag);
      return this.finish(w, 'ok');
    }
    const c = this.calls.get(tag);
    if (!c) return;
    this.calls.delete(tag);
    if (this.heldTooLong(c.tick)) this.obs.broke('timeout-bounds-thread', `a call held a thread of f1 for ${(this.ctx.now() - c.tick) / TICKS_PER_MS} ms`);
    this.breaker?.onResult(this.ctx.now(), c.epoch, true);
    this.finish(c.job, 'fallback');
  }

  private onOpen(): void {
    this.opened++;
    this.obs.remark(this.ctx.id, `f1's breaker opens: for ${BREAKER.openMs} ms orders get the fallback without calling d1`);
  }

  /** A call started at `tick` held its thread past the timeout, not counting time this node spent paused (its timers wait too). */
  private heldTooLong(tick: number): boolean {
    return this.ctx.now() - tick - this.o.pausedTicks(tick, this.ctx.now()) > this.o.timeoutTicks;
  }

  private take(): void {
    this.busy++;
    if (this.busy === this.o.threads && Number.isNaN(this.fullSince)) {
      this.fullSince = this.ctx.now();
      this.obs.poolFull(this.o.side, true);
      this.obs.remark(this.ctx.id, `f${this.o.side}'s ${this.o.threads} threads are all busy: new requests wait in line`);
    }
  }

  private finish(job: Job, outcome: 'ok' | 'fallback'): void {
    this.ctx.send(job.from, { k: 'resp', id: job.id, outcome, value: 0 });
    this.busy--;
    if (!Number.isNaN(this.fullSince)) {
      this.obs.poolFull(this.o.side, false);
      this.fullSince = NaN;
    }
    const next = this.line.shift();
    if (next) this.start(next);
  }

  card(field: string): number | string {
    if (field === 'role') return 'front service';
    if (field === 'threads') return this.busy;
    if (field === 'queue') return this.line.length;
    if (field === 'breaker') return this.breaker ? `breaker ${BREAKER_STATE_WORDS[this.breaker.state]}` : 'no timeout, no breaker';
    return '';
  }
}

export class Downstream implements Actor<Msg>, Carded {
  private readonly work = new Map<number, { from: number; id: number }>();
  private next = 1;
  served = 0;
  constructor(readonly ctx: NodeContext<Msg>) {}
  onMessage(from: number, m: Msg): void {
    if (m.k !== 'call') return;
    const tag = this.next++;
    this.work.set(tag, { from, id: m.id });
    this.ctx.setTimer(msToTicks(DOWNSTREAM_MS), tag);
  }
  onTimer(tag: number): void {
    const w = this.work.get(tag)!;
    this.work.delete(tag);
    this.served++;
    this.ctx.send(w.from, { k: 'callReply', id: w.id });
  }
  card(field: string): number | string {
    if (field === 'role') return 'downstream';
    if (field === 'threads') return `${this.work.size} working`;
    if (field === 'queue') return '';
    if (field === 'breaker') return `${this.served} served`;
    return '';
  }
}

/** Ticks node `node` spent paused between two times, from the script (pause .. resume, or a crash, or the end). */
export function pausedTicksOf(s: AntiScenario, node: number): (from: number, to: number) => number {
  const spans: [number, number][] = [];
  let since = NaN;
  for (const e of s.events) {
    if (!('node' in e) || e.node !== node) continue;
    if (e.type === 'pause' && Number.isNaN(since)) since = msToTicks(e.t);
    else if ((e.type === 'resume' || e.type === 'crash') && !Number.isNaN(since)) {
      spans.push([since, msToTicks(e.t)]);
      since = NaN;
    }
  }
  if (!Number.isNaN(since)) spans.push([since, Infinity]);
  return (from, to) => spans.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
}

export function buildPartition(s: AntiScenario, stage?: StageOptions<Msg>): Scene {
  const names = nodeNamesOf('partition');
  const fronts: Front[] = [];
  const { sim, obs } = makeWorld(s, names, (ctx, name, o) => {
    if (name === 'c0') {
      return new LoadClient(ctx, [
        { what: WHAT.orders, ratePerSec: s.ordersRatePerSec, targets: [N.f0, N.f1] },
        { what: WHAT.profile, ratePerSec: s.profileRatePerSec, targets: [N.f0, N.f1] },
      ], msToTicks(s.clientTimeoutMs), o, TICKS_PER_MS);
    }
    if (name === 'f0' || name === 'f1') {
      const side = name === 'f0' ? 0 : 1;
      const f = new Front(ctx, { threads: s.threads, downstream: side === 0 ? N.d0 : N.d1, guarded: side === 1, timeoutTicks: msToTicks(s.timeoutMs), side, pausedTicks: pausedTicksOf(s, ctx.id) }, o);
      fronts[side] = f;
      return f;
    }
    return new Downstream(ctx);
  }, stage);
  obs.declare('timeout-bounds-thread', 'With a timeout, f1 never holds a thread on a downstream call longer than the timeout (time it spends paused aside: its timers wait too).', `every call of f1 ended within ${s.timeoutMs} ms`);
  obs.declare('breaker-open-no-call', 'f1 never calls the downstream while its breaker is open.', 'no call left f1 while open');
  return { sim, obs, names, finish: () => partitionOutcome(s, obs, fronts) };
}

function partitionOutcome(s: AntiScenario, obs: Observer, fronts: Front[]) {
  const rows = obs.requests;
  const side = (i: 0 | 1) => {
    const o = rowsOf(rows, i, 'orders');
    const p = rowsOf(rows, i, 'profile');
    return {
      ordersOk: count(o, 'ok'), ordersFallback: count(o, 'fallback'), ordersFailed: count(o, 'error', 'timeout'),
      ordersP99: latencyQ(o, 0.99), profileP99: latencyQ(p, 0.99), profileUp: okPercent(p), poolFullMs: obs.poolFullMs(i, s.durationMs),
    };
  };
  const [b, f] = [side(0), side(1)];
  return {
    compare: [
      { label: 'orders answered ok', broken: String(b.ordersOk), fixed: String(f.ordersOk) },
      { label: 'orders answered with the fallback', broken: String(b.ordersFallback), fixed: String(f.ordersFallback) },
      { label: 'orders failed (timed out at the client or 503)', broken: String(b.ordersFailed), fixed: String(f.ordersFailed) },
      { label: 'orders p99 (answered)', broken: ms1(b.ordersP99), fixed: ms1(f.ordersP99) },
      { label: 'profile uptime (answered ok)', broken: pct(b.profileUp), fixed: pct(f.profileUp) },
      { label: 'profile p99 (answered)', broken: ms1(b.profileP99), fixed: ms1(f.profileP99) },
      { label: 'time the thread pool was exhausted', broken: ms1(b.poolFullMs), fixed: ms1(f.poolFullMs) },
      { label: 'times the breaker opened', broken: '–', fixed: String(fronts[1]?.opened ?? 0) },
    ],
    metrics: {
      ordersOkBroken: b.ordersOk, ordersOkFixed: f.ordersOk, ordersFallbackFixed: f.ordersFallback, ordersFailedBroken: b.ordersFailed, ordersFailedFixed: f.ordersFailed,
      profileUpBroken: b.profileUp, profileUpFixed: f.profileUp, poolFullMsBroken: b.poolFullMs, poolFullMsFixed: f.poolFullMs,
      profileP99Broken: b.profileP99, profileP99Fixed: f.profileP99, breakerOpened: fronts[1]?.opened ?? 0,
    },
  };
}
