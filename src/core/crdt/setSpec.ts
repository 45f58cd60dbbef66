/**
 * The specification of a replicated set with removes (observed-remove, add-wins), as an oracle over a
 * history: at replica r, e is a member iff some add of e in r's causal past was not seen by any remove of
 * e in r's past. "Seen" is what the remove's replica had in its past when it removed. This is what a user
 * means by add and remove when replicas act concurrently; the OR-Set implements it exactly (tested), the
 * foils do not (./anomalies.ts counts where).
 */
import { type Dot, type VersionVector, covers, entry } from '../clocks';

export interface AddRecord {
  /** History index of the add. */
  index: number;
  dot: Dot;
  /** The adding replica had already seen a remove of the element: this add is a re-add. */
  isReadd: boolean;
  /** killedBy[s]: the lowest update counter of replica s among the removes that saw this add. */
  killedBy: number[];
}

export interface RemoveRecord {
  index: number;
  dot: Dot;
}

/** The add is in `past` and no remove in `past` saw it. */
function isLive(add: AddRecord, past: VersionVector): boolean {
  if (!covers(past, add.dot.node, add.dot.counter)) return false;
  const killedBy = add.killedBy;
  for (let s = 0; s < killedBy.length; s++) if (entry(past, s) >= killedBy[s]) return false;
  return true;
}

interface ElementRecords {
  adds: AddRecord[];
  removes: RemoveRecord[];
}

export class SetSpec {
  private readonly byElement = new Map<string, ElementRecords>();

  constructor(private readonly replicas: number) {}

  private records(element: string): ElementRecords {
    let found = this.byElement.get(element);
    if (!found) this.byElement.set(element, (found = { adds: [], removes: [] }));
    return found;
  }

  /** Elements ever added, in first-add order. */
  elements(): string[] {
    return [...this.byElement.keys()];
  }

  /** Records an add at history step `index` with dot `dot`, issued by a replica whose past was `past`. */
  add(index: number, dot: Dot, element: string, past: VersionVector): void {
    const records = this.records(element);
    const isReadd = records.removes.some((rm) => covers(past, rm.dot.node, rm.dot.counter));
    records.adds.push({ index, dot, isReadd, killedBy: new Array<number>(this.replicas).fill(Number.POSITIVE_INFINITY) });
  }

  /** Records a remove: it sees (and so cancels) every add of the element in `past`. */
  remove(index: number, dot: Dot, element: string, past: VersionVector): void {
    const records = this.records(element);
    records.removes.push({ index, dot });
    for (const add of records.adds) {
      if (covers(past, add.dot.node, add.dot.counter) && dot.counter < add.killedBy[dot.node]) add.killedBy[dot.node] = dot.counter;
    }
  }

  /** The adds of `element` live at a replica whose past is `past`. */
  liveAdds(element: string, past: VersionVector): AddRecord[] {
    return (this.byElement.get(element)?.adds ?? []).filter((a) => isLive(a, past));
  }

  /** Whether `element` is specified present at a replica whose past is `past` (liveAdds without the list). */
  isMember(element: string, past: VersionVector): boolean {
    const adds = this.byElement.get(element)?.adds;
    if (!adds) return false;
    for (let i = adds.length - 1; i >= 0; i--) if (isLive(adds[i], past)) return true;
    return false;
  }

  /** The removes of `element` in `past`. */
  removesIn(element: string, past: VersionVector): RemoveRecord[] {
    return (this.byElement.get(element)?.removes ?? []).filter((rm) => covers(past, rm.dot.node, rm.dot.counter));
  }

  /** The specified value at a replica whose past is `past`, sorted. */
  members(past: VersionVector): string[] {
    return this.elements().filter((e) => this.isMember(e, past)).sort();
  }
}
