/**
 * The scenes' clients. A LoadClient sends open-loop (Poisson) streams of requests, each request to both
 * halves of the stage at the same moment (the broken design, then its fix), and records what each half
 * answered and when. A client gives up on a request after its timeout: the request counts as timed out on the
 * halves that had not answered (the service may still be working on it).
 */
import { log } from '../../../core/math/detMath';
import type { Rng } from '../../../core/random/rng';
import type { Actor, NodeContext } from '../../../sim/index';
import { ENDPOINTS, type Msg } from './messages';
import type { Observer } from './observer';
import type { Carded } from './world';

export interface Stream {
  /** Endpoint (messages.ts ENDPOINTS). */
  what: number;
  ratePerSec: number;
  /** The broken half's service, then the fix's. */
  targets: readonly [number, number];
  /** When set, each request asks for endpoint `alt` instead with this probability (drawn once, same on both halves). */
  alt?: { what: number; share: number };
}

interface Pending {
  tick: number;
  what: number;
  answered: [boolean, boolean];
  targets: readonly [number, number];
}

const TIMEOUT_TAG = 1_000_000;

/** Gap to the next arrival of a Poisson stream, ticks (at least 1). */
export function poissonGapTicks(rng: Rng, ratePerSec: number, ticksPerMs: number): number {
  const meanTicks = (1000 * ticksPerMs) / ratePerSec;
  return Math.max(1, Math.round(-log(1 - rng.float()) * meanTicks));
}

export class LoadClient implements Actor<Msg>, Carded {
  private readonly rngs: Rng[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private answered = 0;

  constructor(
    readonly ctx: NodeContext<Msg>,
    private readonly streams: readonly Stream[],
    private readonly timeoutTicks: number,
    private readonly obs: Observer,
    private readonly tpm: number,
  ) {
    this.rngs = streams.map((_, i) => ctx.rng.fork(`stream${i}`));
  }

  onStart(): void {
    this.streams.forEach((s, i) => {
      if (s.ratePerSec > 0) this.ctx.setTimer(poissonGapTicks(this.rngs[i], s.ratePerSec, this.tpm), i);
    });
  }

  onTimer(tag: number): void {
    if (tag >= TIMEOUT_TAG) return this.timeout(tag - TIMEOUT_TAG);
    const s = this.streams[tag];
    const rng = this.rngs[tag];
    const what = s.alt && rng.float() < s.alt.share ? s.alt.what : s.what;
    const id = this.nextId++;
    this.pending.set(id, { tick: this.ctx.now(), what, answered: [false, false], targets: s.targets });
    for (const to of s.targets) this.ctx.send(to, { k: 'req', id, what });
    this.ctx.setTimer(this.timeoutTicks, TIMEOUT_TAG + id);
    this.ctx.setTimer(poissonGapTicks(rng, s.ratePerSec, this.tpm), tag);
  }

  onMessage(from: number, m: Msg): void {
    if (m.k !== 'resp') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    const side = p.targets[0] === from ? 0 : 1;
    if (p.answered[side]) return;
    p.answered[side] = true;
    this.answered++;
    this.obs.request({ side, what: ENDPOINTS[p.what], sentMs: p.tick / this.tpm, latencyMs: (this.ctx.now() - p.tick) / this.tpm, outcome: m.outcome });
    if (p.answered[0] && p.answered[1]) this.pending.delete(m.id);
  }

  private timeout(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    for (const side of [0, 1] as const) {
      if (!p.answered[side]) this.obs.request({ side, what: ENDPOINTS[p.what], sentMs: p.tick / this.tpm, latencyMs: NaN, outcome: 'timeout' });
    }
    this.pending.delete(id);
  }

  card(field: string): number | string {
    if (field === 'role') return 'client';
    const fields = ['busy', 'state', 'a', 'threads', 'region'];
    if (fields.includes(field)) return `${this.nextId - 1} sent`;
    if (field === 'data' || field === 'b' || field === 'last') return `${this.answered} answers`;
    return '';
  }
}
