import { describe, expect, it } from 'vitest';
import { kafkaPartition, murmur2 } from './murmur2';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('murmur2', () => {
  // Values from Kafka's UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java).
  it('murmur2(bytes) matches Kafka\'s test vectors', () => {
    expect(murmur2(bytes('21'))).toBe(-973932308);
    expect(murmur2(bytes('foobar'))).toBe(-790332482);
    expect(murmur2(bytes('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(bytes('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(bytes('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(new Uint8Array([97, 98, 99]))).toBe(479470107);
  });

  it('kafkaPartition(key, n) is in 0..n-1 and stable', () => {
    for (let i = 0; i < 100; i++) {
      const p = kafkaPartition(`k${i}`, 7);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(7);
      expect(kafkaPartition(`k${i}`, 7)).toBe(p);
    }
  });
});
