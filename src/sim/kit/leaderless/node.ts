/**
 * One node of the leaderless store: a replica of the key (nodes 0..n-1), a sloppy-quorum fallback (the
 * others), and, for any client request sent to it, the coordinator.
 *
 * A request runs in rounds, each sent to every preferred replica and finished by the first `needed`
 * replies (replies after that are recorded but do not count):
 *
 *   write:  query (R replies: the highest version)  ->  store (counter + 1, W acks)  ->  ok
 *   read:   query (R replies: the highest version)  ->  [write-back: W acks]         ->  ok(value)
 *
 * The write's query round is what lets concurrent coordinators order their writes without a leader
 * (multi-writer ABD); it waits for R replies, so with R = N a write too needs every replica (Dynamo
 * skips it and orders writes by vector clocks or timestamps instead). With writeBack off, a read answers
 * right after its query: it may return a version that only one replica holds, and a later read whose quorum misses that replica returns an older one,
 * even with W + R > N. Read repair sends the chosen version to stale repliers, after answering.
 *
 * Durable state (ctx.storage, survives a crash): the replica's version and value, and the hints a fallback
 * holds. Requests being coordinated are volatile: a crashed coordinator's clients time out.
 */
import { nextVersion } from '../../../core/quorum';
import type { NodeContext } from '../../nodeContext';
import { Phase } from './codes';
import type { Msg, NodeConfig, NodeHost } from './messages';

export type { Msg, NodeConfig, NodeHost };

interface Durable {
  version: number;
  value: number;
  /** Hints held for replica i (version 0: none). */
  hintVersion: Int32Array;
  hintValue: Int32Array;
}

interface Request {
  op: number;
  isWrite: boolean;
  value: number;
  version: number;
  phase: number;
  needed: number;
  got: number;
  /** This round's contacts by node (-1: not asked), and whether each replied. */
  roundContact: Int32Array;
  replied: Uint8Array;
  isRoundDone: boolean;
  isStoreSent: boolean;
  isAnswered: boolean;
  bestVersion: number;
  bestValue: number;
  firstVersion: number;
  firstValue: number;
  /** Query replies from preferred replicas: node -> version (-1: none), for read repair. */
  queried: Int32Array;
  repaired: Uint8Array;
  fallbackTimer: number;
}

/** What a node's disk holds for its replica: version and value (0, 0 before anything was stored). */
export function storedState(storage: object): { version: number; value: number } {
  return (storage as { disk?: Durable }).disk ?? { version: 0, value: 0 };
}

const TAG_HANDOFF = -1;
const TAG_DEADLINE = 0;
const TAG_FALLBACK = 1;

export class QuorumNode {
  private readonly ctx: NodeContext<Msg>;
  private readonly cfg: NodeConfig;
  private readonly host: NodeHost;
  private readonly disk: Durable;
  private readonly requests = new Map<number, Request>();
  private handoffTimer = -1;

  constructor(ctx: NodeContext<Msg>, cfg: NodeConfig, host: NodeHost) {
    this.ctx = ctx;
    this.cfg = cfg;
    this.host = host;
    const s = ctx.storage as { disk?: Durable };
    s.disk ??= { version: 0, value: 0, hintVersion: new Int32Array(cfg.nodes), hintValue: new Int32Array(cfg.nodes) };
    this.disk = s.disk;
  }

  get version(): number {
    return this.disk.version;
  }

  get value(): number {
    return this.disk.value;
  }

  /** Hints this node holds: [replica, version] pairs in replica order. */
  hints(): [number, number][] {
    const out: [number, number][] = [];
    this.disk.hintVersion.forEach((v, i) => v > 0 && out.push([i, v]));
    return out;
  }

  onStart(): void {
    this.armHandoff(); // a recovered fallback resumes handing its hints over
  }

  /** A client asks this node to coordinate operation `op` (a write of `value`, or a read). */
  coordinate(op: number, isWrite: boolean, value: number): void {
    const n = this.cfg.nodes;
    const req: Request = {
      op, isWrite, value, version: 0, phase: Phase.query, needed: 0, got: 0,
      roundContact: new Int32Array(n), replied: new Uint8Array(n), isRoundDone: false, isStoreSent: false, isAnswered: false,
      bestVersion: -1, bestValue: 0, firstVersion: -1, firstValue: 0,
      queried: new Int32Array(n).fill(-1), repaired: new Uint8Array(n), fallbackTimer: -1,
    };
    this.requests.set(op, req);
    this.ctx.setTimer(this.cfg.timeoutTicks, op * 4 + TAG_DEADLINE);
    this.round(req, Phase.query);
  }

  onMessage(from: number, msg: Msg): void {
    switch (msg.k) {
      case 'get':
        this.onGet(from, msg);
        return;
      case 'put':
        this.onPut(from, msg);
        return;
      case 'got':
      case 'ack':
        if (msg.op < 0) this.onHandoffAck(from, msg.version);
        else this.onReply(from, msg);
    }
  }

  onTimer(tag: number, handle: number): void {
    if (tag === TAG_HANDOFF) {
      this.handoffTimer = -1;
      this.handOff();
      return;
    }
    const req = this.requests.get(tag >> 2);
    if (!req) return;
    if ((tag & 3) === TAG_DEADLINE) {
      this.requests.delete(req.op);
      if (!req.isAnswered) this.host.giveUp(req.op, req.isWrite && req.isStoreSent);
    } else if (handle === req.fallbackTimer && !req.isRoundDone) {
      this.askFallbacks(req);
    }
  }

  // --- replica and fallback ---

  private onGet(from: number, msg: Extract<Msg, { k: 'get' }>): void {
    const d = this.disk;
    const isHint = msg.hintFor >= 0 && msg.hintFor !== this.ctx.id;
    const version = isHint ? d.hintVersion[msg.hintFor] : d.version;
    const value = isHint ? d.hintValue[msg.hintFor] : d.value;
    this.ctx.send(from, { k: 'got', op: msg.op, c: msg.c, version, value });
  }

  private onPut(from: number, msg: Extract<Msg, { k: 'put' }>): void {
    const d = this.disk;
    if (msg.hintFor >= 0 && msg.hintFor !== this.ctx.id) {
      if (msg.version > d.hintVersion[msg.hintFor]) {
        d.hintVersion[msg.hintFor] = msg.version;
        d.hintValue[msg.hintFor] = msg.value;
        this.host.rec.hintStored(this.ctx.id, msg.hintFor, msg.version, this.ctx.now());
        this.armHandoff();
      }
    } else if (msg.version > d.version) {
      d.version = msg.version;
      d.value = msg.value;
    }
    this.ctx.send(from, { k: 'ack', op: msg.op, c: msg.c, version: msg.version });
  }

  private armHandoff(): void {
    if (this.handoffTimer >= 0 || this.hints().length === 0 || this.ctx.now() >= this.host.quietTick) return;
    this.handoffTimer = this.ctx.setTimer(this.cfg.handoffTicks, TAG_HANDOFF);
  }

  private handOff(): void {
    const d = this.disk;
    for (const [replica, version] of this.hints()) {
      this.ctx.send(replica, { k: 'put', op: -1, c: -1, version, value: d.hintValue[replica], hintFor: -1 });
    }
    this.armHandoff();
  }

  private onHandoffAck(from: number, version: number): void {
    const d = this.disk;
    if (d.hintVersion[from] > 0 && d.hintVersion[from] <= version) {
      d.hintVersion[from] = 0;
      d.hintValue[from] = 0;
      this.host.rec.hintDelivered(this.ctx.id, from, version, this.ctx.now());
    }
  }

  // --- coordinator ---

  /** Sends round `phase` of `req` to every preferred replica. */
  private round(req: Request, phase: number): void {
    req.phase = phase;
    req.needed = phase === Phase.query ? this.cfg.r : this.cfg.w;
    req.got = 0;
    req.isRoundDone = false;
    req.roundContact.fill(-1);
    req.replied.fill(0);
    if (phase !== Phase.query) req.isStoreSent = true;
    for (let node = 0; node < this.cfg.n; node++) this.ask(req, node, -1);
    if (req.fallbackTimer >= 0) this.ctx.cancelTimer(req.fallbackTimer);
    req.fallbackTimer = this.cfg.sloppyQuorum && this.cfg.n < this.cfg.nodes ? this.ctx.setTimer(this.cfg.fallbackTicks, req.op * 4 + TAG_FALLBACK) : -1;
  }

  private ask(req: Request, node: number, hintFor: number): void {
    const isQuery = req.phase === Phase.query;
    const version = isQuery ? -1 : req.version;
    const value = isQuery ? -1 : req.value;
    const c = this.host.rec.contact(req.op, node, req.phase, hintFor, this.ctx.now(), version, value);
    req.roundContact[node] = c;
    this.ctx.send(node, isQuery ? { k: 'get', op: req.op, c, hintFor } : { k: 'put', op: req.op, c, version, value, hintFor });
  }

  /** Sloppy quorum: each silent preferred replica is replaced by the next unused fallback, with a hint. */
  private askFallbacks(req: Request): void {
    let fallback = this.cfg.n;
    for (let replica = 0; replica < this.cfg.n && fallback < this.cfg.nodes; replica++) {
      if (req.replied[replica]) continue;
      this.ask(req, fallback++, replica);
    }
  }

  private onReply(from: number, msg: Extract<Msg, { k: 'got' | 'ack' }>): void {
    const req = this.requests.get(msg.op);
    if (!req) return; // past its deadline: the request is closed
    const isCurrent = req.roundContact[from] === msg.c && !req.replied[from];
    const isCounted = isCurrent && !req.isRoundDone;
    const isQuery = msg.k === 'got';
    this.host.rec.reply(msg.c, this.ctx.now(), isQuery, msg.version, isQuery ? msg.value : 0, isCounted);
    if (isCurrent) req.replied[from] = 1;
    if (msg.k === 'got' && from < this.cfg.n && req.queried[from] < 0) req.queried[from] = msg.version;
    if (msg.k === 'got' && req.isAnswered && !req.isWrite) this.repair(req);
    if (!isCounted) return;
    req.got++;
    if (msg.k === 'got') {
      if (req.firstVersion < 0) {
        req.firstVersion = msg.version;
        req.firstValue = msg.value;
      }
      if (msg.version > req.bestVersion) {
        req.bestVersion = msg.version;
        req.bestValue = msg.value;
      }
    }
    if (req.phase === Phase.store && this.cfg.bug === 'early-ack' && req.got === 1) this.answer(req, 0);
    if (req.got >= req.needed) {
      req.isRoundDone = true;
      this.advance(req);
    }
  }

  private advance(req: Request): void {
    if (req.phase === Phase.query) {
      if (req.isWrite) {
        req.version = nextVersion(req.bestVersion, req.op + 1);
        this.host.rec.version[req.op] = req.version;
        this.round(req, Phase.store);
        return;
      }
      const isFirst = this.cfg.bug === 'first-reply';
      req.version = isFirst ? req.firstVersion : req.bestVersion;
      req.value = isFirst ? req.firstValue : req.bestValue;
      this.host.rec.version[req.op] = req.version;
      if (this.cfg.writeBack) this.round(req, Phase.writeBack);
      else this.answer(req, req.value);
      return;
    }
    this.answer(req, req.isWrite ? 0 : req.value);
  }

  private answer(req: Request, output: number): void {
    if (req.isAnswered) return;
    req.isAnswered = true;
    this.host.answer(req.op, output);
    if (!req.isWrite) this.repair(req);
  }

  /** Read repair: the chosen version to each preferred replica that replied with an older one (once). */
  private repair(req: Request): void {
    if (!this.cfg.readRepair) return;
    for (let node = 0; node < this.cfg.n; node++) {
      const seen = req.queried[node];
      if (seen < 0 || seen >= req.version || req.repaired[node]) continue;
      req.repaired[node] = 1;
      const c = this.host.rec.contact(req.op, node, Phase.repair, -1, this.ctx.now(), req.version, req.value);
      this.ctx.send(node, { k: 'put', op: req.op, c, version: req.version, value: req.value, hintFor: -1 });
    }
  }
}
