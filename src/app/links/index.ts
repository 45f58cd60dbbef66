/**
 * Scenario links: pure TypeScript (no React, no DOM), shared by the app and the CLI.
 *
 *   /<lab>?v=1&s=<schema>&e=<engine>&<param>=<value>&…[&<flags>]   readable, when there is no event script
 *   /<lab>?v=1&z=<deflate-raw + base64url of {"e","s","scenario"}>[&<flags>]   compressed otherwise
 *
 * Canonical (defaults omitted, keys sorted), capped (8 KB link, 64 KB inflated), migrated through the lab's
 * ladder, strictly validated. Presentation flags (embed, panel, theme, autoplay, motion, lock, controls) live
 * in the same query but are never part of the scenario. See types.ts and decodeLink.ts.
 */
export { encodeLink } from './encodeLink';
export { decodeLink } from './decodeLink';
export { parseLocationHash } from './parseLocationHash';
export type { DecodeResult, DecodeStep, Presentation, Route } from './types';
