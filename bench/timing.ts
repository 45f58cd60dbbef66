/**
 * Round-robin timing for benchmarks whose contenders share one process: each repetition runs every
 * contender once, in turn, so a neighbour's burst of load hits all of them alike. Wall and CPU time
 * (user + system) are both kept: on a shared 2-core machine wall time swings with the neighbours' load,
 * CPU time much less, so ratios are taken on CPU time.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Medians of `repetitions` round-robin runs of each contender (after one warm-up run each). Odd rounds run
 * the contenders in reverse order, so none always runs first (after a gc pause, say) or last.
 */
export function roundRobin(contenders: Record<string, () => void>, repetitions: number): Record<string, Timing> {
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (const body of Object.values(contenders)) body();
  const entries = Object.entries(contenders);
  for (let r = 0; r < repetitions; r++) {
    for (const [name, body] of r % 2 === 0 ? entries : [...entries].reverse()) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      body();
      const used = process.cpuUsage(cpuStart);
      (wall[name] ??= []).push(performance.now() - start);
      (cpu[name] ??= []).push((used.user + used.system) / 1000);
    }
  }
  const out: Record<string, Timing> = {};
  for (const name of Object.keys(contenders)) out[name] = { wallMs: median(wall[name]), cpuMs: median(cpu[name]) };
  return out;
}

/**
 * The garbage collector, exposed at run time (`npm run bench` runs without --expose-gc): V8 accepts the
 * flag late, and a fresh context then sees `gc`. Heap deltas without it would be noise.
 */
export function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Bytes retained by what `make` returns: heap and array buffers, gc'd before and after. */
export function retainedBytes(make: () => unknown): number {
  const gc = exposeGc();
  gc();
  gc();
  const before = process.memoryUsage();
  const kept = make();
  gc();
  gc();
  const after = process.memoryUsage();
  if (kept === undefined) throw new Error('nothing kept');
  return after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
}
