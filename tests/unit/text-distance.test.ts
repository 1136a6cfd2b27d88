import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/text/distance.ts';

describe('edit distance and nearest', () => {
  it('counts edits', () => {
    expect(editDistance('outlt', 'outlet')).toBe(1);
    expect(editDistance('بوتيين', 'بوتين')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('suggests the key or id an editor meant, and nothing when nothing is close', () => {
    expect(nearest('outlt', ['slug', 'date', 'outlet', 'actors', 'notes', 'url'])).toBe('outlet');
    expect(nearest('putin', ['vladimir-putin', 'kim-jong-un'])).toBe('vladimir-putin');
    expect(nearest('zzzzzz', ['slug', 'date', 'outlet'])).toBeNull();
  });
});
