/**
 * What a node's card on the stage shows, as program/caller.ts and program/server.ts record them:
 *   caller  "closed · in flight 3" (breaker state when it has one, and a badge while open or half-open),
 *           queue = its retry queue (bar),
 *           detail: "DLQ 2", "budget 9.4", "local writes 5" or "cached 31" by strategy
 *   server  "slots 5/5 · tokens 12.0", queue = requests waiting (bar, log scale: 3 shows beside 600)
 */
import type { CardSpec } from '../../../viz/stage';

export const CARD_SPEC: CardSpec = {
  width: 190,
  role: 'role',
  fields: [
    { field: 'state', label: '' },
    { field: 'queue', label: 'queue', bar: { max: 1000, scale: 'log' } },
    { field: 'detail', label: '' },
  ],
  badges: [
    { field: 'breaker', text: 'open', label: '⊘ open', words: 'breaker open' },
    { field: 'breaker', text: 'half-open', label: '◐ half-open', words: 'breaker half-open' },
  ],
};

/** On a phone the cards stand in one column. */
export const CARD_SPEC_NARROW: CardSpec = { ...CARD_SPEC, width: 200 };
