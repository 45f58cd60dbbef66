/**
 * The workload on the engine: one Simulation node per storage node (plus the directory), each a FIFO queue
 * in front of one CPU. Arrivals, service completions and the directory's forwards are engine callbacks
 * (`sim.at`, ordered by (time, sequence)); crash and recover go through the engine's applyFault, and a
 * completion scheduled before its node crashed is dropped by an epoch check (what the engine does for
 * timers; engine timers cost a Map entry each, too much at 10^6 requests). The network is a constant hop
 * added here (the engine's per-message trace would cost more than the whole workload).
 *
 *   client --hop--> [directory queue] --hop--> [node queue | CPU] --hop--> client
 *
 * Everything is measured while it happens into typed arrays: busy time and queue depth per node x bucket,
 * and one record per served part (node, bucket, time in the node), summarized afterwards (./summarize.ts).
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { murmur3Int } from '../../../core/hash/murmur3';
import { directoryLeave, liveNodes, modNOwners, ringOf, ringOwners } from '../../../core/partitioning';
import type { Rng } from '../../../core/random/rng';
import { ownerOf, type Ring } from '../../../core/ring';
import { applyFault, NodeStatus, Simulation, TraceKind } from '../../../sim/index';
import type { RunContext } from '../../contract';
import type { Placements } from './placement';
import type { Strategy } from '../result';
import { REQUEST_UNITS, type PartitioningEvent, type PartitioningScenario } from '../scenario';
import { log } from '../../../core/math/detMath';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';

const PENDING = 0;
const OK = 1;
const FAILED = 2;
/** Request flags. */
export const F_WRITE = 1;
export const F_HIT = 2;
export const F_STALE = 4;
export const F_FANOUT = 8;

/** The generated workload: the same for every strategy. */
export interface Workload {
  /** Client send time of each request, ticks, ascending. */
  t0: Float64Array;
  key: Uint32Array;
  /** F_WRITE set for writes. */
  flags: Uint8Array;
}

export interface Served {
  /** Per request: OK or FAILED (PENDING when the run ended first), end-to-end latency in µs, parts. */
  state: Uint8Array;
  latencyUs: Float32Array;
  parts: Uint8Array;
  /** Sub-requests of each salted read (k), 0 for every other request. */
  fanK: Uint8Array;
  /** Parts served: node, completion bucket, time in the node + two hops (µs). */
  partCount: number;
  partNode: Uint16Array;
  partBucket: Uint8Array;
  partUs: Float32Array;
  /** Per node x bucket: busy µs and the deepest queue. */
  busyUs: Float64Array;
  queueMax: Uint32Array;
  /** Per node x phase: busy µs. */
  busyPhaseUs: Float64Array;
  /** Failed requests per scripted event that caused them (-1 cause not counted). */
  failedByEvent: Uint32Array;
  /** Failed requests per bucket (by failure time). */
  failedBucket: Uint32Array;
  okBucket: Uint32Array;
  /** Sub-requests per salted read while salting was on (per phase, 0 = off). */
  saltKByPhase: Uint8Array;
  /** Node count including the directory. */
  nodeSlots: number;
  widthTicks: number;
  endTick: number;
  engineEvents: number;
  stoppedAtLimit?: string;
  hash: string;
}

/** Sizes of the time axis: BUCKETS buckets cover 125% of the arrivals' span. */
export function bucketWidthTicks(lastArrival: number, buckets: number): number {
  return Math.max(1, Math.ceil((lastArrival * 1.25 + 1) / buckets));
}

/** Runs the workload under `strategy`; `phaseStarts` are the event times (ticks) opening phases 1.. */
export function serve(s: PartitioningScenario, w: Workload, p: Placements, strategy: Strategy, buckets: number, context: RunContext): Served {
  return new Server(s, w, p, strategy, buckets, context).run();
}

class Server {
  private readonly sim: Simulation<never>;
  private readonly hop: number;
  private readonly slots: number;
  private readonly dir: number;
  private readonly width: number;
  private readonly buckets: number;
  private readonly endTick: number;
  private readonly phaseStarts: number[];
  private readonly out: Served;
  private readonly hasher = new TraceHasher();
  private owners: Uint16Array<ArrayBufferLike>;
  private ring: Ring;
  private readonly down: Uint8Array;
  private readonly downBy: Int32Array;
  /** +1 at every crash: a service completion scheduled in an older epoch is dropped (its node crashed). */
  private readonly epoch: Uint32Array;
  // Per node FIFO (ring buffers of request ids and enqueue ticks), grown by doubling.
  private qId: Int32Array[];
  private qAt: Float64Array[];
  private readonly qHead: Uint32Array;
  private readonly qLen: Uint32Array;
  private readonly servedBy: Float64Array;
  private readonly serviceMean: number[];
  private readonly nodeRng: Rng[];
  // Directory forwards: constant delay, so a FIFO with one pending drain.
  private fwdId = new Int32Array(1024);
  private fwdAt = new Float64Array(1024);
  private fwdHead = 0;
  private fwdLen = 0;
  private next = 0;
  /** Bound once: one callback object for every arrival and drain (no closure per request). */
  private readonly arrive = () => this.onArrival();
  private readonly drainBound = () => this.drain();
  private phase = 0;
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
  ) {
    this.dir = strategy === 'directory' ? s.nodes : -1;
    this.slots = s.nodes + (this.dir >= 0 ? 1 : 0);
    this.hop = msToTicks(s.hopMs);
    this.buckets = buckets;
    const requests = w.t0.length;
    this.width = bucketWidthTicks(w.t0[requests - 1] + this.hop, buckets);
    this.endTick = this.width * buckets;
    this.phaseStarts = [0, ...s.events.map((e) => msToTicks(e.t))];
    this.sim = new Simulation<never>({
      seed: s.seed,
      nodes: this.slots,
      protocol: () => ({ onMessage() {} }),
      limits: { maxTraceEntries: 2 ** 31 - 1 },
    });
    this.owners = Uint16Array.from(p.owners[strategy]);
    this.ring = p.ring;
    this.down = new Uint8Array(this.slots);
    this.downBy = new Int32Array(this.slots).fill(-1);
    this.epoch = new Uint32Array(this.slots);
    this.qId = Array.from({ length: this.slots }, () => new Int32Array(16));
    this.qAt = Array.from({ length: this.slots }, () => new Float64Array(16));
    this.qHead = new Uint32Array(this.slots);
    this.qLen = new Uint32Array(this.slots);
    this.servedBy = new Float64Array(this.slots);
    this.serviceMean = Array.from({ length: this.slots }, (_, i) => (i === this.dir ? s.directoryMs : s.serviceMs) * TICKS_PER_MS);
    this.nodeRng = Array.from({ length: this.slots }, (_, i) => this.sim.node(i).rng.fork('service'));
    this.saltRng = this.sim.node(0).rng.fork('salt');
    this.saltKey = w.key.length > 0 ? hottestKeyOf(w.key, s.keys) : 0;
    this.keyHits = new Uint32Array(s.keys);
    const partsCap = requests + (s.events.some((e) => e.type === 'salt') ? requests : 0) + 16;
    const phases = this.phaseStarts.length;
    this.out = {
      state: new Uint8Array(requests),
      latencyUs: new Float32Array(requests).fill(NaN),
      parts: new Uint8Array(requests),
      fanK: new Uint8Array(requests),
      partCount: 0,
      partNode: new Uint16Array(partsCap),
      partBucket: new Uint8Array(partsCap),
      partUs: new Float32Array(partsCap),
      busyUs: new Float64Array(this.slots * buckets),
      queueMax: new Uint32Array(this.slots * buckets),
      busyPhaseUs: new Float64Array(this.slots * phases),
      failedByEvent: new Uint32Array(s.events.length),
      failedBucket: new Uint32Array(buckets),
      okBucket: new Uint32Array(buckets),
      saltKByPhase: new Uint8Array(phases),
      nodeSlots: this.slots,
      widthTicks: this.width,
      endTick: this.endTick,
      engineEvents: 0,
      hash: '',
    };
  }

  run(): Served {
    const s = this.s;
    s.events.forEach((e, i) => this.sim.at(msToTicks(e.t), () => this.onEvent(e, i)));
    if (this.w.t0.length > 0) this.sim.at(this.w.t0[0] + this.hop, this.arrive);
    const result = this.sim.run(this.endTick - 1);
    const o = this.out;
    o.engineEvents = result.events;
    const unfinished = o.state.reduce((sum, st) => sum + (st === PENDING ? 1 : 0), 0);
    o.stoppedAtLimit = result.stoppedAtLimit ?? (unfinished > 0
      ? `the run ends at ${fmtMs(this.endTick)} (125% of the arrivals' span); ${unfinished.toLocaleString('en-US')} requests were still queued`
      : undefined);
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
      if (this.down[this.dir]) this.fail(i, this.downBy[this.dir]);
      else this.enqueue(this.dir, i);
      return;
    }
    this.route(i);
  }

  private cacheHit(i: number, key: number): boolean {
    const at = this.cachedAt![key];
    const now = this.sim.now;
    if (!(at >= 0 && now - at < this.cacheTtl)) return false;
    const o = this.out;
    o.state[i] = OK;
    o.latencyUs[i] = now + this.hop - this.w.t0[i];
    this.w.flags[i] |= F_HIT | (this.lastWrite![key] > at ? F_STALE : 0);
    o.okBucket[this.bucketOf(now)]++;
    return true;
  }

  /** Sends request i to its owner(s): one node, or every salt of a salted key for a read. */
  private route(i: number): void {
    const key = this.w.key[i];
    if (this.saltK > 1 && key === this.saltKey) {
      const isWrite = (this.w.flags[i] & F_WRITE) !== 0;
      const k = this.saltK;
      if (isWrite) {
        this.toNode(this.saltOwners[this.saltRng.int(k)], i, 1);
      } else {
        for (let j = 0; j < k; j++) if (this.down[this.saltOwners[j]]) return this.fail(i, this.downBy[this.saltOwners[j]]);
        this.w.flags[i] |= F_FANOUT;
        this.out.parts[i] = k;
        this.out.fanK[i] = k;
        for (let j = 0; j < k; j++) this.enqueue(this.saltOwners[j], i);
      }
      return;
    }
    this.toNode(this.owners[key], i, 1);
  }

  private toNode(node: number, i: number, parts: number): void {
    if (this.down[node]) return this.fail(i, this.downBy[node]);
    this.out.parts[i] = parts;
    this.enqueue(node, i);
  }

  private fail(i: number, cause: number): void {
    const o = this.out;
    if (o.state[i] !== PENDING) return;
    o.state[i] = FAILED;
    o.failedBucket[this.bucketOf(this.sim.now)]++;
    if (cause >= 0) o.failedByEvent[cause]++;
    this.hasher.number(-1).number(i).number(this.sim.now);
  }

  // ---- queues ----

  private enqueue(node: number, i: number): void {
    let len = this.qLen[node];
    let ids = this.qId[node];
    if (len === ids.length) this.grow(node);
    ids = this.qId[node];
    const at = (this.qHead[node] + len) & (ids.length - 1);
    ids[at] = i;
    this.qAt[node][at] = this.sim.now;
    this.qLen[node] = ++len;
    this.noteDepth(node, len);
    if (len === 1) this.startService(node);
  }

  private grow(node: number): void {
    const ids = this.qId[node];
    const ats = this.qAt[node];
    const size = ids.length;
    const nIds = new Int32Array(size * 2);
    const nAts = new Float64Array(size * 2);
    const head = this.qHead[node];
    for (let j = 0; j < size; j++) {
      nIds[j] = ids[(head + j) & (size - 1)];
      nAts[j] = ats[(head + j) & (size - 1)];
    }
    this.qId[node] = nIds;
    this.qAt[node] = nAts;
    this.qHead[node] = 0;
  }

  private noteDepth(node: number, depth: number): void {
    const at = node * this.buckets + this.bucketOf(this.sim.now);
    if (depth > this.out.queueMax[at]) this.out.queueMax[at] = depth;
  }

  private startService(node: number): void {
    const u = this.nodeRng[node].float();
    const ticks = Math.max(1, Math.round(-log(1 - u) * this.serviceMean[node]));
    this.addBusy(node, this.sim.now, ticks);
    const epoch = this.epoch[node];
    this.sim.at(this.sim.now + ticks, () => this.complete(node, epoch));
  }

  /** The head of node's queue is done, unless the node crashed since the service started (a new epoch). */
  private complete(node: number, epoch: number): void {
    if (epoch !== this.epoch[node]) return;
    const now = this.sim.now;
    const size = this.qId[node].length;
    const head = this.qHead[node];
    const i = this.qId[node][head];
    const since = this.qAt[node][head];
    this.qHead[node] = (head + 1) & (size - 1);
    const len = --this.qLen[node];
    this.noteDepth(node, len);
    this.servedBy[node]++;
    const o = this.out;
    const part = o.partCount++;
    o.partNode[part] = node;
    o.partBucket[part] = this.bucketOf(now);
    o.partUs[part] = now - since + 2 * this.hop;
    this.hasher.number(node).number(i).number(now);
    if (len > 0) this.startService(node);
    if (node === this.dir) this.forward(i);
    else this.finishPart(i);
  }

  private finishPart(i: number): void {
    const o = this.out;
    if (o.state[i] !== PENDING) return;
    if (--o.parts[i] > 0) return;
    const now = this.sim.now;
    o.state[i] = OK;
    o.latencyUs[i] = now + this.hop - this.w.t0[i];
    o.okBucket[this.bucketOf(now)]++;
    const key = this.w.key[i];
    if (this.w.flags[i] & F_WRITE) {
      if (this.lastWrite) this.lastWrite[key] = now;
    } else if (this.cacheTtl > 0) {
      this.cachedAt![key] = now;
    }
  }

  private forward(i: number): void {
    if (this.fwdLen === this.fwdId.length) {
      const size = this.fwdId.length;
      const ids = new Int32Array(size * 2);
      const ats = new Float64Array(size * 2);
      for (let j = 0; j < size; j++) {
        ids[j] = this.fwdId[(this.fwdHead + j) % size];
        ats[j] = this.fwdAt[(this.fwdHead + j) % size];
      }
      this.fwdId = ids;
      this.fwdAt = ats;
      this.fwdHead = 0;
    }
    const size = this.fwdId.length;
    const at = (this.fwdHead + this.fwdLen) % size;
    this.fwdId[at] = i;
    this.fwdAt[at] = this.sim.now + this.hop;
    if (this.fwdLen++ === 0) this.sim.at(this.sim.now + this.hop, this.drainBound);
  }

  private drain(): void {
    const now = this.sim.now;
    while (this.fwdLen > 0 && this.fwdAt[this.fwdHead] <= now) {
      const i = this.fwdId[this.fwdHead];
      this.fwdHead = (this.fwdHead + 1) % this.fwdId.length;
      this.fwdLen--;
      this.route(i);
    }
    if (this.fwdLen > 0) this.sim.at(this.fwdAt[this.fwdHead], this.drainBound);
  }

  // ---- time accounting ----

  private bucketOf(tick: number): number {
    const b = Math.floor(tick / this.width);
    return b < this.buckets ? b : this.buckets - 1;
  }

  /** Adds busy time [start, start + ticks) to the node's buckets and phases. */
  private addBusy(node: number, start: number, ticks: number): void {
    const end = start + ticks;
    const w = this.width;
    for (let b = Math.floor(start / w); b < this.buckets && b * w < end; b++) {
      this.out.busyUs[node * this.buckets + b] += Math.min(end, (b + 1) * w) - Math.max(start, b * w);
    }
    const starts = this.phaseStarts;
    const phases = starts.length;
    for (let ph = this.phase; ph < phases; ph++) {
      const from = Math.max(start, starts[ph]);
      const to = Math.min(end, ph + 1 < phases ? starts[ph + 1] : Infinity);
      if (to > from) this.out.busyPhaseUs[node * phases + ph] += to - from;
      if (to >= end) break;
    }
  }

  // ---- scripted events ----

  private onEvent(e: PartitioningEvent, index: number): void {
    this.phase = index + 1;
    this.context.work(2 * this.s.keys);
    const sim = this.sim;
    switch (e.type) {
      case 'crash':
      case 'recover': {
        applyFault(sim, { type: e.type, node: e.node }, index);
        const isDown = sim.node(e.node).status === NodeStatus.crashed;
        if (isDown === (this.down[e.node] === 1)) return;
        this.down[e.node] = isDown ? 1 : 0;
        this.downBy[e.node] = isDown ? index : -1;
        if (isDown) {
          this.epoch[e.node]++;
          this.dropQueue(e.node, index);
        }
        if (e.node !== this.dir) this.replace(e.node, isDown);
        return;
      }
      case 'salt':
        sim.record(TraceKind.script, -1, -1, index);
        this.saltK = e.k;
        this.saltOwners = this.saltOwnersNow();
        break;
      case 'split':
        sim.record(TraceKind.script, -1, -1, index);
        this.splitHottestRange();
        break;
      case 'cache':
        sim.record(TraceKind.script, -1, -1, index);
        this.cacheTtl = msToTicks(e.ttlMs);
        this.cachedAt ??= new Float64Array(this.s.keys).fill(-1);
        this.lastWrite ??= new Float64Array(this.s.keys).fill(-1);
        break;
    }
    this.out.saltKByPhase[index + 1] = this.saltK > 1 ? this.saltK : 0;
  }

  private dropQueue(node: number, cause: number): void {
    const ids = this.qId[node];
    for (let j = 0; j < this.qLen[node]; j++) this.fail(ids[(this.qHead[node] + j) & (ids.length - 1)], cause);
    this.qLen[node] = 0;
    this.qHead[node] = 0;
  }

  /** Re-places keys after a storage node goes down or comes back, as the strategy would. */
  private replace(node: number, isDown: boolean): void {
    const s = this.s;
    const downList: number[] = [];
    for (let i = 0; i < s.nodes; i++) if (this.down[i]) downList.push(i);
    const live = liveNodes(s.nodes, downList);
    switch (this.strategy) {
      case 'range':
        break; // ranges stay where they are: the crashed node's ranges are unavailable until it recovers
      case 'mod-n':
        if (live.length > 0) this.owners = modNOwners(this.p.hashes, live);
        break;
      case 'consistent':
        if (live.length > 0) {
          this.ring = ringOf(live, s.vnodes, s.seed);
          this.owners = ringOwners(this.ring, this.p.hashes);
        }
        break;
      case 'directory':
        if (isDown && live.length > 0) this.owners = directoryLeave(this.owners, node, live);
        if (!isDown) {
          const initial = this.p.owners.directory;
          for (let k = 0; k < initial.length; k++) if (initial[k] === node) this.owners[k] = node;
        }
        break;
    }
    if (this.saltK > 1) this.saltOwners = this.saltOwnersNow();
  }

  /** Owner of each salt j of the hot key. Salt 0 is the key itself; salt j hashes (key, j). For ranges the
   *  salt is a prefix: salt j sits j/k of the way along the key order, so the salts land in different ranges. */
  private saltOwnersNow(): Uint16Array {
    const k = this.saltK;
    const key = this.saltKey;
    const out = new Uint16Array(k);
    for (let j = 0; j < k; j++) {
      if (j === 0) {
        out[j] = this.owners[key];
        continue;
      }
      const h = murmur3Int(key * 64 + j, this.s.seed);
      switch (this.strategy) {
        case 'range':
          out[j] = this.owners[(key + Math.floor((j * this.s.keys) / k)) % this.s.keys];
          break;
        case 'consistent':
          out[j] = ownerOf(this.ring, h);
          break;
        default: {
          const live = liveNodes(this.s.nodes, Array.from(this.down.subarray(0, this.s.nodes)).flatMap((d, i) => (d ? [i] : [])));
          out[j] = live.length > 0 ? live[h % live.length] : this.owners[key];
        }
      }
    }
    return out;
  }

  /** Range strategy: split the range with the most requests so far at its request median; the upper half
   *  moves to the live node that served the fewest requests. */
  private splitHottestRange(): void {
    const owners = this.owners;
    const hits = this.keyHits;
    const keys = this.s.keys;
    let best = -1;
    let bestHits = -1;
    let start = 0;
    let sum = 0;
    for (let k = 0; k <= keys; k++) {
      if (k === keys || (k > start && owners[k] !== owners[k - 1])) {
        if (sum > bestHits && k - start >= 2) {
          bestHits = sum;
          best = start;
        }
        start = k;
        sum = 0;
      }
      if (k < keys) sum += hits[k];
    }
    if (best < 0) return;
    let end = best + 1;
    while (end < keys && owners[end] === owners[best]) end++;
    let acc = 0;
    let at = best + 1;
    for (let k = best; k < end - 1; k++) {
      acc += hits[k];
      at = k + 1;
      if (acc * 2 >= bestHits) break;
    }
    let coolest = -1;
    for (let nd = 0; nd < this.s.nodes; nd++) {
      if (nd === owners[best] || this.down[nd]) continue;
      if (coolest < 0 || this.servedBy[nd] < this.servedBy[coolest]) coolest = nd;
    }
    if (coolest < 0) return;
    owners.fill(coolest, at, end);
    this.hasher.number(-2).number(at).number(end).number(coolest);
  }
}

/** The most requested key of the workload (lowest index on ties). */
export function hottestKeyOf(keys: Uint32Array, keyCount: number): number {
  const counts = new Uint32Array(keyCount);
  let best = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (++counts[k] > counts[best] || (counts[k] === counts[best] && k < best)) best = k;
  }
  return best;
}

function fmtMs(ticks: number): string {
  return `${ticksToMs(ticks).toLocaleString('en-US')} ms`;
}
