/**
 * Scene 1, shared database. Left: services A (a0) and B (b0) on one database (db): A's orders table is B's
 * too, and both queue for the same slots (connections and cores). Right: A (a1) owns d1, B (b1) owns d2;
 * after each commit A publishes its order count as an event and B applies it to its own copy, a few ms
 * later (the replication lag B's card shows). The clients c0 and c1 send every request to both sides.
 *
 *   Database    runs up to `slots` queries at once, each for its cost, the rest wait in line (FIFO). A write
 *               (or an event applied) locks the orders table exclusively, a read shares it: the head of the
 *               line waits while it conflicts with a running query (so B's reads of A's table wait behind A's
 *               writes, on top of waiting for a slot). Its table survives a crash; its line and running
 *               queries do not (their callers time out).
 *   Service     one query per request, with a 500 ms timeout: answers ok, or error when the database did
 *               not answer in time or refused the query.
 *
 * Design-time coupling (`migrateAtMs`): at that moment A ships a schema change to its orders table (d0 on
 * the left, d1 on the right) with its own code. On the left b0 still queries the old columns: the database
 * refuses its reads until B ships its own change B_CATCHUP_MS later. On the right nothing of A's schema
 * reaches B: A's events keep their contract and b1 reads its own store.
 */
import type { Actor, NodeContext, StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import type { AntiScenario } from '../scenario';
import { B_CATCHUP_MS, NODE } from '../scenario';
import { nodeNamesOf, type FaultImpact, type LoadPoint } from '../result';
import { LoadClient } from './client';
import { count, latencyQ, ms1, rowsOf } from './measure';
import { WHAT, type Msg } from './messages';
import type { Observer } from './observer';
import type { Scene } from './scene';
import { makeWorld, type Carded } from './world';

export const DB_TIMEOUT_MS = 500;
const N = NODE.sharedDb;
const NAMES = nodeNamesOf('shared-db');

interface Query {
  from: number;
  id: number;
  op: 'write' | 'read' | 'apply';
  costTicks: number;
  value: number;
  /** The schema version of the orders table the caller's query is written for. */
  schema: number;
}

export class Database implements Actor<Msg>, Carded {
  /** Waiting queries from `head` on (an array with a head index: a long line costs O(1) per query). */
  private line: Query[] = [];
  private head = 0;
  private running = 0;
  private readonly table: { orders: number; schema: number };
  constructor(readonly ctx: NodeContext<Msg>, private readonly slots: number) {
    ctx.storage.table ??= { orders: 0, schema: 1 };
    this.table = ctx.storage.table as { orders: number; schema: number };
  }

  onMessage(from: number, m: Msg): void {
    if (m.k !== 'q') return;
    this.line.push({ from, id: m.id, op: m.op, costTicks: m.costTicks, value: m.value, schema: m.schema });
    this.pump();
  }

  private readonly runningQ = new Map<number, Query>();
  private nextRun = 1;
  private writing = 0;
  private pump(): void {
    while (this.running < this.slots && this.head < this.line.length) {
      const isWrite = this.line[this.head].op !== 'read';
      if (isWrite ? this.running > 0 : this.writing > 0) return;
      const q = this.line[this.head++];
      if (this.head > 1024 && this.head * 2 > this.line.length) {
        this.line = this.line.slice(this.head);
        this.head = 0;
      }
      this.running++;
      if (isWrite) this.writing++;
      const tag = this.nextRun++;
      this.runningQ.set(tag, q);
      this.ctx.setTimer(q.costTicks, tag);
    }
  }

  onTimer(tag: number): void {
    const q = this.runningQ.get(tag)!;
    this.runningQ.delete(tag);
    this.running--;
    if (q.op !== 'read') this.writing--;
    if (q.schema !== this.table.schema) {
      // Written for another version of the table (a column renamed under it): refused, nothing changes.
      this.ctx.send(q.from, { k: 'qr', id: q.id, value: 0, ok: false });
      return this.pump();
    }
    if (q.op === 'write') this.table.orders++;
    // Events may arrive out of order: an older count never overwrites a newer one (the copy never goes back).
    else if (q.op === 'apply') this.table.orders = Math.max(this.table.orders, q.value);
    this.ctx.send(q.from, { k: 'qr', id: q.id, value: this.table.orders, ok: true });
    this.pump();
  }

  card(field: string): number | string {
    if (field === 'role') return 'database';
    if (field === 'busy') return `slots ${this.running}/${this.slots}${this.writing > 0 ? ', locked' : ''}`;
    if (field === 'queue') return this.line.length - this.head;
    if (field === 'data') return `orders ${this.table.orders}`;
    return '';
  }
}

interface ServiceOptions {
  kind: 'A' | 'B';
  db: number;
  costTicks: number;
  /** A on the fix side: where to publish its events (-1: nowhere). */
  eventsTo: number;
  /** B on the fix side: the cost of applying an event to its own store. */
  applyTicks: number;
  /** The version of its database's orders table this service's code is written for, now. */
  schema: () => number;
}

export class Service implements Actor<Msg>, Carded {
  /** query id -> client request (client node, request id); -1 for B's event applies. */
  private readonly waiting = new Map<number, { from: number; id: number; commitTick: number }>();
  private nextQ = 1;
  private lastOutcome = '–';
  lagMs = NaN;
  seenOrders = 0;
  constructor(readonly ctx: NodeContext<Msg>, private readonly o: ServiceOptions, private readonly obs: Observer, private readonly timeoutTicks: number) {}

  onMessage(from: number, m: Msg): void {
    if (m.k === 'req') {
      const qid = this.nextQ++;
      this.waiting.set(qid, { from, id: m.id, commitTick: NaN });
      this.ctx.send(this.o.db, { k: 'q', id: qid, op: this.o.kind === 'A' ? 'write' : 'read', costTicks: this.o.costTicks, value: 0, schema: this.o.schema() });
      this.ctx.setTimer(this.timeoutTicks, qid);
    } else if (m.k === 'event') {
      const qid = this.nextQ++;
      this.waiting.set(qid, { from: -1, id: 0, commitTick: m.commitTick });
      this.ctx.send(this.o.db, { k: 'q', id: qid, op: 'apply', costTicks: this.o.applyTicks, value: m.orders, schema: 1 });
    } else if (m.k === 'qr') {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (!m.ok) {
        this.obs.schemaError(this.ctx.id);
        if (w.from >= 0) this.answer(w, 'error', 0);
        return;
      }
      if (w.from < 0) {
        this.lagMs = (this.ctx.now() - w.commitTick) / TICKS_PER_MS;
        this.seenOrders = Math.max(this.seenOrders, m.value);
        this.obs.copySeen(m.value);
        this.obs.lag(this.lagMs);
        return;
      }
      this.answer(w, 'ok', m.value);
      if (this.o.eventsTo >= 0) this.ctx.send(this.o.eventsTo, { k: 'event', orders: m.value, commitTick: this.ctx.now() });
    }
  }

  private answer(w: { from: number; id: number }, outcome: 'ok' | 'error', value: number): void {
    this.lastOutcome = outcome;
    this.ctx.send(w.from, { k: 'resp', id: w.id, outcome, value });
  }

  onTimer(qid: number): void {
    const w = this.waiting.get(qid);
    if (!w) return;
    this.waiting.delete(qid);
    this.answer(w, 'error', 0);
  }

  card(field: string): number | string {
    if (field === 'role') return `service ${this.o.kind}`;
    if (field === 'busy') return `${[...this.waiting.values()].filter((w) => w.from >= 0).length} waiting`;
    if (field === 'queue') return this.lastOutcome;
    if (field === 'data') return this.o.applyTicks > 0 ? (Number.isNaN(this.lagMs) ? 'lag –' : `lag ${this.lagMs.toFixed(1)} ms`) : '';
    return '';
  }
}

/** The schema a service's code is written for: 1, then 2 from `fromTick` on (when its team ships the change). */
function schemaFrom(ctx: NodeContext<Msg>, fromTick: number): () => number {
  return () => (ctx.now() >= fromTick ? 2 : 1);
}

export function buildSharedDb(s: AntiScenario, stage?: StageOptions<Msg>): Scene {
  const tpm = TICKS_PER_MS;
  const migrate = s.migrateAtMs > 0 ? msToTicks(s.migrateAtMs) : Infinity;
  const aCost = msToTicks(s.aQueryMs);
  const bCost = msToTicks(s.bQueryMs);
  const timeout = msToTicks(DB_TIMEOUT_MS);
  const { sim, obs } = makeWorld(s, NAMES, (ctx, name, o) => {
    switch (name) {
      case 'c0': return new LoadClient(ctx, [{ what: WHAT.A, ratePerSec: s.aRatePerSec, targets: [N.a0, N.a1] }], msToTicks(s.clientTimeoutMs), o, tpm);
      case 'c1': return new LoadClient(ctx, [{ what: WHAT.B, ratePerSec: s.bRatePerSec, targets: [N.b0, N.b1] }], msToTicks(s.clientTimeoutMs), o, tpm);
      case 'a0': return new Service(ctx, { kind: 'A', db: N.d0, costTicks: aCost, eventsTo: -1, applyTicks: 0, schema: schemaFrom(ctx, migrate) }, o, timeout);
      case 'b0': return new Service(ctx, { kind: 'B', db: N.d0, costTicks: bCost, eventsTo: -1, applyTicks: 0, schema: schemaFrom(ctx, migrate + msToTicks(B_CATCHUP_MS)) }, o, timeout);
      case 'a1': return new Service(ctx, { kind: 'A', db: N.d1, costTicks: aCost, eventsTo: N.b1, applyTicks: 0, schema: schemaFrom(ctx, migrate) }, o, timeout);
      case 'b1': return new Service(ctx, { kind: 'B', db: N.d2, costTicks: bCost, eventsTo: -1, applyTicks: bCost, schema: () => 1 }, o, timeout);
      default: return new Database(ctx, s.dbSlots);
    }
  }, stage);
  if (Number.isFinite(migrate)) {
    sim.at(migrate, () => {
      for (const db of [N.d0, N.d1]) ((sim.node(db).storage.table ??= { orders: 0, schema: 1 }) as { schema: number }).schema = 2;
      obs.remark(-1, 'A ships a schema change to its orders table, in d0 (shared with B) and d1 (its own)');
    });
    sim.at(migrate + msToTicks(B_CATCHUP_MS), () => obs.remark(-1, 'B ships its code for A\'s new schema: b0\'s reads work again'));
  }
  obs.declare('copy-behind', "B's copy of A's orders never runs ahead of A's own store (it lags, it does not invent).", 'the copy stayed at or below d1');
  obs.sourceOf = () => (sim.node(N.d1).storage.table as { orders: number } | undefined)?.orders ?? 0;
  return { sim, obs, names: NAMES, finish: () => sharedDbOutcome(s, obs) };
}

/** A's loads the sweep runs B's p99 at (per second). */
export const SWEEP_LOADS = [0, 50, 100, 150, 200] as const;

/** B's p99 on each side at each of SWEEP_LOADS, fault-free, the run's other parameters kept (at most 2 s each). */
export function loadSweep(s: AntiScenario): LoadPoint[] {
  return SWEEP_LOADS.map((a) => {
    const t = { ...s, aRatePerSec: a, events: [], migrateAtMs: 0, durationMs: Math.min(s.durationMs, 2000) };
    const scene = buildSharedDb(t);
    scene.sim.run(msToTicks(t.durationMs));
    const rows = scene.obs.requests;
    return { aRatePerSec: a, bP99Broken: latencyQ(rowsOf(rows, 0, 'B'), 0.99), bP99Fixed: latencyQ(rowsOf(rows, 1, 'B'), 0.99) };
  });
}

const SERVICES = [['a0', 0, 'A'], ['b0', 0, 'B'], ['a1', 1, 'A'], ['b1', 1, 'B']] as const;

/** For each crash of a database in the script: the services that failed at least half their requests until it recovered. */
export function faultImpacts(s: AntiScenario, obs: Observer): FaultImpact[] {
  const out: FaultImpact[] = [];
  s.events.forEach((e, i) => {
    if (e.type !== 'crash' || ![N.d0, N.d1, N.d2].includes(e.node as 4 | 7 | 8)) return;
    const rec = s.events.slice(i + 1).find((x) => x.type === 'recover' && x.node === e.node);
    const toMs = rec ? rec.t : s.durationMs;
    const dbSide = e.node === N.d0 ? 0 : 1;
    const down = SERVICES.filter(([, side, what]) => {
      if (side !== dbSide) return false;
      const rows = rowsOf(obs.requests, side, what).filter((r) => r.sentMs >= e.t && r.sentMs < toMs);
      return rows.length > 0 && count(rows, 'error', 'timeout') * 2 >= rows.length;
    }).map(([name]) => name);
    out.push({ node: NAMES[e.node], fromMs: e.t, toMs, down });
  });
  return out;
}

function sharedDbOutcome(s: AntiScenario, obs: Observer) {
  const rows = obs.requests;
  const side = (i: 0 | 1) => ({
    aP99: latencyQ(rowsOf(rows, i, 'A'), 0.99),
    bP50: latencyQ(rowsOf(rows, i, 'B'), 0.5),
    bP99: latencyQ(rowsOf(rows, i, 'B'), 0.99),
    aFailed: count(rowsOf(rows, i, 'A'), 'error', 'timeout'),
    bFailed: count(rowsOf(rows, i, 'B'), 'error', 'timeout'),
    requests: rowsOf(rows, i, 'A').length + rowsOf(rows, i, 'B').length,
  });
  const [b, f] = [side(0), side(1)];
  const lags = obs.lags;
  const lagMean = lags.length ? lags.reduce((x, y) => x + y, 0) / lags.length : NaN;
  const lagMax = lags.length ? Math.max(...lags) : NaN;
  const faults = faultImpacts(s, obs);
  const downBroken = Math.max(0, ...faults.filter((x) => x.node === 'd0').map((x) => x.down.length));
  const downFixed = Math.max(0, ...faults.filter((x) => x.node !== 'd0').map((x) => x.down.length));
  const sweep = loadSweep(s);
  const schemaRows = s.migrateAtMs > 0 ? [{ label: "B's reads refused after A's schema change", broken: String(obs.schemaErrors(N.b0)), fixed: String(obs.schemaErrors(N.b1)) }] : [];
  return {
    compare: [
      { label: "B's p50 latency", broken: ms1(b.bP50), fixed: ms1(f.bP50) },
      { label: "B's p99 latency", broken: ms1(b.bP99), fixed: ms1(f.bP99) },
      { label: "A's p99 latency", broken: ms1(b.aP99), fixed: ms1(f.aP99) },
      { label: "A's requests failed", broken: String(b.aFailed), fixed: String(f.aFailed) },
      { label: "B's requests failed", broken: String(b.bFailed), fixed: String(f.bFailed) },
      { label: 'services down in a database fault (most)', broken: String(downBroken), fixed: String(downFixed) },
      { label: "B's view of A's orders: replication lag (mean / max)", broken: '0 (same table)', fixed: `${ms1(lagMean)} / ${ms1(lagMax)}` },
      ...schemaRows,
    ],
    metrics: {
      bP99Broken: b.bP99, bP99Fixed: f.bP99, bP50Broken: b.bP50, bP50Fixed: f.bP50, aFailedBroken: b.aFailed, aFailedFixed: f.aFailed,
      bFailedBroken: b.bFailed, bFailedFixed: f.bFailed, servicesDownBroken: downBroken, servicesDownFixed: downFixed, lagMsMean: lagMean, lagMsMax: lagMax,
    },
    loadSweep: sweep,
    faults,
  };
}
