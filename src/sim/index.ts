export type { Actor, Protocol } from './actor';
export { Clients } from './client';
export { EventQueue, WINDOW_BITS_MIN } from './eventQueue';
export { type FaultIssue, faultEventIssue, faultOf } from './faultCheck';
export {
  type AmountField, CLOCK_MS_MAX, FAULT_EVENT_TYPES, FAULT_TABLE, SLOW_MS_MAX, type FaultEvent, type FaultEventOf, type FaultEventType,
  type FaultField, type FaultKind, type FaultTarget, isFaultEventType, isNoOp,
} from './faultTable';
export { type FaultDraft, type FaultMenuItem, type NodeName, faultLabel, linkFaultMenu, nodeFaultMenu } from './faultMenu';
export { type FaultScriptOptions, byTime, faultScript } from './faultScript';
export { type Fault, type FaultType, applyFault } from './faults';
export { History, type Operation, type OpStatus } from './history';
export type {
  ConstantLatency, EmpiricalLatency, ExponentialLatency, LatencySampler, LatencySpec, ParetoLatency, UniformLatency,
} from './latency';
export { latencySampler } from './latency';
export { LINK_DEFAULTS, Link, type LinkOptions } from './link';
export { CLOCK_STEP_MAX, DRIFT_PPM_MAX, LocalClock } from './localClock';
export { Network } from './network';
export { NodeContext } from './nodeContext';
export { NodeStatus, type NodeStatusCode, type NodeVerb, nodeTransition } from './nodeLifecycle';
export { LIMIT_DEFAULTS, NODES_MAX, type SimLimits, type SimOptions } from './options';
export { groupOf, parseGroups } from './partition';
export { PPM, chancePpm, toPpm } from './probability';
export { type ScenarioEvent, type ScheduleOptions, scheduleScenario } from './scenario';
export { type RunResult, Simulation } from './simulation';
export { type CardProbe, type MessageDescriber, StageLog, type StageLogColumns, type StageOptions } from './stageLog';
export { buildStage, type StageInput } from './stage/buildStage';
export { TICKS_MAX, isTicks, toTicks } from './ticks';
export { Trace, type TraceColumns, traceTransferables } from './trace';
export { TraceKind, type TraceKindCode, type TraceKindName, traceKindNames } from './traceKind';
