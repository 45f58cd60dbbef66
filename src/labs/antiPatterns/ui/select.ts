/**
 * What the anti-patterns panel derives from a result, as pure functions (tested without a DOM): the stage's
 * layout per scene, the halves' names, the scene's setting in words.
 */
import type { Mode } from '../result';
import { B_CATCHUP_MS, type AntiScenario } from '../scenario';

/**
 * Positions in [0, 1] x [0, 1] by node id (result.ts nodeNamesOf): the broken half left, the fix right, shared
 * clients between. On a phone (`isNarrow`) the halves stack instead: the broken one above, the fix below.
 */
export function stagePositions(mode: Mode, isNarrow = false): { x: number[]; y: number[] } {
  if (isNarrow) return narrowPositions(mode);
  switch (mode) {
    // c0 c1 a0 b0 d0 a1 b1 d1 d2
    case 'shared-db': return { x: [0.5, 0.5, 0.25, 0.25, 0, 0.75, 0.75, 1, 1], y: [0, 1, 0, 1, 0.5, 0, 1, 0, 1] };
    // c0 r0 t0 p0 p1 p2 o0 s0 s1 s2
    case '2pc': return { x: [0.5, 0.5, 0.2, 0, 0.2, 0.4, 0.8, 1, 0.8, 0.6], y: [0, 1, 0, 0.55, 0.55, 0.55, 0, 0.55, 0.55, 0.55] };
    // w0 w1 k0 k1
    case 'clocks': return { x: [0.5, 0.5, 0, 1], y: [0, 1, 0.5, 0.5] };
    // c0 f0 d0 f1 d1
    case 'partition': return { x: [0.5, 0.25, 0, 0.75, 1], y: [0, 0.6, 1, 0.6, 1] };
    // u0 u1 a0 a1 d0 a2 a3 d1 d2
    case 'locality': return { x: [0.5, 0.5, 0.28, 0.28, 0.02, 0.72, 0.72, 0.98, 0.98], y: [0, 1, 0, 1, 1, 0, 1, 0, 1] };
  }
}

function narrowPositions(mode: Mode): { x: number[]; y: number[] } {
  switch (mode) {
    // c0 c1 a0 b0 d0 a1 b1 d1 d2
    case 'shared-db': return { x: [0, 1, 0, 1, 0.5, 0, 1, 0, 1], y: [0.5, 0.5, 0, 0, 0.25, 0.75, 0.75, 1, 1] };
    // c0 r0 t0 p0 p1 p2 o0 s0 s1 s2
    case '2pc': return { x: [0, 1, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 1], y: [0.45, 0.45, 0, 0.2, 0.2, 0.2, 0.76, 1, 1, 1] };
    // w0 w1 k0 k1
    case 'clocks': return { x: [0.5, 0.5, 0, 1], y: [0, 1, 0.5, 0.5] };
    // c0 f0 d0 f1 d1
    case 'partition': return { x: [0.5, 0, 0, 1, 1], y: [0, 0.4, 1, 0.4, 1] };
    // u0 u1 a0 a1 d0 a2 a3 d1 d2
    case 'locality': return { x: [0.5, 0.5, 0, 0, 0, 1, 1, 1, 1], y: [0, 1, 0, 1, 0.65, 0, 1, 0.35, 0.65] };
  }
}

export const MODE_LABELS: Record<Mode, string> = {
  'shared-db': 'Shared database',
  '2pc': '2PC vs saga',
  clocks: 'Synchronized clocks',
  partition: 'No partition handling',
  locality: 'Data locality',
};

/** The broken half and the fix, by scene. */
export const SIDE_NAMES: Record<Mode, readonly [string, string]> = {
  'shared-db': ['shared database (a0, b0, d0)', 'a store per service (a1, b1, d1, d2)'],
  '2pc': ['two-phase commit (t0, p0..p2)', 'saga (o0, s0..s2)'],
  clocks: ['last-writer-wins on wall clocks (k0)', 'hybrid logical clocks (k1)'],
  partition: ['no timeout (f0, d0)', 'timeout + breaker + fallback (f1, d1)'],
  locality: ['all data in the US (d0)', 'data homed by access pattern (d1, d2)'],
};

export const STAGE_TITLES: Record<Mode, string> = {
  'shared-db': 'Left: A and B share one database. Right: each owns its store; B learns A\'s orders from events.',
  '2pc': 'Left: two-phase commit, locks held while prepared. Right: a saga of local transactions and compensations.',
  clocks: 'Left: last-writer-wins by wall clock. Right: the same writes ordered by hybrid logical clocks.',
  partition: 'Left: calls without timeouts. Right: timeout, circuit breaker and fallback.',
  locality: 'Top: the EU region, bottom: the US. Left: all data in the US. Right: data homed where its users are.',
};

/** The title on a phone, where the shared-db and 2pc halves stack (stagePositions) instead of sitting side by side. */
export function stageTitle(mode: Mode, isNarrow: boolean): string {
  const t = STAGE_TITLES[mode];
  return isNarrow && (mode === 'shared-db' || mode === '2pc') ? t.replace('Left:', 'Above:').replace('Right:', 'Below:') : t;
}

export const HOW_TO_READ: Record<Mode, string> = {
  'shared-db': 'D a database (slots in use of its total, its line of waiting queries, A\'s order count), S a service (queries it waits on, its last answer; b1: how far behind its copy of A\'s orders is), C a client sending each request to both sides.',
  '2pc': 'T the transaction coordinator (its last verdict, logged or sent), P a participant (its row, its lock: the transaction holding it, prepared; how many wait), O the saga orchestrator, S a saga service (its row and version; no locks), R the reader, C the client starting each transfer on both sides.',
  clocks: 'W a writer (its wall clock and its HLC stamp l.c), L a store keeping the last writer\'s value (by wall stamp or by HLC).',
  partition: 'F a front service (threads busy of its pool, its line, its breaker), D the downstream, C the client sending orders and profile requests to both.',
  locality: 'A an app (its region, its last request\'s latency), D a database (its region, rows served), U users of a region.',
};

/** The scene's setting in one sentence. */
export function settingWords(s: AntiScenario): string {
  const net = `one hop ${s.latencyMsMin}–${s.latencyMsMax} ms`;
  switch (s.mode) {
    case 'shared-db': return `A ${s.aRatePerSec}/s (writes of ${s.aQueryMs} ms), B ${s.bRatePerSec}/s (reads of ${s.bQueryMs} ms); each database runs ${s.dbSlots} queries at once; ${net}${s.migrateAtMs > 0 ? `; A changes its schema at ${s.migrateAtMs} ms, B catches up ${B_CATCHUP_MS} ms later` : ''}.`;
    case '2pc': return `A transfer every ${s.txPeriodMs} ms${s.failEvery > 0 ? `, 1 in ${s.failEvery} failing at its second step` : ''}; log force ${s.logMs} ms; a read of p0 and s0 every ${s.readPeriodMs} ms; ${net}.`;
    case 'clocks': return `w1's clock is ${s.skewMs} ms off true time; w0 writes every 100 ms and w1 5 ms after hearing each; ${net}.`;
    case 'partition': return `${s.ordersRatePerSec} orders/s and ${s.profileRatePerSec} profile/s to each side; ${s.threads} threads; the fix times out calls at ${s.timeoutMs} ms; clients give up at ${s.clientTimeoutMs} ms; ${net}.`;
    case 'locality': return `${s.reads} rows read one after another per request; round trip ${s.crossRttMs} ms between regions, ${s.localRttMs} ms inside one; ${Math.round(s.remoteShare * 100)} % of EU requests read US-homed data.`;
  }
}

export const CLOCKS_LAB_LINK = '#/vector-clocks?v=1&s=1&e=1&skewMs=-100';
