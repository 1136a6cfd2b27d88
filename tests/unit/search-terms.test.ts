import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  actorTerm,
  buildAliasTable,
  contentMatches,
  findMentions,
  indexContent,
  matchRanges,
  mentionedActors,
  parseQuery,
  readingKey,
  stemTerm,
  wordTerm,
} from '../../src/search/terms.ts';
import { tokenize as wordSpans } from '../../src/text/tokens.ts';
import { actorSchema } from '../../src/lib/entry-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const actors = (YAML.parse(fs.readFileSync(path.join(ROOT, 'content/actors.yaml'), 'utf8')) as unknown[]).map((a) =>
  actorSchema.parse(a),
);
const table = buildAliasTable(actors);

/** A tiny in-memory search with the browser's rule: every unit matches one of its terms. */
function search(docs: Record<string, string>, query: string): string[] {
  const units = parseQuery(query, table);
  return Object.entries(docs)
    .filter(([, text]) => contentMatches(indexContent(text, table), units))
    .map(([name]) => name)
    .sort();
}

describe('alias table from content/actors.yaml', () => {
  it('holds every variant and Latin name, folded into words, longest first', () => {
    const spelling = (id: string, s: string) =>
      table.spellings.some(([owner, words]) => owner === id && words.join(' ') === wordSpans(s).map((w) => w.folded).join(' '));
    expect(spelling('pyongyang', 'بيونج يانج')).toBe(true);
    expect(spelling('pyongyang', 'بيونجيانج')).toBe(true);
    expect(spelling('kim-jong-un', 'كيم جونج-أون')).toBe(true);
    expect(spelling('kim-jong-un', 'Kim Jong Un')).toBe(true);
    expect(spelling('dmitry-peskov', 'ديمترى بيسكوف')).toBe(true);
    const lengths = table.spellings.map(([, w]) => w.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
  it('leaves out short forms, which name an actor only in context', () => {
    expect(table.spellings.some(([, words]) => words.join(' ') === 'كيم')).toBe(false);
  });
  it('refuses a spelling that two actors claim, naming both', () => {
    const twice = [
      { id: 'a', kind: 'person' as const, name_ar: 'س', name_en: 'A', variants: ['زيد'] },
      { id: 'b', kind: 'person' as const, name_ar: 'ص', name_en: 'B', variants: ['زَيد'] },
    ];
    expect(() => buildAliasTable(twice)).toThrow(/زَيد.*a and b/);
  });
  it('picks up a new spelling from the data alone', () => {
    const extra = buildAliasTable([{ ...actors.find((a) => a.id === 'pyongyang')!, variants: ['بيونغ يونغ', 'فيونغ فانغ'] }]);
    expect(mentionedActors('زار فيونغ فانغ', extra)).toEqual(['pyongyang']);
  });
});

describe('actor mentions', () => {
  it.each([
    ['multi-word, one spelling', 'التقى كيم جونغ أون', 'kim-jong-un'],
    ['multi-word, another spelling', 'الزعيم كيم جونج-أون', 'kim-jong-un'],
    ['Persian letters', 'کیم جونج أون', 'kim-jong-un'],
    ['one word', 'برنامج بيونجيانج الصاروخي', 'pyongyang'],
    ['with an attached و', 'موسكو وبيونج يانج', 'pyongyang'],
    ['with an attached لـ', 'دعوة لبوتين', 'vladimir-putin'],
    ['with the article', 'قصر الكرملين', 'kremlin'],
    ['a misspelling the data lists', 'وقال بيلوفسوف', 'andrei-belousov'],
    ['Latin', 'Kim Jong-un met Putin', 'kim-jong-un'],
  ])('%s', (_kind, text, id) => {
    expect(mentionedActors(text, table)).toContain(id);
  });
  it('prefers the longest spelling and does not overlap', () => {
    const m = findMentions(wordSpans('الرئيس فلاديمير بوتين'), table);
    expect(m).toEqual([{ id: 'vladimir-putin', first: 1, last: 2 }]);
  });
  it('does not take Kim Jong Il for Kim Jong Un, nor كيم alone for either', () => {
    expect(mentionedActors('والد كيم جونغ إيل', table)).toEqual(['kim-jong-il']);
    expect(mentionedActors('وتفقد كيم المصنع', table)).toEqual([]);
  });
});

describe('index content and queries', () => {
  it('ends every term in a tatweel and a kind letter, so Pagefind prefix matching is exact', () => {
    const content = indexContent('تاس تأسيس', table).split(' ');
    expect(content.every((t) => /^[^\u0640]+\u0640[a-z]{1,2}$/.test(t))).toBe(true);
    for (const a of content) for (const b of content) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
  it('turns a query into actor units and word units', () => {
    const units = parseQuery('Kim Jong Un في بيونج يانج قمة', table);
    expect(units.map((u) => u.kind)).toEqual(['actor', 'word', 'actor', 'word']);
    expect(units[0]!.terms).toEqual([actorTerm('kim-jong-un')]);
    expect(units[2]!.terms).toEqual([actorTerm('pyongyang')]);
    expect(units[3]!.terms).toEqual([readingKey('قمه')]);
  });
  it('looks up a typed attached letter only as a whole word in the text', () => {
    expect(parseQuery('بيان', table)[0]!.terms).toEqual([readingKey('بيان'), wordTerm('يان')]);
  });
  it('lets a Latin short form find the Arabic one the data pairs it with', () => {
    expect(parseQuery('Kim', table)[0]!.terms).toEqual(expect.arrayContaining([readingKey('kim'), readingKey('كيم')]));
    expect(parseQuery('كيم', table)[0]!.terms).toEqual(expect.arrayContaining([readingKey('كيم'), readingKey('kim')]));
    expect(search({ a: 'وتفقد كيم المصنع', b: 'بوتين' }, 'Kim')).toEqual(['a']);
  });
  it('returns nothing for an empty or punctuation-only query', () => {
    expect(parseQuery(' ،. ', table)).toEqual([]);
    expect(contentMatches(indexContent('بوتين', table), [])).toBe(false);
  });

  const docs = {
    a: 'عقد كيم وبوتين قمّة في قاعدة فوستوتشني الفضائية، حسب وكالة "تاس".',
    b: 'أعرب الرئيس الروسي فلاديمير بوتين عن أمله بعد قمته مع كيم جونج أون في ميناء فوستوشني الفضائي.',
    c: 'وقال المتحدث باسم الكرملين دميتري بيسكوف إن الاتفاقية ستحل محل اتفاقيات عام ١٩٦١.',
    d: 'التقى وزير الدفاع بيلوفسوف في بيونغ يانغ مع نظيره. تأسيس العلاقات قبل 75 عاما.',
    e: 'بيان عن كيان في برنامج بيونجيانج الصاروخي.',
  };
  it.each([
    ['hamza forms', 'تأسيس', ['d']],
    ['without hamza', 'تاسيس', ['d']],
    ['harakat', 'قِمَّة', ['a', 'b']],
    ['shadda and ة, with and without a suffix', 'قمة', ['a', 'b']],
    ['with the article', 'القمة', ['a', 'b']],
    ['tatweel', 'بـوتـين', ['a', 'b']],
    ['Persian letters', 'کیم', ['a', 'b']],
    ['attached و in the text', 'بوتين', ['a', 'b']],
    ['article in the text, not in the query', 'كرملين', ['c']],
    ['Arabic-Indic digits in the text, Latin in the query', '1961', ['c']],
    ['Latin digits in the text, Arabic-Indic in the query', '٧٥', ['d']],
    ['a spelling variant', 'فوستوشني', ['a', 'b']],
    ['another spelling variant', 'فوستوتشني', ['a', 'b']],
    ['multi-word variant', 'بيونج يانج', ['d', 'e']],
    ['one-word variant', 'بيونجيانج', ['d', 'e']],
    ['Latin name', 'Pyongyang', ['d', 'e']],
    ['Latin full name', 'Kim Jong Un', ['b']],
    ['Latin surname', 'Peskov', ['c']],
    ['the name the data corrects', 'Belousov', ['d']],
    ['a word that is a prefix of another word', 'تاس', ['a']],
    ['two words, both required', 'بوتين كيم', ['a', 'b']],
    ['no shared stem through a stripped letter', 'بيان', ['e']],
    ['nothing', 'بوريل', []],
  ])('%s: %s', (_kind, query, expected) => {
    expect(search(docs, query)).toEqual(expected);
  });

  it('highlights the original words, actor spellings whole', () => {
    const text = docs.b;
    const marked = (q: string) => matchRanges(text, parseQuery(q, table), table).map(([s, e]) => text.slice(s, e));
    expect(marked('قمة')).toEqual(['قمته']);
    expect(marked('Kim Jong Un')).toEqual(['كيم جونج أون']);
    expect(marked('بوتين الفضائي')).toEqual(['فلاديمير بوتين', 'الفضائي']);
  });
});
