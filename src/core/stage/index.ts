export * from './types';
export * from './query';
