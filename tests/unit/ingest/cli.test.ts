/**
 * The real command (scripts/ingest.ts) on temporary folders: a bad article is refused by name with its
 * reason and never costs the good ones (and --strict makes it fail); a bad data file stops everything;
 * stale entries go; two runs are byte-identical; the committed entries are what a fresh ingest writes (drift).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { entrySchema } from '../../../src/lib/entry-schema.ts';
import { CONTENT, FIXTURES, LIVE_SEEDS, ROOT, readReport, runCli, snapshot, tempDir, tempProject } from './helpers.ts';

const GOOD = 'عنوان خبر سليم\nتاريخ النشر: 2024-01-05\nقال دميتري بيسكوف إن الأمور على ما يرام.\nالمصدر: الأسبوع\n';

/** A seeds folder with one good article plus `extra` files, and an entries folder holding one old entry. */
function setup(extra: Record<string, string | Uint8Array>) {
  const { seeds, entries } = tempProject('cli');
  fs.writeFileSync(path.join(seeds, 'a-good.txt'), GOOD);
  fs.writeFileSync(path.join(entries, 'old-entry.md'), '---\ntitle: old\n---\n');
  for (const [name, content] of Object.entries(extra)) fs.writeFileSync(path.join(seeds, name), content);
  return { seeds, entries };
}

describe('a bad article is refused by name and reason; the good one is still written', () => {
  const cases: [string, Record<string, string | Uint8Array>, RegExp][] = [
    ['an empty file', { 'b-empty.txt': '' }, /b-empty\.txt: the file is empty/],
    ['a binary file', { 'b-binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]) }, /b-binary\.txt: not/],
    // (Windows-1256 and UTF-16 are read now, see decode.test.ts; Latin-1 French is none of the encodings.)
    ['text in no encoding the ingest reads', { 'b-latin1.txt': new Uint8Array(Buffer.from('héllo wörld, ça va très bien\n', 'latin1')) }, /b-latin1\.txt: not UTF-8 text .*nor as Windows-1256/],
    // (A page with text but no headline is no longer refused: its title is derived from the lead, see headline.test.ts.)
    ['only furniture', { 'b-furniture.txt': 'التعليقات (0)\nاظهار أخبار متعلقة\n' }, /b-furniture\.txt: no headline/],
    ['no date and no override', { 'b-nodate.txt': 'عنوان بلا تاريخ\nقال بوتين إن كل شيء بخير.\n' }, /b-nodate\.txt: no date/],
    [
      'an override naming an unknown actor',
      { 'b-actor.txt': GOOD, 'b-actor.meta.yaml': 'notes:\n  - text: ملاحظة\n    actor: boris-belousov\n' },
      /b-actor\.meta\.yaml: override names unknown actor "boris-belousov"/,
    ],
    ['an override with a malformed date', { 'b-date.txt': GOOD, 'b-date.meta.yaml': "date:\n  value: '2024-02-30'\n  note: خطأ\n" }, /b-date\.meta\.yaml: bad override at date\.value \(line 2\): not a calendar date/],
    ['an override with an unknown key', { 'b-key.txt': GOOD, 'b-key.meta.yaml': 'outlett: الأسبوع\n' }, /b-key\.meta\.yaml: bad override .*outlett/],
    ['an override without a note', { 'b-note.txt': GOOD, 'b-note.meta.yaml': "date:\n  value: '2024-01-05'\n" }, /b-note\.meta\.yaml: bad override at date\.note/],
    ['an override that is not YAML', { 'b-yaml.txt': GOOD, 'b-yaml.meta.yaml': 'date: [unclosed\n' }, /b-yaml\.meta\.yaml: override is not valid YAML/],
    ['an override without its seed', { 'b-orphan.meta.yaml': 'notes: []\n' }, /b-orphan\.meta\.yaml: override without a seed/],
  ];
  // Each case is its own process: run them side by side.
  it.concurrent.each(cases)('%s', async (_label, extra, message) => {
    const { seeds, entries } = setup(extra);
    const r = await runCli(seeds, entries);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/refused: b-/);
    expect(r.stderr).toMatch(message);
    const report = readReport(entries);
    expect(report.refused.map((x) => x.source)).toEqual([Object.keys(extra).find((n) => n.endsWith('.txt')) ?? Object.keys(extra)[0]]);
    expect(report.refused[0]!.problems.join('\n')).toMatch(message);
    // The good article is published.
    expect(report.entries.map((e) => e.source)).toEqual(['a-good.txt']);
    expect(fs.readdirSync(entries).filter((f) => f !== 'old-entry.md')).toHaveLength(1);
    // --strict: the same run fails, for CI on the repo's own seeds.
    expect((await runCli(seeds, entries, CONTENT, ['--strict'])).status).toBe(1);
  });
});

describe('bad data stops the ingest too, naming the data file', () => {
  it('an invalid rules file', async () => {
    const { seeds, entries } = setup({});
    const content = path.join(tempDir('content'), 'content');
    fs.cpSync(CONTENT, content, { recursive: true, filter: (src) => !src.includes(`${path.sep}entries`) });
    fs.writeFileSync(path.join(content, 'rules', 'dates.yaml'), 'months: [not, a, table]\n');
    const before = snapshot(entries);
    const r = await runCli(seeds, entries, content);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stderr).toMatch(/rules\/dates\.yaml: invalid data at /);
    expect(snapshot(entries)).toEqual(before);
  });
});

describe('a good run', () => {
  it('writes entries, removes entries whose seed is gone, and reads BOM + CRLF seeds', async () => {
    const bomCrlf = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(GOOD.replace('عنوان خبر سليم', 'عنوان آخر').replace(/\n/g, '\r\n'))]);
    const { seeds, entries } = setup({ 'c-bom-crlf.txt': bomCrlf });
    const r = await runCli(seeds, entries);
    expect(r.status, r.stderr).toBe(0);
    const files = fs.readdirSync(entries).sort();
    expect(files).not.toContain('old-entry.md');
    expect(files).toHaveLength(2);
    for (const f of files) {
      const { data, content } = matter(fs.readFileSync(path.join(entries, f), 'utf8'));
      expect(entrySchema.safeParse(data).success).toBe(true);
      expect(content).not.toMatch(/\r|\uFEFF/);
      expect(f).toMatch(/^2024-01-05-[a-z0-9-]+\.md$/);
    }
    const bom = files.map((f) => matter(fs.readFileSync(path.join(entries, f), 'utf8')).data).find((d) => d.source === 'c-bom-crlf.txt');
    expect(bom).toMatchObject({ title: 'عنوان آخر', date: '2024-01-05', outlet: 'الأسبوع', claims: [{ speaker: 'dmitry-peskov' }] });
  });

  it('turns an article in a format the seeds do not use into a correct entry', async () => {
    const dir = tempDir('fixture');
    const entries = path.join(dir, 'entries');
    const r = await runCli(path.join(FIXTURES, 'new-format'), entries);
    expect(r.status, r.stderr).toBe(0);
    const [file] = fs.readdirSync(entries);
    const fm = entrySchema.parse(matter(fs.readFileSync(path.join(entries, file!), 'utf8')).data);
    const body = matter(fs.readFileSync(path.join(entries, file!), 'utf8')).content;
    expect(fm).toMatchObject({
      title: 'الكرملين: بوتين مستعد للقاء كيم جونغ أون مجدداً',
      date: '2024-03-03',
      date_basis: { kind: 'stated', line: 'نُشر في ٣ آذار ٢٠٢٤ - ١٤:٣٠ بتوقيت مكة' },
      published_at: '2024-03-03T14:30:00+03:00',
      outlet: 'الوكالة العربية السورية للأنباء',
      outlet_basis: { kind: 'stated', rule: 'agency_mark' },
      actors: ['vladimir-putin', 'kim-jong-un', 'dmitry-peskov'],
    });
    // The quotation headline («الكرملين: …»), Peskov's statement and the quotation inside it, «وأضاف».
    expect(fm.claims.map((c) => [c.speaker, c.kind])).toEqual([['kremlin', 'direct'], ['dmitry-peskov', 'reported'], ['dmitry-peskov', 'direct'], ['dmitry-peskov', 'reported']]);
    expect(fm.claims[1]!.when).toEqual({ text: 'اليوم الأحد', date: '2024-03-03' });
    expect(fm.removed.map((x) => x.rule)).toEqual(['section_label', 'date_line', 'agency_mark', 'tag_line', 'comment_counter', 'read_also_tail', 'read_also_tail']);
    expect(body).toContain('## اتصالات متواصلة');
    expect(body).toContain('وكان الزعيم كيم جونغ أون'); // Persian letters made Arabic
    expect(body).not.toMatch(/بيلوسوف|اقرأ المزيد|سانا|وسوم|التعليقات/);
  });
});

describe('determinism and drift', () => {
  let first: Map<string, string>;
  beforeAll(async () => {
    const entries = path.join(tempDir('det'), 'entries');
    const r = await runCli(LIVE_SEEDS, entries, CONTENT, ['--strict']);
    expect(r.status, r.stderr).toBe(0);
    first = snapshot(entries);
  });

  it('two runs write byte-identical files', async () => {
    const entries = path.join(tempDir('det2'), 'entries');
    expect((await runCli(LIVE_SEEDS, entries)).status).toBe(0);
    expect(snapshot(entries)).toEqual(first);
    expect(first.size).toBe(fs.readdirSync(LIVE_SEEDS).filter((n) => n.endsWith('.txt')).length);
  });

  it('the committed content/entries are exactly what a fresh ingest writes (run `npm run ingest` and commit)', () => {
    expect(snapshot(path.join(CONTENT, 'entries'))).toEqual(first);
  });
});

describe('an editor adds an article as the README says', () => {
  it('gets its entry, the ingest stays strict-green, and every existing entry stays byte for byte where it was', async () => {
    const dir = tempDir('editor');
    const seeds = path.join(dir, 'seeds');
    const entries = path.join(dir, 'entries');
    fs.cpSync(LIVE_SEEDS, seeds, { recursive: true });
    fs.cpSync(path.join(CONTENT, 'entries'), entries, { recursive: true });
    const before = snapshot(entries);
    // A real-shaped article from the corpus, saved under a new name.
    fs.copyFileSync(path.join(ROOT, 'tests', 'corpus', 'articles', 'aljazeera-net-1.txt'), path.join(seeds, 'zz-new-article.txt'));
    const r = await runCli(seeds, entries, CONTENT, ['--strict']);
    expect(r.status, r.stderr).toBe(0);
    const after = snapshot(entries);
    for (const [file, bytes] of before) expect(after.get(file), file).toBe(bytes);
    expect(after.size).toBe(before.size + 1);
    expect(readReport(entries).entries.find((e) => e.source === 'zz-new-article.txt')).toMatchObject({ date: '2024-06-19', dateBasis: 'stated' });
  });
});
