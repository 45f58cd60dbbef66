/**
 * `npm run bench`: every benchmark, peers measured side by side in the same run, printed as one table.
 * `npm run bench -- ring engine` runs only those sections. Figures are medians; ratios are what carries
 * over between machines (absolute times here are noisy, +-30%).
 */
import type { BenchLine } from './report';

const sections: Record<string, () => Promise<{ run(): Promise<BenchLine[]> }>> = {
  ring: () => import('./ring'),
  edit: () => import('./edit'),
  engine: () => import('./engine'),
  partitioning: () => import('./partitioning'),
  checker: () => import('./checker'),
  pbs: () => import('./pbs'),
  stage: () => import('./stage'),
  spaceTime: () => import('./spaceTime'),
  bloom: () => import('./bloom'),
  crdt: () => import('./crdt'),
  raft: () => import('./raft'),
  queues: () => import('./queues'),
  failure: () => import('./failure'),
  bundle: () => import('./bundle'),
  browser: () => import('./browser'),
};

function format(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = wanted.length > 0 ? wanted : Object.keys(sections);
  const lines: BenchLine[] = [];
  for (const name of chosen) {
    const load = sections[name];
    if (!load) throw new Error(`unknown bench section: ${name} (known: ${Object.keys(sections).join(', ')})`);
    console.log(`\n# ${name}`);
    const found = await (await load()).run();
    for (const line of found) {
      const verdict = line.ok === undefined ? '' : line.ok ? '  ok  ' : '  MISS';
      console.log(`${verdict.padEnd(6)} ${line.name.padEnd(64)} ${format(line.value).padStart(12)} ${line.unit}${line.target ? `   (target ${line.target})` : ''}`);
    }
    lines.push(...found);
  }
  const checked = lines.filter((l) => l.ok !== undefined);
  const missed = checked.filter((l) => !l.ok);
  console.log(`\n${checked.length - missed.length} of ${checked.length} targets met${missed.length ? `; missed: ${missed.map((l) => l.name).join('; ')}` : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
