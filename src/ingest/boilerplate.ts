/**
 * Stage: page furniture. Named passes over the numbered lines (trafilatura's habit): each cut line
 * keeps the name of the rule that cut it, so what is dropped is accounted for, not lost. Phrase
 * lists live in content/rules/boilerplate.yaml; date lines are recognised by the date stage's
 * grammar; agency marks come from content/outlets.yaml.
 *
 * Lines are classified by phrase (the yaml rules) and by structure (Latin-only UI strings, counters,
 * timestamps, placeholders, captions, initials). Then the page is cut into zones by its paragraphs
 * (lines with a sentence's shape): the header above the first paragraph holds the headline (chosen by
 * src/ingest/headline.ts) and furniture; the footer after the last paragraph is all furniture; in
 * between only classified lines, inline "read also" boxes and captions are cut.
 */
import { foldArabic } from '../text/normalize.ts';
import type { RemovedLine } from '../lib/entry-schema.ts';
import type { BoilerplateRule, IngestData } from './data.ts';
import { DateLineReader, type DateLine } from './date.ts';
import { chooseHeadline, deriveTitle, HEADLINE_MIN_WORDS, isMasthead } from './headline.ts';
import type { Line } from './segment.ts';
import { wordCount } from '../text/tokens.ts';

export interface BodyLine {
  no: number;
  text: string;
  /** A subheading inside the article (short, no closing punctuation, followed by text). */
  heading: boolean;
}

/** What a cut line tells, typed: a date line's date, a source line's outlet, a footer's outlet and via. */
export type Finding =
  | { kind: 'date_line'; line: number; text: string; date: DateLine }
  | { kind: 'source_line'; line: number; text: string; outlet: string }
  | { kind: 'translation_footer'; line: number; text: string; outlet: string; via: string }
  | { kind: 'dateline'; line: number; text: string; place: string; source: string }
  | { kind: 'masthead'; line: number; text: string };

export interface Title {
  text: string;
  /** The headline's line, or null when the title is derived from the lead. */
  line: number | null;
  derived: boolean;
}

export interface Furniture {
  /** The printed headline, or null when the page has none. */
  headline: Line | null;
  /** The headline, or a title derived from the lead when the page prints none. */
  title: Title | null;
  body: BodyLine[];
  removed: RemovedLine[];
  /** What the cut lines tell (read when asked: the pipeline reads the lines' dates and outlets itself). */
  readonly findings: Finding[];
  /** The date lines read on this page, for the date stage to read again without scanning. */
  dateLines: DateLineReader;
}

const fold = (s: string) => foldArabic(s);
const words = (s: string): string[] => {
  const f = fold(s);
  return f ? f.split(' ') : [];
};
const ARABIC = /[\u0600-\u06FF]/u;
const LATIN = /[A-Za-z]/;

/** A rule's phrases folded once: whole phrases in a set, and phrase starts by their length in words. */
interface CompiledRule {
  /** Phrases with no word ("©"): compared as written, at the line's start. */
  literals: string[];
  /** Folded phrases: the whole line (equals), its part before a colon (label) or before a count (counter). */
  whole: Set<string>;
  /** Word count → folded phrases of that many words: the line's first words (starts_with, tail_from). */
  starts: Map<number, Set<string>>;
}

function compileRule(rule: BoilerplateRule): CompiledRule {
  const c: CompiledRule = { literals: [], whole: new Set(), starts: new Map() };
  for (const p of rule.phrases) {
    const f = fold(p);
    if (!f) {
      c.literals.push(p);
      continue;
    }
    c.whole.add(f);
    const n = f.split(' ').length;
    if (!c.starts.has(n)) c.starts.set(n, new Set());
    c.starts.get(n)!.add(f);
  }
  return c;
}

const COUNTER = /^(.*?)\s*[(（]\s*[\d٠-٩]+\s*[)）]$/u;

/**
 * One line of the page as the rules read it, made once per line: its folded form and words, and (made
 * when first asked) their first n joined, the folded part before a colon and before a count. Every rule
 * and structural test asks about the same line, so none of them folds or splits it again.
 */
interface RuleLine {
  text: string;
  folded: string;
  words: string[];
  starts: (string | undefined)[];
  label?: string | null;
  counter?: string | null;
}
function ruleLineOf(text: string): RuleLine {
  const folded = fold(text);
  return { text, folded, words: folded ? folded.split(' ') : [], starts: [] };
}
/** The line's first n folded words, joined: the folded line up to its n-th space. */
function startOf(l: RuleLine, n: number): string {
  let s = l.starts[n];
  if (s === undefined) {
    let end = l.folded.length;
    if (n < l.words.length) for (let k = 0, at = -1; k < n; k++) end = at = l.folded.indexOf(' ', at + 1);
    l.starts[n] = s = l.folded.slice(0, end);
  }
  return s;
}

/** What a page prints between the buttons or links of a bar. */
const BAR_SEPARATOR = /\s*[|•·]\s*/u;

/** Does a furniture rule (content/rules/boilerplate.yaml) match the line? A few set look-ups per rule. */
function ruleMatches({ rule, c }: RuleEntry, l: RuleLine): boolean {
  const line = l.text;
  const lineWords = l.words;
  if (rule.max_words !== undefined && lineWords.length > rule.max_words) return false;
  if (rule.min_words !== undefined && lineWords.length < rule.min_words) return false;
  if (c.literals.length && c.literals.some((p) => line.startsWith(p))) return true;
  switch (rule.match) {
    case 'tail_from':
    case 'starts_with':
      for (const [n, phrases] of c.starts) {
        if (lineWords.length >= n && phrases.has(startOf(l, n))) return true;
      }
      return false;
    case 'equals':
      if (lineWords.length > 0 && c.whole.has(l.folded)) return true;
      // A bar of them side by side («Share | مشاركة», «شارك المقال | Facebook | X»): every part one of them.
      return BAR_SEPARATOR.test(line) && line.split(BAR_SEPARATOR).every((p) => c.whole.has(fold(p)));
    case 'label': {
      // "phrase: anything"
      if (l.label === undefined) {
        const colon = line.search(/[:：]/);
        l.label = colon > 0 ? fold(line.slice(0, colon)) : null;
      }
      return l.label !== null && c.whole.has(l.label);
    }
    case 'counter': {
      // "phrase (N)"
      if (l.counter === undefined) {
        // Only a line that ends in a closing parenthesis can be one (the expression would try every start).
        const end = line.charCodeAt(line.length - 1);
        const m = end === 0x29 || end === 0xff09 ? COUNTER.exec(line) : null;
        l.counter = m ? fold(m[1]!) : null;
      }
      return l.counter !== null && c.whole.has(l.counter);
    }
  }
}

/** A yaml rule with its phrases compiled. */
interface RuleEntry {
  rule: BoilerplateRule;
  c: CompiledRule;
}

/** Translation footer templates ("قام {outlet} بترجمة هذا الخبر من مصدر {via}") as regexes. */
function compileFooters(templates: string[]): RegExp[] {
  return templates.map((t) => {
    const parts = t.split(/(\{outlet\}|\{via\})/);
    const src = parts
      .map((p) => (p === '{outlet}' ? '(?<outlet>.+?)' : p === '{via}' ? '(?<via>.+?)' : p.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')))
      .join('\\s+')
      .replace(/(\\s\+)+/g, '\\s+');
    return new RegExp(`${src}\\s*(?:[|.]|$)`, 'u');
  });
}

const footerRegexes = new WeakMap<string[], RegExp[]>();

/** The footer templates as regexes, compiled once per data set. */
export function translationFooterRegexes(templates: string[]): RegExp[] {
  let r = footerRegexes.get(templates);
  if (!r) footerRegexes.set(templates, (r = compileFooters(templates)));
  return r;
}

/** The end_marker rule's Arabic phrases run onto a sentence's stop («…".انتهى», «… (النهاية)»). */
function gluedEndMarkOf(phrases: string[]): RegExp | null {
  const arabic = phrases.filter((p) => ARABIC.test(p)).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return arabic.length ? new RegExp(`(?<=[.!?؟…]["»”]?)\\s*[-–(]?\\s*(?:${arabic.join('|')})\\s*\\)?\\s*$`, 'u') : null;
}

/** Agency marks from outlets.yaml at the end of a paragraph: "… (İLKHA)". */
function trailingAgencyMark(line: string, markers: string[]): string | null {
  const m = /\(\s*([^()]{1,40}?)\s*\)\s*$/u.exec(line);
  if (!m) return null;
  return markers.some((mk) => fold(mk) === fold(m[1]!)) ? m[0].trim() : null;
}

const CLOSING_PUNCTUATION = /[.!?؟:؛،,"»”)\]…]$/u;
/** A sentence's close: a period, colon or ellipsis, maybe inside a closing quote. */
const SENTENCE_END = /[.:…]["»”]?$/u;
const QUESTION_END = /[!?؟]["»”]?$/u;

/**
 * A subheading: a short line of plain words (2 to 12), without closing punctuation, that does not
 * start with a number. Lines with other signs (#, *, |, <, [ …) stay paragraphs.
 */
function isSubheading(text: string): boolean {
  const n = wordCount(text);
  return n >= 2 && n <= 12 && !CLOSING_PUNCTUATION.test(text) && !/^[\d٠-٩]/u.test(text) && /^[\p{L}\p{M}\p{N}\s\-–،,/]+$/u.test(text);
}

/**
 * A paragraph: a line with a sentence's shape. Arabic words, and a closing period (5 words or more) or
 * question mark (12 or more: a shorter question is a headline's), or a long run of words with a clause
 * comma (20 or more), or a very long line (25 or more). A headline ending in a quote is no paragraph.
 */
export function isParagraph(text: string): boolean {
  if (!ARABIC.test(text)) return false;
  const n = wordCount(text);
  return (n >= 5 && SENTENCE_END.test(text)) || (n >= 12 && QUESTION_END.test(text)) || (n >= 20 && /[،,]/u.test(text)) || n >= 25;
}

/** A page's own stamp lines: its date, its CMS's published/updated line, a bare time stamp. */
const STAMP_KINDS = new Set(['date_line', 'cms_metadata', 'timestamp']);
/** Lines that close an article: after them, a "read also" line starts a tail to the end. */
const CLOSING_RULES = new Set(['source_line', 'tag_line', 'end_marker', 'copyright_line', 'translation_footer']);

/** The word lists and regexes the structural rules need, built once per data set. */
interface Context {
  data: IngestData;
  footers: RegExp[];
  markers: string[];
  credits: Set<string>;
  /** The credits without their spaces, and the credits and caption marks in one list. */
  squeezedCredits: Set<string>;
  creditMarks: string[];
  /** «حسبما نقلت وكالة», «نقلا عن» … (content/rules/outlets.yaml, folded): a clause a sentence names its source with. */
  relayLeads: string[];
  /** Bodies and outlets the data knows, folded: in brackets after a description, the picture's source. */
  sources: Set<string>;
  lex: (key: string) => Set<string>;
  dateWords: Set<string>;
  /** The yaml rules, compiled: those that classify a line, those that start a tail, those before a headline. */
  lineRules: RuleEntry[];
  tailRules: RuleEntry[];
  headlineRules: RuleEntry[];
  /**
   * An end marker run onto a paragraph's last sentence («… والامن".انتهى», «… الجبهة. (النهاية)»): the
   * end_marker rule's Arabic phrases after a stop. The paragraph is text; the marker is cut from it.
   */
  gluedEndMark: RegExp | null;
  /** This page's date lines, each read once (made per page by cutFurniture). */
  dateLines: DateLineReader;
}

type DataContext = Omit<Context, 'dateLines'>;
const contexts = new WeakMap<IngestData, DataContext>();

/** The furniture rules' lookup tables, built once per data set. */
function context(data: IngestData): DataContext {
  let c = contexts.get(data);
  if (!c) contexts.set(data, (c = buildContext(data)));
  return c;
}

function buildContext(data: IngestData): DataContext {
  const { boilerplate, dates, outlets } = data;
  const lexSets = new Map<string, Set<string>>();
  const lex = (key: string) => {
    let s = lexSets.get(key);
    if (!s) lexSets.set(key, (s = new Set((boilerplate.lexicon[key] ?? []).map(fold))));
    return s;
  };
  // A zone's city is no date word («القاهرة 24» is a site's name; «14:37 دمشق» is a stamp by its two numbers).
  const zoneWords = Object.keys(dates.zones).map((z) => words(z)[0]!);
  const dateWords = new Set(
    [...Object.values(dates.months).flat(), ...Object.values(dates.weekdays).flat(), ...dates.hijri_months, ...zoneWords, ...(boilerplate.lexicon.time_words ?? [])]
      .flatMap((w) => words(w)),
  );
  const rules = boilerplate.rules.map((rule) => ({ rule, c: compileRule(rule) }));
  const credits = new Set(boilerplate.photo_credits.map(fold));
  return {
    data,
    lineRules: rules.filter(({ rule }) => rule.match !== 'tail_from' && !rule.before_headline),
    tailRules: rules.filter(({ rule }) => rule.match === 'tail_from'),
    headlineRules: rules.filter(({ rule }) => rule.before_headline),
    footers: translationFooterRegexes(boilerplate.translation_footers),
    markers: outlets.flatMap((o) => o.markers),
    credits,
    squeezedCredits: new Set([...credits].map((c) => c.replace(/ /g, ''))),
    creditMarks: [...credits, ...lex('caption_marks')],
    relayLeads: data.outletRules.relay_leads.map(fold),
    sources: new Set([
      ...data.actors.filter((a) => a.kind === 'organisation').flatMap((a) => [a.name_ar, ...(a.variants ?? [])]),
      ...outlets.flatMap((o) => [o.name_ar, ...(o.names ?? [])]),
    ].map(fold).filter(Boolean)),
    lex,
    dateWords,
    gluedEndMark: gluedEndMarkOf(boilerplate.rules.find((r) => r.name === 'end_marker')?.phrases ?? []),
  };
}

/** A photo credit or caption mark (folded): "رويترز", "أ.ف.ب", "أرشيفية من رويترز". */
function isCredit(f: string, ctx: Context): boolean {
  if (!f) return false;
  if (ctx.credits.has(f) || ctx.lex('caption_marks').has(f)) return true;
  // "أ.ف.ب" folds to "ا ف ب": compare without spaces too; "AP/picture alliance": any part.
  const squeezed = f.replace(/ /g, '');
  if (ctx.squeezedCredits.has(squeezed)) return true;
  return ctx.creditMarks.some((c) => f.endsWith(` ${c}`) || f.startsWith(`${c} `));
}

/** A caption: a lead ("صورة:", "Photo :"), a credit at the end ("(رويترز)", "- جيتي", "© أ ف ب"), a credit line alone. */
function isCaption(text: string, ctx: Context): boolean {
  const n = wordCount(text);
  if (n > 30) return false;
  const colon = /^([^:،,]{1,30})[:،,]\s*\S/u.exec(text);
  if (colon && ctx.lex('caption_leads').has(fold(colon[1]!))) return true;
  const m = /(?:\(([^()]{1,40})\)|[-–—©]\s*([^-–—©()]{1,40}))\s*\.?$/u.exec(text);
  if (!m) return false;
  const credit = m[1] ?? m[2]!;
  // «(صورة: وكالة …)», «(وزارة الدفاع الروسية)»: a caption's lead or a known body in the brackets credits the picture.
  const bracketed = m[1] !== undefined && (ctx.sources.has(fold(credit)) || ctx.lex('caption_leads').has(fold(credit.split(/[:：]/)[0]!)));
  if (!bracketed && !isCredit(fold(credit), ctx)) return false;
  if (/©\s*[^©]*$/u.test(text) && !m[1]) return true;
  // The words before the credit are a description, not a finished sentence; nor a sentence naming its
  // source in a clause of its own («…، حسبما نقلت وكالة الأنباء الروسية (تاس).»).
  const before = text.slice(0, m.index).trim();
  const lastClause = fold(before.split(/[،,]/).at(-1)!);
  if (ctx.relayLeads.some((l) => lastClause.startsWith(`${l} `) || lastClause === l)) return false;
  return !before || !/[.!?؟]$/u.test(before);
}

/** A sentence of at most 30 words, closed by a stop and then a photo credit in brackets: «… بيونغ يانغ. (أ ف ب)». */
function isCreditedSentence(text: string, ctx: Context): boolean {
  const m = /[.]\s*\(([^()]{1,40})\)\s*$/u.exec(text);
  return !!m && wordCount(text) <= 30 && ctx.credits.has(fold(m[1]!)) && !/[.!?؟]/u.test(text.slice(0, m.index));
}

/** A counter: a number and a counted word ("25 مشاهدة", "قراءة 3 دقائق", "0 تعليقات"). */
function isCounter(line: RuleLine, ctx: Context): boolean {
  const t = line.words;
  if (t.length < 2 || t.length > 4 || !t.some((w) => /^\d+$/.test(w))) return false;
  return t.every((w) => /^\d+$/.test(w) || ctx.lex('counter_words').has(w));
}

/** A time stamp: numbers, months, weekdays, time words, at most two other words ("القاهره 10:41 ص"). */
function isTimestamp(line: RuleLine, ctx: Context): boolean {
  const t = line.words;
  let digits = 0;
  for (const w of t) if (/^\d+$/.test(w)) digits++;
  if (digits === 0) return false;
  // At most two other words (and no more than numbers): stop counting past that (a paragraph has many).
  const most = Math.min(2, digits);
  let other = 0;
  let dated = false;
  for (const w of t) {
    if (/^\d+$/.test(w)) continue;
    if (ctx.dateWords.has(w)) dated = true;
    else if (!/^[a-z]+\d|^\d+[a-z]+$/i.test(w) && ++other > most) return false;
  }
  // One number beside a word that is no date or time word is a name ("عرب 48", "الساعة 24"), not a stamp.
  return other === 0 || digits >= 2 || dated;
}

/** Editors' initials ("ع.ح/ ص.ش", "ن ح/ س ك"), an agency's initials alone ("أ ش أ"), maybe with an agency in brackets. */
function isInitials(line: RuleLine): boolean {
  const core = line.text.replace(/\([^()]{1,30}\)\s*$/u, '').trim();
  // Most lines end in no bracket: their words are the line's.
  const t = core === line.text ? line.words : words(core);
  return t.length >= 2 && t.length <= 8 && t.every((w) => w.length <= 2 && !/^\d+$/.test(w)) && /[\p{L}]/u.test(core);
}

/** A weather bar's line: a temperature and a place, «21° القدس», «Gaza 24°C», «الرياض 35 °». */
const WEATHER = /^(?:-?\d{1,2}\s*°\s*[CFس]?\s*[\p{L}][\p{L}\s]{0,24}|[\p{L}][\p{L}\s]{0,24}?\s*-?\d{1,2}\s*°\s*[CFس]?)$/u;
function isWeather(text: string): boolean {
  return text.length <= 40 && WEATHER.test(text);
}

/** Placeholders: "[ad_1]", an ad slot's words (boilerplate.yaml `ad_words`: «إعلان», «مساحة إعلانية»), "list of 2 items". */
function isPlaceholder(text: string, ctx: Context): boolean {
  return /^\[[^\]]{1,20}\]$/u.test(text) || ctx.lex('ad_words').has(fold(text.toLowerCase())) || /^list(?: \d+)? of \d+(?: items?)?$/i.test(text);
}

/** The attribution under an embedded post: "— Name (@handle) November 5, 2024". */
function isEmbedAttribution(text: string): boolean {
  return /^[—–-]\s*\S/u.test(text) && /\(@\w+\)|@\w+/u.test(text);
}

/** A Latin-only line that is no sentence: a button, a menu, a site's name. */
function isLatinUi(text: string): boolean {
  if (ARABIC.test(text) || !LATIN.test(text)) return false;
  const n = wordCount(text);
  return n <= 6 || !/[.!?]$/.test(text);
}

/** Classify one line by phrase and by structure; null for a line that may be article text. */
function classify(line: RuleLine, ctx: Context): string | null {
  const { text } = line;
  if (ctx.footers.some((re) => re.test(text))) return 'translation_footer';
  // Before date lines: the post's date is no publication date.
  if (isEmbedAttribution(text)) return 'embed_attribution';
  const dateLine = ctx.dateLines.read(text);
  if (dateLine) return dateLine.kind === 'cms-publication' ? 'cms_metadata' : 'date_line';
  const rule = ctx.lineRules.find((r) => ruleMatches(r, line));
  if (rule) return rule.rule.name;
  if (isPlaceholder(text, ctx)) return 'placeholder';
  if (isWeather(text)) return 'weather';
  if (isCounter(line, ctx)) return 'counter';
  if (isCaption(text, ctx)) return 'photo_caption';
  if (isInitials(line)) return 'initials';
  if (isTimestamp(line, ctx)) return 'timestamp';
  if (isLatinUi(text)) return 'ui_string';
  return null;
}

function tailMarker(line: RuleLine, ctx: Context): string | null {
  return ctx.tailRules.find((r) => ruleMatches(r, line))?.rule.name ?? null;
}

/** "موسكو - سبأ:", "سيول/ الأناضول", "سيول: «الشرق الأوسط»": a place and a source, few words. */
function readDateline(text: string): { place: string; source: string } | null {
  if (wordCount(text) > 6 || /[.!?؟]$/u.test(text)) return null;
  const m = /^([^-–/:|]{2,30}?)\s*[-–/:|]\s*(.{2,40}?)[\s:.]*$/u.exec(text);
  if (!m) return null;
  const place = m[1]!.trim();
  const source = m[2]!.replace(/[«»"]/g, '').trim();
  return wordCount(place) <= 3 && wordCount(source) <= 4 && source ? { place, source } : null;
}

export function cutFurniture(lines: Line[], data: IngestData): Furniture {
  const ctx: Context = { ...context(data), dateLines: new DateLineReader(data.dates) };
  const nonEmpty = lines.filter((l) => l.text !== '');
  const read = nonEmpty.map((l) => ruleLineOf(l.text));
  const kinds = read.map((l) => classify(l, ctx));
  markTeasers(read, kinds);
  markLanguageMenus(read, kinds, ctx);
  const tails = read.map((l) => tailMarker(l, ctx));
  const unmarked = (text: string) => (ctx.gluedEndMark ? text.replace(ctx.gluedEndMark, '') : text);
  const paragraph = nonEmpty.map((l, i) => kinds[i] === null && tails[i] === null && isParagraph(unmarked(l.text).replace(/\s*\([^()]{1,40}\)\s*$/u, '')));
  // A caption over the lead that is a finished sentence with the photo's credit after its stop («… في
  // الكرملين، 4 نوفمبر 2024. (أ ف ب)»): a story's closing mark ends its last paragraph, never the first of several.
  const firstParagraph = paragraph.indexOf(true);
  if (firstParagraph >= 0 && paragraph.indexOf(true, firstParagraph + 1) > 0 && isCreditedSentence(nonEmpty[firstParagraph]!.text, ctx)) {
    paragraph[firstParagraph] = false;
    kinds[firstParagraph] = 'photo_caption';
  }
  // A long line with no closing stop above the page's date line (a site's «about» blurb, a standfirst) is
  // the header's, not the text's: the text starts under the date line.
  for (let i = paragraph.indexOf(true); i >= 0 && !SENTENCE_END.test(nonEmpty[i]!.text); i = paragraph.indexOf(true)) {
    const next = paragraph.indexOf(true, i + 1);
    if (next < 0 || !kinds.slice(i + 1, next).some((k) => k !== null && STAMP_KINDS.has(k))) break;
    paragraph[i] = false;
  }
  // A "read also" line after the article's closing lines (its source, its tags) starts a tail of other
  // stories, paragraphs and all: it and everything after it go.
  let tailStart = nonEmpty.length;
  for (let i = 0, sinceParagraph: (string | null)[] = []; i < nonEmpty.length; i++) {
    if (paragraph[i]) sinceParagraph = [];
    else if (tails[i] && sinceParagraph.some((k) => k !== null && CLOSING_RULES.has(k)) && paragraph.slice(0, i).includes(true)) {
      tailStart = i;
      break;
    } else sinceParagraph.push(kinds[i]!);
  }
  const first = paragraph.indexOf(true);
  const last = paragraph.slice(0, tailStart).lastIndexOf(true);

  const removed: RemovedLine[] = [];
  const cutAt = (i: number, rule: string, text = nonEmpty[i]!.raw.trim()) => removed.push({ line: nonEmpty[i]!.no, rule, text });

  // The header: the lines above the first paragraph. The headline is one of them.
  const headerEnd = first < 0 ? nonEmpty.length : first;
  const paragraphTexts = nonEmpty.filter((_, i) => paragraph[i]).map((l) => l.text);
  const candidates = nonEmpty
    .slice(0, headerEnd)
    .map((line, i) => ({ line, i }))
    .filter(({ i }) => kinds[i] === null && tails[i] === null)
    .map(({ line, i }) => ({ index: i, text: line.text }));
  const folded = read.map((l) => l.folded);
  // The headline tells what the first two paragraphs tell; when no line does, what the first three do (a
  // headline on a remark the story reaches in its third paragraph: «بوتين عن …: «…»»).
  // The header's last unclassified line (furniture such as «إعلان» may follow it) with a date line between
  // it and the line above that could be a headline: where a photo's caption stands («headline / date /
  // caption / text»), weighed as a caption over its credit is.
  const lastCandidate = candidates.at(-1);
  const beforeLast = candidates.findLast((c) => c !== lastCandidate && wordCount(c.text) >= HEADLINE_MIN_WORDS)?.index ?? -1;
  const stampAbove = (index: number) => kinds.slice(beforeLast + 1, index).some((k) => k !== null && STAMP_KINDS.has(k));
  const underStamp = (index: number) => index === lastCandidate?.index && stampAbove(index);
  const chosen =
    chooseHeadline(candidates, folded, paragraphTexts.slice(0, 2), data, underStamp) ??
    (paragraphTexts.length > 2 ? chooseHeadline(candidates, folded, paragraphTexts.slice(0, 3), data, underStamp) : null);
  const headlineIndex = chosen === null ? -1 : chosen;
  const headline: Line | null = headlineIndex >= 0 ? { ...nonEmpty[headlineIndex]! } : null;

  const kept: { line: Line; text: string }[] = [];
  let inBox = false;
  let tailSeen = false;
  for (let i = 0; i < nonEmpty.length; i++) {
    const line = nonEmpty[i]!;
    const text = line.text;
    if (i === headlineIndex) continue;
    if (i >= tailStart) {
      cutAt(i, 'read_also_tail');
      continue;
    }
    const kind = kinds[i];
    const tail = tails[i];
    if (headline && read[i]!.folded === read[headlineIndex]!.folded) {
      cutAt(i, 'repeated_headline');
      continue;
    }
    if (i < headerEnd) {
      cutAt(i, kind ?? tail ?? headerName(i, headlineIndex, read, ctx));
      continue;
    }
    if (i > last) {
      if (tail) tailSeen = true;
      cutAt(i, kind ?? tail ?? (tailSeen ? 'related_tail' : 'page_footer'));
      continue;
    }
    // Between the first and the last paragraph.
    if (tail) {
      cutAt(i, tail);
      inBox = true;
      continue;
    }
    if (paragraph[i]) inBox = false;
    if (kind) {
      cutAt(i, kind);
      continue;
    }
    if (inBox) {
      cutAt(i, 'read_also_box');
      continue;
    }
    const next = nonEmpty[i + 1];
    // A caption printed twice in a row, or a short line over a credit line ("Sputnik").
    if (!paragraph[i] && next && (next.text === text || (kinds[i + 1] !== null && isCredit(read[i + 1]!.folded, ctx)))) {
      cutAt(i, 'photo_caption');
      if (next.text === text) cutAt(++i, 'photo_caption');
      continue;
    }
    let body = text;
    const end = paragraph[i] && ctx.gluedEndMark ? ctx.gluedEndMark.exec(body) : null;
    if (end) {
      cutAt(i, 'end_marker', end[0].trim());
      body = body.slice(0, end.index).trim();
    }
    const mark = trailingAgencyMark(body, ctx.markers);
    if (mark) {
      cutAt(i, 'agency_mark', mark);
      body = body.slice(0, body.length - mark.length).trim();
      if (!body) continue;
    }
    kept.push({ line, text: body });
  }

  const body: BodyLine[] = kept.map(({ line, text }, i) => ({
    no: line.no,
    text,
    heading: i < kept.length - 1 && isSubheading(text),
  }));
  removed.sort((a, b) => a.line - b.line);
  let title: Title | null = headline ? { text: headline.text, line: headline.no, derived: false } : null;
  if (!title) {
    const lead = body.find((b) => !b.heading);
    const derived = lead ? deriveTitle(lead.text) : null;
    if (derived) title = { text: derived, line: null, derived: true };
  }
  let findings: Finding[] | null = null;
  return {
    headline,
    title,
    body,
    removed,
    get findings() {
      return (findings ??= findingsOf(removed, ctx));
    },
    dateLines: ctx.dateLines,
  };
}

/**
 * A teaser card: a headline printed twice and, under the repeat, its summary, followed by furniture (a
 * date, a caption, a byline). The summary is cut as `teaser` even when it has a sentence's shape.
 */
/** A site's language switcher: languages' names on lines of their own, side by side or beside «Language». */
function markLanguageMenus(lines: RuleLine[], kinds: (string | null)[], ctx: Context): void {
  const names = ctx.lex('language_names');
  const labels = ctx.lex('language_labels');
  const menu = (i: number) => names.has(lines[i]?.folded ?? '') || labels.has(lines[i]?.folded ?? '');
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i]!.folded;
    if (!names.has(f) && !labels.has(f)) continue;
    // Two of them side by side, one at least a language's name.
    const beside = [i - 1, i + 1].filter(menu);
    if (beside.some((j) => names.has(f) || names.has(lines[j]!.folded))) kinds[i] = 'language_menu';
  }
}

function markTeasers(lines: RuleLine[], kinds: (string | null)[]): void {
  for (let i = 2; i + 1 < lines.length; i++) {
    const a = lines[i - 2]!.text;
    const n = wordCount(a);
    if (kinds[i - 2] !== null || kinds[i] !== null || lines[i - 2]!.folded !== lines[i - 1]!.folded || n < 3 || n > 30 || /[.]$/u.test(a)) continue;
    if (kinds[i + 1] === null && isParagraph(lines[i + 1]!.text)) continue;
    kinds[i] = 'teaser';
  }
}

/** The name of an unclassified header line: what it is by its place and shape. */
function headerName(i: number, headlineIndex: number, lines: RuleLine[], ctx: Context): string {
  const line = lines[i]!;
  const text = line.text;
  const n = wordCount(text);
  // The summary a page prints with a repeat of its headline (a teaser card).
  const rule = ctx.headlineRules.find((r) => ruleMatches(r, line));
  if (rule) return rule.rule.name;
  // A caption printed twice in a row.
  if ([lines[i - 1], lines[i + 1]].some((l) => l && l.folded === line.folded)) return 'photo_caption';
  if (isMasthead(text, ctx.data) || (i === 0 && n <= 6)) return 'masthead';
  if (headlineIndex < 0 || i < headlineIndex) return n <= 3 || /[»>]/u.test(text) ? 'section_label' : 'kicker';
  if (readDateline(text)) return 'dateline';
  const f = line.folded;
  if (ctx.lex('byline_alone').has(f) || [...ctx.lex('byline_alone')].some((b) => f.endsWith(` ${b}`))) return 'byline';
  if (n <= 4 && !/[\d٠-٩]/u.test(text)) return 'byline';
  return 'page_header';
}

function findingsOf(removed: RemovedLine[], ctx: Context): Finding[] {
  const { footers } = ctx;
  const out: Finding[] = [];
  for (const r of removed) {
    const base = { line: r.line, text: r.text };
    if (r.rule === 'date_line' || r.rule === 'cms_metadata') {
      const date = ctx.dateLines.read(r.text);
      if (date) out.push({ kind: 'date_line', ...base, date });
    } else if (r.rule === 'source_line') {
      const outlet = r.text.slice(r.text.search(/[:：]/) + 1).trim();
      if (outlet) out.push({ kind: 'source_line', ...base, outlet });
    } else if (r.rule === 'translation_footer') {
      const m = footers.map((re) => re.exec(r.text)).find((x) => x?.groups);
      if (m?.groups) out.push({ kind: 'translation_footer', ...base, outlet: m.groups.outlet!.trim(), via: m.groups.via!.trim() });
    } else if (r.rule === 'dateline') {
      const d = readDateline(r.text);
      if (d) out.push({ kind: 'dateline', ...base, ...d });
    } else if (r.rule === 'masthead') {
      out.push({ kind: 'masthead', ...base });
    }
  }
  return out;
}
