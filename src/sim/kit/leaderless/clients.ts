/**
 * The clients of a leaderless store run, on the kit's closed loop (../closedLoop.ts). They live outside the
 * nodes: a client library co-located with its coordinator, so the client -> coordinator hop is free and
 * only replica traffic crosses the network.
 *
 * Client c picks the coordinator per operation (random, or node c mod nodes when sticky), and gives up
 * one tick after the coordinator's deadline when no answer came (a crashed or paused coordinator): a write
 * then times out (it may have taken effect), a read fails (a read never changes the register).
 */
import type { RegisterInput } from '../../../core/checkers';
import type { Rng } from '../../../core/random/rng';
import { NodeStatus } from '../../nodeContext';
import type { Simulation } from '../../simulation';
import type { ScenarioEvent } from '../../scenarioEvent';
import { requestHandler } from '../clientRequest';
import { ClosedLoop } from '../closedLoop';
import type { Msg } from './messages';
import type { QuorumNode } from './node';
import type { StoreRecorder } from './recorder';
import type { StoreContext, StoreSpec } from './store';

/** Client c calls a read or a write on coordinator `node`. The operation's index is its place in the history (invoke order); a write writes index + 1. */
function invokeOn(loop: ClosedLoop, sim: Simulation<Msg>, rec: StoreRecorder, timeoutTicks: number, c: number, isWrite: boolean, node: number): void {
  const input: RegisterInput = isWrite ? { f: 'write', value: sim.history.operations.length + 1 } : { f: 'read' };
  const op = loop.invoke(c, input);
  rec.request(op, node);
  if (isWrite) rec.version[op] = 0;
  const status = sim.node(node).status;
  if (status === NodeStatus.crashed) return loop.giveUp(op, false); // connection refused: certainly no effect
  // A paused coordinator never starts the request (it would hold it); the client's deadline answers.
  if (status === NodeStatus.up) (sim.node(node).actor as unknown as QuorumNode).coordinate(op, isWrite, op + 1);
  loop.deadline(op, timeoutTicks + 1, isWrite);
}

type ClientSpec = Pick<StoreSpec, 'nodes' | 'clients' | 'ops' | 'writePct' | 'thinkMs' | 'coordinator'>;

export function storeClients(s: ClientSpec, root: Rng, sim: Simulation<Msg>, rec: StoreRecorder, timeoutTicks: number, context?: StoreContext): ClosedLoop {
  const streams = Array.from({ length: s.clients }, (_, c) => ({ coordinator: root.fork(c).fork('coordinator'), kind: root.fork(c).fork('kind') }));
  const options = { clients: s.clients, ops: s.ops, thinkMs: s.thinkMs, root, workPerOp: 4 * s.nodes + 20, work: (u: number) => context?.work(u) };
  const loop: ClosedLoop = new ClosedLoop(sim, options, (c) => {
    const isWrite = streams[c].kind.chance(s.writePct, 100);
    const node = s.coordinator === 'sticky' ? c % s.nodes : streams[c].coordinator.int(s.nodes);
    return { ops: 1, start: () => invoke(c, isWrite, node) };
  });
  const invoke = (c: number, isWrite: boolean, node: number) => invokeOn(loop, sim, rec, timeoutTicks, c, isWrite, node);
  return loop;
}

/**
 * The script's one-off requests ('request' events, ../clientRequest.ts) on a store's clients: the loop
 * starts each as client c's next operation would, with a coordinator drawn as for any operation.
 */
export function storeRequests(s: ClientSpec, loop: ClosedLoop, root: Rng, sim: Simulation<Msg>, rec: StoreRecorder, timeoutTicks: number): (event: ScenarioEvent) => void {
  // A stream of its own, so the budget's draws (coordinators, kinds) are the same with or without requests.
  const streams = Array.from({ length: s.clients }, (_, c) => root.fork(c).fork('request'));
  return requestHandler(loop, (c, op) => {
    const node = s.coordinator === 'sticky' ? c % s.nodes : streams[c].int(s.nodes);
    invokeOn(loop, sim, rec, timeoutTicks, c, op === 'write', node);
  });
}
