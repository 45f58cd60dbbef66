/**
 * What a node's card on the stage shows: its role (client, front with the filter, store with the disk) and
 * one line of counts, as program/nodes.ts records them: c0 "sent 12 · timeouts 0", f1 "no 40 · read 8 ·
 * wasted 1" (gets answered "definitely no", gets sent to the store, of them false positives), s2 "disk
 * reads 8 · queue 1".
 */
import type { CardSpec } from '../../../viz/stage';

export const CARD_SPEC: CardSpec = {
  width: 178,
  fields: [
    { field: 'role', label: '' },
    { field: 'state', label: '' },
  ],
};
