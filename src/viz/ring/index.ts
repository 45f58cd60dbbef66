export * from './geometry';
export * from './types';
export * from './bins';
export * from './moves';
export * from './layoutSmall';
export * from './layoutLarge';
export * from './draw';
export { RingSvg, type RingSvgProps } from './RingSvg';
export { RingCanvas, type RingCanvasProps } from './RingCanvas';
