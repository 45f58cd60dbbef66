/**
 * What the clocks Panel shows, derived from the result (pure, tested without a DOM): the stores and the
 * two runs side by side, the writes with their stamps and fates, the lease's holdings, the pins on the
 * space-time diagram and the words of its events.
 */
import { CausalKind, type CausalRun } from '../../../core/causality/types';
import type { CompareRow } from '../../../viz/compareTable';
import type { SpaceTimePins } from '../../../viz/spaceTime';
import { faultLabel, type FaultEvent } from '../../faultEvents';
import { RUN_TITLES, RUNS, STORE_TITLES, STORES, type RunResult, type VectorClocksResult } from '../result';

export const STORE_WALL = 0;
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

/** The stores of the trusted run, then last-writer-wins on commit-wait stamps (the careful run's wall store). */
export const COMPARE_COLUMNS = [...STORE_TITLES.map((t) => `${t} (${RUN_TITLES[0]})`), `LWW on commit-wait stamps (${RUN_TITLES[1]})`] as const;

export function compareRows(r: VectorClocksResult): CompareRow[] {
  const [trusted, careful] = r.runs;
  const perStore = (name: (k: number) => string, run: RunResult) => STORES.map((_, k) => run.metrics[name(k)]);
  const lost = [...perStore((k) => `lost.${STORES[k]}`, trusted), careful.metrics['lost.wall']];
  const inverted = [trusted.metrics.invertedWall, countInverted(trusted, 1), countInverted(trusted, 2), countInverted(trusted, 3), careful.metrics.invertedWall];
  const wait = [0, 0, 0, 0, careful.metrics.commitWaitP50Ms];
  return [
    { key: 'committed', label: 'writes committed', better: 'none', values: [trusted.metrics.committed, trusted.metrics.committed, trusted.metrics.committed, trusted.metrics.committed, careful.metrics.committed] },
    { key: 'lost', label: 'committed writes lost', help: 'acknowledged, then gone: nothing kept has seen them', better: 'lower', values: lost },
    { key: 'inverted', label: 'lost to an earlier write', help: 'the write had seen the one it lost to', better: 'lower', values: inverted },
    { key: 'siblings', label: 'most siblings at a replica', better: 'none', values: [1, 1, 1, trusted.metrics.siblingsMax, 1] },
    { key: 'wait', label: 'commit latency, median (ms)', better: 'lower', values: wait, format: ms },
  ];
}

function countInverted(run: RunResult, store: number): number {
  return run.writes.inverted[store].reduce((n, x) => n + x, 0);
}

/** One row per write: name, replica, times, stamps and what each store did with it. */
export function writeRows(run: RunResult): string[][] {
  const w = run.writes;
  return w.name.map((name, i) => [
    name, `r${w.replica[i]}`, ms(w.startMs[i]), ms(w.commitMs[i]), ms(w.wallMs[i]), Number.isFinite(w.wallMs[i]) ? String(w.lamport[i]) : '–',
    Number.isFinite(w.hlcMs[i]) ? `${ms(w.hlcMs[i])}·${w.hlcC[i]}` : '–', w.clock[i] || '–',
    ...STORES.map((_, k) => fateText(run, k, i)),
  ]);
}

export const WRITE_COLUMNS = ['write', 'at', 'asked (ms)', 'committed (ms)', 'wall stamp', 'Lamport', 'HLC', 'version vector', ...STORE_TITLES];

function fateText(run: RunResult, store: number, i: number): string {
  const w = run.writes;
  if (!Number.isFinite(w.commitMs[i])) return 'never committed';
  if (!w.lost[store][i]) return 'kept';
  const to = w.lostTo[store][i];
  const name = to >= 0 ? w.name[to] : '?';
  return w.inverted[store][i] ? `lost to ${name}, which it had seen` : `lost to ${name}`;
}

/**
 * What the diagram points at: the writes wall-clock LWW lost in `run`, where they committed on their
 * replica's lane, and each moment a second replica took the lease while another still held it.
 */
export function lostPins(run: RunResult): SpaceTimePins {
  const w = run.writes;
  const lane: number[] = [];
  const time: number[] = [];
  const label: string[] = [];
  for (let i = 0; i < w.name.length; i++) {
    if (!w.lost[STORE_WALL][i]) continue;
    lane.push(w.replica[i]);
    time.push(w.commitMs[i]);
    label.push(`${w.name[i]} lost`);
  }
  const o = run.overlaps;
  for (let k = 0; k < o.a.length; k++) {
    const later = run.leases.startMs[o.a[k]] >= run.leases.startMs[o.b[k]] ? o.a[k] : o.b[k];
    lane.push(run.leases.holder[later]);
    time.push(o.startMs[k]);
    label.push('2 lease holders');
  }
  return { lane, time, label };
}

/** "3 writes lost by wall-clock LWW (b3, c1, a2); 1 of them had seen the write it lost to (b3)." */
export function lostText(run: RunResult): string {
  const w = run.writes;
  const lost = w.name.filter((_, i) => w.lost[STORE_WALL][i]);
  const inverted = w.name.filter((_, i) => w.inverted[STORE_WALL][i]);
  if (lost.length === 0) return 'Wall-clock last-writer-wins lost no committed write in this run.';
  const head = `${lost.length} committed write${lost.length === 1 ? '' : 's'} lost by wall-clock last-writer-wins (${lost.join(', ')}), marked ✕ on the diagram`;
  return inverted.length === 0 ? `${head}; each was concurrent with the write it lost to.` : `${head}; ${inverted.length} of them had seen the write it lost to (${inverted.join(', ')}): the later write lost.`;
}

/** Words for a replica's local event on the diagram: the write it committed or started there. */
export function eventWords(run: RunResult, replicas: number, causal: CausalRun, e: number): string {
  const g = causal.graph;
  if (g.lane[e] >= replicas || g.kind[e] !== CausalKind.local) return '';
  const w = run.writes;
  const t = g.time[e];
  for (let i = 0; i < w.name.length; i++) {
    if (w.replica[i] !== g.lane[e]) continue;
    if (w.commitMs[i] === t) return `commits ${w.name[i]}: wall ${ms(w.wallMs[i])}, Lamport ${w.lamport[i]}, HLC ${ms(w.hlcMs[i])}·${w.hlcC[i]}, VV ${w.clock[i]}`;
    if (w.startMs[i] === t) return `${w.name[i]} asked; waits until its stamp ${ms(w.wallMs[i])} has surely passed`;
  }
  return '';
}

/** The lease's holdings in true time, and which overlapped. */
export function leaseRows(run: RunResult): string[][] {
  const l = run.leases;
  const overlapping = new Set<number>([...run.overlaps.a, ...run.overlaps.b]);
  return Array.from(l.holder, (h, i) => [`r${h}`, ms(l.startMs[i]), ms(l.endMs[i]), overlapping.has(i) ? 'yes' : 'no']);
}

export function leaseText(r: VectorClocksResult): string {
  const [t, c] = r.runs.map((run) => run.metrics);
  if (t.leaseHoldings === 0) return 'No lease in this run (it needs 3 replicas or more and a lease length above 0).';
  const part = (m: Record<string, number>, how: string) => `${how}: ${m.leaseHoldings} holdings, ${m.leaseOverlaps} overlapping pair${m.leaseOverlaps === 1 ? '' : 's'} (${ms(m.leaseOverlapMs)} ms with two holders)`;
  return `${part(t, 'Judged by wall-clock time')}. ${part(c, `Judged with ±${r.epsMs} ms uncertainty`)}.`;
}

/** Commit wait's cost and promise, in one sentence. */
export function commitWaitText(r: VectorClocksResult): string {
  const c = r.runs[1];
  const broken = Number.isFinite(c.boundBrokenMs) ? ` A clock left ±${r.epsMs} ms of true time at ${ms(c.boundBrokenMs)} ms: from then on commit wait promises nothing.` : ` Every clock stayed within ±${r.epsMs} ms of true time.`;
  return `Commit wait stamps a write with the top of its clock's uncertainty and waits until that stamp has surely passed: the median write waits ${ms(c.metrics.commitWaitP50Ms)} ms (about 2ε = ${2 * r.epsMs} ms). Writes whose stamps invert their real order: ${r.runs[0].metrics.stampInversions} trusting the clocks, ${c.metrics.stampInversions} with commit wait.${broken}`;
}

/** The invariants' verdict for both runs. */
export function violationTexts(r: VectorClocksResult): string[] {
  return r.runs.map((run, k) => {
    const v = run.violations;
    if (v.length === 0) return `${RUN_TITLES[k]}: every invariant held.`;
    return `${RUN_TITLES[k]}: ${v.length} broken — ${v.slice(0, 3).map((x) => `${x.invariant} at ${ms(x.tMs)} ms (${x.text})`).join('; ')}`;
  });
}

/** "Scripted faults: Isolate r0 at 100 ms · Heal all links at 600 ms." ('' when none). */
export function scriptText(events: readonly FaultEvent[]): string {
  return events.length === 0 ? '' : `Scripted faults: ${events.map((e) => `${faultLabel(e, (i) => `r${i}`)} at ${e.t} ms`).join(' · ')}.`;
}

/** The run a lesson step's view names (0 trusted, 1 commit wait), -1 when it names none. */
export function runOfView(view: string | undefined): number {
  return view === undefined ? -1 : (RUNS as readonly string[]).indexOf(view);
}

/** What each replica holds at the end: one value per LWW store, the siblings, and an application merge of them (their union). */
export function finalRows(run: RunResult): string[][] {
  const f = run.finalValues;
  const nil = (v: string) => (v === '' ? 'nil' : v);
  return f[0].map((_, replica) => {
    const siblings = f[3][replica];
    const merged = siblings === '' ? 'nil' : `{${siblings.split('|').join(', ')}}`;
    return [`r${replica}`, nil(f[0][replica]), nil(f[1][replica]), nil(f[2][replica]), nil(siblings), merged];
  });
}

export const FINAL_COLUMNS = ['replica', ...STORE_TITLES, 'application merge (union of siblings)'];
