import type { BaseScenario, LabSpec } from '../../labs/contract';
import { encodeBase64url } from './base64url';
import { canonicalJson, sparseScenario } from './canonical';
import { deflateRaw } from './deflate';
import { CODEC_VERSION, INFLATED_BYTES_MAX, LINK_CHARS_MAX, formatCount } from './limits';
import { presentationEntries } from './presentation';
import { formatQuery } from './query';
import { readableEntries } from './readable';
import type { Presentation } from './types';

/**
 * The link for `scenario` of `spec`: the location fragment without '#'. Canonical: defaults omitted and keys
 * sorted, so the same scenario always gives the same link.
 *
 *   readable (no event script):  /consistent-hashing?v=1&s=1&e=1&nodes=5&seed=7&vnodes=100
 *   compressed (otherwise):      /consistent-hashing?v=1&z=<deflate-raw + base64url of {"e":1,"s":1,"scenario":{...}}>
 *
 * `v` is the codec version, `s` the lab's schema version, `e` its engine version. Non-default presentation
 * flags follow the scenario (`&embed=1&theme=dark`); they are never part of it.
 * Throws a RangeError when the link would be refused on decoding (over 8,192 characters, or JSON over
 * 65,536 bytes): the share dialog should say the scenario is too large to share as a link.
 */
export function encodeLink(spec: LabSpec, scenario: BaseScenario, presentation?: Partial<Presentation>): string {
  const sparse = sparseScenario(spec, scenario);
  const readable = readableEntries(spec, sparse);
  const scenarioEntries: [string, string][] = readable
    ? [['v', String(CODEC_VERSION)], ['s', String(spec.version)], ['e', String(spec.engineVersion)], ...readable]
    : [['v', String(CODEC_VERSION)], ['z', compress(spec, sparse)]];
  const link = `/${spec.id}?${formatQuery([...scenarioEntries, ...presentationEntries(presentation)])}`;
  if (link.length > LINK_CHARS_MAX) {
    throw new RangeError(`the link would be ${formatCount(link.length)} characters; the limit is ${formatCount(LINK_CHARS_MAX)}`);
  }
  return link;
}

function compress(spec: LabSpec, sparse: Record<string, unknown>): string {
  const json = canonicalJson({ e: spec.engineVersion, s: spec.version, scenario: sparse });
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > INFLATED_BYTES_MAX) {
    throw new RangeError(`the scenario is ${formatCount(bytes.length)} bytes of JSON; the limit is ${formatCount(INFLATED_BYTES_MAX)}`);
  }
  return encodeBase64url(deflateRaw(bytes));
}
