/**
 * Search documents for the search benchmarks: `n` entries generated from the site's real ones (their
 * sentences shuffled, made-up words and names added so the vocabulary grows as a real corpus's would,
 * dates spread over 2010–2025, outlets, unlinked people), plus the real actor pages. Seeded: every run
 * generates the same documents. Used by `npm run bench:search` and `npm run measure:search-index`.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteSearchDocs } from '../../src/integrations/search-index.ts';
import type { SearchDoc } from '../../src/search/index-build.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A deterministic pseudo-random generator (mulberry32), so every run generates the same site. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` entries generated from the real ones (see the header), plus the real actor pages. */
export function generatedDocs(n: number): SearchDoc[] {
  const real = siteSearchDocs();
  const entries = real.filter((d) => d.kind === 'entry');
  const sentences = entries.flatMap((d) => d.text.split(/(?<=[.!؟])\s+|\n/)).filter((x) => x.trim().length > 20);
  const outlets = (YAML.parse(fs.readFileSync(path.join(ROOT, 'content/outlets.yaml'), 'utf8')) as Array<{ name_ar: string }>).map((o) => o.name_ar);
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const madeUp = Array.from({ length: 40_000 }, () => Array.from({ length: 4 + Math.floor(rand() * 5) }, () => pick([...letters])).join(''));
  const people = Array.from({ length: 300 }, () => `${pick(madeUp)} ${pick(madeUp)}`);
  const out: SearchDoc[] = [];
  for (let i = 0; i < n; i++) {
    const base = entries[i % entries.length]!;
    const body = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => {
      const words = pick(sentences).split(' ');
      for (let k = 0; k < 3; k++) words.splice(Math.floor(rand() * words.length), 0, pick(madeUp));
      return words.join(' ');
    }).join('\n');
    const y = 2010 + Math.floor(rand() * 16);
    const m = 1 + Math.floor(rand() * 12);
    const date = `${y}-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const outlet = pick(outlets);
    const person = rand() < 0.3 ? [pick(people)] : [];
    out.push({
      ...base,
      path: `entries/generated-${i}/`,
      title: pick(sentences).split(' ').slice(0, 12).join(' '),
      text: body,
      extra: [outlet, ...person].join('\n'),
      date,
      outlet,
      source: `generated-${i}.txt`,
      filters: { ...base.filters, year: [String(y)], month: [date.slice(5, 7)], outlet: [outlet], person },
    });
  }
  return [...out, ...real.filter((d) => d.kind === 'actor')];
}

