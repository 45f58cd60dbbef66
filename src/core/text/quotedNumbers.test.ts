import { describe, expect, it } from 'vitest';
import { missingNumbers, quotedNumbers } from './quotedNumbers';

describe('quotedNumbers', () => {
  it('reads numbers as written, not the digits of names', () => {
    expect(quotedNumbers('At 1,500 ms r1 applied 4 writes (p99 2.1 ms, op #7).')).toEqual(['1500', '4', '2.1']);
    expect(quotedNumbers('miss-0 and item-86516 cost 3', '-')).toEqual(['3']);
    expect(quotedNumbers('miss-0 costs 3')).toEqual(['0', '3']);
  });

  it('a quoted number is shown when the screen has it at the text\'s precision', () => {
    expect(missingNumbers('median 2.1 ms over 3 runs, 7 lost', ['median 2.08 ms', '3 runs'])).toEqual(['7']);
    expect(missingNumbers('2.10', ['2.1'])).toEqual([]);
    expect(missingNumbers('2.2', ['2.14'])).toEqual(['2.2']);
  });
});
