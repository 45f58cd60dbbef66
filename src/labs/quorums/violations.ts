/**
 * Pinned counter-examples: scenarios in which the checker found a violation, kept as plain data so the
 * lesson shows them and a test replays them (they were first found by the seed search of
 * ./linearizability.property.test.ts; the test asserts the search still finds them first).
 */
import type { QuorumsScenario } from './scenario';

/**
 * W + R > N alone is not linearizability (swarm seed 2, strict quorums, no write-back): N = 3, W = 3,
 * R = 1. Write 12 (op 11) reaches n0 and n1, then its coordinator times out, so the client never learns
 * whether it happened. Client c7 reads 12 (op 13, one reply, from n1); its next read (op 15) takes n2's
 * reply alone, and n2 never got 12: it returns 6, the value went back in time. ABD's write-back (store what
 * you read on W replicas before answering) forbids it.
 */
export const noWriteBackViolation: QuorumsScenario = {
  nodes: 4, n: 3, w: 3, r: 1,
  clients: 5, ops: 21, writePct: 57, thinkMs: 2, coordinator: 'random',
  latency: 'uniform', latencyMsMin: 0, latencyMsMax: 40, latencyMsMean: 5, paretoShape: 1.5, loss: 0, timeoutMs: 120,
  readRepair: true, writeBack: false, sloppyQuorum: false, fallbackMs: 40, handoffMs: 20, bug: 'none',
  seed: 2,
  events: [
    { t: 67, type: 'pause', node: 0 },
    { t: 70, type: 'partition', groups: '3|1,2,0' },
    { t: 125, type: 'resume', node: 0 },
    { t: 127, type: 'heal' },
    { t: 165, type: 'crash', node: 2 },
    { t: 175, type: 'recover', node: 2 },
    { t: 289, type: 'crash', node: 2 },
    { t: 370, type: 'recover', node: 2 },
  ],
};
