/**
 * Stage benchmark (Node): the per-frame cost of layoutAt (src/viz/stage/layoutAt.ts) at the two
 * scales, and the worker-side cost of buildStage over a run of 10^6 messages.
 *
 *   9 nodes, ~1,000 messages in flight      cards tier: every dot placed
 *   1,000 nodes, ~3,000 in flight           aggregate tier: bundles counted, dots sampled
 *   buildStage, 10^6 messages               send + deliver rows, latency 1-50 ms over 10 s, 1% held 0.2-2 s
 *
 * A frame is layoutAt at one t; times are medians over many t spread over the run (the frame budget in
 * the browser is 20 ms p95 for everything: layout, canvas and overlay). `npx tsx bench/stage.ts` prints
 * the lines; `npm run bench -- stage` prints them in the table.
 */
import { pathToFileURL } from 'node:url';
import type { StageData } from '../src/core/stage/types';
import { buildStage } from '../src/sim/stage/buildStage';
import type { TraceColumns } from '../src/sim/trace';
import { TraceKind } from '../src/sim/traceKind';
import { stageGeometry } from '../src/viz/stage/geometry';
import { createFrame, layoutAt } from '../src/viz/stage/layoutAt';
import { busyStage } from '../src/viz/stage/testing/synthetic';
import { chooseTier } from '../src/viz/stage/tier';
import { medianMs, type BenchLine } from './report';

/** layoutAt's share of a 20 ms frame we accept. */
const FRAME_MS_TARGET = 2;
/** buildStage over 10^6 messages, in the worker. */
const BUILD_MS_TARGET = 1000;

function frameMs(data: StageData, width: number, height: number): { ms: number; p95: number; dots: number } {
  const plan = chooseTier(data.nodeNames.length, data.peakInFlight);
  const g = stageGeometry({ width, height, nodeCount: data.nodeNames.length, tier: plan.tier });
  const frame = createFrame(data, g);
  const options = { sampleEvery: plan.sampleEvery, bundles: plan.tier === 'aggregate' };
  const times: number[] = [];
  let dots = 0;
  for (let i = 0; i < 600; i++) {
    const t = data.horizon * (0.05 + (0.9 * ((i * 37) % 600)) / 600);
    const start = performance.now();
    layoutAt(data, g, t, frame, options);
    times.push(performance.now() - start);
    dots = Math.max(dots, frame.dotCount);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], dots };
}

/** 10^6 messages as trace columns (send at t, deliver at t + latency), in time order, 1 tick = 1 µs. */
function bigTrace(messages: number): TraceColumns {
  const rows: { t: number; kind: number; from: number; to: number; id: number }[] = [];
  for (let id = 0; id < messages; id++) {
    const t = Math.floor((id * 10_000_000) / messages);
    const latency = id % 100 === 0 ? 200_000 + ((id * 7919) % 1_800_000) : 1000 + ((id * 7919) % 49_000);
    rows.push({ t, kind: TraceKind.send, from: id % 9, to: (id + 1) % 9, id }, { t: t + latency, kind: TraceKind.deliver, from: id % 9, to: (id + 1) % 9, id });
  }
  rows.sort((a, b) => a.t - b.t);
  const n = rows.length;
  return {
    length: n, hash: '', time: Float64Array.from(rows, (r) => r.t), kind: Uint8Array.from(rows, (r) => r.kind),
    from: Int32Array.from(rows, (r) => r.from), to: Int32Array.from(rows, (r) => r.to), payload: Int32Array.from(rows, (r) => r.id),
  };
}

export async function run(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const cases = [
    { name: '9 nodes, ~1,000 in flight', data: busyStage(9, 1000, 2000) },
    { name: '1,000 nodes, ~3,000 in flight (aggregate)', data: busyStage(1000, 3000, 2000) },
  ];
  for (const c of cases) {
    const r = frameMs(c.data, 1000, 600);
    lines.push({ section: 'stage', name: `layoutAt ${c.name}: median frame (${r.dots} dots)`, value: r.ms, unit: 'ms', target: `<= ${FRAME_MS_TARGET} ms`, ok: r.ms <= FRAME_MS_TARGET });
    lines.push({ section: 'stage', name: `layoutAt ${c.name}: p95 frame`, value: r.p95, unit: 'ms' });
  }
  const trace = bigTrace(1_000_000);
  const nodeNames = Array.from({ length: 9 }, (_, i) => `n${i}`);
  buildStage({ trace, ticksPerUnit: 1000, timeUnit: 'ms', nodeNames }); // warm-up
  const ms = medianMs(3, () => void buildStage({ trace, ticksPerUnit: 1000, timeUnit: 'ms', nodeNames }));
  lines.push({ section: 'stage', name: 'buildStage, 10^6 messages (worker side)', value: ms, unit: 'ms', target: `<= ${BUILD_MS_TARGET} ms`, ok: ms <= BUILD_MS_TARGET });
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line.name.padEnd(70), line.value.toPrecision(3), line.unit, line.target ?? '');
}
