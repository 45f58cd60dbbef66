/**
 * Space-time diagram benchmark (Node; issue 11): the work behind the diagram at its two scales.
 *
 *   vector clocks, 50 lanes x 10^5 events     ours (deltas + checkpoints) against a dense peer (a full
 *                                              lanes-wide clock per event) in the same run, time and bytes
 *   layout of one frame, 10^4 and 10^5 events the whole run in view (pixel-column dedupe, edge sample) and
 *                                              zoomed x10, median and p95 over frames panned across the run
 *   a lab's StageData -> CausalRun, 10^5       the job <SpaceTimeFromStage> runs in slices (total, and its
 *                                              longest slice: the main-thread task it would cost)
 *   ShiViz import of 10^5 events               the synthetic run exported as a ShiViz log, parsed back
 *
 * Times are CPU ms (user + system; wall time swings with a shared machine's load), medians of round-robin
 * repetitions (bench/timing.ts) where repeated. First draw and frame p95 while panning are measured in Chromium:
 *   VITE_SPACETIME_PERF=1 npx vitest run --project browser src/viz/spaceTime/SpaceTime.perf.browser.test.tsx
 * `npx tsx bench/spaceTime.ts` prints the lines; `npm run bench -- spaceTime` prints them in the table.
 */
import { pathToFileURL } from 'node:url';
import { computeClocks, exportShiViz, importShiVizJob, makeGraph, runJob } from '../src/core/causality';
import { causalRunFromStageJob } from '../src/core/causality/fromStage';
import { bigColumns, bigRun } from '../src/core/causality/testing/bigRun';
import type { CausalGraph, CausalRun, Job } from '../src/core/causality/types';
import { busyStage } from '../src/viz/stage/testing/synthetic';
import { createFrame, frameCapacity, layoutFrame } from '../src/viz/spaceTime/layout';
import { clampView, initialView, panBy, spaceTimeGeometry, zoomAt } from '../src/viz/spaceTime/view';
import type { BenchLine } from './report';
import { retainedBytes, roundRobin } from './timing';

const LANES = 50;
/** Targets (Node, CPU): clocks for 10^5 events; one frame's layout at 10^5 (of a 16 ms frame, beside drawing). */
const CLOCKS_MS_TARGET = 150;
const LAYOUT_MS_TARGET = 4;
/** A job slice: the longest uninterrupted step must leave room in a 50 ms main-thread task. */
const SLICE_MS_TARGET = 20;

const line = (name: string, value: number, unit: string, target?: string, ok?: boolean): BenchLine => ({ section: 'spaceTime', name, value, unit, ...(target ? { target, ok } : {}) });

/** The peer: every event's whole clock as a dense row (what a naive implementation keeps). */
function denseClocks(g: CausalGraph): Uint32Array {
  const L = g.lanes.length;
  const out = new Uint32Array(g.count * L);
  const last = new Int32Array(L).fill(-1);
  for (let e = 0; e < g.count; e++) {
    const l = g.lane[e];
    const row = e * L;
    if (last[l] >= 0) out.copyWithin(row, last[l] * L, last[l] * L + L);
    for (let i = g.inOffsets[e]; i < g.inOffsets[e + 1]; i++) {
      const p = g.edgeFrom[g.inEdges[i]] * L;
      for (let k = 0; k < L; k++) if (out[p + k] > out[row + k]) out[row + k] = out[p + k];
    }
    out[row + l] = g.seq[e] + 1;
    last[l] = e;
  }
  return out;
}

function clockLines(): BenchLine[] {
  const graph = makeGraph(bigColumns(LANES, 100_000));
  const t = roundRobin({ ours: () => void computeClocks(graph), dense: () => void denseClocks(graph) }, 5);
  const ours = computeClocks(graph);
  const bytes = ours.lamport.byteLength + ours.deltaOffsets.byteLength + ours.deltaLane.byteLength + ours.deltaValue.byteLength + ours.checkpoints.byteLength;
  return [
    line(`vector clocks, ${LANES} lanes x 10^5 events (${graph.edgeCount.toLocaleString('en-US')} messages): ours`, t.ours.cpuMs, 'ms', `<= ${CLOCKS_MS_TARGET} ms`, t.ours.cpuMs <= CLOCKS_MS_TARGET),
    line('vector clocks, same: dense peer (a full clock per event)', t.dense.cpuMs, 'ms'),
    line('vector clocks, same: ours, bytes kept (Lamport + deltas + checkpoints)', bytes, 'bytes'),
    line('vector clocks, same: dense peer, bytes kept', retainedBytes(() => denseClocks(graph)), 'bytes'),
  ];
}

/** Per-frame CPU ms of layoutFrame over 200 windows panned across the run: median and p95. */
function frameMs(run: CausalRun, zoom: number): { median: number; p95: number; drawn: number } {
  const g = spaceTimeGeometry(1200, 800);
  const full = initialView(LANES, run.horizon, g);
  let view = zoomAt(full, zoom, run.horizon * 0.1);
  const frame = createFrame(frameCapacity(g, view.laneHeight), LANES);
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    // Back and forth across the run, as a reader drags (kept on the run by clampView).
    view = clampView(panBy(view, i % 100 < 50 ? -4 : 4, 0, g), LANES, run.horizon, g);
    const start = process.cpuUsage();
    layoutFrame(run, view, g, frame);
    const used = process.cpuUsage(start);
    if (i >= 20) times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], drawn: frame.eventCount };
}

function layoutLines(): BenchLine[] {
  const lines: BenchLine[] = [];
  for (const events of [10_000, 100_000]) {
    const run = bigRun(LANES, events);
    for (const [what, zoom] of [['whole run', 1], ['zoomed x10', 0.1]] as const) {
      const r = frameMs(run, zoom);
      const name = `layout of one frame, ${LANES} x ${events.toLocaleString('en-US')} events, ${what} (${r.drawn.toLocaleString('en-US')} drawn)`;
      lines.push(line(`${name}: median`, r.median, 'ms', events === 100_000 && zoom === 1 ? `<= ${LAYOUT_MS_TARGET} ms` : undefined, r.median <= LAYOUT_MS_TARGET));
      lines.push(line(`${name}: p95`, r.p95, 'ms'));
    }
  }
  return lines;
}

/**
 * A job's total and its longest slice (one next()), in wall ms: the job runs RUNS times, every run takes the
 * same slices, and each slice counts its fastest run. On a shared machine a slice's wall time in one run also
 * counts the time the OS gave the core to others, and the process's CPU time counts V8's background threads
 * (concurrent marking, compiling), neither of which blocks the main thread; the fastest of several runs is
 * the slice's own work.
 */
function jobTimes<T>(make: () => Job<T>, runs = 5): { total: number; longest: number } {
  runJob(make()); // warm-up (and a long string's flattening, which a pasted or loaded text has had already)
  let fastest: number[] = [];
  for (let r = 0; r < runs; r++) {
    const job = make();
    for (let i = 0; ; i++) {
      const start = performance.now();
      const next = job.next();
      const ms = performance.now() - start;
      fastest[i] = i < fastest.length ? Math.min(fastest[i], ms) : ms;
      if (next.done) break;
    }
  }
  fastest = fastest.filter(Number.isFinite);
  return { total: fastest.reduce((a, b) => a + b, 0), longest: Math.max(...fastest) };
}

function loadLines(): BenchLine[] {
  const stage = busyStage(LANES, 250, 2000);
  const fromStage = jobTimes(() => causalRunFromStageJob(stage));
  const log = exportShiViz(bigRun(LANES, 100_000));
  const imported = jobTimes(() => importShiVizJob(log));
  return [
    line(`StageData -> causal run, ${stage.events.count.toLocaleString('en-US')} trace rows (${LANES} nodes): total`, fromStage.total, 'ms'),
    line('StageData -> causal run: longest slice', fromStage.longest, 'ms', `<= ${SLICE_MS_TARGET} ms`, fromStage.longest <= SLICE_MS_TARGET),
    line(`ShiViz import, 10^5 events (${(log.length / 1e6).toFixed(1)} M chars): total`, imported.total, 'ms'),
    line('ShiViz import: longest slice', imported.longest, 'ms', `<= ${SLICE_MS_TARGET} ms`, imported.longest <= SLICE_MS_TARGET),
  ];
}

export async function run(): Promise<BenchLine[]> {
  return [...clockLines(), ...layoutLines(), ...loadLines()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((lines) => lines.forEach((l) => console.log(`${l.name}: ${l.value.toFixed(2)} ${l.unit}${l.target ? ` (target ${l.target}: ${l.ok ? 'ok' : 'MISS'})` : ''}`)));
}
