export * from './layout';
export { LineChart, type LineChartProps } from './LineChart';
