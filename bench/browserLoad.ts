/**
 * Page loads as a student's browser runs them: Chromium started on the lab's link with no DevTools
 * session on the page, the longest main-thread task from navigation until the first result is drawn.
 *
 * Why not Playwright here: it enables the DevTools protocol's Runtime domain on every page it drives, and
 * with Runtime enabled V8 re-parses scripts to collect their source positions. Measured on one build with
 * a raw protocol client (the same page, React DOM's evaluation alone): 12 ms with no session on the page,
 * 36-39 ms with Runtime enabled, 13-15 ms with the Debugger enabled. The harness's cost is not the
 * student's, so loads are measured without it; interactions stay with Playwright (./browser.ts), which
 * needs a session to click.
 *
 * How: the built site is served by a small server of our own that adds one classic script to the page's
 * <head> (same origin, so the site's CSP allows it). The script observes long tasks from the start
 * (PerformanceObserver, buffered), waits for the first result drawn, marks the end and prints the tasks
 * on the console, which Chromium writes to stderr (--enable-logging). CPU time per task comes from a
 * startup trace (--trace-startup, toplevel category), read like ./browser.ts reads its traces.
 *
 * Chromium gets the project's flags and WITHOUT_OMNIBOX_POPUP (scripts/chromiumArgs.ts): the browser's own
 * address-bar popup, a page of Chromium's, otherwise loads in a renderer of its own with every fresh start,
 * beside the page measured, on the same two cores.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';

const PROBE_PATH = '/__bench_load_probe.js';
const STARTUP_END = 'bench:startup-end';
const DONE = 'bench:load ';
/** The trace covers this many seconds from Chromium's start (a load is drawn in 1-4 s on a 2-core box); the
 * file is written some seconds after. */
const TRACE_SECONDS = 5;

/**
 * In-page expressions (strings: the pages run them, and tsx's helpers do not exist there) saying whether the
 * page is the home page, and whether its first result is drawn: the home page's links are in, or the
 * lab's measurements are laid out with no run going, no Panel loading and nothing busy.
 */
export const IS_HOME = `(location.hash === '#/' || location.hash === '')`;
export const IS_DRAWN = `(${IS_HOME} ? document.querySelectorAll('a').length > 3 :
  document.querySelector('.lab-measurements:not(.lab-measurements-pending)') && !document.querySelector('.status-running') && !document.querySelector('.panel-loading') && !document.querySelector('[aria-busy="true"]'))`;

/** Observes long tasks from the first script on; once the first result is drawn, waits for the paint and
 * any deferred render (0.8 s on the home page, 0.5 s on a lab), marks the end and prints the tasks. */
const PROBE = `(() => {
  const tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const tick = () => {
    if (!${IS_DRAWN}) { requestAnimationFrame(tick); return; }
    setTimeout(() => {
      performance.mark('${STARTUP_END}');
      console.log('${DONE}' + JSON.stringify({ tasks }));
    }, ${IS_HOME} ? 800 : 500);
  };
  requestAnimationFrame(tick);
})();`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` on `port`, its index.html with the probe in <head>. */
export async function serveWithProbe(dir: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === PROBE_PATH) {
      response.writeHead(200, { 'content-type': TYPES['.js'] });
      response.end(PROBE);
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(dir)) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    let body: string | Buffer = readFileSync(file);
    if (file.endsWith('index.html')) body = body.toString('utf8').replace('<head>', `<head><script src=".${PROBE_PATH}"></script>`);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

export interface Load {
  /** Longest main-thread task (wall ms, PerformanceObserver 'longtask'), 0 when none passed 50 ms. */
  longest: number;
  /** Longest top-level task of the page's main thread in CPU time (ms), before the end mark. */
  cpu: number;
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The longest top-level task of the page's main thread in CPU time (tdur, ms), before or after the user
 * timing mark `markName` (after it and before `untilMark`, when given); NaN without the marks. The page's renderer is the process that recorded the mark.
 * Traced with the 'toplevel' category alone (the devtools.timeline categories slow the page they
 * measure), whose tasks are named ThreadControllerImpl::RunTask (RunTask in older Chromium).
 */
export function longestMainThreadTask(events: readonly TraceEvent[], markName: string, side: 'before' | 'after', untilMark?: string): number {
  const mark = events.find((e) => e.name === markName);
  if (!mark) return Number.NaN;
  // 'after' with `untilMark`: only the tasks that start before that mark too.
  const until = untilMark === undefined ? Number.POSITIVE_INFINITY : (events.find((e) => e.name === untilMark)?.ts ?? Number.NaN);
  const main = events.find((e) => e.pid === mark.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? mark.tid;
  let longest = 0;
  for (const e of events) {
    if (e.pid !== mark.pid || e.tid !== tid || e.ph !== 'X' || (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask')) continue;
    if (side === 'before' ? e.ts < mark.ts : e.ts >= mark.ts && e.ts < until) longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  }
  return longest;
}

/** One load of `url` in a fresh Chromium (fresh profile: cold caches, as a first visit). */
export async function measureLoad(chromiumPath: string, args: readonly string[], url: string): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'dsp-bench-load-'));
  const traceFile = join(dir, 'trace.json');
  const chrome = spawn(chromiumPath, [
    ...args, '--headless', '--enable-logging=stderr', '--window-size=1280,900', `--user-data-dir=${join(dir, 'profile')}`,
    '--trace-startup=toplevel,blink.user_timing', '--trace-startup-format=json', `--trace-startup-file=${traceFile}`, `--trace-startup-duration=${TRACE_SECONDS}`,
    url,
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  try {
    const tasks = await new Promise<number[]>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error(`no result drawn within 60 s at ${url}`)), 60_000);
      chrome.stderr!.on('data', (chunk) => {
        buffer += chunk;
        const at = buffer.indexOf(`"${DONE}`);
        const end = at < 0 ? -1 : buffer.indexOf('}"', at);
        if (end < 0) return;
        clearTimeout(timer);
        resolve((JSON.parse(buffer.slice(at + 1 + DONE.length, end + 1)) as { tasks: number[] }).tasks);
      });
      chrome.on('exit', () => reject(new Error(`Chromium exited before the result was drawn at ${url}`)));
    });
    // The trace is written when its duration ends.
    const deadline = Date.now() + (TRACE_SECONDS + 30) * 1000;
    let cpu = Number.NaN;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        cpu = longestMainThreadTask((JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents, STARTUP_END, 'before');
        break;
      } catch {
        // not written (or not complete) yet
      }
    }
    return { longest: Math.max(0, ...tasks), cpu };
  } finally {
    try {
      process.kill(-chrome.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
