export { type CardRow, type CrdtId, type CrdtType, type NodeCard, replicaName, stateKey } from './types';
export { gCounter, type GCounterOp, type GCounterState } from './gCounter';
export { pnCounter, type PNCounterOp, type PNCounterState } from './pnCounter';
export { compareStamps, lwwRegister, lwwRegisterOf, type LwwOp, type LwwState, type LwwValue } from './lwwRegister';
export { orSet, type OrSetEntry, type OrSetState, type SetOp } from './orSet';
export { naiveSet, type NaiveSetState } from './naiveSet';
export { twoPhaseSet, type TwoPhaseSetState } from './twoPhaseSet';
export { sumCounter } from './sumCounter';
export { maxCounter, type MaxCounterState } from './maxCounter';
export { checkHistory, replay, type History, type HistoryStep } from './history';
export { CausalPast, finalPasts } from './causal';
export { SetSpec } from './setSpec';
export {
  counterAnomalies, explainCounterAnomaly, explainSetAnomaly, setAnomalies,
  type CounterAnomaly, type CounterAnomalyKind, type SetAnomaly, type SetAnomalyKind,
} from './anomalies';
