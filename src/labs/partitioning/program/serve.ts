/**
 * The workload on the engine: one Simulation node per storage node (plus the directory), each a FIFO queue
 * in front of one CPU. Arrivals, service completions and the directory's forwards are engine callbacks
 * (`sim.at`, ordered by (time, sequence)); crash and recover go through the engine's applyFault, and a
 * completion scheduled before its node crashed is dropped by an epoch check (what the engine does for
 * timers; engine timers cost a Map entry each, too much at 10^6 requests). The network is a constant hop
 * added here (the engine's per-message trace would cost more than the whole workload):
 *   client --hop--> [directory queue] --hop--> [node queue | CPU] --hop--> client
 * Measured while it happens: busy time and queue depth per node x bucket (./meter.ts), a record per part
 * served (./summarize.ts reads them), and what the stage draws (./stageRecorder.ts, outside the hash).
 * Queues: ./queues.ts; what faults and fixes change in placement: ./mitigations.ts.
 */
import { TraceHasher, type TraceHasherState } from '../../../core/hash/traceHasher';
import { log } from '../../../core/math/detMath';
import type { Rng, RngState } from '../../../core/random/rng';
import type { Ring } from '../../../core/ring';
import { taken, type BufferBin, type TypedArrayConstructor } from '../../../sim/bufferBin';
import { applyFault, NodeStatus, Simulation, TraceKind } from '../../../sim/index';
import type { SimulationState } from '../../../sim/simulation';
import { TICKS_PER_MS, msToTicks } from '../../../sim/kit/time';
import type { RunContext } from '../../contract';
import type { Strategy } from '../result';
import { REQUEST_UNITS, type PartitioningEvent, type PartitioningScenario } from '../scenario';
import { Meter } from './meter';
import { hottestKeyOf, hottestRangeSplit, readsOf, replaceAfterFault, saltOwners, type LiveOwners } from './mitigations';
import type { Placements } from './placement';
import { DelayLine, NodeQueues, type NodeQueuesState } from './queues';
import { bucketWidthTicks, emptyServed, F_FANOUT, F_HIT, F_STALE, F_WRITE, FAILED, OK, PENDING, unfinishedNote, type Served, type Workload } from './served';
import { Kind, StageRecorder, stagePlan, stageStateBytes, type StagePlan, type StageRecorderState } from './stageRecorder';

/** The engine's data events (sim.call codes): an arrival, the directory's forwards due, a service done (node, epoch). */
const ARRIVE = 0;
const DRAIN = 1;
const COMPLETE = 2;

/**
 * Everything a Server holds at tick `tick` (every event before it handled, nothing at it yet): restored into
 * a Server for a scenario with the same inputs and the same scripted events before `tick`, the run goes on
 * as this one did (events after `tick` may differ: they are reached as the run goes). Copies throughout: a
 * checkpoint is never mutated, so a cache can hand it to any number of runs.
 */
export interface ServerCheckpoint {
  readonly tick: number;
  /** Scripted events handled (the first `eventsDone` of the script, all before `tick`). */
  readonly eventsDone: number;
  /** Work units the run charged up to here (a restored run charges them again: warm costs what cold does). */
  readonly charged: number;
  readonly next: number;
  /** Requests below this one had all ended (answered or failed): every column of theirs is final. */
  readonly settled: number;
  readonly sim: SimulationState;
  readonly hasher: TraceHasherState;
  readonly nodeRng: readonly RngState[];
  readonly saltRng: RngState;
  readonly down: Uint8Array;
  readonly downBy: Int32Array;
  readonly epoch: Uint32Array;
  readonly servedBy: Float64Array;
  readonly owners: Uint16Array;
  readonly ring: Ring;
  readonly saltK: number;
  readonly saltOwners: Uint16Array;
  readonly cacheTtl: number;
  readonly cachedAt: Float64Array | null;
  readonly lastWrite: Float64Array | null;
  readonly queues: NodeQueuesState;
  readonly forwards: DelayLine;
  readonly meter: { readonly phase: number; readonly busyEnd: Float64Array; readonly overlapped: readonly number[] };
  readonly stage: StageRecorderState;
  /** The run's outputs so far: per-request columns below `next`, parts below partCount, per-phase rows reached. */
  readonly flags: Uint8Array;
  readonly state: Uint8Array;
  readonly latencyUs: Float32Array;
  readonly parts: Uint8Array;
  readonly fanK: Uint8Array;
  readonly partCount: number;
  readonly partNode: Uint16Array;
  readonly partBucket: Uint8Array;
  readonly partUs: Float32Array;
  readonly busyUs: Float64Array;
  readonly queueMax: Uint32Array;
  readonly busyPhaseUs: Float64Array;
  readonly failedByEvent: Uint32Array;
  readonly failedBucket: Uint32Array;
  readonly okBucket: Uint32Array;
  readonly saltKByPhase: Uint8Array;
  /** Bytes it holds (for the run cache's bound). */
  readonly bytes: number;
}

/** Checkpoints for one run: where to resume from (if any) and the ticks to take new ones at (ascending). */
export interface CheckpointPlan {
  resume?: ServerCheckpoint;
  take: readonly number[];
}

/**
 * Runs the workload under `strategy`, cut into `buckets` time buckets; the stage names `namedKeys` in its
 * labels. With `checkpoints`, resumes from one and returns the ones taken (Served.checkpoints). `w.flags`
 * is not changed: the run writes a copy (Served.flags).
 */
export function serve(
  s: PartitioningScenario, w: Workload, p: Placements, strategy: Strategy, buckets: number, context: RunContext, namedKeys: ArrayLike<number>,
  checkpoints: CheckpointPlan = { take: [] },
): Served {
  return new Server(s, w, p, strategy, buckets, context, namedKeys, checkpoints).run();
}

/** The stage plan a run of `s` on `w` records under: it depends on every scripted event (a checkpoint's key holds it). */
export function planOf(s: PartitioningScenario, w: Workload, buckets: number): StagePlan {
  const dir = s.strategy === 'directory' ? s.nodes : -1;
  const slots = s.nodes + (dir >= 0 ? 1 : 0);
  const hop = msToTicks(s.hopMs);
  const width = bucketWidthTicks(w.t0[w.t0.length - 1] + hop, buckets);
  const hotReads = s.events.some((e) => e.type === 'salt') ? readsOf(w.key, w.flags, w.hottestKey ?? hottestKeyOf(w.key, s.keys)) : 0;
  return stagePlan(s, slots, width * buckets, hotReads);
}

class Server {
  private readonly sim: Simulation<never>;
  private readonly hop: number;
  private readonly slots: number;
  private readonly dir: number;
  /** The stage's id of the router (one past the last engine node). */
  private readonly router: number;
  private readonly out: Served;
  private readonly meter: Meter;
  private readonly stage: StageRecorder;
  private hasher = new TraceHasher();
  private readonly live: LiveOwners;
  private readonly down: Uint8Array;
  private readonly downBy: Int32Array;
  /** +1 at every crash: a service completion scheduled in an older epoch is dropped (its node crashed). */
  private readonly epoch: Uint32Array;
  private readonly queues: NodeQueues;
  private forwards = new DelayLine();
  private readonly servedBy: Float64Array;
  private readonly serviceMean: number[];
  private readonly nodeRng: Rng[];
  private next = 0;
  /** The first request not ended yet, as of the last checkpoint (requests end once; it only moves up). */
  private settled = 0;
  private readonly routeFromDirectory = (i: number) => this.route(i, this.dir);
  /** The run's copy of the workload's flags (hits, fan-outs are written into it). */
  private readonly flags: Uint8Array;
  /** Scripted events handled, and work units charged, so far. */
  private eventsDone = 0;
  private charged = 0;
  private readonly taken: ServerCheckpoint[] = [];
  // Mitigations.
  private saltK = 1;
  private readonly saltKey: number;
  private saltOwners: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
  private readonly saltRng: Rng;
  private readonly plan: StagePlan;
  private cacheTtl = 0;
  private cachedAt: Float64Array | null = null;
  private lastWrite: Float64Array | null = null;
  /** Where the run's large working columns come from (the run cache's; none in a one-shot run). */
  private readonly bin: BufferBin | undefined;

  constructor(
    private readonly s: PartitioningScenario,
    private readonly w: Workload,
    private readonly p: Placements,
    private readonly strategy: Strategy,
    buckets: number,
    private readonly context: RunContext,
    namedKeys: ArrayLike<number>,
    private readonly checkpoints: CheckpointPlan,
  ) {
    this.dir = strategy === 'directory' ? s.nodes : -1;
    this.slots = s.nodes + (this.dir >= 0 ? 1 : 0);
    this.router = this.slots;
    this.hop = msToTicks(s.hopMs);
    const requests = w.t0.length;
    const width = bucketWidthTicks(w.t0[requests - 1] + this.hop, buckets);
    this.sim = new Simulation<never>({ seed: s.seed, nodes: this.slots, protocol: () => ({ onMessage() {} }), limits: { maxTraceEntries: 2 ** 31 - 1 } });
    this.sim.onCall((code, a, b) => {
      if (code === ARRIVE) this.onArrival();
      else if (code === COMPLETE) this.complete(a, b);
      else this.drain();
    });
    this.bin = context.cache?.bin;
    this.flags = this.copy(w.flags, Uint8Array);
    this.live = { owners: this.copy(p.owners[strategy], Uint16Array), ring: p.ring };
    this.down = new Uint8Array(this.slots);
    this.downBy = new Int32Array(this.slots).fill(-1);
    this.epoch = new Uint32Array(this.slots);
    this.queues = new NodeQueues(this.slots);
    this.servedBy = new Float64Array(this.slots);
    this.serviceMean = Array.from({ length: this.slots }, (_, i) => (i === this.dir ? s.directoryMs : s.serviceMs) * TICKS_PER_MS);
    this.nodeRng = Array.from({ length: this.slots }, (_, i) => this.sim.node(i).rng.fork('service'));
    this.saltRng = this.sim.node(0).rng.fork('salt');
    this.saltKey = w.key.length > 0 ? (w.hottestKey ?? hottestKeyOf(w.key, s.keys)) : 0;
    const hotReads = s.events.some((e) => e.type === 'salt') ? readsOf(w.key, w.flags, this.saltKey) : 0;
    this.plan = stagePlan(s, this.slots, width * buckets, hotReads);
    this.stage = new StageRecorder(this.plan, this.slots + 1, requests, w.key, s.keys, namedKeys, this.bin);
    this.out = emptyServed(s, this.slots, buckets, width, this.stage, this.bin);
    this.out.flags = this.flags;
    this.meter = new Meter(width, buckets, this.slots, this.out.busyUs, this.out.busyPhaseUs, this.out.queueMax);
  }

  /**
   * Scripted events are reached as the run goes (run to the tick before one, then handle it before
   * anything else at its tick: what scheduling them all first did), so the state at any tick depends only
   * on the events before it, and a checkpoint can be taken there.
   */
  run(): Served {
    const s = this.s;
    const o = this.out;
    const sim = this.sim;
    const last = o.endTick - 1;
    if (this.checkpoints.resume) this.restore(this.checkpoints.resume);
    else if (this.w.t0.length > 0) sim.call(this.w.t0[0] + this.hop, ARRIVE, 0, 0);
    const from = this.checkpoints.resume?.tick ?? 0;
    const take = this.checkpoints.take.filter((c) => c > from && c <= last);
    let k = 0;
    for (;;) {
      const e = this.eventsDone < s.events.length ? s.events[this.eventsDone] : undefined;
      const eventTick = e ? msToTicks(e.t) : Infinity;
      const until = Math.min(eventTick, k < take.length ? take[k] : Infinity, last + 1);
      if (until > last) break;
      sim.run(until - 1);
      if (sim.stoppedAtLimit !== undefined) break;
      if (k < take.length && take[k] === until) {
        this.taken.push(this.checkpoint(until));
        k++;
      } else if (!sim.runFirst(eventTick, () => this.onEvent(e!, this.eventsDone))) break;
      else this.eventsDone++;
    }
    const result = sim.run(last);
    // Events past the run's end never happen, yet their phases still open there: busy time after them moves.
    for (let i = this.eventsDone; i < s.events.length; i++) this.meter.advance(i + 1, msToTicks(s.events[i].t));
    o.engineEvents = result.events;
    o.stoppedAtLimit = result.stoppedAtLimit ?? unfinishedNote(o);
    o.hash = this.hasher.string(sim.trace.hash()).hex();
    o.checkpoints = this.taken;
    o.working = [this.live.owners, this.cachedAt, this.lastWrite];
    return o;
  }

  /** A copy of `a` in a column from the bin. */
  private copy<T extends Uint8Array | Uint16Array | Float64Array>(a: ArrayLike<number>, type: TypedArrayConstructor<T>): T {
    const c = taken(this.bin, type, a.length);
    c.set(a);
    return c;
  }

  private work(units: number): void {
    this.charged += units;
    this.context.work(units);
  }

  // ---- checkpoints ----

  private checkpoint(tick: number): ServerCheckpoint {
    const o = this.out;
    const n = this.next;
    const phases = this.eventsDone + 1;
    while (this.settled < n && o.state[this.settled] !== PENDING) this.settled++;
    const stage = this.stage.snapshot(n);
    const cp: Omit<ServerCheckpoint, 'bytes'> = {
      tick,
      eventsDone: this.eventsDone,
      charged: this.charged,
      next: n,
      settled: this.settled,
      sim: this.sim.snapshot(),
      hasher: this.hasher.snapshot(),
      nodeRng: this.nodeRng.map((r) => r.save()),
      saltRng: this.saltRng.save(),
      down: this.down.slice(), downBy: this.downBy.slice(), epoch: this.epoch.slice(), servedBy: this.servedBy.slice(),
      owners: Uint16Array.from(this.live.owners), ring: this.live.ring,
      saltK: this.saltK, saltOwners: Uint16Array.from(this.saltOwners), cacheTtl: this.cacheTtl,
      cachedAt: this.cachedAt?.slice() ?? null, lastWrite: this.lastWrite?.slice() ?? null,
      queues: this.queues.snapshot(), forwards: this.forwards.copy(),
      meter: { phase: this.meter.phase, busyEnd: this.meter.busyEnd.slice(), overlapped: [...this.meter.overlapped] },
      stage,
      flags: this.flags.slice(0, n), state: o.state.slice(0, n), latencyUs: o.latencyUs.slice(0, n), parts: o.parts.slice(0, n), fanK: o.fanK.slice(0, n),
      partCount: o.partCount, partNode: o.partNode.slice(0, o.partCount), partBucket: o.partBucket.slice(0, o.partCount), partUs: o.partUs.slice(0, o.partCount),
      busyUs: o.busyUs.slice(), queueMax: o.queueMax.slice(), busyPhaseUs: o.busyPhaseUs.slice(0, phases * this.slots),
      failedByEvent: o.failedByEvent.slice(0, this.eventsDone), failedBucket: o.failedBucket.slice(), okBucket: o.okBucket.slice(),
      saltKByPhase: o.saltKByPhase.slice(0, phases),
    };
    const queued = cp.queues.ids.reduce((sum, a) => sum + 12 * a.length, 0);
    const bytes = 8 * n + 4 * n /* flags, state, parts, fanK, latency */ + 7 * o.partCount + 12 * o.busyUs.length + 8 * cp.busyPhaseUs.length
      + 2 * cp.owners.length + (cp.cachedAt ? 16 * cp.cachedAt.length : 0) + queued + stageStateBytes(stage)
      + 32 * this.slots + 16 * (cp.sim.queue.seqs.length + cp.sim.slots.kind.length) + 200_000;
    return { ...cp, bytes };
  }

  private restore(cp: ServerCheckpoint): void {
    this.work(cp.charged);
    const o = this.out;
    this.sim.restore(cp.sim);
    this.hasher = TraceHasher.resume(cp.hasher);
    cp.nodeRng.forEach((st, i) => this.nodeRng[i].restore(st));
    this.saltRng.restore(cp.saltRng);
    this.eventsDone = cp.eventsDone;
    this.next = cp.next;
    this.settled = cp.settled;
    this.down.set(cp.down);
    this.downBy.set(cp.downBy);
    this.epoch.set(cp.epoch);
    this.servedBy.set(cp.servedBy);
    this.live.owners.set(cp.owners); // the constructor's copy: one owner per key, as the checkpoint's
    this.live.ring = cp.ring;
    this.saltK = cp.saltK;
    this.saltOwners = cp.saltOwners.slice();
    this.cacheTtl = cp.cacheTtl;
    this.cachedAt = cp.cachedAt ? this.copy(cp.cachedAt, Float64Array) : null;
    this.lastWrite = cp.lastWrite ? this.copy(cp.lastWrite, Float64Array) : null;
    this.queues.restore(cp.queues);
    this.forwards = cp.forwards.copy();
    this.meter.phase = cp.meter.phase;
    this.meter.busyEnd.set(cp.meter.busyEnd);
    this.meter.overlapped = [...cp.meter.overlapped];
    this.stage.restore(cp.stage);
    this.flags.set(cp.flags);
    o.state.set(cp.state);
    o.latencyUs.set(cp.latencyUs);
    o.parts.set(cp.parts);
    o.fanK.set(cp.fanK);
    o.partCount = cp.partCount;
    o.partNode.set(cp.partNode);
    o.partBucket.set(cp.partBucket);
    o.partUs.set(cp.partUs);
    o.busyUs.set(cp.busyUs);
    o.queueMax.set(cp.queueMax);
    o.busyPhaseUs.set(cp.busyPhaseUs);
    o.failedByEvent.set(cp.failedByEvent);
    o.failedBucket.set(cp.failedBucket);
    o.okBucket.set(cp.okBucket);
    o.saltKByPhase.set(cp.saltKByPhase);
    o.resumedFrom = cp;
  }

  // ---- arrivals and routing ----

  private onArrival(): void {
    const i = this.next++;
    const w = this.w;
    if ((i & 16383) === 0) {
      this.work(REQUEST_UNITS * Math.min(16384, w.t0.length - i));
      this.context.progress(0.3 + (0.6 * i) / w.t0.length);
    }
    if (i + 1 < w.t0.length) this.sim.call(w.t0[i + 1] + this.hop, ARRIVE, 0, 0);
    const key = w.key[i];
    if (this.cacheTtl > 0 && !(this.flags[i] & F_WRITE) && this.cacheHit(i, key)) return;
    if (this.dir >= 0) {
      const isUp = !this.down[this.dir];
      this.stage.request(i, Kind.lookup, this.router, this.dir, this.sim.now - this.hop, this.sim.now, isUp);
      if (isUp) this.enqueue(this.dir, i);
      else this.fail(i, this.downBy[this.dir]);
      return;
    }
    this.route(i, this.router);
  }

  private cacheHit(i: number, key: number): boolean {
    const at = this.cachedAt![key];
    const now = this.sim.now;
    if (!(at >= 0 && now - at < this.cacheTtl)) return false;
    const o = this.out;
    o.state[i] = OK;
    o.latencyUs[i] = now + this.hop - this.w.t0[i];
    this.stage.ended[i] = now + this.hop;
    this.flags[i] |= F_HIT | (this.lastWrite![key] > at ? F_STALE : 0);
    o.okBucket[this.meter.bucketOf(now)]++;
    return true;
  }

  /** Sends request i (arriving from `from`) to its owner(s): one node, or every salt of a salted key for a read. */
  private route(i: number, from: number): void {
    const key = this.w.key[i];
    const isWrite = (this.flags[i] & F_WRITE) !== 0;
    if (this.saltK > 1 && key === this.saltKey) {
      const k = this.saltK;
      if (isWrite) return this.toNode(this.saltOwners[this.saltRng.int(k)], i, from, Kind.write);
      for (let j = 0; j < k; j++) if (this.down[this.saltOwners[j]]) return this.toNode(this.saltOwners[j], i, from, Kind.salted);
      this.flags[i] |= F_FANOUT;
      this.out.parts[i] = k;
      this.out.fanK[i] = k;
      for (let j = 0; j < k; j++) {
        this.stage.request(i, Kind.salted, from, this.saltOwners[j], this.sim.now - this.hop, this.sim.now, true);
        this.enqueue(this.saltOwners[j], i);
      }
      return;
    }
    this.toNode(this.live.owners[key], i, from, isWrite ? Kind.write : Kind.read);
  }

  private toNode(node: number, i: number, from: number, kind: number): void {
    const isUp = !this.down[node];
    this.stage.request(i, kind, from, node, this.sim.now - this.hop, this.sim.now, isUp);
    if (!isUp) return this.fail(i, this.downBy[node]);
    this.out.parts[i] = 1;
    this.enqueue(node, i);
  }

  private fail(i: number, cause: number): void {
    const o = this.out;
    if (o.state[i] !== PENDING) return;
    o.state[i] = FAILED;
    o.failedBucket[this.meter.bucketOf(this.sim.now)]++;
    if (cause >= 0) o.failedByEvent[cause]++;
    this.stage.ended[i] = this.sim.now;
    this.hasher.number(-1).number(i).number(this.sim.now);
  }

  // ---- queues and service ----

  private enqueue(node: number, i: number): void {
    const now = this.sim.now;
    const len = this.queues.push(node, i, now);
    this.meter.noteDepth(node, len, now);
    this.stage.depth.set(node, len, now);
    if (len === 1) this.startService(node);
  }

  private startService(node: number): void {
    const u = this.nodeRng[node].float();
    const ticks = Math.max(1, Math.round(-log(1 - u) * this.serviceMean[node]));
    this.meter.addBusy(node, this.sim.now, ticks);
    const epoch = this.epoch[node];
    this.sim.call(this.sim.now + ticks, COMPLETE, node, epoch);
  }

  /** The head of node's queue is done, unless the node crashed since the service started (a new epoch). */
  private complete(node: number, epoch: number): void {
    if (epoch !== this.epoch[node]) return;
    const now = this.sim.now;
    const q = this.queues;
    const i = q.headId(node);
    const since = q.headAt(node);
    const len = q.shift(node);
    this.meter.noteDepth(node, len, now);
    this.stage.depth.set(node, len, now);
    this.servedBy[node]++;
    const o = this.out;
    const part = o.partCount++;
    o.partNode[part] = node;
    o.partBucket[part] = this.meter.bucketOf(now);
    o.partUs[part] = now - since + 2 * this.hop;
    this.hasher.number(node).number(i).number(now);
    if (len > 0) this.startService(node);
    if (node === this.dir) {
      if (this.forwards.push(i, now + this.hop)) this.sim.call(now + this.hop, DRAIN, 0, 0);
    } else {
      this.stage.reply(i, node, this.router, now, now + this.hop);
      this.finishPart(i);
    }
  }

  private finishPart(i: number): void {
    const o = this.out;
    if (o.state[i] !== PENDING) return;
    if (--o.parts[i] > 0) return;
    const now = this.sim.now;
    o.state[i] = OK;
    o.latencyUs[i] = now + this.hop - this.w.t0[i];
    this.stage.ended[i] = now + this.hop;
    o.okBucket[this.meter.bucketOf(now)]++;
    const key = this.w.key[i];
    if (this.flags[i] & F_WRITE) {
      if (this.lastWrite) this.lastWrite[key] = now;
    } else if (this.cacheTtl > 0) {
      this.cachedAt![key] = now;
    }
  }

  /** The directory's forwards due now reach their nodes. */
  private drain(): void {
    const nextDue = this.forwards.drain(this.sim.now, this.routeFromDirectory);
    if (!Number.isNaN(nextDue)) this.sim.call(nextDue, DRAIN, 0, 0);
  }

  // ---- scripted events ----

  private onEvent(e: PartitioningEvent, index: number): void {
    this.meter.advance(index + 1, this.sim.now);
    this.work(2 * this.s.keys);
    const sim = this.sim;
    if (e.type === 'crash' || e.type === 'recover') return this.onFault(e.type, e.node, index);
    sim.record(TraceKind.script, -1, -1, index);
    if (e.type === 'salt') {
      this.saltK = e.k;
      this.saltOwners = saltOwners(this.s, this.strategy, this.live, this.down, this.saltKey, this.saltK);
    } else if (e.type === 'split') {
      // Requests per key so far: every arrival before now (counted here, not on each arrival: splits are rare).
      const keyHits = new Uint32Array(this.s.keys);
      for (let i = 0; i < this.next; i++) keyHits[this.w.key[i]]++;
      const split = hottestRangeSplit(this.live.owners, keyHits, this.down, this.servedBy, this.s.nodes);
      if (split) {
        this.live.owners.fill(split.to, split.at, split.end);
        this.hasher.number(-2).number(split.at).number(split.end).number(split.to);
      }
    } else {
      this.cacheTtl = msToTicks(e.ttlMs);
      this.cachedAt ??= new Float64Array(this.s.keys).fill(-1);
      this.lastWrite ??= new Float64Array(this.s.keys).fill(-1);
    }
    this.out.saltKByPhase[index + 1] = this.saltK > 1 ? this.saltK : 0;
  }

  private onFault(type: 'crash' | 'recover', node: number, index: number): void {
    const sim = this.sim;
    applyFault(sim, { type, node }, index);
    const isDown = sim.node(node).status === NodeStatus.crashed;
    if (isDown === (this.down[node] === 1)) return;
    this.down[node] = isDown ? 1 : 0;
    this.downBy[node] = isDown ? index : -1;
    this.stage.fault(isDown ? TraceKind.crash : TraceKind.recover, node, sim.now, index);
    if (isDown) {
      this.epoch[node]++;
      this.queues.drop(node, (i) => this.fail(i, index));
      this.stage.depth.set(node, 0, sim.now);
    }
    if (node === this.dir) return;
    replaceAfterFault(this.s, this.p, this.strategy, this.live, this.down, node, isDown);
    if (this.saltK > 1) this.saltOwners = saltOwners(this.s, this.strategy, this.live, this.down, this.saltKey, this.saltK);
  }
}
