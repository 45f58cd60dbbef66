/**
 * Pure selectors from the PBS result to what the Panel draws: chart series, table rows, the headline and the
 * WARS legs in words. Every loop is bounded by configurations (<= 4) x grid points (61): never by trials.
 */
import type { LineSeries } from '../../../viz/lineChart';
import { formatInt } from '../../../viz/shared/format';
import { describeLeg, legsOf } from '../legs';
import type { PbsConfigResult, PbsResult } from '../result';
import type { PbsScenario } from '../scenario';

/** "N=3 R=1 W=1". */
export function configName(c: Pick<PbsConfigResult, 'n' | 'r' | 'w'>): string {
  return `N=${c.n} R=${c.r} W=${c.w}`;
}

/** A probability as a percentage: one decimal, two above 99% (so 99.94% does not read as 99.9%), 100% only when exact. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p === 1) return '100%';
  const digits = p >= 0.99 ? 2 : 1;
  const text = (p * 100).toFixed(digits);
  // Never round a probability below 1 up to "100": show the largest figure under it instead.
  return Number(text) >= 100 ? `${(100 - 10 ** -digits).toFixed(digits)}%` : `${text}%`;
}

/** Milliseconds with 3 significant figures (at least whole ms): 0.66 ms, 14.2 ms, 1,467 ms. */
export function formatMs(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1000) return `${formatInt(x)} ms`;
  return `${Number(x.toPrecision(3))} ms`;
}

/**
 * One line per configuration against ms after commit, odd ones dashed: consistent reads in percent, or, with
 * `isStale`, stale reads in percent (100 minus it), whose axis then ends at the largest value: a zoom on the
 * top of the plot when nearly every read is consistent.
 */
export function selectSeries(result: PbsResult, isStale = false): LineSeries[] {
  return result.configs.map((c, i) => {
    const name = configName(c) + (c.isStrict ? ' (strict)' : '');
    return {
      name,
      isDashed: i % 2 === 1,
      points: Array.from(result.tMs, (t, k) => ({
        x: t,
        y: isStale ? (1 - c.pConsistent[k]) * 100 : c.pConsistent[k] * 100,
        title: `${configName(c)}: ${formatP(c.pConsistent[k])} of reads consistent ${formatMs(t)} after commit`,
      })),
    };
  });
}

/**
 * The playhead on the plot: the index of the last grid point at or before t (ms after commit). The plot's
 * cursor and the table's "at t" column show that point's measured value, never an interpolated one.
 */
export function gridIndexAt(tMs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = tMs.length - 1;
  if (hi < 0) return -1;
  const epsilon = 1e-9 * Math.max(1, Math.abs(t));
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tMs[mid] <= t + epsilon) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One sentence for the scene: each configuration's consistent reads at grid point `k`. */
export function selectAtPlayhead(result: PbsResult, k: number): string {
  const t = result.tMs[k];
  if (t === undefined) return '';
  const parts = result.configs.map((c) => `${configName(c)} ${formatP(c.pConsistent[k])}`);
  return `Reads issued ${t === 0 ? 'at the moment of commit' : `${formatMs(t)} after commit`} that return the write: ${parts.join(' · ')}.`;
}

export interface ConfigRow {
  name: string;
  strict: string;
  /** Consistent reads at the playhead's grid point. */
  pAtPlayhead: string;
  pAtCommit: string;
  tVisibility: string;
  readP999: string;
  writeP999: string;
}

/** The table: one row per configuration, every figure from the run; `k` is the playhead's grid point. */
export function selectRows(result: PbsResult, tMaxMs: number, k = 0): ConfigRow[] {
  return result.configs.map((c) => ({
    name: configName(c),
    strict: c.isStrict ? `yes (${c.r} + ${c.w} > ${c.n})` : `no (${c.r} + ${c.w} ≤ ${c.n})`,
    pAtPlayhead: formatP(c.pConsistent[k]),
    pAtCommit: formatP(c.pAtCommit),
    tVisibility: c.tVisibility999Ms === 0 ? 'at commit' : formatMs(c.tVisibility999Ms) + (c.tVisibility999Ms > tMaxMs ? ' (past the plot)' : ''),
    readP999: formatMs(c.readMs.p999),
    writeP999: formatMs(c.writeMs.p999),
  }));
}

/** One sentence on the first configuration that is not strict (or the first one): what the plot shows. */
export function selectHeadline(result: PbsResult): string {
  const c = result.configs.find((x) => !x.isStrict) ?? result.configs[0];
  if (!c) return '';
  const after = c.tVisibility999Ms === 0 ? 'already at commit' : `${formatMs(c.tVisibility999Ms)} after commit`;
  return `${configName(c)}: ${formatP(c.pAtCommit)} of reads issued at the moment the write commits return it; 99.9% do ${after}.`;
}

export interface LegView {
  leg: 'W' | 'A' | 'R' | 'S';
  meaning: string;
  distribution: string;
}

/** The four WARS legs with the scenario's distribution for each. */
export function selectLegs(s: Pick<PbsScenario, 'latency' | 'writeMeanMs' | 'arsMeanMs'>): LegView[] {
  const legs = legsOf(s);
  return [
    { leg: 'W', meaning: 'write request reaches a replica, which applies it', distribution: describeLeg(legs.write) },
    { leg: 'A', meaning: "the replica's ack travels back to the coordinator", distribution: describeLeg(legs.ack) },
    { leg: 'R', meaning: 'read request reaches a replica', distribution: describeLeg(legs.read) },
    { leg: 'S', meaning: "the replica's response travels back", distribution: describeLeg(legs.response) },
  ];
}
