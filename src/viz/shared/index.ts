export * from './palette';
export * from './format';
export * from './axis';
export * from './tween';
export { useElementSize, useObservedSize, type Size } from './useElementSize';
export { useCanvas, useDevicePixelRatio } from './useCanvas';
export { useTween } from './useTween';
export { DataTable, type DataTableProps } from './DataTable';
