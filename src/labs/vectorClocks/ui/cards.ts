/**
 * What a replica's card on the stage shows: its physical clock at its last event (the stage adds the
 * clock's offset from true time when it is off), its Lamport clock, hybrid logical clock (l in ms · c)
 * and version vector, what wall-clock last-writer-wins holds for x, the siblings version vectors keep,
 * and a badge while it holds the lease. The field names are those program/replica.ts writes.
 */
import type { CardSpec } from '../../../viz/stage';

export const cardSpec: CardSpec = {
  width: 168,
  fields: [
    { field: 'pt', label: 'pt' },
    { field: 'lamport', label: 'Lamport' },
    { field: 'hlc', label: 'HLC' },
    { field: 'vv', label: 'VV' },
    { field: 'lww', label: 'LWW', format: (text) => (text === '' ? 'nil' : text) },
    { field: 'sib', label: 'siblings', format: (text) => (text === '' ? 'nil' : text) },
  ],
  badges: [{ field: 'lease', text: 'holds', label: 'lease', words: 'holds the lease' }],
};
