/**
 * search-data/ as written and read: what a result shows and the vocabulary are stored gzip-compressed
 * (fewer bytes per query from a host that serves JSON uncompressed), and the page reads them whether the
 * host sends the stored bytes or decodes them itself (a host that serves .gz with Content-Encoding).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadActors } from '../../src/search/actors-data.ts';
import { actorDocs, buildSearchRecords, writeSearchData, type SearchDoc } from '../../src/search/index-build.ts';
import { storedJson } from '../../src/search/pagefind-backend.ts';
import { docFile, storedFile } from '../../src/search/query.ts';
import { buildAliasTable } from '../../src/search/terms.ts';

const entry = (name: string, text: string): SearchDoc => ({
  kind: 'entry',
  path: `entries/${name}/`,
  title: `عنوان ${name}`,
  text,
  extra: '',
  date: '2024-06-19',
  outlet: 'مصدر',
  source: `${name}.txt`,
  filters: { actor: [], year: ['2024'], month: ['06'], person: [] },
});

describe('search-data files', () => {
  const actors = loadActors();
  const text = 'وصل الرئيس الروسي إلى بيونغ يانغ في زيارة رسمية تستمر يومين، وأجرى محادثات مطولة مع الزعيم الكوري. '.repeat(12);
  const built = buildSearchRecords([entry('a', text), entry('b', 'نص قصير عن اتفاقية الشراكة'), ...actorDocs(actors)], buildAliasTable(actors));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-data-'));
  writeSearchData(built, dir);

  it('stores each result file and vocabulary file gzip-compressed, and the manifest plain', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(built.manifest);
    const logical = [...built.files.keys()].filter((f) => f !== 'manifest.json');
    expect(logical.some((f) => f.startsWith('v/'))).toBe(true);
    for (const f of logical) {
      const stored = fs.readFileSync(path.join(dir, storedFile(f)));
      expect([stored[0], stored[1]], f).toEqual([0x1f, 0x8b]);
      expect(zlib.gunzipSync(stored).toString('utf8'), f).toBe(built.files.get(f));
      expect(fs.existsSync(path.join(dir, f)), `${f} is not also stored uncompressed`).toBe(false);
    }
    // The long text is where the bytes go: compressed to well under half.
    const n = 0;
    expect(fs.statSync(path.join(dir, storedFile(docFile(n)))).size).toBeLessThan(built.files.get(docFile(n))!.length / 2);
  });

  it('reads a stored file as sent, or as a host already decoded it, and names a missing one', async () => {
    const f = storedFile(docFile(0));
    const bytes = fs.readFileSync(path.join(dir, f));
    const expected = JSON.parse(built.files.get(docFile(0))!);
    expect(await storedJson(new Response(bytes), f)).toEqual(expected);
    expect(await storedJson(new Response(built.files.get(docFile(0))!), f)).toEqual(expected);
    await expect(storedJson(new Response('', { status: 404 }), f)).rejects.toThrow(`search-data/${f}: HTTP 404`);
  });
});
