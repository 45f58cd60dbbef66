/** Number formatting shared by the renderers' labels, tooltips and tables (en-US, so tests are stable). */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInt(value: number): string {
  return Number.isFinite(value) ? integer.format(value) : '–';
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
