/**
 * Which node owns each key, kept up to date as the ring changes, at a cost that follows the keys that move.
 *
 * Keys are held sorted by hash. When points change (a node joins, leaves or changes weight), only keys in
 * the arc ending at a changed point can change owner:
 *
 *   old ring:   ... A .......... B ...          a key h belongs to the first point >= h
 *   new ring:   ... A .... X ... B ...          X added: only keys in (A, X] move, all to X's node
 *                      (A, X]
 *
 * Why that is all: if h's first point is unchanged in both rings, its owner is unchanged. Otherwise either
 * its old first point q was removed (then h is in (pred_old(q), q]) or a new point q now comes first (then
 * h is in (pred_new(q), q]). Each such arc is one contiguous range of the sorted keys, found by binary
 * search; keys there are looked up again in the new ring.
 */
import { ownerOf, type Ring } from './ring';
import { lowerBound, upperBound, type SortedKeys } from './keys';

export interface Moves {
  /** Sorted-key positions (indexes into keys.hash) of the keys that changed owner, ascending. */
  at: Uint32Array;
  /** Their previous owners. */
  from: Uint16Array;
  /** Keys the update looked at (>= moved; the cost of the update). */
  touched: number;
}

export class Assignment {
  readonly keys: SortedKeys;
  /** Owner of each key in sorted order (owner[i] owns keys.hash[i]). */
  readonly owner: Uint16Array;
  /** Keys per node index. */
  readonly counts: Uint32Array;

  /** Assigns every key on `ring` in one merge walk: O(keys + points). nodeSlots bounds the node indexes. */
  constructor(keys: SortedKeys, ring: Ring, nodeSlots: number) {
    this.keys = keys;
    const n = keys.hash.length;
    this.owner = new Uint16Array(n);
    this.counts = new Uint32Array(nodeSlots);
    const positions = ring.positions;
    const points = positions.length;
    if (points === 0) throw new Error('invalid ring: no points');
    let j = 0;
    for (let i = 0; i < n; i++) {
      const h = keys.hash[i];
      while (j < points && positions[j] < h) j++;
      const o = ring.owners[j === points ? 0 : j];
      this.owner[i] = o;
      this.counts[o]++;
    }
  }

  /**
   * An assignment from a known one (owner per sorted key, counts per node, counts zero-padded to
   * `nodeSlots`): what the constructor would compute for the same keys and ring, without the walk. It takes
   * `owner` as its own (update() writes it; pass a copy to keep the original, or a ColumnVersion's array) and
   * copies `counts`.
   */
  static restore(keys: SortedKeys, owner: Uint16Array, counts: Uint32Array, nodeSlots: number): Assignment {
    if (owner.length !== keys.hash.length || counts.length > nodeSlots) throw new Error('invalid assignment to restore');
    const a = Object.create(Assignment.prototype) as { keys: SortedKeys; owner: Uint16Array; counts: Uint32Array };
    a.keys = keys;
    a.owner = owner;
    a.counts = new Uint32Array(nodeSlots);
    a.counts.set(counts);
    return a as unknown as Assignment;
  }

  /**
   * Moves keys from `before` to `after`, given the positions of the points the change added (present in
   * `after` only) and removed (present in `before` only). Returns what moved.
   */
  update(before: Ring, after: Ring, added: Uint32Array, removed: Uint32Array): Moves {
    const moved = new Grow();
    let touched = 0;
    const visit = (lo: number, hi: number) => {
      touched += hi - lo;
      for (let i = lo; i < hi; i++) {
        const o = ownerOf(after, this.keys.hash[i]);
        const old = this.owner[i];
        if (o !== old) {
          moved.push(i, old);
          this.owner[i] = o;
          this.counts[old]--;
          this.counts[o]++;
        }
      }
    };
    for (const q of added) this.visitArc(after, q, visit);
    for (const q of removed) this.visitArc(before, q, visit);
    return { ...moved.sorted(), touched };
  }

  /** Calls visit(lo, hi) on the sorted-key ranges of the arc (pred(q), q] of `ring`, q one of its points. */
  private visitArc(ring: Ring, q: number, visit: (lo: number, hi: number) => void): void {
    const hashes = this.keys.hash;
    if (ring.positions.length === 0) return;
    // Predecessor: the greatest position strictly below q, cyclically.
    let p = lowerBound(ring.positions, q) - 1;
    if (p < 0) p = ring.positions.length - 1;
    const left = ring.positions[p];
    if (left < q) {
      visit(upperBound(hashes, left), upperBound(hashes, q));
    } else if (left > q) {
      visit(upperBound(hashes, left), hashes.length);
      visit(0, upperBound(hashes, q));
    } else {
      visit(0, hashes.length); // every point sits at q: the arc is the whole circle
    }
  }
}

/** A growable pair of typed arrays for moved keys. */
class Grow {
  private at = new Uint32Array(64);
  private from = new Uint16Array(64);
  private length = 0;

  push(at: number, from: number): void {
    if (this.length === this.at.length) {
      const at2 = new Uint32Array(this.length * 2);
      at2.set(this.at);
      this.at = at2;
      const from2 = new Uint16Array(this.length * 2);
      from2.set(this.from);
      this.from = from2;
    }
    this.at[this.length] = at;
    this.from[this.length++] = from;
  }

  /** The pairs ordered by sorted-key position (arcs are visited in point order, not key order). */
  sorted(): { at: Uint32Array; from: Uint16Array } {
    const n = this.length;
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = this.at[i] * 65536 + this.from[i];
    packed.sort();
    const at = new Uint32Array(n);
    const from = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      at[i] = Math.floor(packed[i] / 65536);
      from[i] = packed[i] - at[i] * 65536;
    }
    return { at, from };
  }
}
