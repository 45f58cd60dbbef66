/**
 * The failure-handling program: scenario -> the run with its strategy on the stage, and (with `compare`)
 * the same seed and script with no strategy and immediate retries, as series and totals; the invariants
 * checked on the run. Pure and deterministic: every draw comes from the scenario's seed, one stream per
 * caller and purpose, one per server for service times.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { buildStage, TraceKind } from '../../../sim/index';
import { TICKS_PER_MS, ticksToMs } from '../../../sim/kit/time';
import type { LabProgram, RunContext } from '../../contract';
import { Outcome, type FailureResult, type InvariantCheck, type RunFigures } from '../result';
import { nodeNamesOf, type FailureScenario } from '../scenario';
import { figuresOf } from './figures';
import type { Host } from './host';
import { simulate } from './simulate';

export type * from '../result';

/** End of the last scripted event (ms), NaN without one: what "time to recover" counts from. */
export function triggerEndOf(s: FailureScenario): number {
  return s.events.length ? Math.max(...s.events.map((e) => e.t)) : Number.NaN;
}

export function checksOf(host: Host, figures: RunFigures): InvariantCheck[] {
  const s = host.c.s;
  const t = figures.totals;
  const ended = t.outcomes.reduce((a, x) => a + x, 0);
  const checks: InvariantCheck[] = [
    {
      name: 'Every request ends exactly once',
      ok: host.violations.length === 0 && ended === t.arrivals,
      detail: host.violations[0] ?? `${t.arrivals} requests: ${t.arrivals - t.outcomes[Outcome.open]} ended once each, ${t.outcomes[Outcome.open]} still open at the end`,
    },
    {
      name: 'Retries stay within the limit',
      ok: figures.strategy === 'fallback' || figures.strategy === 'stale' || t.retries <= s.retries * t.firstTries,
      detail: `${t.retries} retries for ${t.firstTries} first tries (at most ${s.retries} each)`,
    },
  ];
  if (host.c.strategy === 'breaker') {
    checks.push({
      name: 'Half-open admits at most the trial calls',
      ok: host.maxTrialsAdmitted <= s.trialCalls,
      detail: `at most ${host.maxTrialsAdmitted} trial calls admitted at once (limit ${s.trialCalls}); ${t.breakerRejected} calls rejected fast and not recorded as failures`,
    });
  }
  if (host.c.strategy === 'fallback') {
    const queued = host.retryQOf.reduce((a, x) => a + x, 0);
    checks.push({
      name: 'Every queued write drains, dead-letters or waits',
      ok: t.queueDone + t.dlqCount + queued === host.enqueued,
      detail: `${host.enqueued} queued: ${t.queueDone} applied, ${t.dlqCount} in the DLQ, ${queued} still queued`,
    });
  }
  if (host.c.strategy === 'shed' && s.bucketRatePerSec > 0) {
    const bound = s.servers * (s.bucketBurst + (s.bucketRatePerSec * s.durationMs) / 1000);
    checks.push({
      name: 'Token buckets admit at most B + r T',
      ok: host.bucketAdmitted <= bound,
      detail: `${host.bucketAdmitted} admitted over ${s.durationMs / 1000} s by ${s.servers} buckets (bound ${Math.floor(bound)})`,
    });
  }
  return checks;
}

export const program: LabProgram<FailureScenario, FailureResult> = (s, context: RunContext) => {
  const hasBaseline = s.compare && s.strategy !== 'none';
  const { sim, host } = simulate(s, s.strategy, true, context, [0, hasBaseline ? 0.6 : 0.95]);
  const triggerEndMs = triggerEndOf(s);
  const run = figuresOf(host, triggerEndMs);
  const base = hasBaseline ? simulate(s, 'none', false, context, [0.6, 0.95]) : undefined;
  const baseline = base ? figuresOf(base.host, triggerEndMs) : undefined;
  const trace = sim.trace.columns();
  const nodeNames = nodeNamesOf(s);
  const stage = buildStage({
    trace,
    log: sim.stageLog!.columns(),
    ticksPerUnit: TICKS_PER_MS,
    timeUnit: 'ms',
    horizon: s.durationMs,
    nodeNames,
    remarks: { tick: host.remarkTick, node: host.remarkNode, text: host.remarkText },
  });
  // Timers (service completions, timeouts, backoffs) fire by the thousand: the narration tells messages,
  // faults and the lab's remarks, and the cards show what the timers change.
  stage.narrated = stage.narrated.filter((row) => stage.events.kind[row] !== TraceKind.timer);
  const metrics: Record<string, number> = { ...flat(run, ''), ...(baseline ? flat(baseline, 'base_') : {}), engineEvents: sim.events };
  if (baseline) metrics.requestsSaved = baseline.totals.firstTries + baseline.totals.retries - (run.totals.firstTries + run.totals.retries);
  const hasher = new TraceHasher().string(trace.hash).numbers(host.outcome).numbers(host.endTick);
  if (base) hasher.string(base.sim.trace.columns().hash).numbers(base.host.outcome);
  const marks = Float64Array.from(new Set<number>([...s.events.map((e) => e.t), ...host.breakerT.map(ticksToMs), ...host.remarkTick.map(ticksToMs)])).sort();
  const stopped = sim.stoppedAtLimit ?? base?.sim.stoppedAtLimit;
  return {
    lab: 'failure-handling',
    traceHash: hasher.hex(),
    metrics,
    endTime: s.durationMs,
    marks,
    ...(stopped ? { stoppedAtLimit: stopped } : {}),
    stage,
    strategy: s.strategy,
    callers: s.callers,
    servers: s.servers,
    timeoutMs: s.timeoutMs,
    triggerEndMs,
    run,
    ...(baseline ? { baseline } : {}),
    breakers: { tMs: Float64Array.from(host.breakerT, ticksToMs), caller: Uint8Array.from(host.breakerCaller), state: Uint8Array.from(host.breakerState) },
    checks: checksOf(host, run),
  };
};

function flat(f: RunFigures, prefix: string): Record<string, number> {
  const t = f.totals;
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(t)) {
    if (typeof value === 'number') out[prefix + key] = value;
  }
  ['ok', 'stale', 'local', 'fallback', 'error', 'rejected', 'open'].forEach((name, o) => {
    out[`${prefix}${name}`] = t.outcomes[o];
  });
  return out;
}
