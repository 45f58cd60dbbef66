/**
 * Linearizability from the command line: `npm run check -- <history file>` reads a history (Porcupine's
 * jepsen etcd logs or kv logs, Jepsen/Knossos EDN histories, or a JSON history as `History.forChecker()`
 * gives it), checks it, and prints
 * one JSON object `{ verdict, model, operations, partitions, explanation, ms }`.
 *
 * Exit codes: 0 a verdict was reached (linearizable, not linearizable, or unknown when the time budget ran
 * out); 2 bad input or usage (the message names the problem and, in a file, its line or operation).
 */
import { answerUsage, type CliIo, inertIo, nodeIo, readTextFile, runIfMain } from './io';
import { checkLinearizability, HISTORY_MODELS, loadHistory, resultProse, type HistoryModelName } from '../core/checkers';

export interface CheckIo extends CliIo {
  /** A clock in ms (performance.now in Node): the budget and the printed `ms`. */
  now(): number;
}

const MODELS = HISTORY_MODELS;
type ModelName = HistoryModelName;
export const FILE_BYTES_MAX = 64 * 1024 * 1024;
const BUDGET_MS_DEFAULT = 10_000;

export const USAGE = `Usage: npm run check -- [--model register|kv|etcd] [--budget-ms <ms>] [--prose] <history file>

Checks a history for linearizability and prints one JSON object:
  { "verdict": "linearizable" | "not linearizable" | "unknown", "model", "operations", "partitions",
    "explanation", "ms" }
"unknown" means the time budget ran out before a verdict. When not linearizable, "explanation" names the
operation that cannot be placed, the longest linearizable prefix and the conflicting operations (ids).

History files (the format is detected from the first line):
  Porcupine's jepsen etcd logs   INFO  jepsen.util - 3	:invoke	:write	4          (model etcd)
  Porcupine's kv logs            {:process 0, :type :invoke, :f :get, :key "7", :value nil}   (model kv)
  Jepsen/Knossos EDN             [{:process 0, :type :invoke, :f :cas, :value [1 2]} ...]  (model cas-register,
                                 or multi-register when its operations are :txn)
  JSON                           [{"process": 0, "input": {"f": "write", "value": 1}, "output": null,
                                   "call": 0, "ret": 5}, ...]  or {"model": "kv", "operations": [...]}
                                 ("ret": null = unknown outcome, e.g. a timeout)

Examples:
  npm run check -- test-data/porcupine/jepsen/etcd_000.log
  npm run check -- --budget-ms 500 test-data/porcupine/kv/c10-bad.txt | jq .explanation

Options:
  --model <name>    register (read/write/cas), etcd (the same register, Porcupine's name), kv (get/put/append,
                    partitioned by key), cas-register (Knossos': starts at 0, a nil read matches any value),
                    multi-register (Knossos' :txn over registers x and y, both starting at 0); default: from the file
  --budget-ms <ms>  give up with "unknown" after this long (default ${BUDGET_MS_DEFAULT})
  --prose           also print the explanation in sentences on stderr
  -h, --help        this text

Exit codes: 0 a verdict (including unknown); 2 bad file or usage.
`;

type Args =
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string }
  | { kind: 'run'; path: string; model?: ModelName; budgetMs: number; prose: boolean };

function parseArgs(argv: readonly string[]): Args {
  let model: ModelName | undefined;
  let budgetMs = BUDGET_MS_DEFAULT;
  let prose = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => (arg === name ? argv[++i] : arg.slice(name.length + 1));
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--') continue;
    if (arg === '--prose') prose = true;
    else if (arg === '--model' || arg.startsWith('--model=')) {
      const raw = value('--model');
      if (!MODELS.includes(raw as ModelName)) return { kind: 'usage-error', message: `--model must be one of ${MODELS.join(', ')}, got ${JSON.stringify(raw ?? '')}` };
      model = raw as ModelName;
    } else if (arg === '--budget-ms' || arg.startsWith('--budget-ms=')) {
      const raw = value('--budget-ms');
      budgetMs = Number(raw);
      if (raw === undefined || !/^[0-9]+$/.test(raw) || !(budgetMs >= 1)) return { kind: 'usage-error', message: `--budget-ms takes a positive integer of milliseconds, got ${JSON.stringify(raw ?? '')}` };
    } else if (arg.startsWith('-')) return { kind: 'usage-error', message: `unknown option ${arg}` };
    else paths.push(arg);
  }
  if (paths.length !== 1) return { kind: 'usage-error', message: paths.length === 0 ? 'give one history file' : `give one history file, got ${paths.length}` };
  return { kind: 'run', path: paths[0], model, budgetMs, prose };
}

export async function main(argv: readonly string[], rawIo: CheckIo): Promise<number> {
  const io = inertIo(rawIo);
  const args = parseArgs(argv);
  if (args.kind === 'help' || args.kind === 'usage-error') return answerUsage(args, io, USAGE);
  const read = readTextFile(io, args.path, FILE_BYTES_MAX, 'bad history');
  if (!read.ok) {
    io.stderr(`${read.message}\n`);
    return 2;
  }
  const loaded = loadHistory(read.text, args.model);
  if (!loaded.ok) {
    io.stderr(`bad history ${args.path}: ${loaded.message}\n`);
    return 2;
  }
  const start = io.now();
  const result = checkLinearizability(loaded.model, loaded.operations, { now: () => io.now(), timeMsMax: args.budgetMs });
  const ms = Math.round((io.now() - start) * 1000) / 1000;
  const { verdict, model, operations, partitions, explanation } = result;
  io.stdout(`${JSON.stringify({ verdict, model, operations, partitions: partitions.map(({ explanation: _, ...p }) => p), explanation: explanation ?? null, ms }, null, 2)}\n`);
  if (args.prose) io.stderr(`${resultProse(result)}\n`);
  return 0;
}

export const nodeCheckIo: CheckIo = { ...nodeIo, now: () => performance.now() };

runIfMain(import.meta.url, (argv) => main(argv, nodeCheckIo));
