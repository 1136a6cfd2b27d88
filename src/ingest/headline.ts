/**
 * The headline: chosen by scoring the candidate lines above the first paragraph (src/ingest/boilerplate.ts
 * gives the candidates: lines no furniture rule claimed). A headline has a few words to a few dozen, no
 * closing period, is no site name (a masthead), and tells the story the lead tells: it shares words with
 * the first paragraphs, and pages often print it twice. A page without one gets a title derived from its
 * lead (deriveTitle), marked so.
 */
import { foldArabic } from '../text/normalize.ts';
import { tokenize, wordCount } from '../text/tokens.ts';
import type { IngestData } from './data.ts';

export interface Candidate {
  /** Index among the page's non-empty lines. */
  index: number;
  text: string;
}

/** A headline's fewest words (a page's only line above the text aside). */
export const HEADLINE_MIN_WORDS = 3;
const MAX_WORDS = 30;

/** A site's name: an outlet's name from outlets.yaml, or a short line of site words ("صحيفة … الإلكترونية", "… | الموقع الرسمي"). */
// The data's outlet names and site words, folded once per data set.
const siteNames = new WeakMap<IngestData, { names: Set<string>; site: string[]; stop: Set<string>; credits: Set<string> }>();
function namesOf(data: IngestData) {
  let n = siteNames.get(data);
  if (!n) {
    n = {
      names: new Set(data.outlets.flatMap((o) => [o.name_ar, o.name_en, ...o.names]).map(foldArabic)),
      site: (data.boilerplate.lexicon.site_words ?? []).map(foldArabic),
      stop: new Set((data.boilerplate.lexicon.function_words ?? []).map(foldArabic)),
      credits: new Set([...data.boilerplate.photo_credits, ...data.outlets.flatMap((o) => [o.name_ar, ...o.names])].map(foldArabic)),
    };
    siteNames.set(data, n);
  }
  return n;
}

export function isMasthead(text: string, data: IngestData): boolean {
  const f = foldArabic(text);
  const parts = text.split(/\s*[|–—-]\s*/u).map(foldArabic).filter(Boolean);
  const { names, site } = namesOf(data);
  if (names.has(f) || (parts.length > 1 && parts.some((p) => names.has(p)))) return true;
  if (wordCount(text) > 5) return false;
  if (site.some((s) => s.includes(' ') && f.includes(s))) return true;
  const w = f.split(' ');
  return w.some((x) => site.includes(x)) && (w.length <= 3 || parts.length > 1);
}

/** Content words of texts, folded, with and without attached letters, in order of first use. */
function contentWords(texts: string[], stop: Set<string>): Set<string> {
  const out = new Set<string>();
  // Each text's own tokens (the later stages read the same paragraphs' tokens), not the texts joined.
  for (const text of texts) {
    for (const t of tokenize(text)) {
      if (t.folded.length < 2 || stop.has(t.folded) || /^\d+$/.test(t.folded)) continue;
      out.add(t.folded);
    }
  }
  return out;
}

/** A crude stem: attached letters and the article off the front, a plural or feminine ending off the back. */
function stem(w: string): string {
  let s = w;
  const pre = /^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل)(.{3,})$/u.exec(s);
  if (pre) s = pre[1]!;
  const suf = /^(.{3,}?)(?:ات|ون|ين|ان|يه|ه|ي)$/u.exec(s);
  if (suf) s = suf[1]!;
  return s;
}

interface Stemmed {
  word: string;
  stem: string;
}
const stemmed = (word: string): Stemmed => ({ word, stem: stem(word) });

/** Same word, or the same stem: the first four letters agree and the lengths differ by two at most. */
function near(x: Stemmed, y: Stemmed): boolean {
  if (x.word === y.word) return true;
  const a = x.stem;
  const b = y.stem;
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4) && Math.abs(a.length - b.length) <= 2;
}

/** How many of the candidate's words the lead uses (each surface word counted once). */
function overlap(text: string, lead: Stemmed[], stop: Set<string>): number {
  let n = 0;
  const seen = new Set<number>();
  for (const t of tokenize(text)) {
    if (seen.has(t.start) || t.folded.length < 2 || stop.has(t.folded) || /^\d+$/.test(t.folded)) continue;
    const word = stemmed(t.folded);
    if (lead.some((w) => near(word, w))) {
      n++;
      seen.add(t.start);
    }
  }
  return n;
}

/** A browser title: a text, a dash or bar, and a short name after it («… - بوابة الشروق», «… | X»). */
export const BROWSER_TITLE = /^(.*\S)\s+[-–—|]\s+([^-–—|]{2,40})$/u;

/**
 * The index of the headline among the page's lines, or null. `allFolded` is every non-empty line, folded
 * (to find repeats), `lead` the first paragraphs.
 */
/** A copyright word before a credit, folded («© Copyright : AFP» folds to «copyright afp»; © and : go). */
const COPYRIGHT_MARK = /^copyright /u;

export function chooseHeadline(candidates: Candidate[], allFolded: string[], lead: string[], data: IngestData, underStamp?: (index: number) => boolean): number | null {
  const { stop, credits } = namesOf(data);
  // A line over a photo credit or a site's name («… خلال لقائه …» over «البوابة نيوز», «رويترز») is the
  // photo's caption when a line above it could be the headline; with none above, it may be the headline
  // over its own credit («الأخبار»).
  // (The credit may carry a copyright mark: «© Copyright : AFP», «© أ ف ب».)
  // So is the line right above the text under the page's date line («headline / date / caption / text»):
  // a headline above that date line goes first.
  const overCredit = (c: Candidate) => (!!allFolded[c.index + 1] && credits.has(allFolded[c.index + 1]!.replace(COPYRIGHT_MARK, ''))) || !!underStamp?.(c.index);

  // The lead's words with their stems, each stemmed once (every candidate's every word is compared with them).
  const leadWords = [...contentWords(lead, stop)].map(stemmed);
  const leadFolded = ` ${lead.map(foldArabic).join(' ')} `;
  let best: { index: number; score: number } | null = null;
  let bestOverCredit: { index: number; score: number } | null = null;
  const printedTwice = new Set<number>();
  // A page that opens with its only line above the text (or has no text at all): that line.
  const only = candidates.length === 1 && candidates[0]!.index === 0 ? candidates[0]! : null;
  for (const c of candidates) {
    const n = wordCount(c.text);
    const alone = c === only && n >= 2;
    if ((n < HEADLINE_MIN_WORDS && !alone) || n > MAX_WORDS) continue;
    if (/[.]$/u.test(c.text) && !/\.\.$/u.test(c.text)) continue;
    if (!/[\u0600-\u06FF]/u.test(c.text)) continue;
    if (isMasthead(c.text, data)) continue;
    // The page's browser title saved as a line, "<headline> - site": the headline is the line without it.
    const title = BROWSER_TITLE.exec(c.text);
    if (title && allFolded.includes(foldArabic(title[1]!))) continue;
    if (lead.length === 0) return c.index;
    const shared = overlap(c.text, leadWords, stop);
    const folded = foldArabic(c.text);
    const repeated = allFolded.filter((f) => f === folded).length > 1;
    // A page that opens with its headline: the first line needs less to prove it, and nothing when it
    // is the page's only line above the text.
    if (shared < (c.index === 0 ? 1 : 2) && !repeated && !alone) continue;
    // A short line the lead says word for word («الزعيم الكوري الشمالي كيم جونج أون») is a caption or a
    // label naming who is pictured; a headline tells the story in words of its own.
    const verbatim = n <= 8 && !repeated && leadFolded.includes(` ${folded} `);
    const score = shared + (repeated ? 3 : 0) + (n >= 5 ? 1 : 0) - (verbatim ? shared : 0);
    if (repeated && allFolded[c.index - 1] !== folded && allFolded[c.index + 1] !== folded) printedTwice.add(c.index);
    if (overCredit(c)) {
      if (!bestOverCredit || score > bestOverCredit.score) bestOverCredit = { index: c.index, score };
    } else if (!best || score > best.score) best = { index: c.index, score };
  }
  // A line the header prints twice, apart (a breadcrumb's title and the page's), over the line chosen: that
  // line is its standfirst, which tells the lead's words more fully than a headline does.
  if (best && printedTwice.has(best.index - 1) && !printedTwice.has(best.index)) best = { index: allFolded.indexOf(allFolded[best.index - 1]!), score: best.score };
  if (best && bestOverCredit && best.index < bestOverCredit.index) return best.index;
  const top = !best || (bestOverCredit && bestOverCredit.score > best.score) ? bestOverCredit : best;
  return top?.index ?? null;
}

const DERIVED_MAX_WORDS = 12;

/**
 * A title from the lead: its first clause (up to the first period, colon or comma after a few words),
 * at most twelve words, cut at a word boundary, without a dateline opening ("بروكسل - وكالات -").
 */
export function deriveTitle(lead: string): string | null {
  let text = lead.replace(/^[^.،,:]{2,40}?\s[-–]\s(?:[^.،,:-]{2,30}?\s[-–]\s)?/u, '').trim();
  const clause = /^(.+?[^\s.،,:؛]{2,})\s*[.،,:؛]/u.exec(text);
  if (clause && wordCount(clause[1]!) >= 4) text = clause[1]!;
  const tokens = text.split(/\s+/);
  if (tokens.length > DERIVED_MAX_WORDS) text = tokens.slice(0, DERIVED_MAX_WORDS).join(' ');
  text = text.replace(/[\s،,:؛-]+$/u, '');
  return wordCount(text) >= 2 ? text : null;
}
