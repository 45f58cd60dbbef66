/**
 * A digest of log, exp and pow over 30,000 seeded inputs spanning their whole domains: equal in Node and in
 * Chromium (detMath.test.ts and detMath.browser.test.ts assert the same constant), which is the point of
 * ../detMath.ts. The Math.* digest beside it is printed on failure, to show whether the engines differ.
 */
import { TraceHasher } from '../../hash/traceHasher';
import { rng } from '../../random/rng';
import { exp, log, pow } from '../detMath';

export const DIGEST = '52c5a07477fc889a';

export function digest(fns: { log: (x: number) => number; exp: (x: number) => number; pow: (x: number, y: number) => number } = { log, exp, pow }): string {
  const r = rng(2026).fork('detMath');
  const h = new TraceHasher();
  for (let i = 0; i < 10_000; i++) {
    const x = r.float() * 2 ** (r.int(2100) - 1074);
    h.number(fns.log(x));
    h.number(fns.exp(r.float() * 1450 - 740));
    h.number(fns.pow(1 - r.float(), -1 / (0.1 + r.float() * 4)));
  }
  return h.hex();
}
