/**
 * Stage: dates. Reads date lines in the forms articles print (labels, month names and weekdays
 * come from content/rules/dates.yaml), and infers the date of an undated article from a weekday
 * it names plus a dated event it mentions (content/events.yaml).
 */
import { DateTime } from 'luxon';
import { foldArabic, toAsciiDigits } from '../text/normalize.ts';
import type { DateRules, DatedEvent } from './data.ts';
import { NAME_PREFIXES, phraseTokens, tokenMatches, tokenize, type Token } from '../text/tokens.ts';

export interface ParsedDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS when the line gives a time. */
  time?: string;
  /** UTC offset in hours when the line names a zone (GMT …). */
  offsetHours?: number;
  /** The form that was read, for the basis' `rule`. */
  form: string;
}

export interface DateLine extends ParsedDate {
  /** The label that introduced the date ("تاريخ النشر"), or null for a bare date line. */
  label: string | null;
  kind: 'publication' | 'update' | 'cms-publication';
}

/** Fold each word (harakat, alef forms, ة, Arabic-Indic digits) but keep the punctuation between words. */
export function foldKeepingPunctuation(text: string): string {
  return toAsciiDigits(text)
    .replace(/[\p{L}\p{M}\u0640]+/gu, (w) => foldArabic(w).replace(/ /g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of folded names, longest first, words separated by any spaces. */
function alternation(names: string[]): string {
  const folded = [...new Set(names.map((n) => foldArabic(n)).filter(Boolean))];
  folded.sort((a, b) => b.length - a.length);
  return folded.map((n) => n.split(' ').map(escapeRe).join('\\s+')).join('|');
}

interface DateGrammar {
  month: Map<string, number>;
  weekday: Map<string, number>;
  full: RegExp;
  labels: { label: string; folded: string; kind: DateLine['kind'] }[];
  zones: Map<string, number>;
}

const grammars = new WeakMap<DateRules, DateGrammar>();

function grammarFor(rules: DateRules): DateGrammar {
  const cached = grammars.get(rules);
  if (cached) return cached;
  const month = new Map<string, number>();
  for (const [n, names] of Object.entries(rules.months)) for (const name of names) month.set(foldArabic(name), Number(n));
  const weekday = new Map<string, number>();
  for (const [n, names] of Object.entries(rules.weekdays)) for (const name of names) weekday.set(foldArabic(name), Number(n));
  const zones = new Map<string, number>();
  for (const [name, offset] of Object.entries(rules.zones)) zones.set(foldArabic(name), offset);

  const M = `(?:${alternation([...month.keys()])})`;
  const W = `(?:${alternation([...weekday.keys()])})`;
  const Z = `(?:${alternation([...zones.keys()])})`;
  const ORD = '(?:st|nd|rd|th)?';
  const YEAR_SUFFIX = '(?:\\s*م(?!\\p{L}))?';
  const date = [
    // 15th, September 2023 · 3 آذار 2024 · 20 نيسان/ أبريل 2019 · 15 سبتمبر، 2023م
    `(?<d1>\\d{1,2})${ORD}[\\s,،]+(?<m1>${M})(?:\\s*/\\s*(?<m1b>${M}))?[\\s,،]+(?<y1>\\d{4})${YEAR_SUFFIX}`,
    // September 15, 2023
    `(?<m2>${M})\\s+(?<d2>\\d{1,2})${ORD},?\\s+(?<y2>\\d{4})`,
    // 20.06.2024 · 20/06/2024 · 20-06-2024
    `(?<d3>\\d{1,2})(?<sep3>[/.\\-])(?<m3>\\d{1,2})\\k<sep3>(?<y3>\\d{4})${YEAR_SUFFIX}`,
    // 2024-06-20 · 2024/06/20
    `(?<y4>\\d{4})(?<sep4>[/.\\-])(?<m4>\\d{1,2})\\k<sep4>(?<d4>\\d{1,2})`,
  ].join('|');
  const time = `(?:\\s*[-,،|]?\\s*(?:الساعه\\s*)?(?<hh>\\d{1,2}):(?<mi>\\d{2})(?::(?<ss>\\d{2}))?(?:\\s*(?<ampm>am|pm|ص|م)(?!\\p{L}))?)?`;
  // A Hijri date printed before the Gregorian one ("18 شعبان 1445 هـ - 2 مارس 2024 م") is read past.
  const H = `(?:\\d{1,2}\\s+(?:${alternation(rules.hijri_months)})\\s+\\d{4}\\s*ه\\s*[-–،,|/]?\\s*)`;
  // An ISO timestamp's own offset: "+03:00", "Z".
  const ISO_OFFSET = `(?:(?<isoz>z)|(?<isooff>[+-]\\d{2}):?(?<isooffm>\\d{2}))?`;
  const full = new RegExp(
    `^(?:(?:يوم\\s+)?(?<wd>${W})[\\s,،\\-]*)?${H}?(?:${date})(?:t(?=\\d))?${time}${ISO_OFFSET}(?:\\s*(?:\\(\\s*)?(?<zone>${Z})(?:\\s*\\))?)?\\s*$`,
    'u',
  );
  const labels = [
    ...rules.publication_labels.map((label) => ({ label, kind: 'publication' as const })),
    ...rules.cms_publication_labels.map((label) => ({ label, kind: 'cms-publication' as const })),
    ...rules.update_labels.map((label) => ({ label, kind: 'update' as const })),
  ]
    .map((l) => ({ ...l, folded: foldKeepingPunctuation(l.label) }))
    .sort((a, b) => b.folded.length - a.folded.length);
  const g = { month, weekday, full, labels, zones };
  grammars.set(rules, g);
  return g;
}

function isoOf(y: number, m: number, d: number): string | null {
  const dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'utc' });
  return dt.isValid ? dt.toISODate() : null;
}

/**
 * Read a string that is a date and nothing else: [weekday] date [time] [zone]. Returns null when it
 * is not one, or when its parts disagree (an impossible day, a weekday that does not fit).
 */
export function parseDateExpression(text: string, rules: DateRules): ParsedDate | null {
  const g = grammarFor(rules);
  const s = foldKeepingPunctuation(text);
  const m = g.full.exec(s);
  if (!m?.groups) return null;
  const gr = m.groups;
  let y: number, mo: number, d: number, form: string;
  if (gr.d1) {
    mo = g.month.get(gr.m1!.replace(/\s+/g, ' '))!;
    if (gr.m1b && g.month.get(gr.m1b.replace(/\s+/g, ' ')) !== mo) return null; // "نيسان/ أبريل" must agree
    [y, d] = [Number(gr.y1), Number(gr.d1)];
    form = /^[a-z]/.test(gr.m1!) ? 'day-month-year (Latin month name)' : gr.m1b ? 'day-month/month-year (two month names)' : 'day-month-year (Arabic month name)';
  } else if (gr.m2) {
    mo = g.month.get(gr.m2.replace(/\s+/g, ' '))!;
    [y, d] = [Number(gr.y2), Number(gr.d2)];
    form = 'month-day-year';
  } else if (gr.d3) {
    [y, mo, d] = [Number(gr.y3), Number(gr.m3), Number(gr.d3)];
    form = `numeric d${gr.sep3}m${gr.sep3}y`;
    // Arabic sources write day first; a second number above 12 can only be a day (m/d/y).
    if (mo > 12 && d <= 12) {
      [mo, d] = [d, mo];
      form = `numeric m${gr.sep3}d${gr.sep3}y`;
    }
  } else {
    [y, mo, d] = [Number(gr.y4), Number(gr.m4), Number(gr.d4)];
    form = 'ISO y-m-d';
  }
  const date = isoOf(y, mo, d);
  if (!date) return null;
  if (gr.wd) {
    const wd = g.weekday.get(gr.wd.replace(/\s+/g, ' '));
    if (wd !== DateTime.fromISO(date, { zone: 'utc' }).weekday) return null;
  }
  const out: ParsedDate = { date, form };
  if (gr.hh) {
    let hh = Number(gr.hh);
    const mi = Number(gr.mi);
    const ss = Number(gr.ss ?? 0);
    if (gr.ampm === 'pm' || gr.ampm === 'م') hh = hh % 12 + 12;
    else if (gr.ampm === 'am' || gr.ampm === 'ص') hh = hh % 12;
    if (hh > 23 || mi > 59 || ss > 59) return null;
    out.time = [hh, mi, ss].map((n) => String(n).padStart(2, '0')).join(':');
  }
  if (gr.zone) out.offsetHours = g.zones.get(gr.zone.replace(/\s+/g, ' '));
  if (gr.isoz) out.offsetHours = 0;
  if (gr.isooff) out.offsetHours = Number(gr.isooff) + Math.sign(Number(gr.isooff) || 1) * Number(gr.isooffm) / 60;
  return out;
}

/**
 * Is this line a date line: a date label followed by a date, or a date alone? A CMS line
 * ("Ekleme: 20.06.2024 12:06:03 / Güncelleme: … / Arapça") is read by its first part.
 */
export function readDateLine(line: string, rules: DateRules): DateLine | null {
  const g = grammarFor(rules);
  const s = foldKeepingPunctuation(line);
  for (const { label, folded, kind } of g.labels) {
    if (!s.startsWith(folded)) continue;
    let rest = s.slice(folded.length);
    if (rest && !/^[\s:：\-–]/.test(rest)) continue; // the label must end at a word boundary
    rest = rest.replace(/^[\s:：\-–]+/, '');
    if (kind === 'cms-publication') rest = rest.split(' / ')[0]!;
    const parsed = parseDateExpression(rest, rules);
    if (parsed) return { ...parsed, label, kind };
  }
  const bare = parseDateExpression(line, rules);
  return bare ? { ...bare, label: null, kind: 'publication' } : null;
}

// ---------------------------------------------------------------------------------------------
// Weekdays in running text, and the inference of an undated article's date.

export interface WeekdayMention {
  weekday: number;
  /** "اليوم الجمعة": the day of writing. */
  today: boolean;
  /** "الثلاثاء الماضي": a day of the past week. */
  past: boolean;
  /** Token range [first, last] covering the words, markers included. */
  first: number;
  last: number;
}

/** Weekdays named in a tokenised text, with "today" and "past" markers around them. */
export function weekdayMentions(tokens: readonly Token[], rules: DateRules): WeekdayMention[] {
  const g = grammarFor(rules);
  const today = rules.today_markers.map(foldArabic);
  const past = rules.past_markers.map(foldArabic);
  const out: WeekdayMention[] = [];
  tokens.forEach((tok, i) => {
    for (const [name, wd] of g.weekday) {
      if (name.includes(' ') || !tokenMatches(tok.folded, name, NAME_PREFIXES)) continue;
      let first = i;
      let last = i;
      const prev = tokens[i - 1]?.folded;
      // "يوم الجمعة", "اليوم الجمعة", "اليوم /الجمعة/"
      if (prev === 'يوم') first = i - 1;
      const isToday = prev !== undefined && today.includes(prev);
      if (isToday) first = i - 1;
      const next = tokens[i + 1]?.folded;
      const isPast = next !== undefined && past.includes(next);
      if (isPast) last = i + 1;
      out.push({ weekday: wd, today: isToday, past: isPast, first, last });
      break;
    }
  });
  return out;
}

/** Weekday names in Arabic for the `from` text, 1 = Monday. */
function weekdayName(rules: DateRules, wd: number): string {
  return rules.weekdays[String(wd)]?.[0] ?? String(wd);
}

/** "13 سبتمبر 2023": a date in words, read the same in a right-to-left line (ISO digits reorder). */
export function arabicDate(rules: DateRules, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${rules.months[String(m)]?.[0] ?? m} ${y}`;
}

/** "والأربعاء" → "الأربعاء": the weekday as a reader would name it. */
function withoutProclitic(words: string): string {
  return words.replace(/^[وف](?=ال)/u, '');
}

export interface BodySentence {
  text: string;
  /** 1-based line of the seed it comes from. */
  line: number;
  lineText: string;
  /** Is it in the article's first paragraph (the lead)? */
  lead: boolean;
  /** Ids of actors and places the sentence names. */
  names: Set<string>;
}

export interface InferredDate {
  date: string;
  from: string;
  line: string;
}

function eventMentioned(event: DatedEvent, s: BodySentence, tokens: readonly Token[]): boolean {
  if (![...event.actors, ...event.places].every((id) => s.names.has(id))) return false;
  const words = event.words.map((w) => phraseTokens(w)[0]!).filter(Boolean);
  const prefixes = [...NAME_PREFIXES, 'ال', 'وال', 'بال', 'فال', 'كال'];
  if (!tokens.some((t) => words.some((w) => tokenMatches(t.folded, w, prefixes)))) return false;
  const years = tokens.filter((t) => /^(1[89]|20)\d\d$/.test(t.folded)).map((t) => Number(t.folded));
  if (event.years.length && years.length && !years.some((y) => event.years.includes(y))) return false;
  return true;
}

/**
 * An article without a date often says on which weekday it was written ("أكد الكرملين الجمعة")
 * and on which weekday a known event happened ("والأربعاء، عقد كيم وبوتين قمّة في …"). With the
 * event's date from content/events.yaml, the day of writing is the first day on or after the event
 * with the weekday of writing. Every anchor found must agree; otherwise nothing is inferred.
 */
export function inferDateFromWeekdays(body: BodySentence[], events: DatedEvent[], rules: DateRules): InferredDate | null {
  const analysed = body.map((s) => {
    const tokens = tokenize(s.text);
    return { s, tokens, weekdays: weekdayMentions(tokens, rules) };
  });
  const anchors: { event: DatedEvent; weekday: number; s: BodySentence; words: string }[] = [];
  for (const a of analysed) {
    if (a.weekdays.length !== 1) continue;
    const wd = a.weekdays[0]!;
    if (wd.today) continue;
    const fitting = events.filter(
      (event) => eventMentioned(event, a.s, a.tokens) && DateTime.fromISO(event.date, { zone: 'utc' }).weekday === wd.weekday,
    );
    // A sentence that fits two dated events is no anchor: it cannot say which week it means.
    if (fitting.length !== 1) continue;
    const words = a.s.text.slice(a.tokens[wd.first]!.start, a.tokens[wd.last]!.end);
    anchors.push({ event: fitting[0]!, weekday: wd.weekday, s: a.s, words });
  }
  if (anchors.length === 0) return null;
  const anchorSentences = new Set(anchors.map((x) => x.s));
  const candidates = analysed.flatMap((a) => a.weekdays.map((w) => ({ a, w })));
  const writing =
    candidates.find(({ w }) => w.today) ??
    candidates.find(({ a, w }) => a.s.lead && !w.past && !anchorSentences.has(a.s)) ??
    null;
  if (!writing) return null;
  const results = new Set(
    anchors.map((x) => DateTime.fromISO(x.event.date, { zone: 'utc' }).plus({ days: (writing.w.weekday - x.weekday + 7) % 7 }).toISODate()!),
  );
  if (results.size !== 1) return null;
  const date = [...results][0]!;
  const anchor = anchors[0]!;
  const writingWords = writing.a.s.text.slice(writing.a.tokens[writing.w.first]!.start, writing.a.tokens[writing.w.last]!.end);
  const days = (writing.w.weekday - anchor.weekday + 7) % 7;
  const from =
    `لا يذكر الخبر تاريخ نشره. يقول إن ما يرويه جرى «${withoutProclitic(writingWords)}» (السطر ${writing.a.s.line})، ` +
    `ويذكر في السطر ${anchor.s.line} حدثاً جرى «${withoutProclitic(anchor.words)}»: ${anchor.event.name_ar}، ` +
    `وهذا الحدث كان يوم ${weekdayName(rules, anchor.weekday)} ${arabicDate(rules, anchor.event.date)}؛ ` +
    (days === 0
      ? `فيوم الخبر هو يوم الحدث نفسه، ${arabicDate(rules, date)}.`
      : `فيوم ${weekdayName(rules, writing.w.weekday)} الذي يليه هو ${arabicDate(rules, date)}.`);
  return { date, from, line: writing.a.s.lineText };
}

/**
 * Resolve a weekday or day word in a claim ("الثلاثاء الماضي", "اليوم /الجمعة/", "أمس") against
 * the day of writing. Returns null when the words do not fix a day.
 */
export function resolveDayWords(tokens: readonly Token[], mention: WeekdayMention | null, relativeDays: number | null, writtenOn: string): string | null {
  const day = DateTime.fromISO(writtenOn, { zone: 'utc' });
  if (relativeDays !== null) return day.plus({ days: relativeDays }).toISODate();
  if (!mention) return null;
  if (mention.today) return day.weekday === mention.weekday ? writtenOn : null;
  let back = (day.weekday - mention.weekday + 7) % 7;
  if (mention.past && back === 0) back = 7;
  return day.minus({ days: back }).toISODate();
}
