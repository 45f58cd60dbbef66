/**
 * The stage's targets in the real app, in Chromium (part of `npm run bench -- browser`):
 *
 *   9 nodes, ~1,000 messages in flight   partitioning with 9 nodes, 50,000 requests/s over 10 ms hops: every
 *                                        request and reply is a dot, the cards tier draws them all
 *   1,000 nodes aggregated               partitioning at maximum scale: glyphs with heat, bundles, sampled dots
 *
 * For each, median over RUNS page loads: the p95 of the intervals between animation frames while playing for
 * 3 s (target 20 ms), the dots drawn at the end (the stage's data-dots), and the longest main-thread task
 * (Chrome's tracing, RunTask) from choosing "Crash" in a node's menu at the playhead until the re-run's
 * result is drawn (target 50 ms). Beside each, the same in CPU time (main-thread CPU per frame; the longest
 * task's CPU time), which a loaded machine's preemption does not inflate. At 1,000 nodes the node is reached as a keyboard user would: the stage's
 * one focusable proxy, Enter, the menu.
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchLine } from './report';

const RUNS = 3;
const FRAME_MS = 20;
const TASK_MS = 50;

interface StageCase {
  name: string;
  link: string;
  /** Where the playhead goes before playing (ms): requests are in flight there. */
  seekMs: number;
  /** Opens a node's menu at the playhead. */
  openMenu(page: Page): Promise<void>;
}

const CASES: StageCase[] = [
  {
    name: 'stage, 9 nodes, ~1,000 messages in flight',
    link: '#/partitioning?v=1&nodes=9&requests=100000&rate=50000&hopMs=10&serviceMs=0.1&distribution=uniform',
    seekMs: 1000,
    openMenu: (page) => page.locator('[data-node="n3"]').click(),
  },
  {
    name: 'stage, 1,000 nodes aggregated',
    link: '#/partitioning?v=1&nodes=1000&keys=1000000&requests=1000000&rate=100000&distribution=zipf&zipfS=0.9&serviceMs=0.2',
    seekMs: 5000,
    openMenu: async (page) => {
      await page.locator('[data-stage] [data-node]').focus();
      await page.keyboard.press('Enter');
    },
  },
];

// A string, not a closure: tsx's esbuild would add `__name` helpers that do not exist in the page.
const PLAY_FOR_3S = `(async () => {
  const stamps = [];
  document.querySelector('button[aria-label="Play"]').click();
  const end = performance.now() + 3000;
  await new Promise((resolve) => {
    const tick = (t) => { stamps.push(t); if (t < end) requestAnimationFrame(tick); else resolve(); };
    requestAnimationFrame(tick);
  });
  const dots = Number(document.querySelector('[data-stage]').dataset.dots);
  document.querySelector('button[aria-label="Pause"]')?.click();
  return { gaps: stamps.slice(1).map((t, i) => t - stamps[i]), dots };
})()`;

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.status-running') && document.querySelector('[data-stage]') !== null, undefined, { timeout: 180_000 });
  await page.waitForTimeout(500);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks (RunTask), ms: wall time, and CPU time (what preemption on a busy machine
 * does not inflate, so it tells our code's cost from the load's).
 */
function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): { wall: number[]; cpu: number[] } {
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return { wall: [], cpu: [] };
  const tasks = trace.traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask');
  return { wall: tasks.map((e) => (e.dur ?? 0) / 1000), cpu: tasks.map((e) => (e.tdur ?? 0) / 1000) };
}

const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];

interface Measured {
  p95: number;
  dots: number;
  /** Main-thread CPU per frame while playing (sum of tasks / frames). */
  frameCpu: number;
  faultTask: number;
  faultTaskCpu: number;
}

async function measure(browser: Browser, base: string, c: StageCase): Promise<Measured> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(base + c.link);
    await settled(page);
    await page.getByLabel('Simulated time').fill(String(c.seekMs));
    await page.waitForTimeout(300);
    await browser.startTracing(page, { categories: CATEGORIES });
    const played = (await page.evaluate(PLAY_FOR_3S)) as { gaps: number[]; dots: number };
    const playCpu = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString('utf8'))).cpu;
    await page.waitForTimeout(300);
    const hash = await page.getByTestId('trace-hash').innerText();
    await c.openMenu(page);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.getByRole('menuitem', { name: /^Crash / }).click();
    await page.waitForFunction((old) => document.querySelector('[data-testid="trace-hash"]')?.textContent !== old, hash, { timeout: 180_000 });
    await settled(page);
    const fault = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString('utf8')));
    return {
      p95: percentile(played.gaps, 0.95),
      dots: played.dots,
      frameCpu: playCpu.reduce((sum, t) => sum + t, 0) / Math.max(1, played.gaps.length),
      faultTask: Math.max(0, ...fault.wall),
      faultTaskCpu: Math.max(0, ...fault.cpu),
    };
  } finally {
    await context.close();
  }
}

export async function stageLines(browser: Browser, base: string): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const c of CASES) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measure(browser, base, c));
    const p95 = percentile(runs.map((r) => r.p95), 0.5);
    const task = percentile(runs.map((r) => r.faultTask), 0.5);
    lines.push({ section: 'browser', name: `${c.name}: frame time p95 while playing`, value: p95, unit: 'ms', target: `<= ${FRAME_MS} ms`, ok: p95 <= FRAME_MS });
    lines.push({ section: 'browser', name: `${c.name}:   main-thread CPU per frame (tracing)`, value: percentile(runs.map((r) => r.frameCpu), 0.5), unit: 'ms' });
    lines.push({ section: 'browser', name: `${c.name}:   dots drawn while playing`, value: percentile(runs.map((r) => r.dots), 0.5), unit: '' });
    lines.push({ section: 'browser', name: `${c.name}: longest main-thread task, crash added at the playhead`, value: task, unit: 'ms', target: `<= ${TASK_MS} ms`, ok: task <= TASK_MS });
    lines.push({ section: 'browser', name: `${c.name}:   the same in CPU time (tracing)`, value: percentile(runs.map((r) => r.faultTaskCpu), 0.5), unit: 'ms' });
  }
  return lines;
}
