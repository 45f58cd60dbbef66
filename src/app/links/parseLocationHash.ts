import type { Route } from './types';

/**
 * The route a location hash points to: '' , '#' and '#/' are home; '#/tour' the course tour (no lab may
 * take that id: a registry test checks); anything else is a lab fragment.
 */
export function parseLocationHash(hash: string): Route {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const path = fragment.split('?', 1)[0] ?? '';
  if (path === '' || path === '/') return { kind: 'home' };
  if (path === '/tour' || path === '/tour/') return { kind: 'page', page: 'tour' };
  return { kind: 'lab', fragment };
}
