/**
 * The served workload's time accounting, written while it happens: busy time per node x bucket and per
 * node x phase (phases open at the scripted events), and the deepest queue per node x bucket. Buckets cut
 * [0, width x buckets) into equal spans; a tick past the last bucket counts in the last one.
 */
export class Meter {
  /** The phase now (0 before the first scripted event; the Server advances it). */
  phase = 0;

  constructor(
    private readonly width: number,
    private readonly buckets: number,
    /** Tick each phase starts at: 0, then every scripted event's time. */
    private readonly phaseStarts: readonly number[],
    private readonly busyUs: Float64Array,
    private readonly busyPhaseUs: Float64Array,
    private readonly queueMax: Uint32Array,
  ) {}

  bucketOf(tick: number): number {
    const b = Math.floor(tick / this.width);
    return b < this.buckets ? b : this.buckets - 1;
  }

  /** `node` had `depth` requests waiting or in service at tick `now`. */
  noteDepth(node: number, depth: number, now: number): void {
    const at = node * this.buckets + this.bucketOf(now);
    if (depth > this.queueMax[at]) this.queueMax[at] = depth;
  }

  /** Adds busy time [start, start + ticks) to the node's buckets and phases. */
  addBusy(node: number, start: number, ticks: number): void {
    const end = start + ticks;
    const w = this.width;
    for (let b = Math.floor(start / w); b < this.buckets && b * w < end; b++) {
      this.busyUs[node * this.buckets + b] += Math.min(end, (b + 1) * w) - Math.max(start, b * w);
    }
    const starts = this.phaseStarts;
    const phases = starts.length;
    for (let ph = this.phase; ph < phases; ph++) {
      const from = Math.max(start, starts[ph]);
      const to = Math.min(end, ph + 1 < phases ? starts[ph + 1] : Infinity);
      if (to > from) this.busyPhaseUs[node * phases + ph] += to - from;
      if (to >= end) break;
    }
  }
}
