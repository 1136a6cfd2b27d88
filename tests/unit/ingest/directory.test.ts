/**
 * The ingest over a folder: bad articles never cost good ones, URLs never move to another article, the same
 * article twice is named, seed names in any case are read, links never lead outside seeds/, and an
 * unchanged article is not built again.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { ingestDirectory, ingestDirectoryParallel } from '../../../src/ingest/directory.ts';
import { writeArticles } from '../../../scripts/lib/article-generator.ts';
import { CONTENT, tempDir, tempProject } from './helpers.ts';

const article = (head: string, said = 'الأمور على ما يرام') => `${head}\nتاريخ النشر: 2024-01-05\nقال دميتري بيسكوف إن ${said}.\n`;

function project() {
  const { seeds, entries } = tempProject('dir');
  const cacheFile = path.join(path.dirname(entries), 'cache.json');
  const run = (cache = true) => ingestDirectory(seeds, CONTENT, entries, { cacheFile: cache ? cacheFile : null });
  const write = (name: string, text: string | Buffer) => fs.writeFileSync(path.join(seeds, name), text);
  const sourceOf = (file: string) => matter(fs.readFileSync(path.join(entries, file), 'utf8')).data.source as string;
  return { seeds, entries, run, write, sourceOf };
}

describe('ingestDirectory', () => {
  it('an article that sorts first and shares a headline never takes an existing entry’s URL', () => {
    const p = project();
    p.write('m-original.txt', article('عنوان الخبر'));
    const first = p.run().written;
    expect(first).toHaveLength(1);
    p.write('a-newcomer.txt', article('عنوان الخبر', 'الأحوال جيدة'));
    const r = p.run();
    expect(p.sourceOf(first[0]!)).toBe('m-original.txt');
    expect(r.entries.find((e) => e.source === 'a-newcomer.txt')!.file).toBe(first[0]!.replace(/\.md$/, '-2.md'));
    // Without the cache too: ownership is read from the entries' own `source:` lines.
    const again = p.run(false);
    expect(again.entries.map((e) => [e.source, e.file])).toEqual(r.entries.map((e) => [e.source, e.file]));
  });

  it('names the same article saved twice as a duplicate and publishes it once', () => {
    const p = project();
    p.write('a.txt', article('عنوان الخبر'));
    p.write('b-copy.txt', `\uFEFF${article('عنوان الخبر').replace(/\n/g, '\r\n')}`);
    const r = p.run();
    expect(r.entries.map((e) => e.source)).toEqual(['a.txt']);
    expect(r.duplicates).toEqual([{ source: 'b-copy.txt', of: 'a.txt' }]);
  });

  it('reads seeds and overrides in any letter case', () => {
    const p = project();
    p.write('UPPER.TXT', article('عنوان الخبر'));
    p.write('UPPER.META.YAML', 'url: https://example.org/news/1\n');
    const r = p.run();
    expect(r.entries.map((e) => e.source)).toEqual(['UPPER.TXT']);
    expect(matter(fs.readFileSync(path.join(p.entries, r.entries[0]!.file), 'utf8')).data.url).toBe('https://example.org/news/1');
  });

  it('keeps a refused article’s earlier entry, and still writes the good ones', () => {
    const p = project();
    p.write('a.txt', article('عنوان أول'));
    p.write('b.txt', article('عنوان ثان'));
    const [, bFile] = p.run().written;
    p.write('b.txt', 'عنوان ثان وحده\n');
    p.write('c.txt', article('عنوان ثالث'));
    const r = p.run();
    expect(r.refused).toMatchObject([{ source: 'b.txt', kept: bFile }]);
    expect(r.refused[0]!.problems[0]).toMatch(/b\.txt: /);
    expect(r.entries.map((e) => e.source)).toEqual(['a.txt', 'c.txt']);
    expect(fs.existsSync(path.join(p.entries, bFile!))).toBe(true);
  });

  it('names links that lead outside seeds/, dangling links and folders, and goes on', () => {
    const p = project();
    p.write('a.txt', article('عنوان أول'));
    const outside = path.join(tempDir('outside'), 'secret.txt');
    fs.writeFileSync(outside, article('عنوان من الخارج'));
    fs.symlinkSync(outside, path.join(p.seeds, 'b-outside.txt'));
    fs.symlinkSync(path.join(p.seeds, 'missing.txt'), path.join(p.seeds, 'c-dangling.txt'));
    fs.mkdirSync(path.join(p.seeds, 'd-folder.txt'));
    const r = p.run();
    expect(r.entries.map((e) => e.source)).toEqual(['a.txt']);
    const why = Object.fromEntries(r.refused.map((x) => [x.source, x.problems.join(' ')]));
    expect(why['b-outside.txt']).toMatch(/b-outside\.txt: is a link to a file outside the seeds folder/);
    expect(why['c-dangling.txt']).toMatch(/c-dangling\.txt: cannot be read: it is a link to a file that does not exist/);
    expect(why['d-folder.txt']).toMatch(/d-folder\.txt: is not a file/);
  });

  it('builds an unchanged article only once; a changed one again', () => {
    const p = project();
    p.write('a.txt', article('عنوان أول'));
    p.write('b.txt', article('عنوان ثان'));
    expect(p.run().entries.map((e) => e.cached)).toEqual([false, false]);
    const second = p.run();
    expect(second.entries.map((e) => e.cached)).toEqual([true, true]);
    expect(second.written).toEqual([]);
    p.write('b.txt', article('عنوان ثان', 'كل شيء تغيّر'));
    const third = p.run();
    expect(third.entries.map((e) => e.cached)).toEqual([true, false]);
    expect(third.written).toHaveLength(1);
    // An entry file deleted by hand is written again from its seed.
    fs.rmSync(path.join(p.entries, third.entries[0]!.file));
    expect(p.run().written).toEqual([third.entries[0]!.file]);
  });

  it('builds every article again when a data file changes, and reads the data from the cache when none did', () => {
    const { seeds, entries } = tempProject('data');
    const content = path.join(path.dirname(entries), 'content');
    fs.cpSync(CONTENT, content, { recursive: true, filter: (src) => !src.includes(`${path.sep}entries`) });
    fs.writeFileSync(path.join(seeds, 'a.txt'), article('عنوان أول'));
    const cacheFile = path.join(path.dirname(entries), 'cache.json');
    const run = () => ingestDirectory(seeds, content, entries, { cacheFile });
    expect(run().entries[0]!.cached).toBe(false);
    expect(fs.existsSync(`${cacheFile}.data.json`)).toBe(true);
    expect(run().entries[0]!.cached).toBe(true);
    fs.appendFileSync(path.join(content, 'actors.yaml'), '\n# an editor comment\n');
    expect(run().entries[0]!.cached).toBe(false);
    // A broken data file is refused even though every article is cached.
    fs.writeFileSync(path.join(content, 'rules', 'dates.yaml'), 'months: [not, a, table]\n');
    expect(() => run()).toThrow(/dates\.yaml/);
  });
});

describe('ingestDirectoryParallel', () => {
  it('writes on worker threads exactly what one thread writes, and reports the same', async () => {
    // 450 generated articles (some refused, some duplicates): enough for two workers and several batches each.
    const one = tempProject('par-one');
    const two = tempProject('par-two');
    writeArticles(one.seeds, 450);
    writeArticles(two.seeds, 450);
    const serial = ingestDirectory(one.seeds, CONTENT, one.entries);
    const parallel = await ingestDirectoryParallel(two.seeds, CONTENT, two.entries, { workers: 2 });
    expect(parallel.entries).toEqual(serial.entries);
    expect(parallel.refused).toEqual(serial.refused.map((r) => ({ ...r, problems: r.problems.map((p) => p.replace(one.seeds, two.seeds)) })));
    expect(parallel.duplicates).toEqual(serial.duplicates);
    expect(serial.refused.length).toBeGreaterThan(0);
    const files = fs.readdirSync(one.entries).sort();
    expect(fs.readdirSync(two.entries).sort()).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(two.entries, f), 'utf8'), f).toBe(fs.readFileSync(path.join(one.entries, f), 'utf8'));
  }, 60_000);

  it('names entries as batches come back, and waits when a file belongs to a seed not built yet', async () => {
    // A new article that sorts first, with the headline (so the slug) of an article near the end: its
    // name depends on whether that later seed still publishes the file it wrote. Entries are written
    // while the workers build, so the parallel run must wait for it, and name it as one thread does.
    const one = tempProject('wait-one');
    writeArticles(one.seeds, 450);
    const first = ingestDirectory(one.seeds, CONTENT, one.entries);
    const late = first.entries.filter((e) => e.source > 'a4').at(-1)!;
    const lateText = fs.readFileSync(path.join(one.seeds, late.source), 'utf8');
    fs.writeFileSync(path.join(one.seeds, '0-new.txt'), `${lateText}\nوفي سياق متصل، تواصلت المشاورات بين الوفدين حتى ساعة متأخرة من الليل.\n`);
    const two = tempProject('wait-two');
    fs.cpSync(one.seeds, two.seeds, { recursive: true });
    fs.cpSync(one.entries, two.entries, { recursive: true });
    const serial = ingestDirectory(one.seeds, CONTENT, one.entries);
    const parallel = await ingestDirectoryParallel(two.seeds, CONTENT, two.entries, { workers: 2 });
    const added = serial.entries.find((e) => e.source === '0-new.txt')!;
    const base = late.file.replace(/(-\d+)?\.md$/, '');
    expect(added.file.startsWith(`${base}-`)).toBe(true);
    expect(first.entries.map((e) => e.file)).not.toContain(added.file);
    expect(serial.entries.find((e) => e.source === late.source)!.file).toBe(late.file);
    expect(parallel.entries.map((e) => [e.source, e.file])).toEqual(serial.entries.map((e) => [e.source, e.file]));
    expect(fs.readdirSync(two.entries).sort()).toEqual(fs.readdirSync(one.entries).sort());
  }, 60_000);
});
