export * from './palette';
export * from './format';
export * from './axis';
export * from './tween';
export { useObservedSize, type Size } from './useObservedSize';
export { useCanvas, useDevicePixelRatio } from './useCanvas';
export { useTween } from './useTween';
export { DataTable, type DataTableProps } from './DataTable';
