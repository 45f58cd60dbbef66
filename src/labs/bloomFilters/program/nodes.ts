/**
 * The three nodes of the in-context run: a client c0, a front f1 holding the Bloom filter, a store s2
 * with a slow disk.
 *
 *   c0 --get item-42--> f1  filter says "definitely no"  --no (filter)--> c0          2 hops, no disk
 *                           filter says "probably yes"   --read--> s2 (disk) --found/absent--> f1 --> c0
 *   c0 --put new-7----> f1  adds new-7 to the filter, then --write--> s2 --written--> f1 --ok--> c0
 *
 * The front adds a put's key before the store has it: at worst a get in between reads the disk for
 * nothing (a false positive), never a "no" for a key the store holds. The filter lives on the front's
 * disk (ctx.storage): a crash keeps it. The store handles one disk operation at a time, in arrival order.
 */
import type { BloomFilter } from '../../../core/bloom';
import type { Rng } from '../../../core/random/rng';
import type { NodeContext } from '../../../sim/index';
import { msToTicks } from '../../../sim/kit/time';
import { Answer, OpKind } from '../result';
import { CLIENT, FRONT, STORE, type BloomScenario } from '../scenario';

export type Msg =
  | { k: 'get' | 'put' | 'read' | 'write'; id: number; key: string }
  | { k: 'found' | 'absent' | 'written' | 'no' | 'value' | 'none' | 'ok'; id: number };

/** What a message is called on the stage ("get item-42", "no (filter)"). */
export function labelOf(m: Msg): string {
  if ('key' in m) return `${m.k} ${m.key}`;
  return m.k === 'no' ? 'no (filter)' : m.k === 'none' ? 'not found' : m.k;
}

/** The observer of the run and the client's random streams; the nodes report to it, it decides nothing. */
export class Host {
  readonly opT: number[] = [];
  readonly opKind: number[] = [];
  readonly opAnswer: number[] = [];
  readonly opKeys: string[] = [];
  readonly opPositions: number[] = [];
  readonly opWasSet: number[] = [];
  /** Per position: the bits around it just before the operation (./windowOf). */
  readonly opWindows: number[] = [];
  readonly remarkTick: number[] = [];
  readonly remarkNode: number[] = [];
  readonly remarkText: string[] = [];
  readonly noLatency: number[] = [];
  readonly readLatency: number[] = [];
  gets = 0;
  puts = 0;
  getsAbsent = 0;
  readsWithoutFilter = 0;
  storeReads = 0;
  timeouts = 0;
  private readonly action: Rng;
  private readonly key: Rng;
  private readonly think: Rng;

  constructor(readonly s: BloomScenario, readonly filter: BloomFilter, root: Rng) {
    this.action = root.fork('action');
    this.key = root.fork('key');
    this.think = root.fork('think');
  }

  /** Request i: a put of a new key, a get of a stored key, or a get of a key the store never had. */
  request(i: number): Extract<Msg, { key: string }> {
    if (this.action.chance(this.s.putPct, 100)) return { k: 'put', id: i, key: `new-${i}` };
    const isPresent = this.action.chance(this.s.presentPct, 100);
    return { k: 'get', id: i, key: isPresent ? `item-${this.key.int(this.s.n)}` : `miss-${i}` };
  }

  thinkTicks(): number {
    return Math.round(this.think.float() * 2 * msToTicks(this.s.thinkMs));
  }

  /** The front's filter operation on `key` now: its positions and their bits before, and the answer. */
  operation(tick: number, kind: number, key: string, answer: number, positions: Uint32Array, wasSet: readonly number[]): void {
    for (let j = 0; j < positions.length; j++) this.opWindows.push(windowOf(this.filter, positions[j]));
    this.opT.push(tick);
    this.opKind.push(kind);
    this.opAnswer.push(answer);
    this.opKeys.push(key);
    for (let j = 0; j < positions.length; j++) {
      this.opPositions.push(positions[j]);
      this.opWasSet.push(wasSet[j]);
    }
    this.remark(tick, FRONT, sentenceOf(kind, key, answer, positions, wasSet));
  }

  remark(tick: number, node: number, text: string): void {
    this.remarkTick.push(tick);
    this.remarkNode.push(node);
    this.remarkText.push(text);
  }
}

/** Bits on each side of a probe the window shows. */
export const WINDOW_HALF = 8;

/**
 * The 2 WINDOW_HALF + 1 bits centred on bit x as a mask: mask bit j is bit x - WINDOW_HALF + j of the
 * filter (0 beyond either end). What the page zooms into when one cell holds many bits.
 */
export function windowOf(filter: BloomFilter, x: number): number {
  let mask = 0;
  for (let j = 0; j <= 2 * WINDOW_HALF; j++) {
    const i = x - WINDOW_HALF + j;
    if (i >= 0 && i < filter.m && filter.bit(i)) mask |= 1 << j;
  }
  return mask;
}

/** 485959 -> "485,959", as the page prints bit positions. */
function grouped(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function sentenceOf(kind: number, key: string, answer: number, positions: Uint32Array, wasSet: readonly number[]): string {
  if (kind === OpKind.put) return `f1 adds ${key}: sets bits ${Array.from(positions, grouped).join(', ')}`;
  if (answer === Answer.no) {
    const clear = positions[wasSet.indexOf(0)];
    return `f1: ${key}? bit ${grouped(clear)} is 0: definitely no, no disk read`;
  }
  const tail = answer === Answer.falsePositive ? ' (a false positive: s2 has no such key)' : '';
  return `f1: ${key}? all ${positions.length} bits set: probably yes, reads s2${tail}`;
}

const TAG_THINK = 1;
const TAG_TIMEOUT = 2;

/** The client: one request at a time, a think pause between, a timeout on each. */
export class Client {
  private readonly disk: { next: number };
  private pending = -1;
  private pendingKind = '';
  private sentTick = 0;
  private timer = -1;

  constructor(private readonly ctx: NodeContext<Msg>, private readonly host: Host) {
    const storage = ctx.storage as { client?: { next: number } };
    storage.client ??= { next: 0 };
    this.disk = storage.client;
  }

  onStart(): void {
    this.ctx.card('role', 'client');
    this.show();
    this.ctx.setTimer(this.host.thinkTicks(), TAG_THINK);
  }

  private show(): void {
    this.ctx.card('state', `sent ${this.disk.next} · timeouts ${this.host.timeouts}`);
  }

  onTimer(tag: number): void {
    if (tag === TAG_TIMEOUT) {
      this.host.timeouts++;
      this.show();
      this.host.remark(this.ctx.now(), CLIENT, `c0 gives up on request ${this.pending} after ${this.host.s.timeoutMs} ms`);
      this.pending = -1;
      this.timer = -1;
      this.ctx.setTimer(this.host.thinkTicks(), TAG_THINK);
      return;
    }
    if (this.disk.next >= this.host.s.requests) return;
    const msg = this.host.request(this.disk.next++);
    this.show();
    this.pending = msg.id;
    this.pendingKind = msg.k;
    this.sentTick = this.ctx.now();
    this.ctx.send(FRONT, msg);
    this.timer = this.ctx.setTimer(msToTicks(this.host.s.timeoutMs), TAG_TIMEOUT);
  }

  onMessage(_from: number, msg: Msg): void {
    if (msg.id !== this.pending) return; // an answer after the timeout
    this.ctx.cancelTimer(this.timer);
    const latency = this.ctx.now() - this.sentTick;
    if (this.pendingKind === 'get') (msg.k === 'no' ? this.host.noLatency : this.host.readLatency).push(latency);
    this.pending = -1;
    this.ctx.setTimer(this.host.thinkTicks(), TAG_THINK);
  }
}

/** The front: the filter, and the gets and puts it forwards to the store. */
export class Front {
  private readonly filter: BloomFilter;
  private readonly positions: Uint32Array<ArrayBuffer>;
  /** The card's counts, on disk so a restart keeps them. */
  private readonly tally: { no: number; reads: number; wasted: number };

  constructor(private readonly ctx: NodeContext<Msg>, private readonly host: Host) {
    const storage = ctx.storage as { filter?: BloomFilter };
    storage.filter ??= host.filter;
    this.filter = storage.filter;
    const tally = ctx.storage as { tally?: { no: number; reads: number; wasted: number } };
    tally.tally ??= { no: 0, reads: 0, wasted: 0 };
    this.tally = tally.tally;
    this.positions = new Uint32Array(host.s.k);
  }

  onStart(): void {
    this.ctx.card('role', 'front, filter');
    this.show();
  }

  /** The card: gets answered "no" by the filter, gets sent to the store, and of those the false positives. */
  private show(): void {
    this.ctx.card('state', `no ${this.tally.no} · read ${this.tally.reads} · wasted ${this.tally.wasted}`);
  }

  onMessage(from: number, msg: Msg): void {
    if (from === STORE) {
      const reply = msg.k === 'found' ? 'value' : msg.k === 'absent' ? 'none' : 'ok';
      this.ctx.send(CLIENT, { k: reply, id: msg.id });
      return;
    }
    if (!('key' in msg)) return;
    const f = this.filter;
    f.positions(msg.key, this.positions);
    const wasSet = Array.from(this.positions, (x) => (f.bit(x) ? 1 : 0));
    const now = this.ctx.now();
    if (msg.k === 'put') {
      this.host.puts++;
      this.host.operation(now, OpKind.put, msg.key, Answer.inserted, this.positions, wasSet);
      f.add(msg.key);
      this.ctx.send(STORE, { k: 'write', id: msg.id, key: msg.key });
      return;
    }
    const isStored = msg.key.startsWith('item-');
    this.host.gets++;
    this.host.readsWithoutFilter++;
    if (!isStored) this.host.getsAbsent++;
    if (!wasSet.every((b) => b === 1)) {
      this.tally.no++;
      this.show();
      this.host.operation(now, OpKind.get, msg.key, Answer.no, this.positions, wasSet);
      this.ctx.send(CLIENT, { k: 'no', id: msg.id });
      return;
    }
    this.tally.reads++;
    if (!isStored) this.tally.wasted++;
    this.show();
    this.host.operation(now, OpKind.get, msg.key, isStored ? Answer.yes : Answer.falsePositive, this.positions, wasSet);
    this.ctx.send(STORE, { k: 'read', id: msg.id, key: msg.key });
  }
}

const TAG_DISK = 3;

/** The store: one disk operation at a time; its written keys survive a crash, its queue does not. */
export class Store {
  private readonly written: Set<string>;
  private readonly queue: Extract<Msg, { key: string }>[] = [];

  constructor(private readonly ctx: NodeContext<Msg>, private readonly host: Host) {
    const storage = ctx.storage as { written?: Set<string> };
    storage.written ??= new Set();
    this.written = storage.written;
  }

  onStart(): void {
    this.ctx.card('role', 'store, disk');
    this.show();
  }

  private show(): void {
    this.ctx.card('state', `disk reads ${this.host.storeReads} · queue ${this.queue.length}`);
  }

  onMessage(_from: number, msg: Msg): void {
    if (!('key' in msg)) return;
    this.queue.push(msg);
    this.show();
    if (this.queue.length === 1) this.ctx.setTimer(msToTicks(this.host.s.diskMs), TAG_DISK);
  }

  onTimer(): void {
    const msg = this.queue.shift();
    if (!msg) return;
    if (msg.k === 'write') {
      this.written.add(msg.key);
      this.ctx.send(FRONT, { k: 'written', id: msg.id });
    } else {
      this.host.storeReads++;
      const isFound = this.written.has(msg.key) || isItem(msg.key, this.host.s.n);
      this.ctx.send(FRONT, { k: isFound ? 'found' : 'absent', id: msg.id });
    }
    this.show();
    if (this.queue.length > 0) this.ctx.setTimer(msToTicks(this.host.s.diskMs), TAG_DISK);
  }
}

function isItem(key: string, n: number): boolean {
  if (!key.startsWith('item-')) return false;
  const i = Number(key.slice(5));
  return Number.isInteger(i) && i >= 0 && i < n;
}
