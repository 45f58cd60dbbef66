import { describe, expect, it } from 'vitest';
import { formatInt, formatNumber } from './format';

// Node's Intl is the reference: formatNumber must give the same string, without touching Intl in the page.
const intl = (value: number, digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

describe('formatNumber', () => {
  const samples = [
    0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 9.5, 1.005, 999.9995, 0.1 + 0.2, 1.5e-7, -0.0001, 12, 999, 1000, 9999, 10000,
    65536, 123456.0000005, 1234567.891, 999999.5, 1e15, 2 ** 53 + 2, 1e21, 1.2345e22, -98765.4321, 4294967295,
    Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity,
  ];
  it.each([0, 1, 2, 3, 6, 20])('matches toLocaleString("en-US") with %i fraction digits on edge cases', (digits) => {
    for (const v of samples) expect(formatNumber(v, digits), `${v}`).toBe(intl(v, digits));
  });

  it('matches toLocaleString("en-US") on random values of every magnitude', () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 20000; i++) {
      const magnitude = 10 ** Math.floor(random() * 30 - 8);
      const v = (random() - 0.3) * magnitude;
      const rounded = i % 3 === 0 ? Math.round(v * 1000) / 1000 + 0.0005 : v; // halves near the cut
      const digits = i % 7;
      expect(formatNumber(rounded, digits), `${rounded} / ${digits}`).toBe(intl(rounded, digits));
    }
  });

  it('defaults to 3 fraction digits, like toLocaleString', () => {
    expect(formatNumber(1234.5678)).toBe('1,234.568');
  });
});

describe('formatInt', () => {
  it('groups thousands, rounds halves away from zero, and shows a dash for non-finite values', () => {
    expect(formatInt(1234567.5)).toBe('1,234,568');
    expect(formatInt(-2.5)).toBe('-3');
    expect(formatInt(0)).toBe('0');
    expect(formatInt(NaN)).toBe('–');
    expect(formatInt(Infinity)).toBe('–');
  });
});
