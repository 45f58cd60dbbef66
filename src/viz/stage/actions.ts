/**
 * The fault menus as data: which items a node, link or client offers at t, each with the event it asks
 * for and whether it is a no-op then (greyed: crashing a crashed node, resuming a running one). Pure: the
 * stage renders these and hands the chosen event to the lab's onEvent.
 */
import { isBlocked } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import type { StageGeometry } from './geometry';
import { NodeState, type StageFrame } from './layoutAt';
import type { MenuItem, StageAction } from './types';

/** Default clock step of the clock menu items, in the lab's unit. */
export const CLOCK_STEP = 10;

export function nodeMenuItems(data: StageData, frame: StageFrame, node: number, supported: readonly StageAction[], clockStep = CLOCK_STEP): MenuItem[] {
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
  if (has('isolate')) push(`Isolate ${name}`, { type: 'partition', groups: String(node) }, data.nodeNames.length < 2 || isIsolated(data, frame, node));
  const ticks = Math.round(clockStep * data.ticksPerUnit);
  const step = `${clockStep} ${data.timeUnit}`;
  if (has('clockJump')) {
    push(`Jump ${name}'s clock +${step}`, { type: 'clockJump', node, ticks }, false);
    push(`Jump ${name}'s clock -${step}`, { type: 'clockJump', node, ticks: -ticks }, false);
  }
  if (has('skew')) {
    const offset = frame.clockOffset[node];
    push(`Skew ${name}'s clock to +${step}`, { type: 'skew', node, ticks }, Math.abs(offset - clockStep) < 1e-9);
    push(`Reset ${name}'s clock skew`, { type: 'skew', node, ticks: 0 }, offset === 0);
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

/** Items for the link between a and b (both directions: a cut is one-way). */
export function linkMenuItems(data: StageData, frame: StageFrame, a: number, b: number, supported: readonly StageAction[]): MenuItem[] {
  const n = data.nodeNames.length;
  const [na, nb] = [data.nodeNames[a], data.nodeNames[b]];
  const at = frame.t;
  const items: MenuItem[] = [];
  for (const [from, to, fromName, toName] of [[a, b, na, nb], [b, a, nb, na]] as const) {
    const blocked = isBlocked(data.epochs, frame.epoch, from, to, n);
    if (supported.includes('cut')) items.push({ label: `Cut ${fromName} → ${toName}`, event: { type: 'cut', from, to, at }, disabled: blocked });
    if (supported.includes('healLink')) items.push({ label: `Heal ${fromName} → ${toName}`, event: { type: 'heal', from, to, at }, disabled: !blocked });
  }
  if (supported.includes('slow')) items.push({ label: `Slow ${na} – ${nb}`, event: { type: 'slow', from: a, to: b, at }, disabled: false });
  if (supported.includes('lossy')) items.push({ label: `Lossy ${na} – ${nb}`, event: { type: 'lossy', from: a, to: b, at }, disabled: false });
  return items;
}

export function clientMenuItems(data: StageData, frame: StageFrame, client: number, supported: readonly StageAction[]): MenuItem[] {
  if (!supported.includes('request')) return [];
  return [{ label: `Send request from ${data.clients.names[client]}`, event: { type: 'request', client, at: frame.t }, disabled: false }];
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
