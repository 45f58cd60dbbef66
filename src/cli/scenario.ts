/**
 * Headless runner: `npm run scenario -- <link or file.json>` runs a lab's program in Node on the scenario a
 * link (or file) describes, and prints one JSON object `{ lab, scenario, traceHash, metrics }` to stdout.
 * Same decoding, same validation, same program and the same work budget as the app's worker, so a traceHash
 * printed here is the one the browser computes.
 *
 * Exit codes: 0 ran; 1 the run failed (over the work budget, or the program threw); 2 bad input or usage.
 */
import { BudgetExceeded, plainContext, type LabSpec } from '../labs/contract';
import { labs as registryLabs } from '../labs/registry';
import { formatCount } from '../app/links/limits';
import { errorText } from '../app/links/checkScenario';
import { WORK_BUDGET } from '../worker/api';
import { partsFor, POOL_MAX, runOnPool } from '../worker/pool';
import { availableParallelism } from 'node:os';
import { threadPool } from './threadPool';
import { answerUsage, type CliIo, inertIo, nodeIo, runIfMain } from './io';
import { readInput } from './readInput';

export type { CliIo };

export const USAGE = `Usage: npm run scenario -- [--budget <units>] <link | file.json>

Runs a lab's program on a scenario in Node and prints one JSON object:
  { "lab": …, "scenario": …, "traceHash": …, "metrics": … }   (metrics: numbers; one without data is left out)

The scenario comes from:
  a full link     'http://localhost:5173/#/consistent-hashing?v=1&s=1&e=1&nodes=5&seed=7&vnodes=100'
  a fragment      '#/consistent-hashing?v=1&s=1&e=1&nodes=5'  or  '/consistent-hashing?v=1&z=…'
  a JSON file     scenario.json holding {"lab": "consistent-hashing", "scenario": {"nodes": 5, …}}
                  (missing keys take the lab's defaults; an optional "version" names an older schema)

Examples:
  npm run scenario -- '#/consistent-hashing?v=1&s=1&e=1&nodes=5&seed=7&vnodes=100'
  npm run scenario -- ./scenario.json | jq .traceHash
  npm run scenario -- --budget 1000000000 '/consistent-hashing?v=1&s=1&e=1&keys=1000000'

Options:
  --budget <units>  work budget of the run (default ${formatCount(WORK_BUDGET)}, the app's)
  --threads <n>     worker threads for batch experiments such as PBS trials (default: one per core, at
                    most ${POOL_MAX}); any count gives the same trace hash
  -h, --help        this text

Quote links in the shell: '&' and '#' are special there.
Exit codes: 0 ran; 1 the run failed (budget, program error); 2 bad link, file or usage.
`;

export async function main(argv: readonly string[], rawIo: CliIo, labs: readonly LabSpec[] = registryLabs): Promise<number> {
  const io = inertIo(rawIo);
  const args = parseArgs(argv);
  if (args.kind === 'help' || args.kind === 'usage-error') return answerUsage(args, io, USAGE);
  const input = readInput(args.input, labs, io.readFile);
  if (!input.ok) {
    io.stderr(`${input.message}\n`);
    return 2;
  }
  for (const note of input.notes) io.stderr(`${note}\n`);
  const { lab, scenario } = input;
  try {
    const cost = lab.cost(scenario);
    if (!(cost <= args.budget)) {
      io.stderr(`the run would cost ${formatCount(cost)} work units; the budget is ${formatCount(args.budget)} (raise it with --budget)\n`);
      return 1;
    }
    const { program, batch } = await lab.loadProgram();
    let result;
    if (batch && partsFor(batch.units(scenario), args.threads, batch.minUnitsPerPart) > 1) {
      const pool = threadPool(args.threads, args.budget);
      try {
        const reply = await runOnPool(pool, lab.id, batch, scenario, plainContext(args.budget));
        if (!reply.ok) throw new Error(reply.error.message);
        result = reply.result;
      } finally {
        await pool.close();
      }
    } else {
      result = program(scenario, plainContext(args.budget));
    }
    if (result.stoppedAtLimit) io.stderr(`note: the run stopped at a limit: ${result.stoppedAtLimit}\n`);
    io.stdout(`${JSON.stringify({ lab: lab.id, scenario, traceHash: result.traceHash, metrics: printedMetrics(result.metrics) }, null, 2)}\n`);
    return 0;
  } catch (error) {
    io.stderr(error instanceof BudgetExceeded ? `the run was stopped: ${error.message}\n` : `the program failed: ${errorText(error)}\n`);
    return 1;
  }
}

type Args = { kind: 'help' } | { kind: 'usage-error'; message: string } | { kind: 'run'; input: string; budget: number; threads: number };

function parseArgs(argv: readonly string[]): Args {
  let budget = WORK_BUDGET;
  let threads = Math.min(POOL_MAX, availableParallelism());
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--budget' || arg.startsWith('--budget=')) {
      const raw = arg === '--budget' ? argv[++i] : arg.slice('--budget='.length);
      budget = Number(raw);
      if (raw === undefined || !/^[0-9]+$/.test(raw) || !(budget >= 1)) {
        return { kind: 'usage-error', message: `--budget takes a positive integer of work units, got ${JSON.stringify(raw ?? '')}` };
      }
    } else if (arg === '--threads' || arg.startsWith('--threads=')) {
      const raw = arg === '--threads' ? argv[++i] : arg.slice('--threads='.length);
      threads = Number(raw);
      if (raw === undefined || !/^[0-9]+$/.test(raw) || !(threads >= 1 && threads <= POOL_MAX)) {
        return { kind: 'usage-error', message: `--threads takes an integer 1..${POOL_MAX}, got ${JSON.stringify(raw ?? '')}` };
      }
    } else if (arg === '--') {
      continue;
    } else if (arg.startsWith('--')) {
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length !== 1) {
    return { kind: 'usage-error', message: inputs.length === 0 ? 'give one link or file.json' : `give one link or file, got ${inputs.length}` };
  }
  return { kind: 'run', input: inputs[0], budget, threads };
}

/**
 * The metrics as printed: numbers only. A metric with no data (a median of no writes is NaN, which JSON
 * would print as null) is left out, so every printed metric is a number a script can compare.
 */
export function printedMetrics(metrics: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([, value]) => Number.isFinite(value)));
}

runIfMain(import.meta.url, (argv) => main(argv, nodeIo));

