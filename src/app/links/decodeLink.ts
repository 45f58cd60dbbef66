import type { LabSpec } from '../../labs/contract';
import type { DecodeResult } from './types';

/** Decodes a link (fragment without '#'); never throws. Stub: being implemented. */
export function decodeLink(fragment: string, labs: readonly LabSpec[]): DecodeResult {
  void labs;
  return {
    ok: false,
    step: 'route',
    message: 'route: links are not decoded yet',
    original: fragment,
    presentation: { embed: false, panel: null, theme: 'auto', autoplay: false, motion: 'auto', lock: false, controls: true },
  };
}
