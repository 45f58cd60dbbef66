export * from './cursor';
export { useCursor, localPoint, type Cursor, type CursorOptions, type CursorTargetProps } from './useCursor';
export { useFigureSize, type FigureSize, type FigureSizeOptions } from './useFigureSize';
export { Figure, type CanvasDraw, type FigureProps } from './Figure';
export { Axes, type AxesProps } from './Axes';
export { Legend, type LegendItem } from './Legend';
export { Tooltip, type TooltipContent } from './Tooltip';
export { HaloText, type HaloTextProps } from './HaloText';
