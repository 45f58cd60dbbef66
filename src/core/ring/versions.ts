/**
 * Versions of one large column (a key-to-owner column of 10^6 entries) that a run changes a little per
 * event, kept without copying it: one array holds the data, and every other version is the few entries in
 * which it differs from a neighbour (Baker's persistent arrays, "rerooting"). Reading a version makes it the
 * one that holds the array, swapping the differences along the way; its cost is the entries that differ,
 * not the column's length.
 *
 *   before a read of v1:   v1 --diff--> v2 --diff--> v3 [array]
 *   after it:              v1 [array] <--diff-- v2 <--diff-- v3
 *
 * One array per family of versions: reading a version changes what the arrays of the others' earlier reads
 * hold, so a caller reads one version at a time (a run holds one; the worker runs one program at a time).
 */
export class ColumnVersion {
  /** The column, when this version holds it. */
  private data: Uint16Array | null;
  /** Else the neighbour it differs from, and the entries (`at`, ascending or not) where it holds `values`. */
  private next: ColumnVersion | null = null;
  private at: Uint32Array | null = null;
  private values: Uint16Array | null = null;

  private constructor(data: Uint16Array | null) {
    this.data = data;
  }

  /** The first version of a column: it holds `data` (from now on the family's array). */
  static of(data: Uint16Array): ColumnVersion {
    return new ColumnVersion(data);
  }

  /** This version's column: the family's array, made to hold this version. Valid until another is read. */
  read(): Uint16Array {
    const path: ColumnVersion[] = [];
    let holder: ColumnVersion = this;
    while (holder.data === null) {
      path.push(holder);
      holder = holder.next!;
    }
    // From the holder back to this version: each step applies one difference and reverses it.
    for (let k = path.length - 1; k >= 0; k--) {
      const version = path[k];
      const data = holder.data!;
      const at = version.at!;
      const values = version.values!;
      for (let j = 0; j < at.length; j++) {
        const i = at[j];
        const was = data[i];
        data[i] = values[j];
        values[j] = was;
      }
      holder.data = null;
      holder.next = version;
      holder.at = at;
      holder.values = values;
      version.data = data;
      version.next = null;
      version.at = null;
      version.values = null;
      holder = version;
    }
    return holder.data!;
  }

  /**
   * The version after a change the caller has just made to this version's array (this version must hold
   * it: read() it first): entries `at` (distinct) held `previous` before. This version keeps its content as
   * that difference (copies of both lists); the array now belongs to the version returned.
   */
  changed(at: ArrayLike<number>, previous: ArrayLike<number>): ColumnVersion {
    if (this.data === null) throw new Error('ColumnVersion.changed: this version does not hold the array (read it first)');
    if (at.length !== previous.length) throw new Error('ColumnVersion.changed: one previous value per changed entry');
    const after = new ColumnVersion(this.data);
    this.data = null;
    this.next = after;
    this.at = Uint32Array.from(at);
    this.values = Uint16Array.from(previous);
    return after;
  }

  /** Bytes this version adds beside the family's array (its difference). */
  get diffBytes(): number {
    return (this.at?.byteLength ?? 0) + (this.values?.byteLength ?? 0);
  }
}
