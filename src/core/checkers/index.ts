export { UNKNOWN, partitionByKey, hashValue, hashString, isUnknown, type CheckOp, type Model, type Partition, type Unknown } from './model';
export { checkLinearizability, isLinearization, STEPS_MAX_DEFAULT, type CheckOptions, type CheckResult, type PartitionResult, type Verdict } from './linearizability';
export type { Explanation, ExplainedOperation } from './explain';
export { explanationProse, resultProse } from './prose';
export { registerModel, describeRegisterOperation, type RegisterInput, type RegisterOutput, type RegisterValue } from './models/register';
export { kvModel, kvUnpartitionedModel, type KvInput, type KvOutput, type KvState } from './models/kv';
export { detectFormat, parseJepsenLog, parseKvLog, parseJsonHistory, registerInputProblem, kvInputProblem, type HistoryFormat } from './porcupineFormats';
export { generateRegisterHistory, type GeneratedHistory, type RegisterHistoryOptions } from './generate';
export { registerStaleness, type ReadStaleness, type StalenessReport } from './staleness';
