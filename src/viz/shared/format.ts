/**
 * Number formatting shared by the renderers' labels, tooltips and tables (en-US, so tests are stable).
 * Plain JavaScript, no Intl: the first Intl.NumberFormat in a page loads ICU data for ~50-60 ms, one
 * main-thread task over budget on its own (docs: performance.md, "The main thread's 50 ms").
 */

/** Rounds to the nearest integer (halves away from zero) and groups thousands: 1234567.5 -> "1,234,568". */
export function formatInt(value: number): string {
  return Number.isFinite(value) ? formatNumber(value, 0) : '–';
}

/**
 * The same string as `value.toLocaleString('en-US', { maximumFractionDigits })` (default 3, as
 * toLocaleString's), for every number: thousands grouped, the shortest round-trip decimal rounded half
 * away from zero, trailing zeros dropped, "-0" kept, "NaN", "∞" and "-∞".
 */
export function formatNumber(value: number, maximumFractionDigits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [integer, fraction] = roundDecimal(Math.abs(value), Math.max(0, Math.floor(maximumFractionDigits)));
  return `${sign}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** [integer digits, fraction digits without trailing zeros] of a finite x >= 0, rounded to `digits` decimals. */
function roundDecimal(x: number, digits: number): [string, string] {
  // String(x) is the shortest decimal that reads back as x (what ICU formats), maybe in exponent form.
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) return [String(x), ''];
  const all = match[1] + (match[2] ?? '');
  const point = match[1].length + Number(match[3] ?? 0);
  let integer = point <= 0 ? '0' : all.slice(0, point).padEnd(point, '0');
  let fraction = point <= 0 ? '0'.repeat(-point) + all : all.slice(point);
  if (fraction.length > digits) {
    const roundUp = fraction.charCodeAt(digits) >= 53; // '5'
    fraction = fraction.slice(0, digits);
    if (roundUp) {
      const bumped = incrementDigits(integer + fraction);
      integer = bumped.slice(0, bumped.length - digits);
      fraction = bumped.slice(bumped.length - digits);
    }
  }
  integer = integer.replace(/^0+(?=\d)/, '');
  return [integer, fraction.replace(/0+$/, '')];
}

/** A decimal digit string plus one in its last place ("0999" -> "1000", "99" -> "100"). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String.fromCharCode(out[i].charCodeAt(0) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/** `digits` decimals, trailing zeros kept so columns line up. */
export function formatFixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** A fraction in [0, 1] as a percentage ("9.1%"). */
export function formatPercent(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–';
}

/** A 32-bit hash position as 8 hex digits, the way the lab prints hashes ("0x1f3a09c2"). */
export function formatHash(position: number): string {
  return `0x${(position >>> 0).toString(16).padStart(8, '0')}`;
}

/** Compact numbers for axis ticks: 1, 10, 100, 1k, 10k, 1M. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}
