/**
 * Entry slugs: ASCII, stable, deterministic. Names the actor data knows become their ids
 * ("بوتين" → vladimir-putin); other words are transliterated letter by letter.
 */
import { foldArabic } from '../lib/arabic.ts';
import type { ActorMatcher } from './actors.ts';
import { tokenize } from './text.ts';

const LETTERS: Record<string, string> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  و: 'w', ي: 'y',
};

export function transliterate(word: string): string {
  return [...foldArabic(word)].map((ch) => (/[a-z0-9]/.test(ch) ? ch : LETTERS[ch] ?? '')).join('');
}

/** Up to `maxWords` words of the headline as an ASCII slug. */
export function headlineSlug(headline: string, matcher: ActorMatcher, maxWords = 6): string {
  const tokens = tokenize(headline);
  const mentions = matcher.mentions(tokens, matcher.namedInFull(headline));
  const parts: string[] = [];
  for (let i = 0; i < tokens.length && parts.length < maxWords; ) {
    const m = mentions.find((x) => x.first === i);
    if (m) {
      parts.push(m.actorId);
      i = m.last + 1;
      continue;
    }
    const t = transliterate(tokens[i]!.text);
    if (t) parts.push(t);
    i++;
  }
  const slug = parts.join('-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return slug || 'entry';
}
