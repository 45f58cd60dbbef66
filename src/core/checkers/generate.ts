/**
 * Random concurrent register histories with a known answer, for property tests and benchmarks.
 *
 * Linearizable by construction: a sequential execution (writes of 1, 2, 3, ... and reads of the current
 * value) puts each operation at a linearization point `spacing` ticks apart; each operation's interval is
 * stretched around its point by up to `overlapMax` ticks on each side, so neighbours overlap. Since every
 * point lies in its interval, the sequential order is a linearization.
 *
 *   points      1        2        3        4
 *   w(1)    |---+----|
 *   r()->1       |----+-----|
 *   w(2)              |---+---------|
 *   r()->2                   |----+--|
 *
 * A stale read is then injected: a read whose value's writer w(v) completed before the read was called
 * (and after w(v-1) completed) returns v-1 instead. No linearization can place it: w(v) must come before
 * it, and nothing writes v-1 again (values are unique). Its id is reported so a test can look for it in
 * the explanation.
 */
import type { Rng } from '../random/rng';
import type { CheckOp } from './model';
import type { RegisterInput, RegisterOutput } from './models/register';

export interface RegisterHistoryOptions {
  /** Operations before any injected one (1..10^6). */
  operations: number;
  /** Percent of reads, 0..100 (default 50). */
  readPercent?: number;
  /** Ticks between linearization points (default 10). */
  spacing?: number;
  /** How far an interval may stretch before and after its point, in ticks (default 25). */
  overlapMax?: number;
  /** Percent of operations whose client times out (ret Infinity), 0..100 (default 0). */
  timeoutPercent?: number;
  /** Stale reads to inject (default 0). */
  staleReads?: number;
}

export interface GeneratedHistory {
  /** In invoke order; `index` is the position. */
  operations: CheckOp<RegisterInput, RegisterOutput>[];
  /** Ids of the injected stale reads. */
  injected: number[];
}

interface Draft {
  input: RegisterInput;
  output: RegisterOutput;
  call: number;
  ret: number;
  timeout: boolean;
  /** For reads: the value written by the last write before this read's point (its version). */
  version: number;
}

export function generateRegisterHistory(rng: Rng, options: RegisterHistoryOptions): GeneratedHistory {
  const { operations: n, readPercent = 50, spacing = 10, overlapMax = 25, timeoutPercent = 0, staleReads = 0 } = options;
  if (!(Number.isInteger(n) && n >= 1 && n <= 1_000_000)) throw new Error(`invalid operations: ${n}`);
  const drafts: Draft[] = [];
  let version = 0;
  // writeRet[v], writeCall[v]: the interval of the write of v (version 0 = the initial value).
  const writeRet: number[] = [-Infinity];
  const writeCall: number[] = [-Infinity];
  for (let i = 0; i < n; i++) {
    const point = (i + 1) * spacing + overlapMax;
    const call = point - rng.int(overlapMax + 1);
    const ret = point + rng.int(overlapMax + 1);
    const timeout = timeoutPercent > 0 && rng.chance(timeoutPercent, 100);
    if (rng.chance(readPercent, 100)) {
      drafts.push({ input: { f: 'read' }, output: version === 0 ? null : version, call, ret, timeout, version });
    } else {
      version++;
      drafts.push({ input: { f: 'write', value: version }, output: undefined, call, ret, timeout, version });
      writeRet[version] = timeout ? Infinity : ret;
      writeCall[version] = call;
    }
  }
  const chosen = new Set(injectStaleReads(rng, drafts, writeRet, writeCall, staleReads, (n + 1) * spacing + 2 * overlapMax + 1));
  const { operations, positionOf } = toOperations(rng, drafts);
  const injected: number[] = [];
  drafts.forEach((d, i) => chosen.has(d) && injected.push(positionOf[i]));
  return { operations, injected: injected.sort((a, b) => a - b) };
}

/**
 * Makes `count` reads stale: each returns v-1 instead of v, where w(v) returned before the read was called
 * and w(v-1) returned before w(v) was called (so the read is certainly one version behind, k = 1 in
 * staleness.ts). When too few reads qualify, appends w(a), w(b), r()->a one after another, after the rest.
 */
function injectStaleReads(rng: Rng, drafts: Draft[], writeRet: number[], writeCall: number[], count: number, end: number): Draft[] {
  const fits = drafts.filter(
    (d) => d.input.f === 'read' && !d.timeout && d.version >= 1 && writeRet[d.version] < d.call && writeRet[d.version - 1] < writeCall[d.version],
  );
  rng.shuffle(fits);
  const chosen = fits.slice(0, count);
  let t = end;
  let version = writeRet.length - 1;
  while (chosen.length < count) {
    for (let k = 0; k < 2; k++) {
      version++;
      writeRet[version] = t + 1;
      writeCall[version] = t;
      drafts.push({ input: { f: 'write', value: version }, output: undefined, call: t, ret: t + 1, timeout: false, version });
      t += 2;
    }
    const read: Draft = { input: { f: 'read' }, output: version, call: t, ret: t + 1, timeout: false, version };
    drafts.push(read);
    chosen.push(read);
    t += 2;
  }
  for (const d of chosen) d.output = d.version === 1 ? null : d.version - 1;
  return chosen;
}

/** Sorts by call (the invoke order), gives each operation a process that is idle during its interval. */
function toOperations(rng: Rng, drafts: Draft[]): { operations: CheckOp<RegisterInput, RegisterOutput>[]; positionOf: Int32Array } {
  const order = drafts.map((_, i) => i).sort((a, b) => drafts[a].call - drafts[b].call || a - b);
  const freeAt: number[] = [];
  const ops: CheckOp<RegisterInput, RegisterOutput>[] = new Array(drafts.length);
  const positionOf = new Int32Array(drafts.length);
  order.forEach((draftIndex, index) => {
    const d = drafts[draftIndex];
    const start = freeAt.length > 0 ? rng.int(freeAt.length) : 0;
    let process = -1;
    for (let k = 0; k < freeAt.length && process < 0; k++) if (freeAt[(start + k) % freeAt.length] < d.call) process = (start + k) % freeAt.length;
    if (process < 0) process = freeAt.push(0) - 1;
    // A process whose operation timed out is retired (src/sim/history.ts does the same).
    freeAt[process] = d.timeout ? Infinity : d.ret;
    ops[index] = {
      index,
      process,
      input: d.input,
      output: d.timeout ? undefined : d.output,
      call: d.call,
      ret: d.timeout ? Infinity : d.ret,
      status: d.timeout ? 'timeout' : 'ok',
    };
    positionOf[draftIndex] = index;
  });
  return { operations: ops, positionOf };
}
