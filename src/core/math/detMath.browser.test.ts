import { describe, expect, it } from 'vitest';
import { DIGEST, digest } from './testing/digest';

describe('deterministic log, exp, pow (Chromium)', () => {
  it('give the same bits in Chromium as in Node', () => {
    // On failure the engine's own Math digest says whether Math.* differs here: it is not asserted.
    expect({ ours: digest(), engineMath: digest(Math) }).toMatchObject({ ours: DIGEST });
  });
});
