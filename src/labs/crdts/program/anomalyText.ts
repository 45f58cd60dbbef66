/**
 * An anomaly in words, for the narration and the table: where a replica started to read what the updates
 * it had seen forbid, and which updates it betrays.
 *
 *   n2 holds b again: the remove at 1234.5 ms (n1) is undone
 *   n3 lacks a: the re-add at 2400.1 ms (n0) is lost
 *   n1 reads 9 where its updates sum to 8: 1 too many
 */
import { ticksToMs } from '../../../sim/kit/time';
import type { AnomalyKind } from '../result';

export interface RawAnomaly {
  kind: AnomalyKind;
  tick: number;
  replica: number;
  element?: string;
  /** The updates behind it (removes undone, adds lost), by tick and replica. */
  ops: { tick: number; replica: number }[];
  value?: number;
  expected?: number;
  /** expected counts every increment made anywhere (the delta counter), not those in the replica's past. */
  isMade?: boolean;
}

const at = (op: { tick: number; replica: number }) => `${ticksToMs(op.tick).toFixed(1)} ms (n${op.replica})`;

function ops(list: RawAnomaly['ops']): string {
  const shown = list.slice(0, 2).map(at).join(', ');
  return list.length > 2 ? `${shown} and ${list.length - 2} more` : shown;
}

export function anomalySentence(a: RawAnomaly): string {
  const who = `n${a.replica}`;
  const plural = a.ops.length > 1 ? 's' : '';
  switch (a.kind) {
    case 'remove-undone': return `${who} holds ${a.element} again: the remove${plural} at ${ops(a.ops)} undone`;
    case 're-add-lost': return `${who} lacks ${a.element}: the re-add${plural} at ${ops(a.ops)} lost`;
    case 'add-lost': return `${who} lacks ${a.element}: the add${plural} at ${ops(a.ops)}, concurrent with a remove, lost`;
    default: {
      const by = Math.abs((a.value ?? 0) - (a.expected ?? 0));
      if (a.ops.length === 0 && a.kind === 'over-count' && a.isMade) return `${who} reads ${a.value} though ${a.expected} increments were made: ${by} counted twice`;
      return `${who} reads ${a.value} where its updates sum to ${a.expected}: ${by} too ${a.kind === 'over-count' ? 'many' : 'few'}`;
    }
  }
}
