/**
 * The served workload's time accounting, written while it happens: busy time per node x bucket and per
 * node x phase (phases open at the scripted events), and the deepest queue per node x bucket. Buckets cut
 * [0, width x buckets) into equal spans; a tick past the last bucket counts in the last one.
 *
 * A service's busy time goes to the phase it starts in; when a phase opens (`advance`), what every node's
 * services still owe after that tick moves to the new phase. So the meter never needs the phases to come
 * (a checkpoint of it depends only on the events before it), and its sums are the ones splitting each
 * service at every phase start gives: every figure is an integer number of ticks, summed exactly.
 */
export class Meter {
  /** The phase now (0 before the first scripted event; `advance` moves it). */
  phase = 0;
  /** Per node: the end tick of its latest busy span. */
  readonly busyEnd: Float64Array;
  /** (node, end) pairs of older busy spans a newer one overlapped (a service cut short by a crash). */
  overlapped: number[] = [];

  constructor(
    private readonly width: number,
    private readonly buckets: number,
    private readonly slots: number,
    private readonly busyUs: Float64Array,
    /** Per phase x node (phase-major): busy ticks. */
    private readonly busyPhaseUs: Float64Array,
    private readonly queueMax: Uint32Array,
  ) {
    this.busyEnd = new Float64Array(slots);
  }

  bucketOf(tick: number): number {
    const b = Math.floor(tick / this.width);
    return b < this.buckets ? b : this.buckets - 1;
  }

  /** `node` had `depth` requests waiting or in service at tick `now`. */
  noteDepth(node: number, depth: number, now: number): void {
    const at = node * this.buckets + this.bucketOf(now);
    if (depth > this.queueMax[at]) this.queueMax[at] = depth;
  }

  /** Adds busy time [start, start + ticks) to the node's buckets, and to the phase now. */
  addBusy(node: number, start: number, ticks: number): void {
    const end = start + ticks;
    const w = this.width;
    for (let b = Math.floor(start / w); b < this.buckets && b * w < end; b++) {
      this.busyUs[node * this.buckets + b] += Math.min(end, (b + 1) * w) - Math.max(start, b * w);
    }
    this.busyPhaseUs[this.phase * this.slots + node] += ticks;
    if (this.busyEnd[node] > start) this.overlapped.push(node, this.busyEnd[node]);
    this.busyEnd[node] = end;
  }

  /** Phase `phase` opens at `tick`: busy time after it moves there from the phase before. */
  advance(phase: number, tick: number): void {
    const from = (phase - 1) * this.slots;
    const to = phase * this.slots;
    const bp = this.busyPhaseUs;
    for (let nd = 0; nd < this.slots; nd++) {
      const owed = this.busyEnd[nd] - tick;
      if (owed > 0) {
        bp[from + nd] -= owed;
        bp[to + nd] += owed;
      }
    }
    const kept: number[] = [];
    for (let j = 0; j < this.overlapped.length; j += 2) {
      const nd = this.overlapped[j];
      const owed = this.overlapped[j + 1] - tick;
      if (owed <= 0) continue;
      bp[from + nd] -= owed;
      bp[to + nd] += owed;
      kept.push(nd, this.overlapped[j + 1]);
    }
    this.overlapped = kept;
    this.phase = phase;
  }
}
