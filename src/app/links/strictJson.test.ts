import { describe, expect, it } from 'vitest';
import { firstRepeatedKey, parseStrictJson } from './strictJson';

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads when no object repeats a key', () => {
    const text = '{"a":1,"b":[{"a":2},{"a":3}],"c":{"a":{"b":"x\\"a\\":1"}},"d":"{\\"a\\":"}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('refuses a key repeated in one object, at any depth, naming it', () => {
    expect(() => parseStrictJson('{"nodes":3,"nodes":900}')).toThrow('the key "nodes" appears twice in one object');
    expect(() => parseStrictJson('{"s":1,"scenario":{"events":[{"t":1,"type":"crash","t":5}]}}')).toThrow('"t"');
    // The same key written two ways (an escape) is the same key.
    expect(() => parseStrictJson('{"ab":1,"\\u0061b":2}')).toThrow('"ab"');
  });

  it('keeps keys of sibling objects apart, and strings that look like keys are not keys', () => {
    expect(firstRepeatedKey('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(firstRepeatedKey('{"a":"b","c":["a","a"],"b":{"a":{}}}')).toBeUndefined();
    expect(firstRepeatedKey('{"a":{"x":1},"b":{"x":1,"y":{"z":[1,{"x":2}]},"x":3}}')).toBe('x');
  });

  it('leaves syntax errors to JSON.parse', () => {
    expect(() => parseStrictJson('{"a":1,}')).toThrow(SyntaxError);
  });
});
