/**
 * What every benchmark module returns: figures, and for targets a ratio against a peer measured in the
 * same run. `npm run bench` (bench/run.ts) prints them as one table.
 */
export interface BenchLine {
  /** "ring", "engine", "browser". */
  section: string;
  /** What was measured: "build 1,000 x 1,000 + assign 10^6 keys (ours)". */
  name: string;
  value: number;
  /** "ms", "M keys/s", "events/s", "bytes". */
  unit: string;
  /** The target this line checks, in words ("<= 1.5x bare ring"), and whether this run met it. */
  target?: string;
  ok?: boolean;
}

/** Median of a few timed repetitions (ms); runs `setup` before each outside the timing. */
export function medianMs(repetitions: number, body: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
