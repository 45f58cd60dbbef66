/**
 * Waits until the machine is quiet: the whole machine's CPUs at least `idle` idle over `windowMs`, read from
 * Linux's /proc/stat. The load targets are stated for a quiet machine, and the bench's own work (the site's
 * build, the Chromium of the previous measurement shutting down) keeps a 2-core box busy for seconds after
 * it ends: a page load measured then measures that work too. Gives up after `timeoutMs` and says so; on a
 * system without /proc/stat it does not wait.
 */
import { readFileSync } from 'node:fs';

export interface Quiet {
  /** How long the wait took (ms). */
  waitedMs: number;
  /** The idle fraction of the last window (NaN without /proc/stat). */
  idle: number;
  /** False when the timeout came first. */
  isQuiet: boolean;
}

/** Total and idle (idle + iowait) jiffies of all CPUs, or undefined without /proc/stat. */
function cpuTimes(): { total: number; idle: number } | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(0, text.indexOf('\n')).trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, v) => sum + v, 0);
  return { total, idle: fields[3] + (fields[4] ?? 0) };
}

export async function waitForQuiet(idle = 0.9, windowMs = 2000, timeoutMs = 90_000): Promise<Quiet> {
  const start = Date.now();
  let before = cpuTimes();
  if (!before) return { waitedMs: 0, idle: Number.NaN, isQuiet: true };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuTimes()!;
    const share = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    const waitedMs = Date.now() - start;
    if (share >= idle) return { waitedMs, idle: share, isQuiet: true };
    if (waitedMs >= timeoutMs) return { waitedMs, idle: share, isQuiet: false };
    before = after;
  }
}
