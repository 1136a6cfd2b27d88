import { describe, expect, it } from 'vitest';
import { resultCount, stateFromUrl, statusText, urlFromState } from '../../src/search/client.ts';

describe('search page state in the URL', () => {
  it('reads q, filters and sort, with relevance by default and unknown sorts ignored', () => {
    expect(stateFromUrl('?q=%20بوتين%20&year=2024&outlet=الأسبوع')).toEqual({
      q: 'بوتين',
      actor: '',
      outlet: 'الأسبوع',
      year: '2024',
      month: '',
      person: '',
      sort: 'relevance',
    });
    expect(stateFromUrl('?q=x&sort=oldest').sort).toBe('oldest');
    expect(stateFromUrl('?q=x&sort=random').sort).toBe('relevance');
  });
  it('writes back only what is set, and round-trips', () => {
    const state = { q: 'كيم جونغ أون', actor: 'kim-jong-un', outlet: '', year: '2023', month: '09', person: '', sort: 'newest' as const };
    const url = urlFromState(state);
    expect(url).not.toContain('outlet');
    expect(stateFromUrl(url)).toEqual(state);
    expect(urlFromState({ ...state, sort: 'relevance' })).not.toContain('sort');
  });
});

describe('result counts in Arabic', () => {
  it.each([
    [0, 'لا نتائج'],
    [1, 'نتيجة واحدة'],
    [2, 'نتيجتان'],
    [3, '3 نتائج'],
    [10, '10 نتائج'],
    [11, '11 نتيجة'],
    [100, '100 نتيجة'],
    [103, '103 نتائج'],
  ])('%i → %s', (n, text) => {
    expect(resultCount(n)).toBe(text);
  });
});

describe('the status line says which tier the results are', () => {
  const hit = (n: number) => ({ n, score: 3, matched: 1, missing: [] });
  const none = { main: [], forms: [], actors: [], suggestions: [] };
  it.each([
    [{ ...none, mode: 'all' as const, main: [hit(0), hit(1)], forms: [hit(2)] }, ['نتيجتان عن «اتفاقية»', 'نتيجة واحدة بصيغ أخرى']],
    [{ ...none, mode: 'forms' as const, main: [hit(0)] }, ['لا نتائج بالصيغة نفسها', 'بصيغ أخرى']],
    [{ ...none, mode: 'partial' as const, main: [hit(0)] }, ['لا خبر يجمع كل كلمات']],
    [{ ...none, mode: 'none' as const }, ['لا نتائج عن «اتفاقية»']],
  ])('%#', (outcome, parts) => {
    const text = statusText('اتفاقية', outcome, false, 0);
    for (const p of parts) expect(text).toContain(p);
  });
});
