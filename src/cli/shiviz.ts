/**
 * ShiViz logs from the command line: `npm run shiviz -- <log file> [--regex R] [--delimiter D]` reads a log
 * with ShiViz's parser options (or, without --regex, the first two lines of a file in ShiViz's upload
 * format, else ShiViz's default parser), checks it by ShiViz's rules (src/core/causality/shiviz) and prints
 * one JSON object: `{ hosts, events, executions, concurrentPairs, perExecution }`.
 *
 * Exit codes: 0 the log is well formed; 2 bad usage, an unreadable file, or a malformed log (each problem
 * on stderr with its line: a clock that is not JSON, not the merge of its parents, a broken counter...).
 */
import { importShiVizJob, importSummary, runJob, SHIVIZ_LIMITS, type LogProblem, type ShiVizOptions } from '../core/causality';
import { type CliIo, inertIo, nodeIo, readTextFile, runIfMain } from './io';

/** Problems printed on stderr at most (the rest are counted). */
const PROBLEMS_SHOWN_MAX = 20;

export const USAGE = `Usage: npm run shiviz -- <log file> [--regex R] [--delimiter D]

Reads a ShiViz log (https://github.com/DistributedClocks/shiviz), checks it by ShiViz's rules and prints one
JSON object:
  { "hosts", "events", "executions", "concurrentPairs",
    "perExecution": [{ "label", "hosts", "events", "concurrentPairs" }] }
concurrentPairs counts unordered pairs of events (in one execution) that neither happened before the other.

Options (ShiViz's own parser options):
  --regex R      the parser: a regular expression with the named groups (?<event>…), (?<host>…) and
                 (?<clock>…) (flags g and m). Default: the file's first line when the file is in ShiViz's
                 upload format (line 1 the parser, line 2 the delimiter), else ShiViz's default
                 (?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})
  --delimiter D  splits the log into executions; its (?<trace>…) group names each
  -h, --help     this text

Examples:
  npm run shiviz -- test-data/shiviz/RpcClientServer.log
  npm run shiviz -- test-data/shiviz/simpledb.log
  npm run shiviz -- test-data/shiviz/chord.log --regex '(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)'

Exit codes: 0 a well-formed log; 2 bad usage, file or log (each problem on stderr with its line).
Limits: ${SHIVIZ_LIMITS.eventsMax.toLocaleString('en-US')} events (eventsMax), ${SHIVIZ_LIMITS.hostsMax} hosts (hostsMax), ${SHIVIZ_LIMITS.executionsMax} executions (executionsMax).
`;

type Args = { kind: 'help' } | { kind: 'usage-error'; message: string } | { kind: 'run'; path: string; options: ShiVizOptions };

function parseArgs(argv: readonly string[]): Args {
  const options: ShiVizOptions = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--') continue;
    const flag = ['--regex', '--delimiter'].find((name) => arg === name || arg.startsWith(`${name}=`));
    if (flag) {
      const value = arg === flag ? argv[++i] : arg.slice(flag.length + 1);
      if (value === undefined) return { kind: 'usage-error', message: `${flag} needs a regular expression` };
      if (flag === '--regex') options.regex = value;
      else options.delimiter = value;
    } else if (arg.startsWith('-')) return { kind: 'usage-error', message: `unknown option ${arg}` };
    else paths.push(arg);
  }
  if (paths.length !== 1) return { kind: 'usage-error', message: paths.length === 0 ? 'give one log file' : `give one log file, got ${paths.length}` };
  return { kind: 'run', path: paths[0], options };
}

function where(problem: LogProblem): string {
  return problem.line > 0 ? `line ${problem.line}: ` : '';
}

export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = inertIo(rawIo);
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.kind === 'usage-error') {
    io.stderr(`${args.message}\nRun with --help for usage.\n`);
    return 2;
  }
  const read = readTextFile(io, args.path, SHIVIZ_LIMITS.textBytesMax, 'bad log');
  if (!read.ok) {
    io.stderr(`${read.message}\n`);
    return 2;
  }
  const imported = runJob(importShiVizJob(read.text, args.options));
  if (imported.refused) {
    io.stderr(`bad log ${args.path}: ${where(imported.refused)}${imported.refused.message}\n`);
    return 2;
  }
  if (imported.problemCount > 0) {
    const shown = imported.problems.slice(0, PROBLEMS_SHOWN_MAX);
    const more = imported.problemCount - shown.length;
    io.stderr(`bad log ${args.path}: ${imported.problemCount} problem${imported.problemCount === 1 ? '' : 's'}\n${shown.map((p) => `  ${where(p)}${p.message}\n`).join('')}${more > 0 ? `  … and ${more} more\n` : ''}`);
    return 2;
  }
  const perExecution = imported.executions.map((x) => ({ label: x.label, hosts: x.run.graph.lanes.length, events: x.run.graph.count, concurrentPairs: x.concurrentPairs }));
  io.stdout(`${JSON.stringify({ ...importSummary(imported), perExecution }, null, 2)}\n`);
  return 0;
}

runIfMain(import.meta.url, (argv) => main(argv, nodeIo));
