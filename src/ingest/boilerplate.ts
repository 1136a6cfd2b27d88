/**
 * Stage: page furniture. Named passes over the numbered lines (trafilatura's habit): each cut line
 * keeps the name of the rule that cut it, so what is dropped is accounted for, not lost. Phrase
 * lists live in content/rules/boilerplate.yaml; date lines are recognised by the date stage's
 * grammar; agency marks come from content/outlets.yaml.
 */
import { foldArabic } from '../text/normalize.ts';
import type { RemovedLine } from '../lib/entry-schema.ts';
import type { BoilerplateRule, IngestData } from './data.ts';
import { readDateLine } from './date.ts';
import type { Line } from './segment.ts';
import { wordCount } from '../text/tokens.ts';

export interface BodyLine {
  no: number;
  text: string;
  /** A subheading inside the article (short, no closing punctuation, followed by text). */
  heading: boolean;
}

export interface Furniture {
  headline: Line | null;
  body: BodyLine[];
  removed: RemovedLine[];
}

const fold = (s: string) => foldArabic(s);
const words = (s: string) => (fold(s) ? fold(s).split(' ') : []);

/** Does the folded line start with the folded phrase, word for word? */
function startsWithPhrase(line: string, phrase: string): boolean {
  const l = words(line);
  const p = words(phrase);
  return p.length > 0 && p.every((w, i) => l[i] === w);
}

function equalsPhrase(line: string, phrase: string): boolean {
  return fold(line) === fold(phrase) && fold(line) !== '';
}

/** "phrase: anything" */
function labelPhrase(line: string, phrase: string): boolean {
  const colon = line.search(/[:：]/);
  return colon > 0 && equalsPhrase(line.slice(0, colon), phrase);
}

/** "phrase (N)" */
function counterPhrase(line: string, phrase: string): boolean {
  const m = /^(.*?)\s*[(（]\s*[\d٠-٩]+\s*[)）]$/u.exec(line);
  return !!m && equalsPhrase(m[1]!, phrase);
}

function ruleMatches(rule: BoilerplateRule, line: string): boolean {
  if (rule.max_words !== undefined && wordCount(line) > rule.max_words) return false;
  // "©" is no word: compare it as written.
  const literal = (p: string) => !fold(p);
  return rule.phrases.some((p) => {
    if (literal(p)) return line.startsWith(p);
    switch (rule.match) {
      case 'tail_from':
      case 'starts_with':
        return startsWithPhrase(line, p);
      case 'equals':
        return equalsPhrase(line, p);
      case 'label':
        return labelPhrase(line, p);
      case 'counter':
        return counterPhrase(line, p);
    }
  });
}

/** A caption credit at the end of a line: "… - جيتي". */
function endsWithCredit(line: string, credits: string[]): boolean {
  const m = /[-–—]\s*([^-–—]+)$/u.exec(line);
  return !!m && credits.some((c) => equalsPhrase(m[1]!, c)) && wordCount(line) <= 30;
}

/** Translation footer templates ("قام {outlet} بترجمة هذا الخبر من مصدر {via}") as regexes. */
export function translationFooterRegexes(templates: string[]): RegExp[] {
  return templates.map((t) => {
    const parts = t.split(/(\{outlet\}|\{via\})/);
    const src = parts
      .map((p) => (p === '{outlet}' ? '(?<outlet>.+?)' : p === '{via}' ? '(?<via>.+?)' : p.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')))
      .join('\\s+')
      .replace(/(\\s\+)+/g, '\\s+');
    return new RegExp(`${src}\\s*(?:[|.]|$)`, 'u');
  });
}

/** Agency marks from outlets.yaml at the end of a paragraph: "… (İLKHA)". */
function trailingAgencyMark(line: string, markers: string[]): string | null {
  const m = /\(\s*([^()]{1,40}?)\s*\)\s*$/u.exec(line);
  if (!m) return null;
  return markers.some((mk) => fold(mk) === fold(m[1]!)) ? m[0].trim() : null;
}

const CLOSING_PUNCTUATION = /[.!?؟:؛،,"»”)\]…]$/u;

/**
 * A subheading: a short line of plain words (2 to 12), without closing punctuation, that does not
 * start with a number. Lines with other signs (#, *, |, <, [ …) stay paragraphs.
 */
function isSubheading(text: string): boolean {
  const n = wordCount(text);
  return n >= 2 && n <= 12 && !CLOSING_PUNCTUATION.test(text) && !/^[\d٠-٩]/u.test(text) && /^[\p{L}\p{M}\p{N}\s\-–،,/]+$/u.test(text);
}

export function cutFurniture(lines: Line[], data: IngestData): Furniture {
  const { boilerplate, dates, outlets } = data;
  const footers = translationFooterRegexes(boilerplate.translation_footers);
  const markers = outlets.flatMap((o) => o.markers);
  const removed: RemovedLine[] = [];
  const kept: { line: Line; text: string }[] = [];
  let headline: Line | null = null;
  let inTail = false;

  const nonEmpty = lines.filter((l) => l.text !== '');
  for (let i = 0; i < nonEmpty.length; i++) {
    const line = nonEmpty[i]!;
    const cut = (rule: string, text = line.raw.trim()) => removed.push({ line: line.no, rule, text });
    if (inTail) {
      cut('read_also_tail');
      continue;
    }
    const tailRule = boilerplate.rules.find((r) => r.match === 'tail_from' && ruleMatches(r, line.text));
    if (tailRule && headline) {
      inTail = true;
      cut(tailRule.name);
      continue;
    }
    if (footers.some((re) => re.test(line.text))) {
      cut('translation_footer');
      continue;
    }
    const dateLine = readDateLine(line.text, dates);
    if (dateLine) {
      cut(dateLine.kind === 'cms-publication' ? 'cms_metadata' : 'date_line');
      continue;
    }
    const rule = boilerplate.rules.find((r) => r.match !== 'tail_from' && (!r.before_headline || !headline) && ruleMatches(r, line.text));
    if (rule) {
      cut(rule.name);
      continue;
    }
    // A photo caption is printed twice in a row, or ends with a photo credit.
    const next = nonEmpty[i + 1];
    if ((next && next.text === line.text && headline) || (headline && endsWithCredit(line.text, boilerplate.photo_credits))) {
      cut('photo_caption');
      if (next && next.text === line.text) {
        i++;
        removed.push({ line: next.no, rule: 'photo_caption', text: next.raw.trim() });
      }
      continue;
    }
    let text = line.text;
    const mark = trailingAgencyMark(text, markers);
    if (mark) {
      cut('agency_mark', mark);
      text = text.slice(0, text.length - mark.length).trim();
      if (!text) continue;
    }
    if (!headline) {
      headline = { ...line, text };
      continue;
    }
    // Many pages print the headline again above the text.
    if (fold(text) === fold(headline.text)) {
      cut('repeated_headline');
      continue;
    }
    kept.push({ line, text });
  }

  const body: BodyLine[] = kept.map(({ line, text }, i) => ({
    no: line.no,
    text,
    heading: i < kept.length - 1 && isSubheading(text),
  }));
  removed.sort((a, b) => a.line - b.line);
  return { headline, body, removed };
}
