/** Phase colours (query, store, write-back, repair), from the owner palette; red stays for stale replicas. */
import type { VizStyle } from '../shared/palette';

const PHASE_SLOTS = [0, 1, 4, 2] as const;

export function phaseColor(style: VizStyle, phase: number): string {
  return style.owners[PHASE_SLOTS[phase] ?? 7];
}
