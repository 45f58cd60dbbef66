export * from './layout';
export { BarCompare, type BarCompareProps } from './BarCompare';
