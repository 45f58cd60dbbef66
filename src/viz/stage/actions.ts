/**
 * The fault menus as data: which items a node, link or client offers at t, each with the event it asks
 * for and whether it is a no-op then (greyed: crashing a crashed node, resuming a running one). Pure: the
 * stage renders these and hands the chosen event to the lab's onEvent.
 */
import { isBlocked } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import type { StageGeometry } from './geometry';
import { NodeState, type StageFrame } from './layoutAt';
import type { MenuItem, NodeAction, StageAction, StageAmounts } from './types';

/** Default clock step of the clock menu items, in the lab's unit. */
export const CLOCK_STEP = 10;

export function nodeMenuItems(data: StageData, frame: StageFrame, node: number, supported: readonly StageAction[], amounts: StageAmounts = {}, own: readonly NodeAction[] = []): MenuItem[] {
  const name = data.nodeNames[node];
  const status = frame.status[node];
  const at = frame.t;
  const has = (a: StageAction) => supported.includes(a);
  const items: MenuItem[] = [];
  const push = (label: string, event: MenuItem['event'], disabled: boolean) => items.push({ label, event: { ...event, at }, disabled });
  if (has('crash')) push(`Crash ${name}`, { type: 'crash', node }, status === NodeState.crashed);
  if (has('recover')) push(`Recover ${name}`, { type: 'recover', node }, status !== NodeState.crashed);
  if (has('pause')) push(`Pause ${name}`, { type: 'pause', node }, status !== NodeState.up);
  if (has('resume')) push(`Resume ${name}`, { type: 'resume', node }, status !== NodeState.paused);
  // A lab without the isolate fault but with partitions isolates as a partition of the node alone.
  const isolate = has('isolate') ? { type: 'isolate', node } : has('partition') ? { type: 'partition', groups: String(node) } : undefined;
  if (isolate) push(`Isolate ${name}`, isolate, data.nodeNames.length < 2 || isIsolated(data, frame, node));
  const ms = amounts.clockMs ?? CLOCK_STEP;
  const unit = data.timeUnit;
  if (has('clockJump')) {
    push(`Jump ${name} clock by +${ms} ${unit}`, { type: 'clockJump', node, ms }, false);
    push(`Jump ${name} clock by -${ms} ${unit}`, { type: 'clockJump', node, ms: -ms }, false);
  }
  if (has('skew')) {
    const offset = frame.clockOffset[node];
    push(`Set ${name} clock offset to +${ms} ${unit}`, { type: 'skew', node, ms }, Math.abs(offset - ms) < 1e-9);
    push(`Set ${name} clock offset to 0 ${unit}`, { type: 'skew', node, ms: 0 }, offset === 0);
  }
  for (const action of own) {
    const label = action.label(name);
    if (label !== '') push(label, { type: action.type, node }, status !== NodeState.up);
  }
  return items;
}

/** True when every link to and from `node` is blocked in the frame's epoch. */
function isIsolated(data: StageData, frame: StageFrame, node: number): boolean {
  const n = data.nodeNames.length;
  for (let other = 0; other < n; other++) {
    if (other === node) continue;
    if (!isBlocked(data.epochs, frame.epoch, node, other, n) || !isBlocked(data.epochs, frame.epoch, other, node, n)) return false;
  }
  return true;
}

/** Items for the link between a and b, each direction (the table's link faults are one-way). */
export function linkMenuItems(data: StageData, frame: StageFrame, a: number, b: number, supported: readonly StageAction[], amounts: StageAmounts = {}): MenuItem[] {
  const n = data.nodeNames.length;
  const at = frame.t;
  const slowMs = amounts.slowMs ?? Math.max(1, Math.round(2 * data.medianLatency));
  const loss = amounts.loss ?? 0.5;
  const dup = amounts.dup ?? 0.5;
  const items: MenuItem[] = [];
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const [fromName, toName] = [data.nodeNames[from], data.nodeNames[to]];
    const blocked = isBlocked(data.epochs, frame.epoch, from, to, n);
    const push = (action: StageAction, label: string, event: MenuItem['event'], disabled = false) => {
      if (supported.includes(action)) items.push({ label, event: { ...event, at }, disabled });
    };
    push('cut', `Cut ${fromName} → ${toName}`, { type: 'cut', from, to }, blocked);
    push('healLink', `Heal ${fromName} → ${toName}`, { type: 'healLink', from, to }, !blocked);
    push('slow', `Slow ${fromName} → ${toName} by ${slowMs} ${data.timeUnit}`, { type: 'slow', from, to, ms: slowMs });
    push('lossy', `Make ${fromName} → ${toName} lose ${loss}`, { type: 'lossy', from, to, loss });
    push('duplicating', `Make ${fromName} → ${toName} duplicate ${dup}`, { type: 'duplicating', from, to, dup });
  }
  return items;
}

/** A client's one-off request (src/sim/kit/clientRequest.ts): "Write from c1" and "Read from c1". */
export function clientMenuItems(data: StageData, frame: StageFrame, client: number, supported: readonly StageAction[]): MenuItem[] {
  if (!supported.includes('request')) return [];
  const name = data.clients.names[client];
  return (['write', 'read'] as const).map((op) => ({
    label: `${op === 'write' ? 'Write' : 'Read'} from ${name}`, event: { type: 'request', client, op, at: frame.t }, disabled: false,
  }));
}

/** The partition event for a split into `sides` (0 or 1 per node), or undefined when one side is empty. */
export function partitionEvent(sides: ArrayLike<number>, at: number): MenuItem['event'] | undefined {
  const groups: number[][] = [[], []];
  for (let i = 0; i < sides.length; i++) groups[sides[i] ? 1 : 0].push(i);
  if (groups[0].length === 0 || groups[1].length === 0) return undefined;
  return { type: 'partition', groups: `${groups[0].join(',')}|${groups[1].join(',')}`, at };
}

/** Sides of a drag from (x0, y0) to (x1, y1): 1 for nodes left of the line (seen along the drag), else 0. */
export function sidesOfLine(g: StageGeometry, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const sides = new Uint8Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) sides[i] = (x1 - x0) * (g.y[i] - y0) - (y1 - y0) * (g.x[i] - x0) < 0 ? 1 : 0;
  return sides;
}

/** The link (a < b) within `slop` px of (px, py) among `pairs`, nearest first, or undefined. */
export function linkAtPoint(g: StageGeometry, pairs: { a: ArrayLike<number>; b: ArrayLike<number>; count: number }, px: number, py: number, slop = 6): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestD = slop * slop;
  for (let i = 0; i < pairs.count; i++) {
    const a = pairs.a[i];
    const b = pairs.b[i];
    const dx = g.x[b] - g.x[a];
    const dy = g.y[b] - g.y[a];
    const len2 = dx * dx + dy * dy;
    const u = len2 > 0 ? Math.max(0, Math.min(1, ((px - g.x[a]) * dx + (py - g.y[a]) * dy) / len2)) : 0;
    const ex = g.x[a] + u * dx - px;
    const ey = g.y[a] + u * dy - py;
    const d = ex * ex + ey * ey;
    if (d <= bestD) [best, bestD] = [[a, b], d];
  }
  return best;
}

/** The nearest node from `from` in direction (dx, dy) (arrow keys), or `from` when none lies that way. */
export function nearestInDirection(g: StageGeometry, from: number, dx: number, dy: number): number {
  let best = from;
  let bestScore = Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    if (i === from) continue;
    const vx = g.x[i] - g.x[from];
    const vy = g.y[i] - g.y[from];
    const along = vx * dx + vy * dy;
    if (along <= 0.5) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [i, score];
  }
  return best;
}
