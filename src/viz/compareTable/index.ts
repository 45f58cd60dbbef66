export * from './rank';
export { CompareTable, type CompareRow, type CompareTableProps } from './CompareTable';
