export * from './layout';
export * from './colors';
export { drawHeatmap } from './draw';
export { Heatmap, type HeatmapProps } from './Heatmap';
