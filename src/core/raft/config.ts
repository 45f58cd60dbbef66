/**
 * Configurations as bit masks of voting servers (server s votes when bit s is set): membership tests,
 * majorities and quorums. A change adds or removes one server at a time, so any majority of the old
 * configuration meets any majority of the new one (dissertation ch. 4).
 */

/** Servers in `mask`. */
export function memberCount(mask: number): number {
  let count = 0;
  for (let v = mask >>> 0; v !== 0; v &= v - 1) count++;
  return count;
}

export function isMember(mask: number, server: number): boolean {
  return ((mask >>> server) & 1) === 1;
}

/** Votes or acknowledgements needed from `mask` (a strict majority of its members). */
export function majorityOf(mask: number): number {
  return (memberCount(mask) >> 1) + 1;
}

/** True when the servers in `ayes` include a majority of `mask`. */
export function isQuorum(ayes: number, mask: number): boolean {
  return memberCount(ayes & mask) >= majorityOf(mask);
}

/** The mask of servers 0..count-1. */
export function firstServers(count: number): number {
  if (!(Number.isInteger(count) && count >= 1 && count <= 31)) throw new Error(`invalid server count: ${count}`);
  return count === 31 ? 0x7fffffff : (1 << count) - 1;
}

/** Members of `mask` in ascending order. */
export function membersOf(mask: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < 31; s++) if (isMember(mask, s)) out.push(s);
  return out;
}

/** True when `next` differs from `current` by exactly one server (the only change Raft makes at once). */
export function isSingleChange(current: number, next: number): boolean {
  return next > 0 && memberCount((current ^ next) >>> 0) === 1;
}
