/**
 * The client updates of a run: `updates` of them at random times in [0, updatesMs], each at a random
 * replica, drawn from the scenario's seed (stream `updates`), so every member, the consensus counter and
 * every re-run see the same ones. What an update does depends on the type: sets add or remove one of the
 * elements, a PN-Counter increments or decrements, a G-Counter increments, a register writes "v<index>".
 */
import { rng } from '../../../core/random/rng';
import { msToTicks } from '../../../sim/kit/time';
import type { CrdtsScenario } from '../scenario';
import { ELEMENT_NAMES } from './family';

export type UpdateKind = 'inc' | 'dec' | 'add' | 'remove' | 'set';

export interface Update {
  /** Place in time order (0..updates-1): the register writes "v<index + 1>". */
  index: number;
  tick: number;
  replica: number;
  kind: UpdateKind;
  /** Sets: the element. */
  element: string;
  /** Registers: the value written. */
  value: string;
}

export function workload(s: CrdtsScenario): Update[] {
  const r = rng(s.seed).fork('updates');
  const span = msToTicks(s.updatesMs);
  const draws = Array.from({ length: s.updates }, () => ({ tick: r.int(span + 1), replica: r.int(s.replicas), roll: r.int(100), element: r.int(s.elements) }));
  // Stable by draw order at equal ticks.
  const order = draws.map((_, i) => i).sort((a, b) => draws[a].tick - draws[b].tick || a - b);
  return order.map((i, index) => {
    const d = draws[i];
    const isRemove = d.roll < s.removePct;
    const kind: UpdateKind = s.type === 'or-set' ? (isRemove ? 'remove' : 'add') : s.type === 'pn-counter' ? (isRemove ? 'dec' : 'inc') : s.type === 'g-counter' ? 'inc' : 'set';
    return { index, tick: d.tick, replica: d.replica, kind, element: ELEMENT_NAMES[d.element], value: `v${index + 1}` };
  });
}

/** An update in words: "add b", "remove a", "+1", "-1", "write v7". */
export function updateText(u: Pick<Update, 'kind' | 'element' | 'value'>): string {
  switch (u.kind) {
    case 'inc': return '+1';
    case 'dec': return '−1';
    case 'add': return `add ${u.element}`;
    case 'remove': return `remove ${u.element}`;
    default: return `write ${u.value}`;
  }
}
