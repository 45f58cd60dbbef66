/**
 * What a leader's card on the stage shows: writes applied, writes each other region has not acknowledged
 * yet, what it holds for the hot key k0 (siblings: several values), the conflicts it has met and a badge
 * for a while after each; the stage adds its clock offset when the clock is off. The field names are
 * those program/stage.ts records.
 */
import type { CardSpec } from '../../../viz/stage';

const CARD_FIELDS: CardSpec['fields'] = [
  { field: 'applied', label: 'applied' },
  { field: 'pending', label: 'to' },
  { field: 'k0', label: 'k0', format: (text) => (text === '' ? 'nil' : text) },
  { field: 'conflicts', label: 'conflicts' },
];

/** The card of `regions` leaders: room for "r1 conflict × down" in its head, and past two regions for "to r1 3 · r2 0 · r3 5". */
export function cardSpec(regions: number): CardSpec {
  return {
    width: regions <= 2 ? 150 : 168,
    fields: CARD_FIELDS,
    badges: [{ field: 'conflict', text: 'yes', label: 'conflict' }],
  };
}
