/**
 * Kafka's two assignor families, as pure functions of the members (sorted ids) and partitions 0..n-1.
 *
 * Range (eager): member i of m gets a contiguous run, the first n mod m members one more:
 *   6 partitions, members [c0, c1, c2, c3] -> c0: p0 p1, c1: p2 p3, c2: p4, c3: p5
 * CooperativeSticky: the same counts (floor or ceil of n/m), but every member keeps what it owns up to its
 * quota (giving up its highest partitions past it), and what is free goes to members under quota, in order.
 */

/** owner[p] under Range; -1 when there are no members. */
export function rangeAssign(members: readonly number[], partitions: number): Int32Array {
  const owner = new Int32Array(partitions).fill(-1);
  const m = members.length;
  if (m === 0) return owner;
  const base = Math.floor(partitions / m);
  const extra = partitions % m;
  let p = 0;
  for (let i = 0; i < m; i++) {
    const count = base + (i < extra ? 1 : 0);
    for (let k = 0; k < count; k++) owner[p++] = members[i];
  }
  return owner;
}

/** The sticky target: members keep their partitions up to quota; free ones fill members under quota. */
export function stickyAssign(members: readonly number[], current: ArrayLike<number>, partitions: number): Int32Array {
  const owner = new Int32Array(partitions).fill(-1);
  const m = members.length;
  if (m === 0) return owner;
  const base = Math.floor(partitions / m);
  const extra = partitions % m;
  const held = new Map<number, number[]>(members.map((c) => [c, []]));
  for (let p = 0; p < partitions; p++) held.get(current[p])?.push(p);
  // Members holding the most keep the larger quotas (ties by member order), so as little as possible moves.
  const byHeld = [...members].sort((a, b) => held.get(b)!.length - held.get(a)!.length || a - b);
  const quota = new Map<number, number>();
  byHeld.forEach((c, i) => quota.set(c, base + (i < extra ? 1 : 0)));
  for (const c of members) {
    const mine = held.get(c)!;
    for (let k = 0; k < Math.min(mine.length, quota.get(c)!); k++) owner[mine[k]] = c;
  }
  let next = 0;
  for (const c of members) {
    let have = 0;
    for (let p = 0; p < partitions; p++) if (owner[p] === c) have++;
    while (have < quota.get(c)!) {
      while (owner[next] !== -1) next++;
      owner[next] = c;
      have++;
    }
  }
  return owner;
}
