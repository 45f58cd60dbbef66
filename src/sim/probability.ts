/**
 * Probabilities that decide behaviour (loss, duplication, reordering) are stored as integer parts per
 * million and drawn with `rng.chance(ppm, 1_000_000)`, so a decision is an integer comparison: no float
 * rounding can flip it between engines. Options accept a plain number in [0, 1] for readability and are
 * converted once, when the option is read.
 */
import type { Rng } from '../core/random/rng';

/** Denominator of every stored probability. */
export const PPM = 1_000_000;

/** Converts a probability in [0, 1] to parts per million (rounded), refusing anything else. */
export function toPpm(probability: number, name = 'probability'): number {
  if (!(probability >= 0 && probability <= 1)) throw new Error(`invalid ${name}: ${probability} (must be 0..1)`);
  return Math.round(probability * PPM);
}

/** True with probability ppm / 10^6; draws nothing when the answer is certain (0 or 10^6). */
export function chancePpm(r: Rng, ppm: number): boolean {
  if (ppm <= 0) return false;
  if (ppm >= PPM) return true;
  return r.int(PPM) < ppm;
}
