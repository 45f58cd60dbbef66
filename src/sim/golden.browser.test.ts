import { describe, expect, it } from 'vitest';
import { GOLDEN_HASH, GOLDEN_LENGTH, goldenRun } from './testing/golden';

describe('golden trace (Chromium)', () => {
  it('the golden scenario gives the same trace hash in Chromium as in Node', () => {
    expect(goldenRun()).toEqual({ hash: GOLDEN_HASH, length: GOLDEN_LENGTH });
  });
});
