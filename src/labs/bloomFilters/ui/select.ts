/**
 * Everything the Panel derives from a result, as pure functions (the lesson test reads the page's words
 * through them): the filter operation at the playhead, the bit cells at t, and the measurements' sentences
 * and rows.
 */
import { formatInt, formatNumber } from '../../../viz/shared/format';
import { Answer, ANSWER_WORDS, OpKind, type BloomResult } from '../result';

/** "1.004 %" (3 decimals below 10 %, 2 above). */
export function pct(fraction: number): string {
  const p = fraction * 100;
  return `${formatNumber(p, p >= 10 ? 2 : 3)} %`;
}

/** The last filter operation at or before t (-1: none yet). */
export function opAt(r: BloomResult, t: number): number {
  const times = r.ops.tMs;
  let lo = 0;
  let hi = r.ops.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Operation i's k positions and whether each bit was set just before it. */
export function opProbes(r: BloomResult, i: number): { positions: number[]; wasSet: number[]; cells: number[] } {
  const from = i * r.k;
  return {
    positions: Array.from(r.ops.positions.subarray(from, from + r.k)),
    wasSet: Array.from(r.ops.wasSet.subarray(from, from + r.k)),
    cells: Array.from(r.ops.cell.subarray(from, from + r.k)),
  };
}

/** Operation i in words: "get miss-17: bits 12, 4,401, 9,000: bit 4,401 is 0, definitely no". */
export function opWords(r: BloomResult, i: number): string {
  if (i < 0) return `No request has reached f1 yet. The filter holds ${formatInt(r.n)} elements in ${formatInt(r.m)} bits.`;
  const { positions, wasSet } = opProbes(r, i);
  const key = r.ops.keys[i];
  const bits = positions.map((x) => formatInt(x)).join(', ');
  const answer = r.ops.answer[i];
  if (r.ops.kind[i] === OpKind.put) {
    const fresh = positions.filter((x, j) => wasSet[j] === 0 && positions.indexOf(x) === j).length;
    return `put ${key}: its ${r.k} bits ${bits} set (${fresh} newly)`;
  }
  if (answer === Answer.no) return `get ${key}: bits ${bits}; bit ${formatInt(positions[wasSet.indexOf(0)])} is 0: ${ANSWER_WORDS[answer]}`;
  return `get ${key}: bits ${bits} all set: ${ANSWER_WORDS[answer]}`;
}

/** The bits set per cell at t: the filter after its n elements plus the bits the puts up to t set. */
export function cellsAt(r: BloomResult, t: number, out = new Uint32Array(r.filter.cells)): Uint32Array {
  out.set(r.filter.cellBits);
  const last = opAt(r, t);
  for (let i = 0; i <= last; i++) {
    if (r.ops.kind[i] !== OpKind.put) continue;
    const from = i * r.k;
    for (let j = 0; j < r.k; j++) {
      if (r.ops.wasSet[from + j] !== 0) continue;
      let isRepeat = false;
      for (let q = 0; q < j; q++) if (r.ops.positions[from + q] === r.ops.positions[from + j]) isRepeat = true;
      if (!isRepeat) out[r.ops.cell[from + j]]++;
    }
  }
  return out;
}

/** Bits in cell c (cell c covers [floor(c m / cells), floor((c + 1) m / cells))). */
export function cellSize(m: number, cells: number, c: number): number {
  return Math.floor(((c + 1) * m) / cells) - Math.floor((c * m) / cells);
}

/** How far the measurement lies from the formula, in standard deviations of the binomial noise. */
export function sigmas(r: BloomResult): number {
  const f = r.filter;
  return f.sigma > 0 ? (f.measured - f.formula) / f.sigma : 0;
}

/** The measurement against the formula. */
export function rateText(r: BloomResult): string {
  const f = r.filter;
  return (
    `Measured ${pct(f.measured)}: ${formatInt(f.falsePositives)} of ${formatInt(f.probes)} keys never inserted answered "probably yes". ` +
    `The formula (1 - e^(-kn/m))^k gives ${pct(f.formula)}; the measurement lies ${formatNumber(sigmas(r), 1)} σ from it (σ = ${pct(f.sigma)}, binomial noise of ${formatInt(f.probes)} queries). ` +
    `${formatNumber(f.fill * 100, 1)} % of the bits are set, and fill^k = ${pct(f.fillPowK)}.` +
    (Math.abs(sigmas(r)) > 4 ? ' The formula averages over all fillings of a large array; with so few bits, the bits this filter happened to set (fill^k) predict it better.' : '')
  );
}

/** The design: bits per element, the best k, and the rule of thumb. */
export function designText(r: BloomResult): string {
  const f = r.filter;
  return (
    `m/n = ${formatNumber(f.bitsPerElement, 2)} bits per element (${formatInt(f.byteLength)} bytes). ` +
    `The best k is (m/n) ln 2 = ${formatNumber(f.optimalK, 2)}, so ${f.optimalHashCount} hash${f.optimalHashCount === 1 ? '' : 'es'} (${pct(f.formulaAtOptimum)}); this filter uses ${r.k}. ` +
    `About 10 bits per element give 1 %: exactly ${formatNumber(f.bitsPerElementFor1Pct, 3)} at the best k.`
  );
}

/** The rate curve against k for this m/n, the measurement, and the optimum. */
export function rateSeries(r: BloomResult): { name: string; points: { x: number; y: number; title?: string }[]; isDashed?: boolean }[] {
  const f = r.filter;
  return [
    { name: 'formula (1 - e^(-kn/m))^k', points: Array.from(f.curveK, (k, i) => ({ x: k, y: 100 * f.curveRate[i], title: `k ${k}: ${pct(f.curveRate[i])}` })) },
    { name: `measured at k = ${r.k}`, points: [{ x: r.k, y: 100 * f.measured, title: `measured at k ${r.k}: ${pct(f.measured)}` }], isDashed: true },
  ];
}

/** The rate as one filter fills to 2n: the formula's curve and the measured points. */
export function fillSeries(r: BloomResult): { name: string; points: { x: number; y: number; title?: string }[]; isDashed?: boolean }[] {
  const f = r.fill;
  return [
    { name: 'formula at this m and k', points: Array.from(f.curveN, (n, i) => ({ x: n, y: 100 * f.curveRate[i], title: `${formatInt(n)} elements: ${pct(f.curveRate[i])}` })) },
    { name: `measured (${formatInt(f.probes)} keys each)`, points: Array.from(f.n, (n, i) => ({ x: n, y: 100 * f.measured[i], title: `${formatInt(n)} elements: measured ${pct(f.measured[i])}, formula ${pct(f.formula[i])}` })), isDashed: true },
  ];
}

/** Past the design n: what twice as many elements do to the rate. */
export function fillText(r: BloomResult): string {
  const f = r.fill;
  const last = f.n.length - 1;
  const at = f.n.indexOf(r.n);
  return `Filled past its design: at ${formatInt(f.n[at])} elements ${pct(f.measured[at])} measured, at ${formatInt(f.n[last])} ${pct(f.measured[last])} (formula ${pct(f.formula[last])}), on ${formatInt(f.probes)} never-inserted keys per point.`;
}

/** The rate at the best k against bits per element (4..20): where 1 % lies. */
export function bitsSeries(): { name: string; points: { x: number; y: number; title?: string }[] }[] {
  const points = [];
  for (let b = 4; b <= 20; b++) {
    const k = Math.max(1, Math.round(b * Math.LN2));
    const rate = (1 - Math.exp(-k / b)) ** k;
    points.push({ x: b, y: 100 * rate, title: `${b} bits per element, k ${k}: ${pct(rate)}` });
  }
  return [{ name: 'best k for each m/n', points }];
}

/** The deletion experiment as rows: [way, false negatives, detail]. */
export function deletionRows(r: BloomResult): string[][] {
  const d = r.deletion;
  const kept = formatInt(d.kept);
  return [
    [`counting filter, ${d.width}-bit counters that saturate (never decremented once at ${d.counterMax})`, `${formatInt(d.countingLost)} of ${kept}`, `${formatInt(d.stuck)} decrements skipped on saturated counters; ${formatInt(d.deletedStillYes)} deleted elements still answer "probably yes"`],
    [`counting filter, saturated counters decremented anyway`, `${formatInt(d.naiveLost)} of ${kept}`, `a counter that overflowed holds less than its true count and reaches 0 early`],
    [`standard filter, the deleted elements' bits cleared`, `${formatInt(d.clearedLost)} of ${kept}`, `every element sharing a cleared bit is lost`],
  ];
}

export function deletionText(r: BloomResult): string {
  const d = r.deletion;
  return (
    `${formatInt(d.deleted)} of ${formatInt(r.n)} elements deleted. Filling the counting filter, ${formatInt(d.overflows)} increments hit a saturated counter ` +
    `(${formatInt(d.saturatedAfterFill)} counters at ${d.counterMax}). Its ${formatInt(r.m)} counters of ${d.width} bits take ${formatInt(d.countingBytes)} bytes, ` +
    `${formatNumber(d.countingBytes / d.standardBytes, 1)}x the standard filter's ${formatInt(d.standardBytes)}. ` +
    `After the deletions ${formatInt(d.countersLeft)} counters are above 0.`
  );
}

/** The in-context run as rows: [what, count]. */
export function contextRows(r: BloomResult): string[][] {
  const c = r.context;
  return [
    ['gets that reached f1 (each a disk read without a filter)', formatInt(c.readsWithoutFilter)],
    ['  of them for keys the store never had', formatInt(c.getsAbsent)],
    ['answered "definitely no" by the filter: disk reads saved', formatInt(c.saved)],
    ['read from the store ("probably yes")', formatInt(c.storeReads)],
    ['  of them false positives: wasted disk reads', formatInt(c.wastedReads)],
    ['puts (keys added to the filter)', formatInt(c.puts)],
    ['requests timed out', formatInt(c.timeouts)],
    ['median get answered by the filter alone (ms)', formatNumber(c.noP50Ms, 2)],
    ['median get that read the store (ms)', formatNumber(c.readP50Ms, 2)],
  ];
}

export function contextText(r: BloomResult): string {
  const c = r.context;
  const absentHits = c.getsAbsent > 0 ? ` (${pct(c.wastedReads / c.getsAbsent)} of the gets for absent keys)` : '';
  return `With the filter the store read ${formatInt(c.storeReads)} times instead of ${formatInt(c.readsWithoutFilter)}: ${formatInt(c.saved)} disk reads saved, at the cost of ${formatInt(c.wastedReads)} wasted on false positives${absentHits}.`;
}

/** The script in words: "crash s2 at 300 ms, recover s2 at 600 ms" ('' when none). */
export function scriptText(events: readonly { t: number; type: string; node?: number; from?: number; to?: number; ms?: number }[]): string {
  const names = ['c0', 'f1', 's2'];
  return events
    .map((e) => {
      if (e.type === 'slow') return `slow ${names[e.from ?? 0]} → ${names[e.to ?? 0]} by ${formatNumber(e.ms ?? 0)} ms at ${formatNumber(e.t)} ms`;
      return `${e.type} ${names[e.node ?? 0]} at ${formatNumber(e.t)} ms`;
    })
    .join(', ');
}
