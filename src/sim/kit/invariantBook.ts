/**
 * A run's invariants as its observer keeps them: each declared up front (holding until broken), broken at
 * most once (the first breach is the one that teaches: its time and detail are kept), and the narration's
 * remarks written beside them, in true time. An observer never changes a run: nothing here is seen by the
 * actors.
 */

/** One of the narration's remarks: at `tick`, about `node` (-1: the run). */
export interface Remark {
  tick: number;
  node: number;
  text: string;
}

/** An invariant's verdict as results carry it. */
export interface InvariantCheck {
  id: string;
  /** The invariant in one sentence. */
  name: string;
  ok: boolean;
  detail: string;
  /** When it first broke (ms), NaN while it holds. */
  tMs: number;
}

export class InvariantBook {
  readonly remarks: Remark[] = [];
  private readonly invariants = new Map<string, { name: string; ok: boolean; detail: string; tick: number }>();

  /** `now` reads true time in ticks; with `remarkBreaks`, a breach is also told in the narration. */
  constructor(readonly now: () => number, readonly ticksPerMs: number, private readonly remarkBreaks = false) {}

  /** Declares an invariant, holding until `broke` says otherwise. */
  declare(id: string, name: string, detail: string): void {
    this.invariants.set(id, { name, ok: true, detail, tick: NaN });
  }

  /** The invariant `id` breaks now (only its first breach is kept). */
  broke(id: string, detail: string): void {
    const inv = this.invariants.get(id);
    if (!inv || !inv.ok) return;
    inv.ok = false;
    inv.detail = detail;
    inv.tick = this.now();
    if (this.remarkBreaks) this.remark(-1, `invariant broken: ${inv.name} (${detail})`);
  }

  checks(): InvariantCheck[] {
    return [...this.invariants].map(([id, v]) => ({ id, name: v.name, ok: v.ok, detail: v.detail, tMs: v.tick / this.ticksPerMs }));
  }

  remark(node: number, text: string): void {
    this.remarks.push({ tick: this.now(), node, text });
  }

  /** The remarks as the stage's columns. */
  remarkColumns(): { tick: number[]; node: number[]; text: string[] } {
    return { tick: this.remarks.map((r) => r.tick), node: this.remarks.map((r) => r.node), text: this.remarks.map((r) => r.text) };
  }
}
