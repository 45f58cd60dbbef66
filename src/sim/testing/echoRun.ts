/**
 * Test helper: builds and runs an echo simulation from a small config, the unit the property tests draw
 * at random (seed, nodes, network, faults).
 */
import type { ScenarioEvent } from '../scenario';
import type { LatencySpec } from '../latency';
import { scheduleScenario } from '../scenario';
import { Simulation } from '../simulation';
import type { TraceColumns } from '../trace';
import { type EchoMessage, type EchoOptions, type Handled, echo } from './echo';

export interface EchoConfig {
  seed: number;
  nodes: number;
  latency: LatencySpec;
  loss?: number;
  duplicate?: number;
  reorder?: number;
  events?: ScenarioEvent[];
  echo?: EchoOptions;
  maxEvents?: number;
  /** Record a stage log, describing each message as its kind and 'kind r<round>'. */
  stage?: boolean;
}

export interface EchoRun {
  sim: Simulation<EchoMessage>;
  log: Handled[];
  columns: TraceColumns;
}

export function runEcho(config: EchoConfig): EchoRun {
  const log: Handled[] = [];
  const sim = new Simulation<EchoMessage>({
    seed: config.seed,
    nodes: config.nodes,
    protocol: echo({ ...config.echo, log }),
    network: { latency: config.latency, loss: config.loss, duplicate: config.duplicate, reorder: config.reorder },
    limits: { maxEvents: config.maxEvents ?? 100_000 },
    ...(config.stage ? { stage: { describe: { kind: (m: EchoMessage) => m.kind, label: (m: EchoMessage) => `${m.kind} r${m.round}` } } } : {}),
  });
  scheduleScenario(sim, config.events ?? []);
  sim.run();
  return { sim, log, columns: sim.trace.columns() };
}
