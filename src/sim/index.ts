export type { Actor, Protocol } from './actor';
export { Clients } from './client';
export { EventQueue } from './eventQueue';
export { FAULT_TYPES, type Fault, type FaultType, applyFault, isFaultType } from './faults';
export { History, type Operation, type OpStatus } from './history';
export type {
  ConstantLatency, EmpiricalLatency, ExponentialLatency, LatencySampler, LatencySpec, ParetoLatency, UniformLatency,
} from './latency';
export { latencySampler } from './latency';
export { LINK_DEFAULTS, Link, type LinkOptions } from './link';
export { CLOCK_STEP_MAX, DRIFT_PPM_MAX, LocalClock } from './localClock';
export { Network } from './network';
export { NodeContext, NodeStatus, type NodeStatusCode } from './nodeContext';
export { LIMIT_DEFAULTS, NODES_MAX, type SimLimits, type SimOptions } from './options';
export { groupOf, parseGroups } from './partition';
export { PPM, chancePpm, toPpm } from './probability';
export { type ScenarioEvent, type ScheduleOptions, faultOf, scheduleScenario } from './scenario';
export { type RunResult, Simulation } from './simulation';
export { TICKS_MAX, isTicks, toTicks } from './ticks';
export { Trace, type TraceColumns, traceTransferables } from './trace';
export { TraceKind, type TraceKindCode, type TraceKindName, traceKindNames } from './traceKind';
