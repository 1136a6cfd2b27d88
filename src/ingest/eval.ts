/**
 * The ingest's quality as numbers: runs the real pipeline over the corpus in tests/corpus/articles/
 * (articles in real outlets' page shapes, each with a gold file, see tests/corpus/README.md) and scores
 * each field against the gold. `npm run eval:ingest` prints the table; tests/unit/ingest/eval-gate.test.ts
 * holds the floors.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Actor, EntryFrontmatter } from '../lib/entry-schema.ts';
import { foldArabic } from '../text/normalize.ts';
import { NameIndex } from '../text/names.ts';
import { tokenize } from '../text/tokens.ts';
import { fullSpellings } from './actors.ts';
import type { Outlet } from './data.ts';
import { IngestError } from './errors.ts';
import { buildEntry, type Entry, type Ingestor } from './pipeline.ts';

export interface Gold {
  shape: string;
  title: string | null;
  date: string | null;
  date_basis: 'stated' | 'inferred' | 'none';
  outlet: string | null;
  via: string | null;
  people: string[];
  places?: string[];
  furniture: string[];
  claims: { speaker: string; words: string; kind: 'direct' | 'reported' }[];
}

export interface CorpusArticle {
  name: string;
  text: string;
  bytes: Uint8Array;
  gold: Gold;
}

export function loadCorpus(dir: string): CorpusArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const bytes = fs.readFileSync(path.join(dir, f));
      const goldFile = path.join(dir, f.replace(/\.txt$/, '.gold.yaml'));
      const gold = YAML.parse(fs.readFileSync(goldFile, 'utf8')) as Gold;
      return { name: f, bytes, text: bytes.toString('utf8'), gold: { ...gold, people: gold.people ?? [], furniture: (gold.furniture ?? []).map(String), claims: gold.claims ?? [] } };
    });
}

/** One count: how many were right out of how many. */
export interface Score {
  right: number;
  total: number;
}
const ratio = (s: Score) => (s.total ? s.right / s.total : 1);

export interface Miss {
  article: string;
  field: string;
  expected: string;
  got: string;
}

export interface EvalResult {
  articles: number;
  titles: Score;
  dates: Score;
  wrongDates: number;
  outlets: Score;
  vias: Score;
  /** An outlet or via given that the text does not name as such (worse than none). */
  wrongOutlets: number;
  peopleRecall: Score;
  peoplePrecision: Score;
  furnitureLeft: number;
  textCut: number;
  claims: Score;
  /** Claims written whose words a gold statement has (right) of all claims written (total). */
  claimPrecision: Score;
  wrongSpeaker: Score;
  refused: number;
  misses: Miss[];
}

const fold = (s: string) => foldArabic(s);
const words = (s: string) => tokenize(s).map((t) => t.folded);

/** Does a predicted name (an actor, or an unlinked person's name) stand for the gold name? */
function nameMatcher(actors: Actor[]) {
  const index = new NameIndex(actors.flatMap((a) => [...fullSpellings(a), ...a.short].map((s) => ({ words: words(s), value: a.id }))));
  // A gold name stands for a person only when one of the person's spellings is the whole name: «كيم جونج
  // جيو» is not Kim Jong Un for holding «كيم». (A body's gold name may say more than its spellings: «جهاز
  // المخابرات الوطني في كوريا الجنوبية».)
  const kindOf = new Map(actors.map((a) => [a.id, a.kind]));
  const idsIn = (name: string) => {
    const tokens = tokenize(name);
    const whole = (m: { first: number; last: number }) => m.first === 0 && m.last === tokens.length - 1;
    return new Set(index.matchAll(tokens).flatMap((m) => m.values.filter((id) => whole(m) || kindOf.get(id) !== 'person')));
  };
  return {
    /** The actor ids a gold name can stand for. */
    idsOf: idsIn,
    sameName(a: string, b: string): boolean {
      const fa = words(a);
      const fb = words(b);
      if (!fa.length || !fb.length) return false;
      const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
      // «بوتين» and «فلاديمير بوتين»: the shorter is the longer's last words or first words.
      return short.every((w, i) => long[long.length - short.length + i] === w) || short.every((w, i) => long[i] === w);
    },
  };
}

function outletMatches(got: string | null, expected: string, outlets: Outlet[]): boolean {
  if (!got) return false;
  const record = (name: string) => outlets.find((o) => [o.name_ar, o.name_en, ...o.names].some((n) => fold(n) === fold(name)));
  const a = record(got);
  const b = record(expected);
  if (a && b) return a.id === b.id;
  const fg = fold(got);
  const fe = fold(expected);
  // One name inside the other, whole words, at most two more («صحيفة الساحل» for «الساحل»): a name
  // with a sentence run into it («الساحل - جميع الحقوق محفوظة») is not the outlet's name.
  const within = (short: string, long: string) =>
    short.length > 2 && ` ${long} `.includes(` ${short} `) && long.split(' ').length - short.split(' ').length <= 2;
  return fg === fe || within(fg, fe) || within(fe, fg);
}

/** How much of the gold statement the claim holds, and how much of the claim is the statement. */
function wordsMatch(got: string, expected: string): boolean {
  const g = words(got);
  const e = words(expected);
  if (!g.length || !e.length) return false;
  const gs = new Set(g);
  const es = new Set(e);
  const common = [...es].filter((w) => gs.has(w)).length;
  return common / es.size >= 0.8 && common / gs.size >= 0.6;
}

/** Score one article's entry (or refusal) against its gold. */
export function scoreArticle(a: CorpusArticle, entry: Entry | null, refusal: string | null, ingestor: Ingestor, r: EvalResult, undated: Entry | null = null): void {
  const { gold } = a;
  const miss = (field: string, expected: unknown, got: unknown) =>
    r.misses.push({ article: a.name, field, expected: String(expected ?? '—'), got: String(got ?? (refusal ? `refused: ${refusal.replace(/^.*?: /, '')}` : '—')) });
  const dated: EntryFrontmatter | null = entry?.frontmatter ?? null;
  // Every field but the date is scored on the article's entry, or, when it was refused only for want of a
  // date, on what the pipeline makes of it with a placeholder date.
  const fm: EntryFrontmatter | null = dated ?? undated?.frontmatter ?? null;
  const names = nameMatcher(ingestor.data.actors);
  r.articles++;
  if (!dated) r.refused++;

  // Title: the printed headline; with none, a title derived from the lead and marked so, or a refusal.
  r.titles.total++;
  const derived = !!fm?.title_derived;
  const titleOk = gold.title === null ? !fm || derived : !!fm && !derived && fold(fm.title) === fold(gold.title);
  if (titleOk) r.titles.right++;
  else miss('title', gold.title ?? '(none: derive or refuse)', fm ? `${fm.title}${derived ? ' (derived)' : ''}` : null);

  // Date: right when it is the gold date; a wrong one is worse than none.
  if (gold.date) {
    r.dates.total++;
    if (dated?.date === gold.date) r.dates.right++;
    else miss('date', gold.date, dated?.date);
  }
  if (dated && dated.date !== gold.date && dated.date_basis.kind !== 'editorial') {
    r.wrongDates++;
    if (!gold.date) miss('date', '(none)', `${dated.date} (${dated.date_basis.kind})`);
  }

  if (gold.outlet) {
    r.outlets.total++;
    if (outletMatches(fm?.outlet ?? null, gold.outlet, ingestor.data.outlets)) r.outlets.right++;
    else miss('outlet', gold.outlet, fm?.outlet);
  }
  if (gold.via) {
    r.vias.total++;
    if (outletMatches(fm?.via ?? null, gold.via, ingestor.data.outlets)) r.vias.right++;
    else miss('via', gold.via, fm?.via);
  }
  for (const [field, got, expected] of [['outlet', fm?.outlet, gold.outlet], ['via', fm?.via, gold.via]] as const) {
    if (!got || (expected && outletMatches(got, expected, ingestor.data.outlets))) continue;
    r.wrongOutlets++;
    if (!expected) miss(field, '(none)', got);
  }

  // People: linked actors (by any spelling) and unlinked people (by name).
  if (fm) {
    const linked = fm.actors;
    const unlinked = fm.people.map((p) => p.name);
    const goldMatches = (g: string) => {
      const ids = names.idsOf(g);
      return linked.some((id) => ids.has(id)) || unlinked.some((u) => names.sameName(u, g));
    };
    for (const g of gold.people) {
      r.peopleRecall.total++;
      if (goldMatches(g)) r.peopleRecall.right++;
      else miss('person', g, null);
    }
    for (const id of linked) {
      r.peoplePrecision.total++;
      if (gold.people.some((g) => names.idsOf(g).has(id))) r.peoplePrecision.right++;
      else miss('person (extra)', '—', id);
    }
    for (const u of unlinked) {
      r.peoplePrecision.total++;
      if (gold.people.some((g) => names.sameName(u, g))) r.peoplePrecision.right++;
      else miss('person (extra)', '—', u);
    }
  } else {
    r.peopleRecall.total += gold.people.length;
  }

  // Lines: every non-empty line is the title, furniture or article text in the gold; compare with what was cut.
  const lines = a.text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const furniture = new Set(gold.furniture.map((f) => f.trim()));
  const cutLines = new Set((fm?.removed ?? []).filter((x) => x.text.trim() === lines[x.line - 1]?.trim()).map((x) => x.line));
  let goldTitleSeen = false;
  let gotTitleSeen = false;
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!text || !fm) return;
    let goldKind: 'title' | 'furniture' | 'text';
    if (gold.title !== null && !goldTitleSeen && text === gold.title.trim()) {
      goldKind = 'title';
      goldTitleSeen = true;
    } else goldKind = furniture.has(text) ? 'furniture' : 'text';
    let gotKind: 'title' | 'cut' | 'text';
    if (cutLines.has(i + 1)) gotKind = 'cut';
    else if (!fm.title_derived && !gotTitleSeen && fold(text).startsWith(fold(fm.title))) {
      gotKind = 'title';
      gotTitleSeen = true;
    } else gotKind = 'text';
    if (goldKind === 'furniture' && gotKind !== 'cut') {
      r.furnitureLeft++;
      miss('furniture left', text, gotKind);
    }
    if (goldKind === 'text' && gotKind === 'cut') {
      r.textCut++;
      miss('text cut', text, fm.removed.find((x) => x.line === i + 1)?.rule);
    }
  });

  // Claims: the gold statement found with its speaker.
  const claims = fm?.claims ?? [];
  const speakerOk = (speaker: string, goldSpeaker: string) => {
    const ids = names.idsOf(goldSpeaker);
    return ids.has(speaker) || names.sameName(speaker, goldSpeaker);
  };
  for (const g of gold.claims) {
    r.claims.total++;
    if (claims.some((c) => wordsMatch(c.text, g.words) && speakerOk(c.speaker, g.speaker))) r.claims.right++;
    else {
      const near = claims.find((c) => wordsMatch(c.text, g.words));
      miss('claim', `${g.speaker}: ${g.words}`, near ? `${near.speaker}: ${near.text}` : null);
    }
  }
  for (const c of claims) {
    const g = gold.claims.find((x) => wordsMatch(c.text, x.words));
    // A claim no gold statement accounts for: words the ingest took for speech that are none. A quotation
    // inside a statement of the same speaker («… كانت «محدودة النطاق»» and its direct «محدودة النطاق») is
    // part of that statement.
    const inStatement = !g && c.kind === 'direct' && claims.some((o) => o !== c && o.speaker === c.speaker && o.text.includes(c.text) && gold.claims.some((x) => wordsMatch(o.text, x.words)));
    r.claimPrecision.total++;
    if (g || inStatement) r.claimPrecision.right++;
    else miss('claim not in the gold', `${c.speaker}: ${c.text}`, 'written');
    if (!g) continue;
    r.wrongSpeaker.total++;
    if (!speakerOk(c.speaker, g.speaker)) r.wrongSpeaker.right++;
  }
}

export function emptyResult(): EvalResult {
  const s = (): Score => ({ right: 0, total: 0 });
  return {
    articles: 0,
    titles: s(),
    dates: s(),
    wrongDates: 0,
    outlets: s(),
    vias: s(),
    wrongOutlets: 0,
    peopleRecall: s(),
    peoplePrecision: s(),
    furnitureLeft: 0,
    textCut: 0,
    claims: s(),
    claimPrecision: s(),
    wrongSpeaker: s(),
    refused: 0,
    misses: [],
  };
}

const UNDATED_OVERRIDE = "date:\n  value: '1900-01-01'\n  note: placeholder for the eval\n";

/** Run the real pipeline over every corpus article and score it. */
export function evaluate(corpus: CorpusArticle[], ingestor: Ingestor, dir = 'tests/corpus/articles'): EvalResult {
  const r = emptyResult();
  for (const a of corpus) {
    let entry: Entry | null = null;
    let refusal: string | null = null;
    const seed = { name: a.name, path: path.join(dir, a.name), bytes: a.bytes };
    try {
      entry = buildEntry(seed, ingestor);
    } catch (err) {
      if (err instanceof IngestError) refusal = err.message;
      else if (err instanceof AggregateError) refusal = err.errors.map((e) => (e as Error).message).join('; ');
      else throw err;
    }
    // An article refused only for want of a date (as it should be, when the page gives none) still has its
    // other fields scored: the same pipeline with a placeholder date an editor would give in an override.
    let undated: Entry | null = null;
    if (!entry && refusal && /: no date/.test(refusal)) {
      try {
        undated = buildEntry({ ...seed, override: { path: seed.path.replace(/\.txt$/, '.meta.yaml'), text: UNDATED_OVERRIDE } }, ingestor);
      } catch {
        undated = null;
      }
    }
    scoreArticle(a, entry, refusal, ingestor, r, undated);
  }
  return r;
}

/** The floors the gate holds (tests/unit/ingest/eval-gate.test.ts), and the figures they apply to. */
export interface Figures {
  titles: number;
  dates: number;
  wrongDates: number;
  outlets: number;
  wrongOutlets: number;
  peopleRecall: number;
  peoplePrecision: number;
  furniturePerArticle: number;
  textCut: number;
  claims: number;
  wrongSpeaker: number;
  claimPrecision: number;
}

export function figures(r: EvalResult): Figures {
  return {
    titles: ratio(r.titles),
    dates: ratio(r.dates),
    wrongDates: r.wrongDates,
    outlets: ratio(r.outlets),
    wrongOutlets: r.wrongOutlets,
    peopleRecall: ratio(r.peopleRecall),
    peoplePrecision: ratio(r.peoplePrecision),
    furniturePerArticle: r.articles ? r.furnitureLeft / r.articles : 0,
    textCut: r.textCut,
    claims: ratio(r.claims),
    wrongSpeaker: r.wrongSpeaker.total ? r.wrongSpeaker.right / r.wrongSpeaker.total : 0,
    claimPrecision: ratio(r.claimPrecision),
  };
}

const pct = (s: Score) => `${(100 * ratio(s)).toFixed(1)}% (${s.right}/${s.total})`;

/** The table `npm run eval:ingest` prints. */
export function table(r: EvalResult, targets: Record<string, string>): string {
  const rows: [string, string, string][] = [
    ['titles', pct(r.titles), targets.titles ?? ''],
    ['dates (of articles that print one)', pct(r.dates), targets.dates ?? ''],
    ['wrong dates', String(r.wrongDates), targets.wrongDates ?? ''],
    ['outlets (of those the text names)', pct(r.outlets), targets.outlets ?? ''],
    ['via (of those the text names)', pct(r.vias), ''],
    ['outlets or vias wrongly given', String(r.wrongOutlets), targets.wrongOutlets ?? ''],
    ['people recall', pct(r.peopleRecall), targets.peopleRecall ?? ''],
    ['people precision', pct(r.peoplePrecision), targets.peoplePrecision ?? ''],
    ['furniture lines left per article', `${(r.articles ? r.furnitureLeft / r.articles : 0).toFixed(2)} (${r.furnitureLeft})`, targets.furniturePerArticle ?? ''],
    ['article lines wrongly cut', String(r.textCut), targets.textCut ?? ''],
    ['claims: right speaker and words', pct(r.claims), targets.claims ?? ''],
    ['claims: wrong speaker', pct(r.wrongSpeaker), targets.wrongSpeaker ?? ''],
    ['claims written that the gold has', pct(r.claimPrecision), targets.claimPrecision ?? ''],
    ['articles refused', `${r.refused}/${r.articles}`, ''],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  return [`| ${'field'.padEnd(w0)} | ${'score'.padEnd(w1)} | floor |`, `| ${'-'.repeat(w0)} | ${'-'.repeat(w1)} | ----- |`, ...rows.map(([a, b, c]) => `| ${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c} |`)].join('\n');
}
