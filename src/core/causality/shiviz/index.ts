export * from './format';
export * from './importLog';
export * from './exportLog';
export { parseClock, parseLogJob, type ParsedExecution, type ParsedLog } from './parse';
export { Problems } from './problems';
