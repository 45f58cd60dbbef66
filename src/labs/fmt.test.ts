import { describe, expect, it } from 'vitest';
import { fmt } from './scenarioSchema';

describe('fmt', () => {
  it('prints the same as toLocaleString("en-US", { maximumFractionDigits: 6 }) from 10,000 up, String below', () => {
    const reference = (v: number) => (Math.abs(v) >= 10000 ? v.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(v));
    const samples = [0, -0, 1, 9999, 9999.5, 10000, -10000, 65536, 123456.0000005, 99999.9999995, 1234567.891, 4294967295,
      2 ** 53 + 2, 1e21, 1.2345e22, Number.MAX_VALUE, -98765.4321, NaN, Infinity, -Infinity, 0.1, 1e-7];
    for (const v of samples) expect(fmt(v), `${v}`).toBe(reference(v));
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 5000; i++) {
      const v = (random() - 0.5) * 10 ** Math.floor(random() * 25);
      const w = i % 2 === 0 ? Math.round(v * 1e6) / 1e6 + 5e-7 : v;
      expect(fmt(w), `${w}`).toBe(reference(w));
    }
  });
});
