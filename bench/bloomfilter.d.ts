/** The npm package `bloomfilter` (1.1.0) ships no types: the part the bloom benchmark uses. */
declare module 'bloomfilter' {
  export class BloomFilter {
    constructor(m: number, k: number);
    add(value: string): void;
    test(value: string): boolean;
  }
}
