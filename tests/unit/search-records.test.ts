import { describe, expect, it } from 'vitest';
import { INDEX_LANGUAGE, pagePath, recordFromPage } from '../../src/search/records.ts';
import { actorTerm, buildAliasTable, contentMatches, parseQuery, wordTerm } from '../../src/search/terms.ts';
import { loadActors } from '../../src/search/actors-data.ts';

const actors = loadActors();
const table = buildAliasTable(actors);

const entryPage = (body: string, extra = '') => `<!doctype html><html lang="ar"><head><title>t</title></head><body>
<header><nav><a href="/">الخط الزمني</a> كلمة_في_التنقل</nav><form><input name="q"></form></header>
<main><article>
<h1 data-pagefind-body>قمة في فوستوتشني</h1>
<dl><dd><time datetime="2023-09-15" data-pagefind-meta="date[datetime]">15 سبتمبر 2023</time></dd>
<dd data-pagefind-meta="outlet_label"><span data-pagefind-meta="outlet">عربي21</span> (نسبة الخبر إليه غير مؤكدة)</dd></dl>
<section data-pagefind-body><h2 data-pagefind-ignore>نص الخبر</h2>${body}</section>
<section><h2>من أين جاء هذا الخبر</h2><code data-pagefind-meta="source">001_x.txt</code><p>سطر محذوف: بوريل</p></section>
${extra}
</article></main><footer>تذييل</footer></body></html>`;

describe('records from built pages', () => {
  it('indexes only the data-pagefind-body parts, in normalised terms', () => {
    const r = recordFromPage(entryPage('<p>وقال بيسكوف</p><p>إن الزيارة</p><blockquote data-pagefind-ignore>اقتباس_مكرر</blockquote>'), 'entries/a/index.html', table, actors)!;
    expect(r.url).toBe('/entries/a/');
    expect(r.language).toBe(INDEX_LANGUAGE);
    const has = (q: string) => contentMatches(r.content, parseQuery(q, table));
    expect(has('قمة')).toBe(true);
    expect(has('Peskov')).toBe(true);
    expect(has('Vostochny')).toBe(true);
    // Paragraphs do not run together: the last word of one and the first of the next stay two words.
    expect(r.content.split(' ')).toContain(wordTerm('بيسكوف'));
    expect(has('بوريل')).toBe(false); // provenance
    expect(has('تذييل')).toBe(false); // footer
    expect(has('نص الخبر')).toBe(false); // ignored inside the body
    expect(has('اقتباس_مكرر')).toBe(false);
    expect(has('التنقل')).toBe(false);
  });

  it('keeps the original text for excerpts, without the headline, and reads meta, filters and sort', () => {
    const r = recordFromPage(entryPage('<p>وقال بيسكوف</p><p>إن الزيارة</p>'), 'entries/a/index.html', table, actors)!;
    expect(r.meta).toMatchObject({
      kind: 'entry',
      title: 'قمة في فوستوتشني',
      date: '2023-09-15',
      outlet: 'عربي21',
      outlet_label: 'عربي21 (نسبة الخبر إليه غير مؤكدة)',
      source: '001_x.txt',
      text: 'وقال بيسكوف\nإن الزيارة',
    });
    expect(r.filters).toEqual({ actor: ['vostochny-cosmodrome', 'dmitry-peskov'], year: ['2023'], outlet: ['عربي21'] });
    expect(r.sort).toEqual({ date: '2023-09-15' });
  });

  it('builds an actor page from the actor data, not from the page', () => {
    const html = '<html><body><h1 data-pagefind-meta="actor:pyongyang">بيونغ يانغ</h1><ul><li>قمة</li></ul></body></html>';
    const r = recordFromPage(html, 'actors/pyongyang/index.html', table, actors)!;
    expect(r.meta).toMatchObject({ kind: 'actor', actor: 'pyongyang', title: 'بيونغ يانغ' });
    expect(r.content.split(' ')).toContain(actorTerm('pyongyang'));
    expect(contentMatches(r.content, parseQuery('بيونجيانج', table))).toBe(true);
    expect(contentMatches(r.content, parseQuery('قمة', table))).toBe(false);
    expect(r.filters).toEqual({});
  });

  it('skips pages with nothing searchable', () => {
    expect(recordFromPage('<html><body><h1>الخط الزمني</h1></body></html>', 'index.html', table, actors)).toBeNull();
  });

  it('names the file and the reason when a page is wrong', () => {
    expect(() => recordFromPage('<h1 data-pagefind-meta="actor:nobody">x</h1>', 'actors/nobody/index.html', table, actors)).toThrow(
      /actors\/nobody\/index.html: .*"nobody"/,
    );
    expect(() => recordFromPage('<div data-pagefind-body> </div>', 'entries/e/index.html', table, actors)).toThrow(/entries\/e\/index.html: .*no text/);
    expect(() =>
      recordFromPage('<h1 data-pagefind-body>x</h1><time data-pagefind-meta="date:15/9/2023"></time>', 'entries/d/index.html', table, actors),
    ).toThrow(/entries\/d\/index.html: .*YYYY-MM-DD/);
  });

  it('reads Pagefind attribute lists ("key:value, key[attr]")', () => {
    const r = recordFromPage('<div data-pagefind-body data-pagefind-meta="title:عنوان, date[data-d]" data-d="2024-06-20">نص</div>', 'p/index.html', table, actors)!;
    expect(r.meta).toMatchObject({ title: 'عنوان', date: '2024-06-20' });
  });

  it('turns build paths into site paths', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('entries/x/index.html')).toBe('/entries/x/');
    expect(pagePath('404.html')).toBe('/404.html');
  });
});
