/**
 * Scene 5, data locality. Users in the EU (u0) and the US (u1) each call the app in their region; a request
 * reads `reads` rows one after another (each read needs the previous one's answer). Left: every user's data
 * lives in one US database (d0), so an EU request pays reads x the cross-region round trip. Right: data is
 * homed by access pattern (an EU user's rows in d1, a US user's in d2), so most reads stay in the region;
 * the remoteShare of EU requests that read US-homed data (a traveller's) still cross.
 * Links: a constant half round trip each way, localRttMs / 2 inside a region, crossRttMs / 2 between.
 */
import type { Actor, NodeContext, StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import { nodeNamesOf } from '../result';
import type { AntiScenario } from '../scenario';
import { LoadClient } from './client';
import { latencyQ, ms1, rowsOf } from './measure';
import { WHAT, type Msg } from './messages';
import type { Observer } from './observer';
import type { Scene } from './scene';
import { makeWorld, type Carded } from './world';

/** Requests per second from each region's users. */
export const LOCALITY_RATE = 4;
export const ROW_BYTES = 1000;
/** Region of each node (0 EU, 1 US), by id: u0 u1 a0 a1 d0 a2 a3 d1 d2. */
export const REGION = [0, 1, 0, 1, 1, 0, 1, 0, 1] as const;
const ID = { u0: 0, u1: 1, a0: 2, a1: 3, d0: 4, a2: 5, a3: 6, d1: 7, d2: 8 } as const;

export class App implements Actor<Msg>, Carded {
  private readonly jobs = new Map<number, { from: number; id: number; db: number; i: number; home: number }>();
  private nextJob = 1;
  lastMs = NaN;
  private readonly starts = new Map<number, number>();
  constructor(readonly ctx: NodeContext<Msg>, private readonly o: { reads: number; dbFor: (what: number) => number; side: 0 | 1 }, private readonly obs: Observer) {}

  onMessage(from: number, m: Msg): void {
    if (m.k === 'req') {
      const job = this.nextJob++;
      const db = this.o.dbFor(m.what);
      this.jobs.set(job, { from, id: m.id, db, i: 0, home: m.what === WHAT.eu ? 0 : 1 });
      this.starts.set(job, this.ctx.now());
      this.read(job);
    } else if (m.k === 'rowReply') {
      const j = this.jobs.get(m.id);
      if (!j) return;
      j.i++;
      if (j.i < this.o.reads) return this.read(m.id);
      this.jobs.delete(m.id);
      this.lastMs = (this.ctx.now() - this.starts.get(m.id)!) / TICKS_PER_MS;
      this.starts.delete(m.id);
      this.ctx.send(j.from, { k: 'resp', id: j.id, outcome: 'ok', value: 0 });
    }
  }

  private read(job: number): void {
    const j = this.jobs.get(job)!;
    if (REGION[j.db] !== REGION[this.ctx.id]) {
      this.obs.crossCall(this.o.side, ROW_BYTES);
      if (this.o.side === 1 && j.home === REGION[this.ctx.id]) this.obs.broke('homed-local', `${this.ctx.id} read a row of its own region's users from another region`);
    }
    this.ctx.send(j.db, { k: 'row', id: job, i: j.i });
  }

  card(field: string): number | string {
    if (field === 'role') return 'app';
    if (field === 'region') return REGION[this.ctx.id] === 0 ? 'EU' : 'US';
    if (field === 'last') return Number.isNaN(this.lastMs) ? '–' : `${this.lastMs.toFixed(1)} ms`;
    return '';
  }
}

export class RowStore implements Actor<Msg>, Carded {
  served = 0;
  constructor(readonly ctx: NodeContext<Msg>) {}
  onMessage(from: number, m: Msg): void {
    if (m.k !== 'row') return;
    this.served++;
    this.ctx.send(from, { k: 'rowReply', id: m.id, i: m.i });
  }
  card(field: string): number | string {
    if (field === 'role') return 'database';
    if (field === 'region') return REGION[this.ctx.id] === 0 ? 'EU' : 'US';
    if (field === 'last') return `${this.served} rows`;
    return '';
  }
}

export function buildLocality(s: AntiScenario, stage?: StageOptions<Msg>): Scene {
  const names = nodeNamesOf('locality');
  const { sim, obs } = makeWorld(s, names, (ctx, name, o) => {
    if (name === 'u0') return new LoadClient(ctx, [{ what: WHAT.eu, ratePerSec: LOCALITY_RATE, targets: [ID.a0, ID.a2], alt: { what: WHAT.traveller, share: s.remoteShare } }], msToTicks(30_000), o, TICKS_PER_MS);
    if (name === 'u1') return new LoadClient(ctx, [{ what: WHAT.us, ratePerSec: LOCALITY_RATE, targets: [ID.a1, ID.a3] }], msToTicks(30_000), o, TICKS_PER_MS);
    if (name[0] === 'a') {
      const side = name === 'a0' || name === 'a1' ? 0 : 1;
      const dbFor = side === 0 ? () => ID.d0 : (what: number) => (what === WHAT.eu ? ID.d1 : ID.d2);
      return new App(ctx, { reads: s.reads, dbFor, side }, o);
    }
    return new RowStore(ctx);
  }, stage);
  for (let a = 0; a < names.length; a++) {
    for (let b = 0; b < names.length; b++) {
      if (a === b) continue;
      const rtt = REGION[a] === REGION[b] ? s.localRttMs : s.crossRttMs;
      sim.network.setLink(a, b, { latency: { kind: 'constant', ticks: msToTicks(rtt / 2) } });
    }
  }
  obs.declare('homed-local', 'With data homed by access pattern, a request for the data of users in the app\'s region never leaves the region.', 'every such read stayed in the region');
  return { sim, obs, names, finish: () => localityOutcome(obs) };
}

function localityOutcome(obs: Observer) {
  const rows = obs.requests;
  const side = (i: 0 | 1) => {
    const eu = rowsOf(rows, i, 'EU user');
    const us = rowsOf(rows, i, 'US user');
    const tr = rowsOf(rows, i, 'EU traveller');
    const n = rows.filter((r) => r.side === i).length;
    return {
      euP50: latencyQ(eu, 0.5), trP50: latencyQ(tr, 0.5), travellers: tr.length, euP99: latencyQ(eu, 0.99), usP50: latencyQ(us, 0.5),
      crossPerReq: n ? obs.cross[i] / n : NaN, bytesPerReq: n ? obs.crossBytes[i] / n : NaN,
    };
  };
  const [b, f] = [side(0), side(1)];
  return {
    compare: [
      { label: 'EU requests for EU users\' data, p50', broken: ms1(b.euP50), fixed: ms1(f.euP50) },
      { label: 'EU requests for EU users\' data, p99', broken: ms1(b.euP99), fixed: ms1(f.euP99) },
      { label: 'US requests for US users\' data, p50', broken: ms1(b.usP50), fixed: ms1(f.usP50) },
      { label: `EU requests for US-homed data (travellers: ${b.travellers}), p50`, broken: ms1(b.trP50), fixed: ms1(f.trP50) },
      { label: 'cross-region calls per request', broken: b.crossPerReq.toFixed(2), fixed: f.crossPerReq.toFixed(2) },
      { label: 'bytes across regions per request', broken: b.bytesPerReq.toFixed(0), fixed: f.bytesPerReq.toFixed(0) },
    ],
    metrics: { euP50Broken: b.euP50, euP50Fixed: f.euP50, euP99Broken: b.euP99, euP99Fixed: f.euP99, crossPerReqBroken: b.crossPerReq, crossPerReqFixed: f.crossPerReq, bytesPerReqBroken: b.bytesPerReq, bytesPerReqFixed: f.bytesPerReq },
  };
}
