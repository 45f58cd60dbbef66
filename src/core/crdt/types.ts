/**
 * The shape every replicated data type here shares: a record of pure functions over plain, serialisable
 * states (Porcupine's model.go does the same for its models). A state is canonical plain data (sorted
 * arrays, no trailing zeros), so two replicas agree exactly when their states serialise to the same JSON,
 * and a state can travel in a simulated message or be drawn in a node card as it is.
 *
 * State-based replication (Shapiro, Preguiça, Baquero, Zawirski, 2011): a replica applies its own updates
 * with `apply`, and gossips its whole state; a receiver folds it in with `merge`. For a CRDT the states
 * form a join-semilattice and merge is the least upper bound (commutative, associative, idempotent), so any
 * order, delay or duplication of the gossip converges once every update has reached every replica. The
 * foils (naive set, 2P-Set, counters merged by sum or by max) share the record so a lab can run them on the same scenario
 * and count what they get wrong; each says what in `flaw`.
 */

/** One line of a node card: a label and its text; `tone` lets the card dim tombstones and metadata. */
export interface CardRow {
  label: string;
  text: string;
  tone?: 'live' | 'dead' | 'meta';
}

/** What a node card draws for one replica's state: the value a client reads, and the state behind it. */
export interface NodeCard {
  /** The type's title ("OR-Set"). */
  type: string;
  /** The value as a client reads it ("{a, c}", "7"). */
  value: string;
  /** The internal state: per-replica counts, tagged elements, tombstones, causal context. */
  rows: CardRow[];
  /** Entries the state holds, tombstones and metadata included (what grows as it is used). */
  entries: number;
}

export type CrdtId = 'g-counter' | 'pn-counter' | 'lww-register' | 'or-set' | 'naive-set' | 'two-phase-set' | 'sum-counter' | 'max-counter';

export interface CrdtType<S, O, V> {
  readonly id: CrdtId;
  readonly title: string;
  /** For a foil: what it gets wrong, in one sentence. Undefined for a real CRDT. */
  readonly flaw?: string;
  /** The state of a replica that has seen nothing. */
  initial(): S;
  /** Replica `replica` applies its own update `op` (returns a new state; the input is never mutated). */
  apply(state: S, replica: number, op: O): S;
  /** Folds a received state into the local one (returns a new state). */
  merge(local: S, received: S): S;
  /** What a client reads. */
  value(state: S): V;
  describe(state: S): NodeCard;
  /** Why `op` at `replica` would change nothing (a 2P-Set refusing a re-add), or undefined when it applies. */
  refusal(state: S, replica: number, op: O): string | undefined;
}

/** A replica's name in cards and messages, as the simulator names nodes. */
export function replicaName(replica: number): string {
  return `n${replica}`;
}

/** The canonical serialisation of a state: equal states give equal keys (the convergence check). */
export function stateKey(state: unknown): string {
  return JSON.stringify(state);
}

/** Sorted, duplicate-free union of two sorted string arrays. */
export function unionSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

/** `items` with `item` inserted in sorted position (unchanged copy when present). */
export function insertSorted(items: readonly string[], item: string): string[] {
  return unionSorted(items, [item]);
}

/** Binary search in a sorted string array. */
export function hasSorted(items: readonly string[], item: string): boolean {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid] < item) lo = mid + 1;
    else hi = mid;
  }
  return lo < items.length && items[lo] === item;
}

/** "{a, b}" for a set value. */
export function formatSet(items: readonly string[]): string {
  return `{${items.join(', ')}}`;
}

/** Throws on an update amount that is not a positive safe integer (a programming error). */
export function checkAmount(by: number): number {
  if (!(Number.isSafeInteger(by) && by > 0)) throw new Error(`invalid amount: ${by}`);
  return by;
}

/** Throws on a replica id that is not an integer in 0..1023. */
export function checkReplica(replica: number): number {
  if (!(Number.isInteger(replica) && replica >= 0 && replica < 1024)) throw new Error(`invalid replica: ${replica}`);
  return replica;
}
