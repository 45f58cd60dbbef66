/** The usage example of the engine's README-in-a-test: a ping/pong protocol, a partition, a trace hash. */
import { describe, expect, it } from 'vitest';
import { Simulation, TraceKind, scheduleScenario, traceTransferables } from './index';

describe('usage example', () => {
  it('a ping/pong protocol runs, a scripted partition blocks it, and the trace comes back as columns', () => {
    type Msg = 'ping' | 'pong';
    const sim = new Simulation<Msg>({
      seed: 42,
      nodes: 3,
      network: { latency: { kind: 'uniform', minTicks: 5, maxTicks: 15 }, loss: 0.01 },
      protocol: (ctx) => ({
        onStart: () => ctx.setTimer(100),
        onTimer: () => (ctx.broadcast('ping'), ctx.setTimer(100)),
        onMessage: (from, msg) => msg === 'ping' && ctx.send(from, 'pong'),
      }),
    });
    scheduleScenario(sim, [{ t: 250, type: 'partition', groups: '0|1,2' }, { t: 450, type: 'heal' }]);
    const result = sim.run(1000);
    const trace = sim.trace.columns(); // typed columns + hash; traceTransferables(trace) for postMessage
    expect(result).toEqual({ endTime: 1000, events: expect.any(Number), stoppedAtLimit: undefined });
    expect(trace.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(traceTransferables(trace)).toHaveLength(5);
    expect(trace.kind.includes(TraceKind.block)).toBe(true);
  });
});
