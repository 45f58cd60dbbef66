// Scenario links: pure TypeScript (no React, no DOM), shared by the app, the worker host and the CLI.
export { encodeLink } from './encodeLink';
export { decodeLink } from './decodeLink';
export { parseLocationHash } from './parseLocationHash';
export type { DecodeResult, DecodeStep, Presentation, Route } from './types';
