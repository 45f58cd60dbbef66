/**
 * Queues benchmark (the queues lab, item 6): simulated messages per second of wall and CPU time at the
 * lab's largest scenarios, the whole program as the worker runs it (simulation, invariants, stage build):
 *   kafka  the `scale` preset: 100 partitions, 16 consumers, 10^6 records over an hour, a crash at 20 min;
 *   sqs    10^6 messages to a standard and a FIFO queue (2 x 10^6 enqueued), 16 consumers, receive batches
 *          of 10, 2 % poison, 5 % producer retries, over two hours.
 * Peer in the same run: the default scenario (3,000 records), to show the cost per message does not grow
 * with the run (a bounded stage: sampled dots, capped card rows).
 *
 * Run: `npm run bench -- queues` or `npx tsx bench/queues.ts`.
 */
import { pathToFileURL } from 'node:url';
import { plainContext } from '../src/labs/contract';
import { program } from '../src/labs/queues/program/program';
import { defaults, presets, validate, type QueuesScenario } from '../src/labs/queues/scenario';
import type { BenchLine } from './report';
import { roundRobin } from './timing';

const scale = presets.find((p) => p.id === 'scale')!.scenario;
const sqsLarge: QueuesScenario = {
  ...defaults, mode: 'sqs', consumers: 16, messages: 1_000_000, keys: 1000, processMs: 40, receiveMax: 10,
  poisonShare: 0.02, retryShare: 0.05, retryDelayMs: 60_000, durationMs: 7_200_000,
};

const scenarios: Record<string, QueuesScenario> = { 'kafka 100 partitions, 10^6 records': scale, 'sqs standard + FIFO, 10^6 messages': sqsLarge, 'kafka defaults, 3,000 records': defaults };

export async function run(): Promise<BenchLine[]> {
  for (const s of Object.values(scenarios)) if (!validate(s).ok) throw new Error('a bench scenario does not validate');
  const events: Record<string, number> = {};
  const contenders = Object.fromEntries(Object.entries(scenarios).map(([name, s]) => [name, () => {
    events[name] = program(s, plainContext()).metrics.events;
  }]));
  const timing = roundRobin(contenders, 3);
  const lines: BenchLine[] = [];
  for (const [name, s] of Object.entries(scenarios)) {
    const t = timing[name];
    lines.push({ section: 'queues', name: `${name}: run (wall)`, value: t.wallMs, unit: 'ms' });
    lines.push({ section: 'queues', name: `${name}: simulated messages/s (wall)`, value: s.messages / (t.wallMs / 1000), unit: 'msg/s' });
    lines.push({ section: 'queues', name: `${name}: simulated messages/s (CPU)`, value: s.messages / (t.cpuMs / 1000), unit: 'msg/s' });
    lines.push({ section: 'queues', name: `${name}: engine events`, value: events[name], unit: 'events' });
  }
  const big = scenarios['kafka 100 partitions, 10^6 records'];
  const perBig = timing['kafka 100 partitions, 10^6 records'].cpuMs / big.messages;
  const perSmall = timing['kafka defaults, 3,000 records'].cpuMs / defaults.messages;
  lines.push({ section: 'queues', name: 'kafka CPU per message, 10^6 records vs 3,000', value: perBig / perSmall, unit: 'x', target: '<= 1x (bounded stage)', ok: perBig <= perSmall });
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await run()) console.log(line.name.padEnd(64), line.value.toFixed(1), line.unit);
}
