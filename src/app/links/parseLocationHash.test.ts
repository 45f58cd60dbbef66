import { describe, expect, it } from 'vitest';
import { parseLocationHash } from './parseLocationHash';

describe('parseLocationHash', () => {
  it('parseLocationHash("" | "#" | "#/" | "#/?embed=1") is home', () => {
    for (const hash of ['', '#', '#/', '#/?embed=1']) expect(parseLocationHash(hash)).toEqual({ kind: 'home' });
  });

  it('parseLocationHash("#/<lab>?…") is that lab\'s fragment, without the "#"', () => {
    expect(parseLocationHash('#/consistent-hashing?v=1&nodes=5')).toEqual({ kind: 'lab', fragment: '/consistent-hashing?v=1&nodes=5' });
    expect(parseLocationHash('/fake')).toEqual({ kind: 'lab', fragment: '/fake' });
    // Not a valid route, but decodeLink (not the router) says what is wrong with it.
    expect(parseLocationHash('#junk')).toEqual({ kind: 'lab', fragment: 'junk' });
  });
});
