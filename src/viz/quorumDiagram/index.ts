export * from './types';
export * from './layout';
export { phaseColor } from './colors';
export { QuorumDiagram, type QuorumDiagramProps } from './QuorumDiagram';
export { OverlapDiagram, type OverlapDiagramProps } from './OverlapDiagram';
