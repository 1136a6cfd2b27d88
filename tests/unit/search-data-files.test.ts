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
import { actorDocs, buildSearchRecords, pagefindIds, writePagefindBundle, writeSearchData, type SearchDoc } from '../../src/search/index-build.ts';
import { storedJson } from '../../src/search/pagefind-backend.ts';
import { docFile, IDS_FILE, listingChecksum, ORDER_FILE, storedFile } from '../../src/search/files.ts';
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

describe('the checksum of Pagefind\'s listing (search-data/order.json)', () => {
  it('changes when two ids swap, one is missing or one differs', () => {
    const ids = ['und_0a1b2c3', 'und_4d5e6f7', 'und_8a9b0c1'];
    const sum = listingChecksum(ids);
    expect(sum).toMatch(/^[0-9a-f]{8}$/);
    expect(listingChecksum([...ids])).toBe(sum);
    expect(listingChecksum([ids[1]!, ids[0]!, ids[2]!])).not.toBe(sum);
    expect(listingChecksum(ids.slice(0, 2))).not.toBe(sum);
    expect(listingChecksum(['und_0a1b2c', '3und_4d5e6f7', ids[2]!])).not.toBe(sum);
  });

  it("is taken from the bundle Pagefind wrote: each record's fragment, in the records' order", async () => {
    const actors = loadActors();
    const docs = ['أ', 'ب', 'ج', 'د', 'ه'].map((x, i) => ({ ...entry(`e${i}`, `خبر ${x} عن زيارة ${i}`), date: `2024-0${i + 1}-01` }));
    const built = buildSearchRecords(docs, buildAliasTable(actors));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-order-'));
    try {
      await writePagefindBundle(built, path.join(dir, 'pagefind'));
      const ids = pagefindIds(built, path.join(dir, 'pagefind'));
      expect(ids).toHaveLength(built.records.length);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [i, id] of ids.entries()) {
        const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'pagefind', 'fragment', `${id}.pf_fragment`))).toString('utf8');
        expect(JSON.parse(text.slice(text.indexOf('{'))).url).toBe(built.records[i]!.url);
      }
      expect(JSON.parse(built.files.get(ORDER_FILE)!)).toEqual({ build: built.manifest.build, ids: listingChecksum(ids) });
      expect(JSON.parse(built.files.get(IDS_FILE)!)).toEqual(ids);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
