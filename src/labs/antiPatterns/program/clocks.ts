/**
 * Scene 3, assuming synchronized clocks (the short version: the clocks lab, #/vector-clocks, has the rest).
 * w0 writes x every WRITE_MS and tells w1; w1 writes x WRITE_AFTER_MS after hearing each of w0's writes and
 * tells w0. Every write is causally after the one before it. Each put carries two stamps: the writer's wall
 * clock (w1's is skewMs off) and its hybrid logical clock (Kulkarni et al., 2014):
 *
 *   send/local  l' = l; l = max(l', pt); c = (l == l') ? c + 1 : 0
 *   receive     l' = l; l = max(l', lm, pt); c = max(c, cm) + 1 if l == l' == lm, c + 1 if only l == l',
 *               cm + 1 if only l == lm, else 0
 *
 * k0 keeps the put with the larger wall stamp (last-writer-wins on wall clocks), k1 the larger (l, c)
 * (ties by writer id). HLC is not clock sync and resolves no conflict: it only never orders an effect before
 * its cause. The ghost (observer) knows each write's causal past and counts the later writes each store drops.
 */
import type { Actor, NodeContext, StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import { nodeNamesOf } from '../result';
import type { AntiScenario } from '../scenario';
import type { Msg } from './messages';
import type { Observer } from './observer';
import type { Scene } from './scene';
import { makeWorld, type Carded } from './world';

export const WRITE_MS = 100;
export const WRITE_AFTER_MS = 5;
/** Clocks read EPOCH_MS + true ms (+ offset), so a clock behind never reads below 0. */
export const EPOCH_MS = 10_000;
const KV = [2, 3] as const;

interface Hlc {
  l: number;
  c: number;
}

/** The ghost's record of a write: who, its stamps, and the writes in its causal past (by value). */
export interface WriteInfo {
  value: number;
  writer: number;
  wall: number;
  hlc: Hlc;
  past: Set<number>;
}

export class ClockGhost {
  readonly writes = new Map<number, WriteInfo>();
  /** Per store: later writes dropped (a write causally after the kept value, discarded). */
  readonly lost = [0, 0];
  constructor(private readonly obs: Observer) {
    obs.declare('hlc-causal', 'If write e happened before write f, hlc(e) < hlc(f).', 'every write\'s HLC stamp exceeded those of its causal past');
    obs.declare('hlc-keeps-later', 'k1 (HLC order) never drops a write that causally follows the value it keeps.', 'k1 kept every causally later write');
  }
  write(info: WriteInfo): void {
    this.writes.set(info.value, info);
    for (const p of info.past) {
      const e = this.writes.get(p)!;
      if (!(e.hlc.l < info.hlc.l || (e.hlc.l === info.hlc.l && e.hlc.c < info.hlc.c))) this.obs.broke('hlc-causal', `x = ${p} happened before x = ${info.value}, yet its HLC ${e.hlc.l}.${e.hlc.c} is not below ${info.hlc.l}.${info.hlc.c}`);
    }
  }
  /** A store kept `kept` over `dropped`: a lost update when `dropped` causally follows `kept`. */
  dropped(store: 0 | 1, kept: number, dropped: number, node: number): void {
    const d = this.writes.get(dropped)!;
    if (!d.past.has(kept)) return;
    this.lost[store]++;
    const k = this.writes.get(kept)!;
    this.obs.remark(node, store === 0
      ? `k0 drops x = ${dropped}: its wall stamp ${d.wall} is below ${k.wall}, though it was written after x = ${kept}`
      : `k1 drops x = ${dropped}, written after x = ${kept}`);
    if (store === 1) this.obs.broke('hlc-keeps-later', `k1 dropped x = ${dropped}, which follows x = ${kept}`);
  }
}

interface WriterDisk {
  hlc: Hlc;
  next: number;
  past: Set<number>;
}

/** A writer keeps its HLC, its next value and what it has seen on disk: a restart never reissues a stamp or a value. */
export class Writer implements Actor<Msg>, Carded {
  private readonly disk: WriterDisk;
  constructor(readonly ctx: NodeContext<Msg>, private readonly peer: number, private readonly ghost: ClockGhost) {
    ctx.storage.disk ??= { hlc: { l: 0, c: 0 }, next: ctx.id === 0 ? 1 : 2, past: new Set<number>() };
    this.disk = ctx.storage.disk as WriterDisk;
  }
  private get hlc(): Hlc {
    return this.disk.hlc;
  }
  private get past(): Set<number> {
    return this.disk.past;
  }
  private pt(): number {
    return EPOCH_MS + Math.floor(this.ctx.localNow() / TICKS_PER_MS);
  }
  onStart(): void {
    if (this.ctx.id === 0) this.ctx.setTimer(msToTicks(WRITE_MS / 2), 0);
  }
  onTimer(): void {
    this.write();
    if (this.ctx.id === 0) this.ctx.setTimer(msToTicks(WRITE_MS), 0);
  }
  private write(): void {
    const l0 = this.hlc.l;
    this.hlc.l = Math.max(l0, this.pt());
    this.hlc.c = this.hlc.l === l0 ? this.hlc.c + 1 : 0;
    const value = this.disk.next;
    this.disk.next += 2;
    const wall = this.pt();
    this.ghost.write({ value, writer: this.ctx.id, wall, hlc: { ...this.hlc }, past: new Set(this.past) });
    this.past.add(value);
    for (const kv of KV) this.ctx.send(kv, { k: 'put', value, wall, l: this.hlc.l, c: this.hlc.c });
    this.ctx.send(this.peer, { k: 'fwd', value, l: this.hlc.l, c: this.hlc.c });
  }
  onMessage(_from: number, m: Msg): void {
    if (m.k !== 'fwd') return;
    const l0 = this.hlc.l;
    const pt = this.pt();
    this.hlc.l = Math.max(l0, m.l, pt);
    if (this.hlc.l === l0 && l0 === m.l) this.hlc.c = Math.max(this.hlc.c, m.c) + 1;
    else if (this.hlc.l === l0) this.hlc.c += 1;
    else if (this.hlc.l === m.l) this.hlc.c = m.c + 1;
    else this.hlc.c = 0;
    this.past.add(m.value);
    for (const p of this.ghost.writes.get(m.value)!.past) this.past.add(p);
    if (this.ctx.id === 1) this.ctx.setTimer(msToTicks(WRITE_AFTER_MS), 0);
  }
  card(field: string): number | string {
    if (field === 'role') return 'writer';
    if (field === 'a') return `clock ${this.pt()}`;
    if (field === 'b') return `hlc ${this.hlc.l}.${this.hlc.c}`;
    return '';
  }
}

export class LwwStore implements Actor<Msg>, Carded {
  private kept: { value: number; key: [number, number, number] } | undefined;
  constructor(readonly ctx: NodeContext<Msg>, private readonly store: 0 | 1, private readonly ghost: ClockGhost) {}
  onMessage(from: number, m: Msg): void {
    if (m.k !== 'put') return;
    const key: [number, number, number] = this.store === 0 ? [m.wall, 0, from] : [m.l, m.c, from];
    const k = this.kept;
    if (!k || key[0] > k.key[0] || (key[0] === k.key[0] && (key[1] > k.key[1] || (key[1] === k.key[1] && key[2] > k.key[2])))) {
      if (k) this.ghost.dropped(this.store, m.value, k.value, this.ctx.id);
      this.kept = { value: m.value, key };
    } else this.ghost.dropped(this.store, k.value, m.value, this.ctx.id);
  }
  card(field: string): number | string {
    if (field === 'role') return this.store === 0 ? 'LWW wall clock' : 'LWW on HLC';
    if (field === 'a') return this.kept ? `x = ${this.kept.value}` : 'x –';
    if (field === 'b') return this.kept ? (this.store === 0 ? `stamp ${this.kept.key[0]}` : `stamp ${this.kept.key[0]}.${this.kept.key[1]}`) : '';
    return '';
  }
}

export function buildClocks(s: AntiScenario, stage?: StageOptions<Msg>): Scene {
  const names = nodeNamesOf('clocks');
  let ghost: ClockGhost | undefined;
  // w1's offset is a scripted skew at 0 (so the stage draws it, and a later skew from its menu replaces it).
  const withSkew: AntiScenario = { ...s, events: [{ t: 0, type: 'skew', node: 1, ms: s.skewMs }, ...s.events] };
  const { sim, obs } = makeWorld(withSkew, names, (ctx, name, o) => {
    ghost ??= new ClockGhost(o);
    if (name === 'w0') return new Writer(ctx, 1, ghost);
    if (name === 'w1') return new Writer(ctx, 0, ghost);
    return new LwwStore(ctx, name === 'k0' ? 0 : 1, ghost);
  }, stage);
  return {
    sim, obs, names,
    finish: () => {
      const g = ghost!;
      return {
        compare: [
          { label: 'writes (each after the one before)', broken: String(g.writes.size), fixed: String(g.writes.size) },
          { label: 'later writes dropped (lost updates)', broken: String(g.lost[0]), fixed: String(g.lost[1]) },
        ],
        metrics: { writes: g.writes.size, lostWall: g.lost[0], lostHlc: g.lost[1] },
      };
    },
  };
}
