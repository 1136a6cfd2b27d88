import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NAME_PREFIXES, VERB_PREFIXES, WordLexicon } from '../../../src/text/tokens.ts';

/** The look-up WordLexicon answers in one step, as a walk: shortest prefix first, the word itself before ل + ال → لل. */
function walk<T>(entries: [string, T][], prefixes: readonly string[]) {
  const words = new Map<string, T>();
  for (const [w, v] of entries) if (w && !words.has(w)) words.set(w, v);
  const ps = [...new Set(['', ...prefixes])].sort((a, b) => a.length - b.length);
  return (token: string): T | undefined => {
    for (const p of ps) {
      if (!token.startsWith(p)) continue;
      const rest = token.slice(p.length);
      const v = words.get(rest);
      if (v !== undefined) return v;
      if ((p === 'ل' || p === 'ول' || p === 'فل') && rest.startsWith('ل')) {
        const w = words.get(`ا${rest}`);
        if (w !== undefined) return w;
      }
    }
    return undefined;
  };
}

describe('WordLexicon', () => {
  it('finds a word with its proclitics: وقال, فقال; للرئيس is ل + الرئيس', () => {
    const lex = new WordLexicon([['قال', 1], ['الرئيس', 2]] as const, NAME_PREFIXES);
    expect([lex.get('وقال'), lex.get('فقال'), lex.get('للرئيس'), lex.get('والرئيس'), lex.get('ولرئيس')]).toEqual([1, 1, 2, 2, undefined]);
  });

  it('answers as the walk over prefixes does, on words made of proclitic letters', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[الوفبكي]{0,5}$/), fc.integer()), { maxLength: 12 }), fc.stringMatching(/^[الوفبكي]{0,7}$/), (entries, token) => {
        for (const prefixes of [[''], VERB_PREFIXES, NAME_PREFIXES]) expect(new WordLexicon(entries, prefixes).get(token)).toBe(walk(entries, prefixes)(token));
      }),
      { numRuns: 5000 },
    );
  });
});
