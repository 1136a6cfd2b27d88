/**
 * Astro's incremental build (astro.config.ts, cache keys in src/lib/page-keys.ts): a rebuild after an
 * editor's correction, with the last build's pages in place and its cache beside them, must write exactly
 * the pages a fresh build of the corrected entries writes. An entry page's key that missed something the
 * page shows (a neighbour's title, a linked actor) would leave a stale copy and fail this.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENTRIES, buildSite } from '../support/site.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'incremental-'));
// buildSite keeps each output folder's Astro cache in node_modules/.astro-<folder name>: start both empty.
const OUTS = ['incremental-out', 'incremental-fresh'];
const cacheOf = (name: string) => path.join(ROOT, 'node_modules', `.astro-${name}`);
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  for (const name of OUTS) fs.rmSync(cacheOf(name), { recursive: true, force: true });
});

/** Always a real build: SKIP_BUILD (reuse an existing output while iterating) would skip the rebuild. */
function build(entries: string, out: string) {
  const skip = process.env.SKIP_BUILD;
  delete process.env.SKIP_BUILD;
  try {
    buildSite(entries, out);
  } finally {
    if (skip !== undefined) process.env.SKIP_BUILD = skip;
  }
}

function htmlOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.set(path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

describe('an incremental rebuild', () => {
  it('after a corrected title writes the same pages as a fresh build', { timeout: 180_000 }, () => {
    const entries = path.join(work, 'entries');
    fs.cpSync(TEST_ENTRIES, entries, { recursive: true });
    for (const name of OUTS) fs.rmSync(cacheOf(name), { recursive: true, force: true });
    const out = path.join(work, OUTS[0]!);
    build(entries, out);
    const first = htmlOf(out);

    // The editor corrects the second entry's headline: its page, its neighbours' and the lists change.
    const files = fs.readdirSync(entries).filter((f) => f.endsWith('.md')).sort();
    const file = path.join(entries, files[1]!);
    const parsed = matter(fs.readFileSync(file, 'utf8'));
    const oldTitle = parsed.data.title as string;
    parsed.data.title = `${oldTitle} (عنوان مصحَّح)`;
    fs.writeFileSync(file, matter.stringify(parsed.content, parsed.data));

    build(entries, out);
    const again = htmlOf(out);
    const fresh = path.join(work, OUTS[1]!);
    build(entries, fresh);
    const expected = htmlOf(fresh);

    expect([...again.keys()].sort()).toEqual([...expected.keys()].sort());
    const differing = [...expected].filter(([page, html]) => again.get(page) !== html).map(([page]) => page);
    expect(differing).toEqual([]);
    // The correction reached the corrected entry and its two neighbours, and no other entry page.
    const changed = [...again].filter(([page, html]) => first.get(page) !== html).map(([page]) => page);
    expect(changed.filter((p) => p.startsWith('entries'))).toHaveLength(files.length >= 3 ? 3 : files.length);
    expect([...again.values()].some((html) => html.includes('(عنوان مصحَّح)'))).toBe(true);
  });
});
