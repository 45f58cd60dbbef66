/**
 * How the stage draws a result, chosen once per result (never per frame, so nothing switches mid-play):
 *
 *   cards      up to CARDS_MAX nodes: an HTML card per node (the lab's fields), dots and labels on canvas
 *   glyphs     up to GLYPHS_MAX nodes: a canvas glyph per node (role colour + letter), the card on focus
 *   aggregate  beyond, or past DOTS_MAX dots at once: glyphs, bundles between groups as wide as their load,
 *              and a stable sample of dots (row shown iff hash(row) mod sampleEvery = 0)
 *
 * Thresholds from stage.md section 2 (1,000 SVG dots cost 3-4 ms, canvas 0.3 ms; 20,000 canvas arcs miss
 * frames).
 */
import { fmix32 } from '../../core/hash/murmur3';
export const CARDS_MAX = 50;
export const GLYPHS_MAX = 300;
export const DOTS_MAX = 5000;
/** In the aggregate tier, about this many dots are drawn at the peak. */
export const DOTS_SAMPLED = 2000;
/** Dot labels ("write w2") only when this many dots or fewer are on the stage. */
export const LABELS_MAX = 30;

export type StageTier = 'cards' | 'glyphs' | 'aggregate';

export interface TierPlan {
  tier: StageTier;
  /** 1 = every dot; k = the rows whose hash is 0 mod k. */
  sampleEvery: number;
}

export function chooseTier(nodeCount: number, peakInFlight: number): TierPlan {
  const isCrowded = nodeCount > GLYPHS_MAX || peakInFlight > DOTS_MAX;
  const tier: StageTier = isCrowded ? 'aggregate' : nodeCount > CARDS_MAX ? 'glyphs' : 'cards';
  const sampleEvery = peakInFlight > DOTS_MAX ? Math.ceil(peakInFlight / DOTS_SAMPLED) : 1;
  return { tier, sampleEvery };
}

/** A stable integer hash of a row (murmur3's finaliser): which rows a sample keeps never changes with t. */
export function rowHash(row: number): number {
  return fmix32(row | 0);
}
