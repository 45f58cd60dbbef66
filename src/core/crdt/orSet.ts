/**
 * OR-Set (observed-remove set, add-wins; Shapiro et al. 2011, riak_dt_orset): add(e) mints a unique tag, a
 * dot (replica, that replica's next counter); remove(e) tombstones exactly the tags of e it has seen; e is a
 * member while one of its tags is live; merge unions tags and tombstones. A remove cannot cancel an add it
 * never saw, so a concurrent add survives (add wins) and a re-add after a remove works. The price:
 * tombstones pile up (`entries` in the card counts them).
 *
 *   n0: add x  {x: n0:1}          n1 (has n0:1): remove x  {x: tombstone n0:1}
 *   n0: add x  {x: n0:1 n0:2}     merge: x live through n0:2, which n1's remove never saw: x stays
 *
 * The causal context (`context`) is the version vector of every dot the state holds: where a replica's
 * next dot comes from, and what a node card shows as "seen".
 */
import { compare, type Dot, entry, formatVector, merge as mergeVectors, withEntry, type VersionVector } from '../clocks';
import { formatDots, minusDots, unionDots } from './dots';
import { type CardRow, type CrdtType, checkReplica, formatSet } from './types';

export interface OrSetEntry {
  element: string;
  /** Live tags: adds of the element that no remove seen here has tombstoned. Sorted. */
  tags: Dot[];
  /** Tombstoned tags (disjoint from `tags`). Sorted. */
  tombstones: Dot[];
}

export interface OrSetState {
  /** Every dot this state holds, as a version vector: the causal context. */
  context: VersionVector;
  /** Sorted by element; an element appears once it has a tag, and stays (its tombstones remain). */
  entries: OrSetEntry[];
}

export interface SetOp {
  type: 'add' | 'remove';
  element: string;
}

function findEntry(entries: readonly OrSetEntry[], element: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].element < element) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function withEntryAt(entries: readonly OrSetEntry[], at: number, next: OrSetEntry, replace: boolean): OrSetEntry[] {
  const out = entries.slice();
  out.splice(at, replace ? 1 : 0, next);
  return out;
}

function add(state: OrSetState, replica: number, element: string): OrSetState {
  const dot: Dot = { node: replica, counter: entry(state.context, replica) + 1 };
  const at = findEntry(state.entries, element);
  const found = state.entries[at]?.element === element ? state.entries[at] : undefined;
  const next = found ? { element, tags: unionDots(found.tags, [dot]), tombstones: found.tombstones } : { element, tags: [dot], tombstones: [] };
  return { context: withEntry(state.context, replica, dot.counter), entries: withEntryAt(state.entries, at, next, found !== undefined) };
}

function remove(state: OrSetState, element: string): OrSetState {
  const at = findEntry(state.entries, element);
  const found = state.entries[at];
  if (found?.element !== element || found.tags.length === 0) return state; // nothing seen to remove
  const next = { element, tags: [], tombstones: unionDots(found.tombstones, found.tags) };
  return { context: state.context, entries: withEntryAt(state.entries, at, next, true) };
}

function sameDots(a: readonly Dot[], b: readonly Dot[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].node !== b[i].node || a[i].counter !== b[i].counter) return false;
  return true;
}

function mergeEntry(a: OrSetEntry, b: OrSetEntry): OrSetEntry {
  // Replicas that have gossiped hold mostly equal entries: keep one rather than rebuild it.
  if (sameDots(a.tombstones, b.tombstones) && sameDots(a.tags, b.tags)) return a;
  const tombstones = unionDots(a.tombstones, b.tombstones);
  return { element: a.element, tags: minusDots(unionDots(a.tags, b.tags), tombstones), tombstones };
}

function mergeStates(local: OrSetState, received: OrSetState): OrSetState {
  if (local === received) return local;
  const a = local.entries;
  const b = received.entries;
  const entries: OrSetEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].element < b[j].element)) entries.push(a[i++]);
    else if (i >= a.length || b[j].element < a[i].element) entries.push(b[j++]);
    else entries.push(mergeEntry(a[i++], b[j++]));
  }
  // Gossip mostly brings what the replica already holds: then the local state itself is the merge (the
  // same value, and a caller keying work on state identity sees nothing changed).
  const isLocal = entries.length === a.length && entries.every((e, k) => e === a[k]) && compare(local.context, received.context) !== 'before' && compare(local.context, received.context) !== 'concurrent';
  return isLocal ? local : { context: mergeVectors(local.context, received.context), entries };
}

function members(state: OrSetState): string[] {
  return state.entries.filter((e) => e.tags.length > 0).map((e) => e.element);
}

function rows(state: OrSetState): CardRow[] {
  const out: CardRow[] = [{ label: 'context', text: formatVector(state.context), tone: 'meta' }];
  for (const e of state.entries) {
    const tombs = e.tombstones.length > 0 ? `${e.tags.length > 0 ? '; ' : ''}tombstones ${formatDots(e.tombstones)}` : '';
    out.push({ label: e.element, text: `${e.tags.length > 0 ? `tags ${formatDots(e.tags)}` : ''}${tombs}`, tone: e.tags.length > 0 ? 'live' : 'dead' });
  }
  return out;
}

function size(state: OrSetState): number {
  let n = 0;
  for (const e of state.entries) n += e.tags.length + e.tombstones.length;
  return n;
}

export const orSet: CrdtType<OrSetState, SetOp, string[]> = {
  id: 'or-set',
  title: 'OR-Set',
  initial: () => ({ context: [], entries: [] }),
  apply: (state, replica, op) => (op.type === 'add' ? add(state, checkReplica(replica), op.element) : remove(state, op.element)),
  merge: mergeStates,
  value: members,
  describe: (state) => ({ type: 'OR-Set', value: formatSet(members(state)), rows: rows(state), entries: size(state) }),
  refusal(state, _replica, op) {
    if (op.type === 'add') return undefined;
    const found = state.entries[findEntry(state.entries, op.element)];
    return found?.element === op.element && found.tags.length > 0 ? undefined : `${op.element} has no live tag here: nothing seen to remove`;
  },
};
