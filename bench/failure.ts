/**
 * Failure-handling benchmark (src/labs/failureHandling): simulated user requests per second of wall time
 * for the largest scenario the lab accepts: 500 requests/s for 120 s (60,000 requests) over 4 callers and
 * 6 servers x 12 slots of 100 ms (720 requests/s of capacity, 69 % loaded like Stability Sim's 70 of 100), 3 immediate retries, half
 * the servers (s7, s8, s9) down from 10 to 20 s, so the baseline run carries a retry storm (every attempt is simulated: calls, replies, timeouts, service times).
 *
 *   program      the page's run: the stage recorded, the series and checks built, the baseline beside it
 *                (shed strategy + compare: two runs per program call, both counted)
 *   engine only  one run without the stage (what the baseline costs)
 *
 * `npx tsx bench/failure.ts` prints the lines; `npm run bench -- failure` prints them in the shared table.
 */
import { pathToFileURL } from 'node:url';
import { plainContext } from '../src/labs/contract';
import { program } from '../src/labs/failureHandling/program/program';
import { simulate } from '../src/labs/failureHandling/program/simulate';
import { defaults, LIMITS, validate, type FailureScenario } from '../src/labs/failureHandling/scenario';
import { medianMs, type BenchLine } from './report';

const REPETITIONS = 3;

export const LARGEST: FailureScenario = {
  ...defaults,
  strategy: 'shed',
  compare: true,
  callers: LIMITS.callersMax,
  servers: LIMITS.serversMax,
  slots: 12,
  ratePerSec: LIMITS.rateMax,
  durationMs: LIMITS.durationMsMax,
  events: [7, 8, 9].flatMap((node) => [{ t: 10_000, type: 'crash' as const, node }, { t: 20_000, type: 'recover' as const, node }]).sort((a, b) => a.t - b.t),
};

export async function run(): Promise<BenchLine[]> {
  const v = validate(LARGEST);
  if (!v.ok) throw new Error(`the bench scenario is invalid: ${JSON.stringify(v.issues)}`);
  let requests = 0;
  let attempts = 0;
  let events = 0;
  const whole = () => {
    const r = program(LARGEST, plainContext());
    const t = r.run.totals;
    const b = r.baseline!.totals;
    requests = t.arrivals + b.arrivals;
    attempts = t.firstTries + t.retries + b.firstTries + b.retries;
    events = r.metrics.engineEvents;
  };
  whole(); // warm-up
  const programMs = medianMs(REPETITIONS, whole);
  let engineRequests = 0;
  let engineAttempts = 0;
  const engine = () => {
    const { host } = simulate(LARGEST, 'none', false);
    engineRequests = host.arriveTick.length;
    engineAttempts = host.firstTries.reduce((a, x) => a + x, 0) + host.retries.reduce((a, x) => a + x, 0);
  };
  engine();
  const engineMs = medianMs(REPETITIONS, engine);
  return [
    { section: 'failure', name: 'program, largest scenario (500 req/s x 120 s, 4 x 6 nodes, + baseline)', value: requests / (programMs / 1000), unit: 'requests/s' },
    { section: 'failure', name: 'same, attempts downstream (first tries + retries)', value: attempts / (programMs / 1000), unit: 'attempts/s' },
    { section: 'failure', name: `same, wall time per program call (${events.toLocaleString('en-US')} engine events on the stage run)`, value: programMs, unit: 'ms' },
    { section: 'failure', name: 'engine only, no stage, naive retries (the retry storm)', value: engineRequests / (engineMs / 1000), unit: 'requests/s' },
    { section: 'failure', name: 'same, attempts downstream', value: engineAttempts / (engineMs / 1000), unit: 'attempts/s' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line.name.padEnd(72), line.value.toPrecision(4), line.unit);
}
