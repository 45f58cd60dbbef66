/**
 * Event engine benchmark: the same 5-node message-passing loop on three engines, measured round-robin in
 * one process (median of a few runs each), so the ratios carry over between machines:
 *
 *   ours    src/sim Simulation with trace recording (typed columns + incremental hash) and a per-link
 *           uniform latency drawn from its own stream;
 *   simjs   the npm package `simjs` (objects in an array heap, callbacks per message);
 *   bare    a struct-of-arrays binary heap loop written here: the floor any engine pays for ordering.
 *
 * Workload: 5 nodes, each starts with 200 tokens in flight (1,000 pending events); a node receiving a token
 * forwards it to the next node after a uniform 1..1000 tick delay; 10^6 deliveries.
 *
 * `npx tsx bench/engine.ts` prints the lines; `npm run bench -- engine` prints them in the shared table.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { rng } from '../src/core/random/rng';
import { Simulation } from '../src/sim';
import type { BenchLine } from './report';

const NODES = 5;
const TOKENS_PER_NODE = 200;
const EVENTS = 1_000_000;
const DELAY_MAX = 1000;
const REPETITIONS = 7;

/** Ours: the real engine, trace on. Returns the events handled (checked against EVENTS). */
function runOurs(): number {
  const sim = new Simulation<number>({
    seed: 1,
    nodes: NODES,
    network: { latency: { kind: 'uniform', minTicks: 1, maxTicks: DELAY_MAX } },
    limits: { maxEvents: EVENTS },
    protocol: (ctx) => {
      const next = (ctx.id + 1) % NODES;
      return {
        onStart() {
          for (let k = 0; k < TOKENS_PER_NODE; k++) ctx.send(next, k);
        },
        onMessage(_from, token) {
          ctx.send(next, token);
        },
      };
    },
  });
  sim.run();
  if (sim.trace.length < 2 * EVENTS) throw new Error(`trace too short: ${sim.trace.length}`);
  return sim.events;
}

interface SimJs {
  Sim: new () => { addEntity(klass: unknown, name: string, ...args: unknown[]): SimJsEntity; simulate(end: number, max: number): boolean };
  Entity: new (...args: unknown[]) => SimJsEntity;
}
interface SimJsEntity {
  send(message: unknown, delay: number, to: unknown): void;
}

let simjsModule: SimJs | undefined;

/** simjs is a browserify bundle that only publishes itself on `window.Sim`: lend it a window once. */
function loadSimJs(): SimJs {
  if (simjsModule) return simjsModule;
  const global = globalThis as Record<string, unknown>;
  const hadWindow = 'window' in global;
  if (!hadWindow) global.window = globalThis;
  createRequire(import.meta.url)('simjs');
  simjsModule = global.Sim as SimJs;
  if (!hadWindow) delete global.window;
  if (!simjsModule) throw new Error('simjs did not define window.Sim');
  return simjsModule;
}

function runSimJs(): number {
  const { Sim, Entity } = loadSimJs();
  const draw = rng(1);
  let delivered = 0;
  const entities: (SimJsEntity & { next: SimJsEntity })[] = [];
  class Node extends Entity {
    next!: SimJsEntity;
    start(): void {}
    onMessage(_sender: unknown, token: number): void {
      delivered++;
      this.send(token, 1 + draw.int(DELAY_MAX), this.next);
    }
  }
  const sim = new Sim();
  for (let i = 0; i < NODES; i++) entities.push(sim.addEntity(Node, `n${i}`) as SimJsEntity & { next: SimJsEntity });
  for (let i = 0; i < NODES; i++) entities[i].next = entities[(i + 1) % NODES];
  for (const e of entities) for (let k = 0; k < TOKENS_PER_NODE; k++) e.send(k, 1 + draw.int(DELAY_MAX), e.next);
  // simulate() counts one more event than it handles before giving up.
  sim.simulate(Infinity, EVENTS);
  return delivered;
}

/** The yardstick: (time, seq, node) columns in a binary heap, one pop and one push per event. */
function runBare(): number {
  const draw = rng(1);
  const capacity = NODES * TOKENS_PER_NODE + 1;
  const times = new Float64Array(capacity);
  const seqs = new Float64Array(capacity);
  const nodes = new Int32Array(capacity);
  let size = 0;
  let seqNext = 0;
  const push = (time: number, node: number): void => {
    const seq = seqNext++;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < time || (times[p] === time && seqs[p] < seq)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      nodes[i] = nodes[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    nodes[i] = node;
  };
  const pop = (): number => {
    const top = nodes[0];
    const n = --size;
    const time = times[n];
    const seq = seqs[n];
    const node = nodes[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (times[c + 1] < times[c] || (times[c + 1] === times[c] && seqs[c + 1] < seqs[c]))) c++;
      if (time < times[c] || (time === times[c] && seq < seqs[c])) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      nodes[i] = nodes[c];
      i = c;
    }
    times[i] = time;
    seqs[i] = seq;
    nodes[i] = node;
    return top;
  };
  for (let node = 0; node < NODES; node++) {
    for (let k = 0; k < TOKENS_PER_NODE; k++) push(1 + draw.int(DELAY_MAX), (node + 1) % NODES);
  }
  for (let e = 0; e < EVENTS; e++) {
    const now = times[0];
    const node = pop();
    push(now + 1 + draw.int(DELAY_MAX), (node + 1) % NODES);
  }
  return EVENTS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<BenchLine[]> {
  const engines = { ours: runOurs, simjs: runSimJs, bare: runBare };
  const times: Record<keyof typeof engines, number[]> = { ours: [], simjs: [], bare: [] };
  // CPU time (user + system) beside wall time: on a shared 2-core machine wall time swings with the
  // neighbours' load, CPU time much less.
  const cpu: Record<keyof typeof engines, number[]> = { ours: [], simjs: [], bare: [] };
  for (const fn of Object.values(engines)) fn(); // warm-up
  for (let r = 0; r < REPETITIONS; r++) {
    for (const [name, fn] of Object.entries(engines) as [keyof typeof engines, () => number][]) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const events = fn();
      const cpuUsed = process.cpuUsage(cpuStart);
      times[name].push(performance.now() - start);
      cpu[name].push((cpuUsed.user + cpuUsed.system) / 1000);
      if (events < EVENTS - 1) throw new Error(`${name} handled ${events} events, expected ${EVENTS}`);
    }
  }
  const rate = (name: keyof typeof engines) => EVENTS / (median(times[name]) / 1000);
  const ours = rate('ours');
  const simjs = rate('simjs');
  const bare = rate('bare');
  const workload = `5-node loop, 10^6 events, 1,000 pending`;
  return [
    { section: 'engine', name: `${workload}: ours with trace`, value: ours, unit: 'events/s', target: '>= simjs', ok: ours >= simjs },
    { section: 'engine', name: `${workload}: simjs`, value: simjs, unit: 'events/s' },
    { section: 'engine', name: 'ours vs simjs (speed-up)', value: ours / simjs, unit: 'x' },
    { section: 'engine', name: `${workload}: bare SoA heap loop`, value: bare, unit: 'events/s' },
    { section: 'engine', name: 'ours / bare heap loop (slowdown)', value: bare / ours, unit: 'x', target: '<= 3x', ok: bare / ours <= 3 },
    { section: 'engine', name: '10^6 events with trace (ours)', value: median(times.ours), unit: 'ms', target: '<= 2,000 ms', ok: median(times.ours) <= 2000 },
    { section: 'engine', name: 'ours vs simjs, CPU time (speed-up)', value: median(cpu.simjs) / median(cpu.ours), unit: 'x' },
    { section: 'engine', name: 'ours / bare heap loop, CPU time (slowdown)', value: median(cpu.ours) / median(cpu.bare), unit: 'x' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await run()) {
    const verdict = line.ok === undefined ? '' : line.ok ? 'ok' : 'MISS';
    console.log(`${verdict.padEnd(5)}${line.name.padEnd(52)}${line.value.toFixed(line.value >= 100 ? 0 : 2).padStart(14)} ${line.unit}${line.target ? `  (target ${line.target})` : ''}`);
  }
}
