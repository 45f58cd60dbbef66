/**
 * Pure selectors tying the quorums views to the playhead and the stage: which request is in flight at t
 * (the quorum diagram follows it), where the nodes sit on the stage, and why the client history has more
 * lanes than there are clients.
 */
import type { QuorumsResult } from '../result';

/**
 * When each request's activity ends (ms): its answer or its deadline, its last reply or send (late replies
 * and read repairs come after the answer). Request i is in flight at t when callMs[i] <= t <= end[i].
 */
export function requestEnds(result: QuorumsResult, timeoutMs: number): Float64Array {
  const q = result.requests;
  const c = result.contacts;
  const count = q.kind.length;
  const ends = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const deadline = q.callMs[i] + timeoutMs;
    let end = Number.isFinite(q.retMs[i]) ? q.retMs[i] : deadline;
    // A contact without a reply stays open until the deadline.
    for (let j = q.contactStart[i]; j < q.contactStart[i + 1]; j++) end = Math.max(end, c.sentMs[j], Number.isFinite(c.replyMs[j]) ? c.replyMs[j] : deadline);
    ends[i] = end;
  }
  return ends;
}

/** How far back from the last request called the search for one still in flight looks (concurrency is small). */
const LOOK_BACK = 512;

/**
 * The request the quorum diagram shows at t: `pinned` (the user's choice) while it is in flight, else, of
 * the requests in flight at t, the one called or answered last (the request that just did something), else
 * the last one called before t, else the first. Requests are in call order (history index).
 */
export function requestAt(q: { callMs: ArrayLike<number>; retMs: ArrayLike<number> }, ends: ArrayLike<number>, t: number, pinned = -1): number {
  const { callMs, retMs } = q;
  const count = callMs.length;
  if (count === 0) return -1;
  if (pinned >= 0 && pinned < count && callMs[pinned] <= t && t <= ends[pinned]) return pinned;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (callMs[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  if (last < 0) return 0;
  let best = last;
  let bestAt = -Infinity;
  for (let i = last; i >= 0 && i > last - LOOK_BACK; i--) {
    if (ends[i] < t) continue;
    const at = retMs[i] <= t ? retMs[i] : callMs[i];
    if (at > bestAt) [best, bestAt] = [i, at];
  }
  return best;
}

/**
 * requestAt while paused or seeking; while playing, the request shown stays until it ends (at 10^4
 * operations another request is called or answered every frame, and a diagram redrawn 60 times a second
 * reads as noise). `shown` is what was shown at `shownT`.
 */
export function followRequest(
  q: { callMs: ArrayLike<number>; retMs: ArrayLike<number> }, ends: ArrayLike<number>, t: number,
  o: { pinned: number; shown: number; shownT: number; isPlaying: boolean },
): number {
  const { shown } = o;
  const isStill = o.isPlaying && shown >= 0 && shown < ends.length && t >= o.shownT && q.callMs[shown] <= t && t <= ends[shown];
  return isStill ? shown : requestAt(q, ends, t, o.pinned);
}

/** The ring's radii in the box's [0, 1] square: room outside for the clients drawn beside their node. */
export const RING_RADII = { x: 0.42, y: 0.42 } as const;

/**
 * Stage positions in [0, 1]: every node on one ring, n0 on top and clockwise, the key's preference list
 * (replicas n0..n(N-1)) first and the fallbacks set apart by an empty place on either side.
 */
export function ringPositions(nodes: number, n: number): { x: Float64Array; y: Float64Array } {
  const hasFallbacks = nodes > n;
  const places = nodes + (hasFallbacks ? 2 : 0);
  const x = new Float64Array(nodes);
  const y = new Float64Array(nodes);
  for (let i = 0; i < nodes; i++) {
    const place = i < n ? i : i + 1;
    const angle = 2 * Math.PI * (0.75 + place / places);
    x[i] = 0.5 + RING_RADII.x * Math.cos(angle);
    y[i] = 0.5 + RING_RADII.y * Math.sin(angle);
  }
  return { x, y };
}

/**
 * Why the client history has more lanes than clients, or '' when it has not: a client whose operation
 * timed out retires its process (the history cannot order its next call after an operation whose outcome
 * is unknown) and goes on as process c + clients, c + 2 x clients...
 */
export function laneNote(process: ArrayLike<number>, clients: number): string {
  const lanes = [...new Set(Array.from(process))].sort((a, b) => a - b);
  const later = lanes.filter((p) => p >= clients);
  if (later.length === 0) return '';
  const shown = later.slice(0, 4).map((p) => `c${p} is client c${p % clients} after ${Math.floor(p / clients) === 1 ? 'a timeout' : `${Math.floor(p / clients)} timeouts`}`);
  const more = later.length > shown.length ? `, and ${later.length - shown.length} more` : '';
  return (
    `${clients} clients, ${lanes.length} lanes: a client whose operation timed out never learns whether it took effect, so it retires ` +
    `that process and goes on as a new one (${shown.join('; ')}${more}).`
  );
}
