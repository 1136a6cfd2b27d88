/** The link checker on a tiny made-up site: it must find each kind of broken reference, and only those. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../support/link-check.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'link-check-'));
const write = (rel: string, html: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), html);
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checkLinks', () => {
  write('index.html', `<!doctype html><head><link rel="canonical" href="https://example.org/t/">
    <link rel="stylesheet" href="/t/_astro/a.css"><meta property="og:url" content="https://example.org/t/gone/"></head>
    <a href="entries/x/#claim-1">ok</a> <a href="/t/entries/x/#missing">bad fragment</a> <a href="/entries/x/">outside base</a>
    <a href="entries/y/">missing page</a> <a href="javascript:alert(1)">js</a> <a href="https://other.example/">external</a>
    <a href="mailto:a@b.c">mail</a> <img src="img/a.png" srcset="img/a.png 1x, img/b.png 2x"><form action="/t/search/"></form>`);
  write('entries/x/index.html', '<!doctype html><p id="claim-1">x</p><a href="../../">home</a>');
  write('search/index.html', '<!doctype html>');
  write('_astro/a.css', '');
  write('img/a.png', '');

  const report = checkLinks(dir, '/t/', 'https://example.org');
  const broken = report.broken.map((b) => `${b.page} ${b.value} ${b.reason}`);

  it('reports each broken reference with its reason', () => {
    expect(broken).toEqual([
      'index.html /t/entries/x/#missing no element with id "missing" in entries/x/index.html',
      'index.html /entries/x/ outside the base path /t/',
      'index.html entries/y/ no such file',
      'index.html javascript:alert(1) javascript: URL',
      'index.html img/b.png no such file',
      'index.html https://example.org/t/gone/ no such file',
    ]);
  });

  it('checks every page and skips external and mailto links', () => {
    expect(report.pages).toBe(3);
    expect(report.checked).toBe(12);
  });
});
