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
import { TraceHasher } from '../../../core/hash/traceHasher';
import { log } from '../../../core/math/detMath';
import type { Rng } from '../../../core/random/rng';
import { applyFault, NodeStatus, Simulation, TraceKind } from '../../../sim/index';
import { TICKS_PER_MS, msToTicks } from '../../../sim/kit/time';
import type { RunContext } from '../../contract';
import type { Strategy } from '../result';
import { REQUEST_UNITS, type PartitioningEvent, type PartitioningScenario } from '../scenario';
import { Meter } from './meter';
import { hottestKeyOf, hottestRangeSplit, readsOf, replaceAfterFault, saltOwners, type LiveOwners } from './mitigations';
import type { Placements } from './placement';
import { DelayLine, NodeQueues } from './queues';
import { bucketWidthTicks, emptyServed, F_FANOUT, F_HIT, F_STALE, F_WRITE, FAILED, OK, PENDING, unfinishedNote, type Served, type Workload } from './served';
import { Kind, StageRecorder, stagePlan } from './stageRecorder';

/** Runs the workload under `strategy`, cut into `buckets` time buckets; the stage names `namedKeys` in its labels. */
export function serve(s: PartitioningScenario, w: Workload, p: Placements, strategy: Strategy, buckets: number, context: RunContext, namedKeys: ArrayLike<number>): Served {
  return new Server(s, w, p, strategy, buckets, context, namedKeys).run();
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
  private readonly hasher = new TraceHasher();
  private readonly live: LiveOwners;
  private readonly down: Uint8Array;
  private readonly downBy: Int32Array;
  /** +1 at every crash: a service completion scheduled in an older epoch is dropped (its node crashed). */
  private readonly epoch: Uint32Array;
  private readonly queues: NodeQueues;
  private readonly forwards = new DelayLine();
  private readonly servedBy: Float64Array;
  private readonly serviceMean: number[];
  private readonly nodeRng: Rng[];
  private next = 0;
  /** Bound once: one callback object for every arrival and drain (no closure per request). */
  private readonly arrive = () => this.onArrival();
  private readonly drainBound = () => this.drain();
  private readonly routeFromDirectory = (i: number) => this.route(i, this.dir);
  // Mitigations.
  private saltK = 1;
  private readonly saltKey: number;
  private saltOwners: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
  private readonly saltRng: Rng;
  private cacheTtl = 0;
  private cachedAt: Float64Array | null = null;
  private lastWrite: Float64Array | null = null;
  private readonly keyHits: Uint32Array;

  constructor(
    private readonly s: PartitioningScenario,
    private readonly w: Workload,
    private readonly p: Placements,
    private readonly strategy: Strategy,
    buckets: number,
    private readonly context: RunContext,
    namedKeys: ArrayLike<number>,
  ) {
    this.dir = strategy === 'directory' ? s.nodes : -1;
    this.slots = s.nodes + (this.dir >= 0 ? 1 : 0);
    this.router = this.slots;
    this.hop = msToTicks(s.hopMs);
    const requests = w.t0.length;
    const width = bucketWidthTicks(w.t0[requests - 1] + this.hop, buckets);
    this.sim = new Simulation<never>({ seed: s.seed, nodes: this.slots, protocol: () => ({ onMessage() {} }), limits: { maxTraceEntries: 2 ** 31 - 1 } });
    this.live = { owners: Uint16Array.from(p.owners[strategy]), ring: p.ring };
    this.down = new Uint8Array(this.slots);
    this.downBy = new Int32Array(this.slots).fill(-1);
    this.epoch = new Uint32Array(this.slots);
    this.queues = new NodeQueues(this.slots);
    this.servedBy = new Float64Array(this.slots);
    this.serviceMean = Array.from({ length: this.slots }, (_, i) => (i === this.dir ? s.directoryMs : s.serviceMs) * TICKS_PER_MS);
    this.nodeRng = Array.from({ length: this.slots }, (_, i) => this.sim.node(i).rng.fork('service'));
    this.saltRng = this.sim.node(0).rng.fork('salt');
    this.saltKey = w.key.length > 0 ? hottestKeyOf(w.key, s.keys) : 0;
    this.keyHits = new Uint32Array(s.keys);
    const hotReads = s.events.some((e) => e.type === 'salt') ? readsOf(w.key, w.flags, this.saltKey) : 0;
    this.stage = new StageRecorder(stagePlan(s, this.slots, width * buckets, hotReads), this.slots + 1, requests, w.key, s.keys, namedKeys);
    this.out = emptyServed(s, this.slots, buckets, width, this.stage);
    const phaseStarts = [0, ...s.events.map((e) => msToTicks(e.t))];
    this.meter = new Meter(width, buckets, phaseStarts, this.out.busyUs, this.out.busyPhaseUs, this.out.queueMax);
  }

  run(): Served {
    const s = this.s;
    s.events.forEach((e, i) => this.sim.at(msToTicks(e.t), () => this.onEvent(e, i)));
    if (this.w.t0.length > 0) this.sim.at(this.w.t0[0] + this.hop, this.arrive);
    const o = this.out;
    const result = this.sim.run(o.endTick - 1);
    o.engineEvents = result.events;
    o.stoppedAtLimit = result.stoppedAtLimit ?? unfinishedNote(o);
    o.hash = this.hasher.string(this.sim.trace.hash()).hex();
    return o;
  }

  // ---- arrivals and routing ----

  private onArrival(): void {
    const i = this.next++;
    const w = this.w;
    if ((i & 16383) === 0) {
      this.context.work(REQUEST_UNITS * Math.min(16384, w.t0.length - i));
      this.context.progress(0.3 + (0.6 * i) / w.t0.length);
    }
    if (i + 1 < w.t0.length) this.sim.at(w.t0[i + 1] + this.hop, this.arrive);
    const key = w.key[i];
    this.keyHits[key]++;
    if (this.cacheTtl > 0 && !(w.flags[i] & F_WRITE) && this.cacheHit(i, key)) return;
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
    this.w.flags[i] |= F_HIT | (this.lastWrite![key] > at ? F_STALE : 0);
    o.okBucket[this.meter.bucketOf(now)]++;
    return true;
  }

  /** Sends request i (arriving from `from`) to its owner(s): one node, or every salt of a salted key for a read. */
  private route(i: number, from: number): void {
    const key = this.w.key[i];
    const isWrite = (this.w.flags[i] & F_WRITE) !== 0;
    if (this.saltK > 1 && key === this.saltKey) {
      const k = this.saltK;
      if (isWrite) return this.toNode(this.saltOwners[this.saltRng.int(k)], i, from, Kind.write);
      for (let j = 0; j < k; j++) if (this.down[this.saltOwners[j]]) return this.toNode(this.saltOwners[j], i, from, Kind.salted);
      this.w.flags[i] |= F_FANOUT;
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
    this.sim.at(this.sim.now + ticks, () => this.complete(node, epoch));
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
      if (this.forwards.push(i, now + this.hop)) this.sim.at(now + this.hop, this.drainBound);
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
    if (this.w.flags[i] & F_WRITE) {
      if (this.lastWrite) this.lastWrite[key] = now;
    } else if (this.cacheTtl > 0) {
      this.cachedAt![key] = now;
    }
  }

  /** The directory's forwards due now reach their nodes. */
  private drain(): void {
    const nextDue = this.forwards.drain(this.sim.now, this.routeFromDirectory);
    if (!Number.isNaN(nextDue)) this.sim.at(nextDue, this.drainBound);
  }

  // ---- scripted events ----

  private onEvent(e: PartitioningEvent, index: number): void {
    this.meter.phase = index + 1;
    this.context.work(2 * this.s.keys);
    const sim = this.sim;
    if (e.type === 'crash' || e.type === 'recover') return this.onFault(e.type, e.node, index);
    sim.record(TraceKind.script, -1, -1, index);
    if (e.type === 'salt') {
      this.saltK = e.k;
      this.saltOwners = saltOwners(this.s, this.strategy, this.live, this.down, this.saltKey, this.saltK);
    } else if (e.type === 'split') {
      const split = hottestRangeSplit(this.live.owners, this.keyHits, this.down, this.servedBy, this.s.nodes);
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
