/**
 * Each mode as a spec of the kit's leaderless store (src/sim/kit/leaderless/store.ts, the quorums lab's
 * store): same seed, clients, workload, latency and timeout; only the replication settings, and whether
 * the cut happens, differ.
 *
 *   mode    N       W, R          write-back  sloppy quorum
 *   CP      nodes   majority      yes         no
 *   AP      nodes   1, 1          no          no
 *   PA/EL   3       1, 1          no          yes
 *   PC/EC   3       2, 2          yes         no
 *   PA/EC   3       2, 2          yes         yes
 *
 * CAP runs follow the script as written; PACELC runs are made twice, without its network faults (E:
 * latency, nothing cut; crashes and pauses stay) and with them (P).
 * AP is W = R = 1 over copies on every node rather than a sloppy quorum: with a sloppy quorum a side
 * that holds too few nodes still cannot gather W acks, so it would not serve every client; here each
 * side always has its own copies. The PA presets use the sloppy quorum (Dynamo's answer to a cut: a
 * silent replica is replaced by a fallback node holding a hint), since with N = 3 a side may hold no
 * replica at all. Read repair is on for the W = R = 1 modes, as in Dynamo-style stores.
 *
 * PC/EC is majority quorums with ABD write-back rather than synchronous replication (W = N, R = 1): without
 * a write-back, a read can return a write still in progress and a later read miss it (the quorums lab's
 * no-write-back preset), so W = N, R = 1 is not linearizable; W = R = 2 with write-back is, and it keeps
 * serving when one replica is down.
 */
import type { StoreSpec } from '../../../sim/kit/leaderless/store';
import type { Mode } from '../result';
import { NETWORK_FAULTS, PACELC_N, type CapEvent, type CapScenario } from '../scenario';

const majority = (n: number) => Math.floor(n / 2) + 1;

/** A fallback retries handing its hints over this often, ms (the quorums lab's default). */
const HANDOFF_MS = 20;

export function modeScenario(s: CapScenario, mode: Mode, isCut: boolean): StoreSpec {
  const isCap = mode === 'CP' || mode === 'AP';
  const n = isCap ? s.nodes : Math.min(PACELC_N, s.nodes);
  const q = mode === 'AP' || mode === 'PA/EL' ? 1 : mode === 'CP' ? majority(n) : 2;
  const isStrict = q > 1;
  return {
    nodes: s.nodes,
    n,
    w: q,
    r: q,
    clients: s.clients,
    ops: s.ops,
    writePct: s.writePct,
    thinkMs: s.thinkMs,
    coordinator: 'sticky',
    latency: s.latency,
    latencyMsMin: s.latencyMsMin,
    latencyMsMax: s.latencyMsMax,
    latencyMsMean: s.latencyMsMean,
    paretoShape: s.paretoShape,
    loss: 0,
    timeoutMs: s.timeoutMs,
    readRepair: !isStrict,
    writeBack: isStrict,
    sloppyQuorum: (mode === 'PA/EL' || mode === 'PA/EC') && n < s.nodes,
    // A write is two rounds and each may wait for its fallbacks: both must fit in the timeout.
    fallbackMs: Math.max(1, Math.round(s.timeoutMs / 4)),
    handoffMs: HANDOFF_MS,
    bug: 'none',
    seed: s.seed,
    events: modeEvents(s.events, isCut),
  };
}

/** The script a run follows: all of it, or without its cuts and heals. */
export function modeEvents(events: readonly CapEvent[], isCut: boolean): CapEvent[] {
  return isCut ? [...events] : events.filter((e) => !NETWORK_FAULTS.includes(e.type));
}
