import type { Route } from './types';

/** The route a location hash points to: '' , '#' and '#/' are home; anything else is a lab fragment. */
export function parseLocationHash(hash: string): Route {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const path = fragment.split('?', 1)[0] ?? '';
  if (path === '' || path === '/') return { kind: 'home' };
  return { kind: 'lab', fragment };
}
