import type { Route } from './types';

/**
 * The route a location hash points to: '' , '#' and '#/' are home; '#/tour' the course tour and '#/check'
 * the history checker (no lab may take those ids: a registry test checks); anything else is a lab fragment.
 */
export function parseLocationHash(hash: string): Route {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const path = fragment.split('?', 1)[0] ?? '';
  if (path === '' || path === '/') return { kind: 'home' };
  if (path === '/tour' || path === '/tour/') return { kind: 'page', page: 'tour' };
  if (path === '/check' || path === '/check/') return { kind: 'page', page: 'check' };
  return { kind: 'lab', fragment };
}
