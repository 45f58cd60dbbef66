/**
 * Versions of a leaderless register as one integer: (counter, writer) packed as counter * WRITERS + writer,
 * so comparing versions is comparing numbers. The counter orders writes (a writer picks one more than the
 * highest counter a read quorum reported); the writer id (unique per write, 1..WRITERS-1) breaks ties
 * between concurrent writes that picked the same counter, so no two writes share a version.
 *
 *   (3, w7) < (3, w9) < (4, w2)        packed: 3*16384+7 < 3*16384+9 < 4*16384+2
 *
 * Version 0 = (0, 0) is "never written" (the initial value). 16,384 writer ids let a lab history of 10^4
 * operations use each operation's index as its writer id, with counters up to 131,070.
 */

/** Writer ids are 1..WRITERS-1 (0 is the initial version). */
export const WRITERS = 16384;
/** Largest counter that keeps a packed version below 2^31 (an Int32Array column holds it). */
export const COUNTER_MAX = Math.floor((2 ** 31 - 1) / WRITERS) - 1;

export const INITIAL_VERSION = 0;

export function version(counter: number, writer: number): number {
  if (!(Number.isInteger(counter) && counter >= 0 && counter <= COUNTER_MAX)) throw new Error(`invalid counter: ${counter}`);
  if (!(Number.isInteger(writer) && writer >= 0 && writer < WRITERS)) throw new Error(`invalid writer: ${writer}`);
  return counter * WRITERS + writer;
}

export function counterOf(v: number): number {
  return Math.floor(v / WRITERS);
}

export function writerOf(v: number): number {
  return v % WRITERS;
}

/** The version a new write by `writer` takes after seeing `highest`: the next counter. */
export function nextVersion(highest: number, writer: number): number {
  return version(counterOf(highest) + 1, writer);
}

/** "(3, w7)": for traces, tests and the quorum diagram's labels. */
export function showVersion(v: number): string {
  return v === INITIAL_VERSION ? '(0)' : `(${counterOf(v)}, w${writerOf(v)})`;
}

/**
 * The number a trace hash reads for a version: the first packing's counter * 4096 + writer. Links shared
 * before writer ids grew past 4,096 keep their recorded hashes this way (their writers are all below it);
 * the run itself never depended on the packing, only on the order, which is the same.
 */
export function hashedVersion(v: number): number {
  return v < 0 ? v : counterOf(v) * 4096 + writerOf(v);
}

/**
 * "12@3": a register's value and its version's counter, as the quorums stage, tables and lessons write it.
 * In the leaderless store a write's writer id is the value it writes, so value@counter names the version
 * exactly; "nil" before any write (version 0).
 */
export function showValueAt(value: number, v: number): string {
  return v <= INITIAL_VERSION || value <= 0 ? 'nil' : `${value}@${counterOf(v)}`;
}
