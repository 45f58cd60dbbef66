/**
 * Linearizability checker benchmark (issue 5, item 9): our checker over all of Porcupine's test histories
 * (test-data/porcupine, a copy of ../shared/data/porcupine: 102 etcd logs, 4 kv logs; total and slowest, medians of a few runs), the kv
 * logs without partitioning by key (what P-compositionality buys), generated register histories of 10^4
 * operations (linearizable, and with one stale read), and histories of 10^4 operations the quorums lab
 * itself produces (its operation limit raised past the UI's 2,000).
 *
 * Porcupine's own Go timings (notes/performance.md) are printed beside ours as REFERENCE numbers: they were
 * NOT measured in this run nor by this script (Go is not run here), so no line claims a ratio against them.
 *
 * `npx tsx bench/checker.ts` prints the lines; `npm run bench -- checker` prints them in the table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkLinearizability, generateRegisterHistory, kvModel, kvUnpartitionedModel, parseJepsenLog, parseKvLog, registerModel, type CheckOp, type Model } from '../src/core/checkers';
import { rng } from '../src/core/random/rng';
import { runStore } from '../src/sim/kit/leaderless/store';
import { defaults as quorumDefaults, type QuorumsScenario } from '../src/labs/quorums/scenario';
import { spec as quorumSpec } from '../src/labs/quorums/index';
import { medianMs, type BenchLine } from './report';

const REPETITIONS = 3;
const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../test-data/porcupine');
/** Porcupine (Go, one thread) on the same histories, from notes/performance.md: not measured here. */
const PORCUPINE_REFERENCE_MS = { etcdTotal: 566, etcd002: 216, kvC50Ok: 211, kvC10Unpartitioned: '4000-5000' };

type AnyModel = Model<unknown, unknown, unknown>;

/** Lab histories: 10^4 operations of 8 concurrent clients (the lab's maximum). */
const QUORUM_OPS = 10_000;
const quorumPreset = (id: string): QuorumsScenario => quorumSpec.presets.find((p) => p.id === id)!.scenario;
const QUORUM_HISTORIES: [string, QuorumsScenario, string][] = [
  ['N=3 W=R=2 with write-back, 8 clients', { ...quorumDefaults, ops: QUORUM_OPS, clients: 8 }, 'linearizable'],
  ['W=R=1 preset, 8 clients', { ...quorumPreset('w1-r1'), ops: QUORUM_OPS, clients: 8 }, 'not linearizable'],
  ['sloppy quorum under partition, 8 clients', { ...quorumPreset('sloppy-partition'), ops: QUORUM_OPS, clients: 8 }, 'not linearizable'],
];
const line = (name: string, value: number, unit = 'ms'): BenchLine => ({ section: 'checker', name, value, unit });

function time(model: AnyModel, ops: CheckOp<unknown, unknown>[], expected?: string): number {
  const check = () => {
    const result = checkLinearizability(model, ops);
    if (expected && result.verdict !== expected) throw new Error(`bench: verdict ${result.verdict}, expected ${expected}`);
  };
  check(); // warm-up
  return medianMs(REPETITIONS, check);
}

export async function run(): Promise<BenchLine[]> {
  if (!existsSync(join(DATA, 'jepsen'))) throw new Error(`Porcupine's histories are expected in ${DATA}`);
  const register = registerModel({ name: 'etcd' }) as unknown as AnyModel;
  const lines: BenchLine[] = [];
  let total = 0;
  let slowest = { name: '', ms: 0 };
  for (const file of readdirSync(join(DATA, 'jepsen')).sort()) {
    const parsed = parseJepsenLog(readFileSync(join(DATA, 'jepsen', file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
    if (parsed.operations.length === 0) continue;
    const ms = time(register, parsed.operations as CheckOp<unknown, unknown>[]);
    total += ms;
    if (ms > slowest.ms) slowest = { name: file, ms };
  }
  lines.push(line('102 etcd histories: total of per-history medians (ours)', total));
  lines.push(line(`102 etcd histories: slowest, ${slowest.name} (ours)`, slowest.ms));
  lines.push(line('102 etcd histories: total, Porcupine Go (reference, NOT measured here)', PORCUPINE_REFERENCE_MS.etcdTotal));
  lines.push(line('etcd_002: Porcupine Go (reference, NOT measured here)', PORCUPINE_REFERENCE_MS.etcd002));

  for (const name of ['c01-ok', 'c01-bad', 'c10-ok', 'c10-bad']) {
    const parsed = parseKvLog(readFileSync(join(DATA, 'kv', `${name}.txt`), 'utf8'));
    if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
    const expected = name.endsWith('ok') ? 'linearizable' : 'not linearizable';
    const ops = parsed.operations as CheckOp<unknown, unknown>[];
    lines.push(line(`kv ${name}: partitioned by key (ours)`, time(kvModel() as unknown as AnyModel, ops, expected)));
    if (name.startsWith('c10')) {
      // Seconds each: one run, no warm-up.
      const start = performance.now();
      const verdict = checkLinearizability(kvUnpartitionedModel() as unknown as AnyModel, ops).verdict;
      lines.push(line(`kv ${name}: unpartitioned, one run (ours; ${verdict})`, performance.now() - start));
    }
  }
  lines.push(line('kv c10 unpartitioned: Porcupine Go, ms (reference, NOT measured here: "4-5 s")', 4500));
  lines.push(line('kv c50-ok partitioned: Porcupine Go (reference, NOT measured; file not copied here)', PORCUPINE_REFERENCE_MS.kvC50Ok));

  for (const [name, scenario, expected] of QUORUM_HISTORIES) {
    const { history } = runStore(scenario);
    const ops = history as unknown as CheckOp<unknown, unknown>[];
    lines.push(line(`quorums lab, ${ops.length.toLocaleString('en-US')} ops, ${name} (ours; ${expected})`, time(registerModel() as unknown as AnyModel, ops, expected)));
  }

  for (const staleReads of [0, 1]) {
    const { operations } = generateRegisterHistory(rng(`bench-${staleReads}`), { operations: 10_000, staleReads, timeoutPercent: staleReads ? 0 : 1 });
    const expected = staleReads ? 'not linearizable' : 'linearizable';
    lines.push(line(`generated register, 10^4 ops, ${staleReads ? 'one stale read' : 'linearizable, 1% timeouts'} (ours)`, time(registerModel() as unknown as AnyModel, operations as CheckOp<unknown, unknown>[], expected)));
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await run()) console.log(l.name.padEnd(90), l.value.toFixed(1), l.unit);
}
