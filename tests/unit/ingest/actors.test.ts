import { describe, expect, it } from 'vitest';
import { listActors } from '../../../src/ingest/actors.ts';
import { projectIngestor, seedEntry } from './helpers.ts';

const people = (...texts: string[]) => listActors(texts, projectIngestor().matcher).actors;
const all = (...texts: string[]) => listActors(texts, projectIngestor().matcher);

describe('actors by every variant', () => {
  it('جونغ and جونج, with a hyphen, and Persian letters', () => {
    expect(people('التقى كيم جونغ أون')).toEqual(['kim-jong-un']);
    expect(people('التقى كيم جونج أون')).toEqual(['kim-jong-un']);
    expect(people('قال كيم جونج-أون')).toEqual(['kim-jong-un']);
    expect(people('قال کیم جونج أون')).toEqual(['kim-jong-un']);
  });

  it('بيلوسوف, بيلوفسوف and the wrong first name all mean Andrei Belousov', () => {
    expect(people('زار بوريس بيلوسوف')).toEqual(['andrei-belousov']);
    expect(people('وقال بيلوفسوف')).toEqual(['andrei-belousov']);
    expect(people('أندريه بيلوسوف')).toEqual(['andrei-belousov']);
  });

  it('harakat, tatweel and attached letters (و ب ل لل)', () => {
    expect(people('وبـوتـين')).toEqual(['vladimir-putin']);
    expect(people('قالَ لبوتين')).toEqual(['vladimir-putin']);
    expect(all('تصريح للكرملين').organisations).toEqual(['kremlin']);
    expect(all('وبيونج يانج وبيونجيانج').places).toEqual(['pyongyang']);
  });

  it('longest match wins: "كيم جونغ إيل" is Kim Jong Il, not Kim Jong Un', () => {
    expect(people('عندما كان كيم جونغ إيل يحكم البلاد')).toEqual(['kim-jong-il']);
    expect(people('والد "كيم جونغ أون"، "كيم جونغ إيل"')).toEqual(['kim-jong-un', 'kim-jong-il']);
  });

  it('a short form or a title counts only when the article names the actor in full', () => {
    expect(people('وصل كيم إلى موسكو')).toEqual([]);
    expect(people('وصل كيم إلى موسكو', 'وقال كيم جونغ أون')).toEqual(['kim-jong-un']);
    expect(people('قال المتحدث باسم الكرملين إن …')).toEqual([]);
    expect(people('قال المتحدث باسم الكرملين إن …', 'دميتري بيسكوف')).toEqual(['dmitry-peskov']);
  });

  it('sorts people, places and organisations apart, in order of first mention', () => {
    expect(all('بحث بوتين في قاعدة فوستوتشني مع كيم جونغ أون، حسب وكالة تاس.')).toEqual({
      actors: ['vladimir-putin', 'kim-jong-un'],
      places: ['vostochny-cosmodrome'],
      organisations: ['tass'],
    });
  });
});

describe('actors of each seed', () => {
  it('000', () => {
    expect(seedEntry('000').frontmatter).toMatchObject({ actors: ['dmitry-peskov', 'vladimir-putin', 'kim-jong-un'], places: ['moscow', 'pyongyang', 'russia', 'north-korea', 'vostochny-cosmodrome'], organisations: ['kremlin'] });
  });
  it('001', () => {
    const fm = seedEntry('001').frontmatter;
    expect(fm.actors).toEqual(['kim-jong-un', 'dmitry-peskov', 'vladimir-putin', 'alexander-kozlov', 'andrei-rudenko']);
    expect(fm.places).toEqual(['moscow', 'russia', 'north-korea', 'vostochny-cosmodrome', 'khasan', 'primorsky-krai', 'south-korea', 'united-states', 'seoul', 'washington', 'ukraine', 'pyongyang']);
    expect(fm.organisations).toEqual(['kremlin', 'tass', 'united-nations', 'interfax']);
  });
  it('002: Borrell and Biden are only in the removed read-also story', () => {
    const fm = seedEntry('002').frontmatter;
    expect(fm.actors).toEqual(['vladimir-putin', 'kim-jong-un', 'dmitry-peskov']);
    expect(fm.places).toEqual(['russia', 'north-korea', 'vostochny-cosmodrome', 'komsomolsk-on-amur', 'knevichi-airfield']);
    expect(fm.actors).not.toContain('joe-biden');
  });
  it('003: Kim Jong Il as well as Kim Jong Un', () => {
    expect(seedEntry('003').frontmatter.actors).toEqual(['vladimir-putin', 'kim-jong-un', 'kim-jong-il', 'dmitry-peskov']);
  });
  it('004: Belousov though the article calls him Boris, and No Kwang Chol', () => {
    expect(seedEntry('004').frontmatter.actors).toEqual(['andrei-belousov', 'kim-jong-un', 'vladimir-putin', 'no-kwang-chol']);
    expect(seedEntry('004').frontmatter.notes[0]).toMatch(/أندريه بيلوسوف/);
  });
});

describe("an article's texts matched in one pass", () => {
  const texts = ['قال فلاديمير بوتين إن الكرملين', 'لم يعلق دميتري بيسكوف', 'وزار كيم جونغ أون موسكو'];

  it('gives each text the mentions it has when matched alone', async () => {
    const { ActorMatcher } = await import('../../../src/ingest/actors.ts');
    const { tokenize } = await import('../../../src/text/tokens.ts');
    const data = projectIngestor().data;
    const once = new ActorMatcher(data.actors);
    const named = once.namedInFull(texts);
    for (const t of texts) expect(once.mentions(tokenize(t), named)).toEqual(new ActorMatcher(data.actors).mentions(tokenize(t), named));
  });

  it('a name running from one text into the next counts as named, as in the texts joined', async () => {
    const { ActorMatcher } = await import('../../../src/ingest/actors.ts');
    const { tokenize } = await import('../../../src/text/tokens.ts');
    const data = projectIngestor().data;
    const split = ['قال فلاديمير', 'بوتين إن'];
    const m = new ActorMatcher(data.actors);
    expect([...m.namedInFull(split)]).toEqual([...new ActorMatcher(data.actors).namedInFull(split.join('\n'))]);
    // Each text alone still reads as itself.
    expect(m.mentions(tokenize(split[0]!), new Set())).toEqual(new ActorMatcher(data.actors).mentions(tokenize(split[0]!), new Set()));
  });
});
