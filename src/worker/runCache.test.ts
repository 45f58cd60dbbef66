/** The worker's run cache: bounded by bytes, least recently used dropped first, and it knows its buffers. */
import { describe, expect, it } from 'vitest';
import { createRunCache } from './runCache';

describe('createRunCache', () => {
  it('drops the least recently used entries once over its bound', () => {
    const cache = createRunCache(100);
    cache.set('a', 1, 40);
    cache.set('b', 2, 40);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3, 40); // 120 > 100: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.bytes).toBe(80);
  });

  it('refuses an entry larger than the whole bound, and replaces an entry stored twice', () => {
    const cache = createRunCache(100);
    cache.set('big', 1, 101);
    expect(cache.get('big')).toBeUndefined();
    cache.set('x', 1, 10);
    cache.set('x', 2, 20);
    expect(cache.get('x')).toBe(2);
    expect(cache.bytes).toBe(20);
  });

  it('holds() names the buffers of live entries only, counting shared ones', () => {
    const cache = createRunCache(1000);
    const shared = new Uint32Array(4);
    const own = new Float64Array(2);
    cache.set('p', { shared, own }, 100);
    cache.set('q', { again: shared }, 100);
    expect(cache.holds(shared.buffer)).toBe(true);
    expect(cache.holds(own.buffer)).toBe(true);
    expect(cache.holds(new Uint8Array(1).buffer)).toBe(false);
    cache.set('p', 0, 1); // replaced: own is no longer held, shared still is (by q)
    expect(cache.holds(own.buffer)).toBe(false);
    expect(cache.holds(shared.buffer)).toBe(true);
    cache.clear();
    expect(cache.holds(shared.buffer)).toBe(false);
    expect(cache.size).toBe(0);
  });
});
