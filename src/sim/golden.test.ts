import { describe, expect, it } from 'vitest';
import { GOLDEN_HASH, GOLDEN_LENGTH, goldenRun } from './testing/golden';

describe('golden trace (Node)', () => {
  it('the golden scenario (every fault kind, every network option) keeps its pinned trace hash', () => {
    expect(goldenRun()).toEqual({ hash: GOLDEN_HASH, length: GOLDEN_LENGTH });
  });
});
