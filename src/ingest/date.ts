/**
 * Stage: dates. Finds date stamps inside short lines in the forms pages print them (labels, month
 * names, weekdays, am/pm words and zones come from content/rules/dates.yaml), chooses the
 * publication date of a page among them, and infers the date of an undated article from a weekday
 * it names plus a dated event it mentions (content/events.yaml).
 */
import { DateTime } from 'luxon';
import { memoised } from '../text/memo.ts';
import { foldArabic, toAsciiDigits } from '../text/normalize.ts';
import type { DateRules, DatedEvent } from './data.ts';
import { NAME_PREFIXES, WordLexicon, phraseTokens, tokenMatches, tokenize, wordCount, type Token } from '../text/tokens.ts';

export interface ParsedDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS when the line gives a time. */
  time?: string;
  /** UTC offset in hours when the line names a zone (GMT …) or an ISO offset. */
  offsetHours?: number;
  /** IANA zone when the line names a place whose offset changes with summer time (بتوقيت القاهرة). */
  zone?: string;
  /** The line names a zone the rules do not know («بتوقيت اليابان»): the time's offset is unknown. */
  zoneUnknown?: true;
  /** The form that was read, for the basis' `rule`. */
  form: string;
  /** An all-numeric date whose day and month are both ≤ 12: both readings, day-first first. */
  readings?: [string, string];
}

export interface Stamp extends ParsedDate {
  /** The label that introduced the date ("تاريخ النشر"), or null for a bare date. */
  label: string | null;
  kind: 'publication' | 'update' | 'cms-publication';
  /** Later than the day of the build: a page's clock gone wrong or a misread; never taken. */
  future?: boolean;
}

export interface DateLine extends Omit<Stamp, 'kind'> {
  /** 'embed': the attribution line of an embedded post ("— Name (@handle) November 1, 2024"). */
  kind: Stamp['kind'] | 'embed';
  /** Every stamp on the line, in order (a published and an updated stamp run together). */
  stamps: Stamp[];
  /** The line also prints a Hijri (or other calendar) date. */
  otherCalendar: boolean;
}

/** Fold each word (harakat, alef forms, ة, Arabic-Indic digits) but keep the punctuation between words. */
export function foldKeepingPunctuation(text: string): string {
  return toAsciiDigits(text)
    .replace(/[\p{L}\p{M}\u0640]+/gu, (w) => foldArabic(w).replace(/ /g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Pages run stamps into their neighbours: "20:14آخر تحديث", "08:12PM", "15:44:40Update", "19/6/202418:40",
 * "2024-03-03T12:30". Put a space where one token ends and the next begins.
 */
function separateRunTogether(folded: string): string {
  return folded
    .replace(/(\d)(?=\p{L}{2,})/gu, '$1 ')
    .replace(/([/.\-](?:19|20)\d\d)(?=\d{1,2}:\d\d)/g, '$1 ')
    .replace(/(\d)t(?=\d{1,2}:\d\d)/g, '$1 ');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of folded names, longest first, words separated by any spaces. */
function alternation(names: string[], fold: (s: string) => string = foldArabic): string {
  const folded = [...new Set(names.map((n) => fold(n)).filter(Boolean))];
  folded.sort((a, b) => b.length - a.length);
  return folded.map((n) => n.split(' ').map(escapeRe).join('\\s*')).join('|');
}

interface DateGrammar {
  month: Map<string, number>;
  weekday: Map<string, number>;
  labels: Map<string, { label: string; kind: Stamp['kind'] }>;
  zones: Map<string, number | string>;
  am: Set<string>;
  pm: Set<string>;
  sentenceWords: Set<string>;
  token: RegExp;
  monthRe: string;
  /** Separators of all-numeric dates that are always day first (20.06.2024). */
  dayFirstSeparators: Set<string>;
  /** Words that make a dated line a caption, folded. */
  captionWords: Set<string>;
  /** Words that join a stamp's two calendars (الموافق), folded, spaces squashed. */
  connectors: Set<string>;
  /** Agency marks that may close a stamp after a space (واس), folded. */
  closingMarks: Set<string>;
}

const grammars = new WeakMap<DateRules, DateGrammar>();
const squash = (s: string) => s.replace(/\s+/g, '');

function grammarFor(rules: DateRules): DateGrammar {
  const cached = grammars.get(rules);
  if (cached) return cached;
  const month = new Map<string, number>();
  for (const [n, names] of Object.entries(rules.months)) for (const name of names) month.set(squash(foldArabic(name)), Number(n));
  const weekday = new Map<string, number>();
  for (const [n, names] of Object.entries(rules.weekdays)) for (const name of names) weekday.set(squash(foldArabic(name)), Number(n));
  const zones = new Map<string, number | string>();
  for (const [name, offset] of Object.entries(rules.zones)) {
    zones.set(squash(foldArabic(name)), offset);
    // "بتوقيت مكة" is also printed "(توقيت مكة)", and right after a time as the city alone ("14:37 دمشق").
    if (foldArabic(name).startsWith('بتوقيت ')) {
      zones.set(squash(foldArabic(name).slice(1)), offset);
      zones.set(squash(foldArabic(name).slice('بتوقيت '.length)), offset);
    }
  }
  const labels = new Map<string, { label: string; kind: Stamp['kind'] }>();
  const labelList = [
    ...rules.publication_labels.map((label) => ({ label, kind: 'publication' as const })),
    ...rules.cms_publication_labels.map((label) => ({ label, kind: 'cms-publication' as const })),
    ...rules.update_labels.map((label) => ({ label, kind: 'update' as const })),
  ];
  for (const l of labelList) labels.set(squash(foldArabic(l.label)), l);
  const am = new Set(rules.am_words.map((w) => squash(foldArabic(w))));
  const pm = new Set(rules.pm_words.map((w) => squash(foldArabic(w))));

  const M = `(?:${alternation(Object.values(rules.months).flat())})(?!\\p{L})`;
  const W = `(?:${alternation(Object.values(rules.weekdays).flat())})(?!\\p{L})`;
  const zoneNames = Object.keys(rules.zones).flatMap((z) => (foldArabic(z).startsWith('بتوقيت ') ? [z, foldArabic(z).slice(1)] : [z]));
  const zoneAlt = `(?:${alternation(zoneNames)})(?!\\p{L})`;
  const zoneCities = Object.keys(rules.zones).filter((z) => foldArabic(z).startsWith('بتوقيت ')).map((z) => foldArabic(z).slice('بتوقيت '.length));
  const H = `(?:${alternation(rules.hijri_months)})(?!\\p{L})`;
  const L = `(?:${alternation(labelList.map((l) => l.label))})`;
  const AP = `(?:${alternation([...rules.am_words, ...rules.pm_words])})(?!\\p{L})`;
  const ORD = '(?:\\s*(?:st|nd|rd|th))?';
  const B = '(?<![\\p{L}\\p{N}])';
  const date = [
    // 15th, September 2023 · 3 آذار 2024 · 20 نيسان/ أبريل 2019 · 13/سبتمبر/2023 · 16 يناير ,2024 · [12/ أكتوبر/2023]
    // (and 18 أكتوبر-تشرين الأول 2024: the two names of a month joined by a hyphen)
    `(?<d1>\\d{1,2})${ORD}[\\s,،/\\-]+(?<m1>${M})(?:\\s*[/\\-–]\\s*(?<m1b>${M}))?[\\s,،/\\-]+(?<y1>\\d{4})`,
    // September 15, 2023 · June 18, 2024
    `(?<m2>${M})\\s+(?<d2>\\d{1,2})${ORD},?\\s+(?<y2>\\d{4})`,
    // 20.06.2024 · 20/06/2024 · 20-06-2024 · 6/19/2024
    `(?<d3>\\d{1,2})(?<sep3>[/.\\-])(?<m3>\\d{1,2})\\k<sep3>(?<y3>\\d{4})`,
    // 2024-06-20 · 2024/06/20 (and 1403/03/30, an Iranian solar date: a year before 1900 is no Gregorian date)
    `(?<y4>\\d{4})(?<sep4>[/.\\-])(?<m4>\\d{1,2})\\k<sep4>(?<d4>\\d{1,2})`,
  ].join('|');
  const parts = [
    `(?<label>(?<!\\p{L})${L}(?!\\p{L}))`,
    // 18 شعبان 1445 هـ · 13 ذو الحجة 1445
    `(?<hijri>${B}\\d{1,2}[\\s/]+${H}[\\s/,،]+\\d{4}(?:\\s*ه(?!\\p{L}))?(?!\\d))`,
    `(?<gdate>${B}(?:${date})(?:\\s*م(?!\\p{L}))?(?!\\d))`,
    // 7:52 مساء · 11:40 am · 12:30:00+03:00 · الساعة 9:40 · على الساعة 13:20 (Maghrebi «à 13h20»)
    `(?<time>${B}(?:(?:(?:علي|عند)\\s+)?الساعه\\s*)?(?<hh>\\d{1,2}):(?<mi>\\d{2})(?::(?<ss>\\d{2}))?(?:(?<isoz>z)|(?<isooff>[+-]\\d{2}):?(?<isooffm>\\d{2}))?(?!\\d)(?:\\s*(?<ap>${AP}))?)`,
    // «الساعة 06 مساءً»: the hour alone, only after «الساعة» and before an am/pm word.
    `(?<hour>${B}(?:(?:علي|عند)\\s+)?الساعه\\s*(?<hh2>\\d{1,2})(?![\\d:])\\s*(?<ap2>${AP}))`,
    // "GMT+3", "UTC+03:00": a zone word with its own offset.
    `(?<zone>(?<!\\p{L})${zoneAlt})(?:\\s*(?<zoff>[+-]\\d{1,2})(?::?(?<zoffm>\\d{2}))?(?!\\d))?`,
    // «بتوقيت اليابان», «توقيت كوريا الشمالية»: a zone the rules do not know is still a zone (the time's offset unknown).
    `(?<uzone>(?<!\\p{L})ب?توقيت\\s+\\p{L}+(?:\\s+ال\\p{L}+)?)`,
    // "14:37 دمشق": a zone's city alone, a zone only right after a time (scanLine); elsewhere a word like any.
    `(?<czone>(?<!\\p{L})(?:${alternation(zoneCities)})(?!\\p{L}))`,
    `(?<wd>(?<!\\p{L})(?:يوم\\s+)?${W})`,
  ];
  const token = new RegExp(parts.join('|'), 'gu');
  const sentenceWords = new Set(rules.sentence_words.map((w) => foldArabic(w)));
  const g: DateGrammar = { month, weekday, labels, zones, am, pm, sentenceWords, token, monthRe: M, dayFirstSeparators: new Set(rules.day_first_separators), captionWords: new Set(rules.caption_words.map((w) => foldArabic(w))),
    connectors: new Set(rules.calendar_connectors.map((w) => squash(foldArabic(w)))),
    closingMarks: new Set(rules.closing_marks.map((w) => foldArabic(w))),
  };
  grammars.set(rules, g);
  return g;
}

// Calendar look-ups are pure and asked again and again about the same few thousand days (every stamp,
// reading and event of every article): remembered, as luxon's parsing is a large part of their cost.
const isoDay = memoised(20_000, (ymd: string): string => {
  const [y, m, d] = ymd.split('/').map(Number);
  const dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'utc' });
  return dt.isValid ? dt.toISODate()! : '';
});

function isoOf(y: number, m: number, d: number): string | null {
  return isoDay(`${y}/${m}/${d}`) || null;
}

/** The ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
const weekdayOf = memoised(20_000, (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).weekday);

/** The day of the build, UTC: no page was published after it. */
// The day of the build: a date after it is in the future. Read once per process (a run does not span days
// in any way that matters, and the clock was read per date line before).
let today: string | null = null;
function buildDay(): string {
  return (today ??= DateTime.utc().toISODate()!);
}

type Groups = Record<string, string | undefined>;

/** A Gregorian date token → date, form, readings; null when impossible; 'other' for a year before 1900. */
function readDateToken(gr: Groups, g: DateGrammar): Omit<ParsedDate, 'time'> | null | 'other' {
  let y: number, mo: number, d: number, form: string;
  let readings: [string, string] | undefined;
  const monthOf = (s: string) => g.month.get(squash(s))!;
  if (gr.d1) {
    mo = monthOf(gr.m1!);
    if (gr.m1b && monthOf(gr.m1b) !== mo) return null; // "نيسان/ أبريل" must agree
    [y, d] = [Number(gr.y1), Number(gr.d1)];
    form = /^[a-z]/.test(gr.m1!) ? 'day-month-year (Latin month name)' : gr.m1b ? 'day-month/month-year (two month names)' : 'day-month-year (Arabic month name)';
  } else if (gr.m2) {
    mo = monthOf(gr.m2);
    [y, d] = [Number(gr.y2), Number(gr.d2)];
    form = 'month-day-year';
  } else if (gr.d3) {
    [y, mo, d] = [Number(gr.y3), Number(gr.m3), Number(gr.d3)];
    const s = gr.sep3!;
    form = `numeric d${s}m${s}y`;
    if (mo > 12 && d <= 12) {
      // A second number above 12 can only be a day: m/d/y.
      [mo, d] = [d, mo];
      form = `numeric m${s}d${s}y`;
    } else if (mo <= 12 && d <= 12 && mo !== d && y >= 1900 && !g.dayFirstSeparators.has(s)) {
      const dm = isoOf(y, mo, d);
      const md = isoOf(y, d, mo);
      if (dm && md) {
        readings = [dm, md];
        form = `numeric d${s}m${s}y or m${s}d${s}y`;
      }
    }
  } else {
    [y, mo, d] = [Number(gr.y4), Number(gr.m4), Number(gr.d4)];
    form = 'ISO y-m-d';
  }
  if (y < 1900) return 'other';
  const date = isoOf(y, mo, d);
  if (!date) return null;
  return { date, form, ...(readings ? { readings } : {}) };
}

function readTime(gr: Groups, g: DateGrammar): string | null {
  let hh = Number(gr.hh ?? gr.hh2);
  const mi = Number(gr.mi ?? 0);
  const ss = Number(gr.ss ?? 0);
  const apWord = gr.ap ?? gr.ap2;
  const ap = apWord ? squash(apWord) : null;
  if (ap && (hh > 12 || hh === 0)) {
    if (hh > 23) return null;
  } else if (ap && g.pm.has(ap)) hh = (hh % 12) + 12;
  else if (ap && g.am.has(ap)) hh %= 12;
  if (hh > 23 || mi > 59 || ss > 59) return null;
  return [hh, mi, ss].map((n) => String(n).padStart(2, '0')).join(':');
}

interface Scan {
  stamps: Stamp[];
  /** Words of the line that belong to no stamp. */
  otherWords: string[];
  /** A date token stood right after a word that puts it in a sentence ("في 23 …"). */
  inSentence: boolean;
  /** A weekday next to a date did not fit it, or a date was impossible. */
  broken: boolean;
  otherCalendar: boolean;
  dates: number;
}

interface Segment {
  label: string | null;
  kind: Stamp['kind'];
  date?: Omit<ParsedDate, 'time'>;
  time?: string;
  offsetHours?: number;
  zone?: string;
  zoneUnknown?: true;
  timeAfterDate?: boolean;
}

const LAST_TWO_WORDS = /(\p{L}+\s+\p{L}+)\s*$/u;
const LAST_WORD = /(\p{L}+)\s*$/u;
const ENDS_IN_LETTER = /\p{L}$/u;
/** `between` with a calendar connector that ends it («… هـ الموافق ») put as a separator («… هـ | »). */
function withoutConnector(between: string, connectors: Set<string>): string {
  // Most gaps between stamps are punctuation ("، ", " - "): no word, no connector, and no end-anchored
  // search (which tries every position of the gap).
  if (!ENDS_IN_LETTER.test(between.trimEnd().slice(-2))) return between;
  for (const re of [LAST_TWO_WORDS, LAST_WORD]) {
    const m = re.exec(between);
    if (m && connectors.has(squash(m[1]!))) return `${between.slice(0, m.index)} | `;
  }
  return between;
}

/** Find every stamp in a line: labels start a stamp; a date, its time (either side), its zone. */
function scanLine(line: string, rules: DateRules): Scan {
  const g = grammarFor(rules);
  const s = separateRunTogether(foldKeepingPunctuation(line));
  const segments: Segment[] = [];
  let current: Segment = { label: null, kind: 'publication' };
  segments.push(current);
  const otherWords: string[] = [];
  let inSentence = false;
  let broken = false;
  let otherCalendar = false;
  let dates = 0;
  let pendingWeekday: { wd: number; end: number } | null = null;
  let last = 0;
  const residue = (text: string) => {
    for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) otherWords.push(w);
  };
  let afterStamp = false;
  // exec on the one shared expression: matchAll would copy it (and its compiled code) on every call.
  const tokens: RegExpExecArray[] = [];
  g.token.lastIndex = 0;
  for (let m = g.token.exec(s); m !== null; m = g.token.exec(s)) tokens.push(m);
  let afterTime = false;
  for (const m of tokens) {
    const gr = m.groups as Groups;
    if (gr.hour) gr.time = gr.hour; // «الساعة 06 مساءً» is a time like any
    // A zone's city counts only right after a time; elsewhere it stays among the words around the stamp.
    if (gr.czone && !(afterTime && /^\s*$/.test(s.slice(last, m.index)))) continue;
    afterTime = !!gr.time;
    // "… هـ الموافق 12 سبتمبر 2023": the connector joins the stamp's calendars; it is no sentence word.
    const between = withoutConnector(s.slice(last, m.index), g.connectors);
    residue(between);
    // A word run into a date or its time with nothing but a space ("قمة 13 سبتمبر 2023", "2023 في موسكو")
    // makes the date part of a phrase; a stamp's neighbours are set off by | - / ( : ،.
    if (afterStamp && /^\s*[\p{L}\p{N}]/u.test(between)) inSentence = true;
    if ((gr.gdate || gr.time) && /[\p{L}\p{N}]\s*$/u.test(between)) inSentence = true;
    afterStamp = !!(gr.gdate || gr.time);
    const start = m.index!;
    last = start + m[0].length;
    if (gr.label) {
      const l = g.labels.get(squash(gr.label))!;
      current = { label: l.label, kind: l.kind };
      segments.push(current);
      pendingWeekday = null;
    } else if (gr.hijri) {
      otherCalendar = true;
    } else if (gr.gdate) {
      const prev = between.replace(/[^\p{L}\s]/gu, ' ').trim().split(/\s+/).pop() ?? '';
      if (prev && g.sentenceWords.has(prev) && !/[|\-–—:]\s*$/u.test(between)) inSentence = true;
      const read = readDateToken(gr, g);
      if (read === 'other') {
        otherCalendar = true;
        continue;
      }
      dates++;
      if (!read) {
        broken = true;
        continue;
      }
      if (pendingWeekday && /^[\s,،\-–|]*$/u.test(s.slice(pendingWeekday.end, start))) {
        if (weekdayOf(read.date) !== pendingWeekday.wd && !read.readings) broken = true;
        if (read.readings) {
          const fits = read.readings.filter((r) => weekdayOf(r) === pendingWeekday!.wd);
          if (fits.length === 0) broken = true;
          else if (fits.length === 1) {
            read.date = fits[0]!;
            read.form += ' (the weekday decides)';
            delete read.readings;
          }
        }
      }
      pendingWeekday = null;
      if (current.date) {
        current = { label: null, kind: current.kind === 'update' ? 'update' : 'publication' };
        segments.push(current);
      }
      current.date = read;
    } else if (gr.time) {
      const t = readTime(gr, g);
      if (!t) {
        broken = true;
        continue;
      }
      if (current.time && current.date) {
        current = { label: null, kind: current.kind };
        segments.push(current);
      }
      if (!current.time) {
        current.time = t;
        current.timeAfterDate = !!current.date;
        if (gr.isoz) current.offsetHours = 0;
        if (gr.isooff) current.offsetHours = Number(gr.isooff) + Math.sign(Number(gr.isooff) || 1) * Number(gr.isooffm) / 60;
      }
    } else if (gr.zone || gr.czone) {
      const z = g.zones.get(squash((gr.zone ?? gr.czone)!));
      if (z !== undefined && current.offsetHours === undefined && current.zone === undefined) {
        if (typeof z === 'number' && gr.zoff) current.offsetHours = z + Number(gr.zoff) + Math.sign(Number(gr.zoff) || 1) * Number(gr.zoffm ?? 0) / 60;
        else if (typeof z === 'number') current.offsetHours = z;
        else current.zone = z;
      }
    } else if (gr.uzone) {
      if (current.offsetHours === undefined && current.zone === undefined) current.zoneUnknown = true;
    } else if (gr.wd) {
      const name = squash(gr.wd.replace(/^يوم\s+/, ''));
      pendingWeekday = { wd: g.weekday.get(name)!, end: last };
    }
  }
  const tail = s.slice(last);
  residue(tail);
  // A closing agency mark ("… 2023 م واس") ends a dateline's stamp; any other word run into it makes a phrase.
  if (afterStamp && /^\s*[\p{L}\p{N}]/u.test(tail) && !g.closingMarks.has(tail.trim())) inSentence = true;
  const today = buildDay();
  const stamps: Stamp[] = segments
    .filter((x) => x.date)
    .map((x) => {
      const st: Stamp = { ...x.date!, label: x.label, kind: x.kind };
      if (x.time) st.time = x.time;
      if (x.offsetHours !== undefined) st.offsetHours = x.offsetHours;
      if (x.zone) st.zone = x.zone;
      if (x.zoneUnknown) st.zoneUnknown = true;
      const earliest = x.date!.readings ? x.date!.readings.slice().sort()[0]! : x.date!.date;
      if (earliest > today) st.future = true;
      return st;
    });
  return { stamps, otherWords, inSentence, broken, otherCalendar, dates };
}

/**
 * Read a string that is a date and nothing else: [weekday] date [time] [zone]. Returns null when it
 * is not one, or when its parts disagree (an impossible day, a weekday that does not fit).
 */
export function parseDateExpression(text: string, rules: DateRules): ParsedDate | null {
  const scan = scanLine(text, rules);
  if (scan.broken || scan.otherWords.length > 0 || scan.stamps.length !== 1 || scan.stamps[0]!.label) return null;
  const { label: _l, kind: _k, future: _f, ...parsed } = scan.stamps[0]!;
  return parsed;
}

const EMBED_HANDLE = /\(\s*@[\w.]+\s*\)/u;

/**
 * Is this line a date line: a short line that carries a date stamp, labelled or not, with at most a few
 * other words around it (a masthead, a city, a byline, an agency mark)? A date inside a sentence, a
 * line of many words, a weekday that does not fit its date are no date line. A line of an embedded post
 * ("— Name (@handle) November 5, 2024") is one, of kind 'embed': its date is the post's, not the page's.
 */
const HAS_DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;

/**
 * Four digits with nothing between them but letters and marks (which folding may drop: «20ـ24», «20ء24»):
 * every date form has a four-digit year, and no letter or mark folds (NFKC) to a digit, so a line without
 * this holds no date stamp. It keeps the token grammar off most lines with a number in them.
 */
const MAY_HOLD_YEAR = /[0-9\u0660-\u0669\u06F0-\u06F9](?:[\p{L}\p{M}\u0640]*[0-9\u0660-\u0669\u06F0-\u06F9]){3}/u;
/**
 * Two numbers apart: every date form has a day and a year (and a numeric one a month) with something between
 * them. Folding only joins runs of digits, and the one split it makes (a year run into a time, «202418:40»)
 * has a colon after it: a line with a single run of digits («(1234)» after a headline) holds no date stamp.
 */
const TWO_NUMBERS = /[0-9\u0660-\u0669\u06F0-\u06F9][^0-9\u0660-\u0669\u06F0-\u06F9]+[0-9\u0660-\u0669\u06F0-\u06F9]/u;

/**
 * One word, then an all-numeric date and nothing else: a section's date bar («دولية 2024/02/13»), not a
 * date run into a phrase (prose never holds a numeric date alone after one word).
 */
const SECTION_AND_DATE = /^\p{L}+\s+[0-9\u0660-\u0669]{1,4}[-/.][0-9\u0660-\u0669]{1,2}[-/.][0-9\u0660-\u0669]{1,4}$/u;

const LEADING_FI = /^\s*في\s+/u;

export function readDateLine(line: string, rules: DateRules): DateLine | null {
  const whole = readWholeDateLine(line, rules);
  if (whole || line.length > 160 || !LABELLED_PART.test(line)) return whole;
  // «صدر هذا المقال بالنسخة الورقية للشروق - تاريخ النشر : 2024/11/11»: a notice, then a dash or bar and a
  // labelled stamp of its own; the stamp is the line's when it reads alone and carries its label.
  const parts = line.split(/\s[-–|]\s/u);
  const labels = grammarFor(rules).labels;
  const opensWithLabel = (part: string) => {
    const w = foldArabic(part).replace(/[^\p{L}\s]/gu, ' ').trim().split(/\s+/).slice(0, 4);
    return w.some((_, n) => labels.has(squash(w.slice(0, n + 1).join(' '))));
  };
  for (let k = parts.length - 1; k > 0; k--) {
    if (!opensWithLabel(parts[k]!)) continue;
    const part = readWholeDateLine(parts.slice(k).join(' - '), rules);
    if (part?.label) return part;
  }
  return null;
}

/** A dash or bar between words, then more: a line that may hold a labelled stamp after a notice. */
const LABELLED_PART = /\S\s[-–|]\s\S/u;

function readWholeDateLine(line: string, rules: DateRules): DateLine | null {
  // Cheap refusals first (most lines of a page): no year, no second number, or far too many words for a stamp and its few neighbours.
  if (!HAS_DIGIT.test(line) || line.length > 400 || !MAY_HOLD_YEAR.test(line) || !TWO_NUMBERS.test(line)) return null;
  // A stamp is a dozen words at most (label, weekday, date, time, am/pm, zone) beside its few neighbours
  // (an embedded post's attribution, the longest, has twelve): a longer line is a sentence.
  if (wordCount(line) > 12 + Math.max(12, rules.date_line_max_other_words)) return null;
  let scan = scanLine(line, rules);
  // «في 27/07/2023 على الساعة 13:20»: a line that is nothing but «في», a date and its time is a stamp (Le360
  // prints «Le … à …» so in Arabic), not a date inside a sentence.
  if (scan.inSentence && LEADING_FI.test(line)) {
    const rest = scanLine(line.replace(LEADING_FI, ''), rules);
    if (!rest.inSentence && rest.otherWords.length === 0 && rest.stamps.length === 1 && rest.stamps[0]!.time) scan = rest;
  }
  const sectionBar = scan.inSentence && SECTION_AND_DATE.test(line.trim()) && !grammarFor(rules).sentenceWords.has(foldArabic(line.trim().split(/\s+/)[0]!));
  if (scan.broken || scan.stamps.length === 0 || (scan.inSentence && !sectionBar)) return null;
  const embed = EMBED_HANDLE.test(line) && scan.otherWords.length <= 12;
  if (!embed && scan.otherWords.length > rules.date_line_max_other_words) return null;
  const caption = grammarFor(rules).captionWords;
  if (scan.otherWords.some((w) => caption.has(foldArabic(w)))) return null;
  const primary = scan.stamps.find((x) => x.kind !== 'update') ?? scan.stamps[0]!;
  return { ...primary, kind: embed ? 'embed' : primary.kind, stamps: scan.stamps, otherCalendar: scan.otherCalendar };
}

/**
 * readDateLine for one article: the furniture stage reads every line, the date stage reads the cut ones
 * again; each distinct line is read once. Made per article (buildEntry), so nothing is kept across them.
 */
export class DateLineReader {
  private readonly seen = new Map<string, DateLine | null>();
  readonly rules: DateRules;
  constructor(rules: DateRules) {
    this.rules = rules;
  }

  read(line: string): DateLine | null {
    let dl = this.seen.get(line);
    if (dl === undefined) this.seen.set(line, (dl = readDateLine(line, this.rules)));
    return dl;
  }
}

// ---------------------------------------------------------------------------------------------
// The dateline at the head of an article's first paragraph: "سيول، 17 مايو (يونهاب) --".

export interface Dateline {
  day: number;
  month: number;
  year?: number;
}

const leadDatelineRes = new WeakMap<DateGrammar, RegExp>();

/**
 * "موسكو 4 تشرين الثاني (بترا)-", "طهران/ 19 حزيران/يونيو/ إرنا-", "بيونغ يانغ 5 ديسمبر 2024 (شينخوا)", and
 * with no city: "18 يونيو 2024 /صحيفة الشعب اليومية أونلاين/".
 */
export function readLeadDateline(paragraph: string, rules: DateRules): Dateline | null {
  const g = grammarFor(rules);
  const head = paragraph.slice(0, 160);
  if (!HAS_DIGIT.test(head)) return null;
  const s = foldKeepingPunctuation(head).slice(0, 120);
  let re = leadDatelineRes.get(g);
  if (!re) {
    re = new RegExp(
      `^(?<place>(?:\\p{L}+\\s*){0,3})[\\s,،/\\-–]*(?<d>\\d{1,2})\\s+(?<m>${g.monthRe})(?:\\s*/\\s*(?:${g.monthRe}))?(?:\\s+(?<y>\\d{4}))?\\s*[.،,]?\\s*(?:[(/]|[-–—]|\\(?\\s*\\p{L}+\\s*\\)?\\s*[-–—])`,
      'u',
    );
    leadDatelineRes.set(g, re);
  }
  const m = re.exec(s);
  if (!m?.groups) return readNumericLeadDateline(s, g);
  // "ووقع الزعيمان في 19 يونيو (حزيران)": a date inside a sentence, not a dateline.
  if (m.groups.place!.trim().split(/\s+/).some((w) => g.sentenceWords.has(w))) return null;
  const day = Number(m.groups.d);
  const month = g.month.get(squash(m.groups.m!))!;
  if (!isoOf(2000, month, day)) return null;
  return { day, month, ...(m.groups.y ? { year: Number(m.groups.y) } : {}) };
}

// "بورتسودان 13-11-2024 (سونا) -": an agency's dateline in digits, the year last or first, before its mark.
const NUMERIC_LEAD_DATELINE =
  /^(?<place>(?:\p{L}+\s*){1,3})[\s,،/\-–]*(?:(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.](?<y>\d{4})|(?<y2>\d{4})[-/.](?<m2>\d{1,2})[-/.](?<d2>\d{1,2}))\s*[.،,]?\s*(?:[(/]|[-–—])/u;

/**
 * A dateline in digits. Year first is year-month-day; year last is read only when it has one reading (the
 * day over 12, or day and month alike): «05-04-2024» at a lead's head is refused here, never guessed.
 */
function readNumericLeadDateline(folded: string, g: DateGrammar): Dateline | null {
  const m = NUMERIC_LEAD_DATELINE.exec(folded);
  if (!m?.groups) return null;
  if (m.groups.place!.trim().split(/\s+/).some((w) => g.sentenceWords.has(w))) return null;
  let day: number;
  let month: number;
  let year: number;
  if (m.groups.y2) {
    [year, month, day] = [Number(m.groups.y2), Number(m.groups.m2), Number(m.groups.d2)];
  } else {
    const [a, b] = [Number(m.groups.a), Number(m.groups.b)];
    const readings = [isoOf(Number(m.groups.y), b, a), isoOf(Number(m.groups.y), a, b)].filter((r): r is string => !!r);
    if (new Set(readings).size !== 1) return null;
    [year, month, day] = readings[0]!.split('-').map(Number) as [number, number, number];
  }
  return isoOf(year, month, day) ? { day, month, year } : null;
}

// ---------------------------------------------------------------------------------------------
// Choosing the publication date of a page.

export interface PageLine {
  no: number;
  text: string;
  /** above: before the headline · header: between the headline and the text · body: after the text starts. */
  zone: 'above' | 'header' | 'body';
  /** A paragraph of the article (its date stamps are not read; its dateline is). */
  paragraph: boolean;
  /** The line right above the headline (no line between); on a page without a headline line, one between its masthead and the text. */
  touchesHeadline?: boolean;
}

export interface ChosenDate extends ParsedDate {
  label: string | null;
  line: string;
  rule: string;
}

interface Candidate {
  stamp: Stamp;
  line: PageLine;
  tier: number;
  otherCalendar: boolean;
}

/**
 * The page's publication date. In order: a labelled publication stamp; a bare stamp between the headline
 * and the text; a bare stamp further down (not in a "read also" tail: the caller leaves those out); the
 * dateline of the first paragraph when it gives a year; last, a bare stamp right above the headline (a
 * blog prints its post date there) that carries no second calendar and agrees with the lead. A stamp
 * above the headline that is separated from it by other furniture is the page's "today" bar (the day of
 * the scrape) and is never taken. Update stamps are never taken; nor a date after the build day. An
 * all-numeric date with day and month both ≤ 12 is read only when the outlet's convention, another
 * stamp on the page, the lead's dateline or the lead's "اليوم + weekday" tells which reading is meant.
 */
export function choosePublicationDate(
  page: PageLine[],
  rules: DateRules,
  opts: { dateOrder?: 'dmy' | 'mdy'; dateLines?: DateLineReader } = {},
): ChosenDate | null {
  const dateLines = opts.dateLines?.rules === rules ? opts.dateLines : new DateLineReader(rules);
  const candidates: Candidate[] = [];
  const known = new Set<string>();
  const everyDate = new Set<string>();
  const lead = page.find((l) => l.paragraph);
  const dateline = lead ? readLeadDateline(lead.text, rules) : null;
  const leadWeekdays = lead ? weekdayMentions(tokenize(lead.text), rules) : [];
  const leadToday = leadWeekdays.find((w) => w.today)?.weekday ?? null;
  // The lead's first weekday of no past week («استقبل … الاثنين», «أمس الأحد»): the day of what it tells,
  // printed on that day or the next (after «أمس», the next). Weaker than «اليوم»: used only to tell
  // apart the two readings of a stamp, and only when one of them fits.
  const leadDay = leadWeekdays.find((w) => !w.past);
  const publishedAfterLeadDay = (iso: string) => {
    if (!leadDay) return false;
    const shift = relativeDayBefore(rules, tokenize(lead!.text), leadDay.first);
    const lag = (weekdayOf(iso) - leadDay.weekday + 7) % 7;
    return shift === undefined ? lag <= 1 : lag === -shift;
  };
  for (const line of page) {
    if (line.paragraph) continue;
    const dl = dateLines.read(line.text);
    if (!dl || dl.kind === 'embed') continue;
    for (const stamp of dl.stamps) {
      if (stamp.future) continue;
      for (const r of stamp.readings ?? [stamp.date]) everyDate.add(r);
      // A today bar's date tells nothing about the article's.
      if (!stamp.readings && (line.zone !== 'above' || line.touchesHeadline)) known.add(stamp.date);
      if (stamp.kind === 'update') continue;
      const tier = stamp.label ? 0 : line.zone === 'header' ? 1 : line.zone === 'body' ? 2 : 4;
      candidates.push({ stamp, line, tier, otherCalendar: dl.otherCalendar });
    }
  }
  if (lead && dateline?.year) {
    const date = isoOf(dateline.year, dateline.month, dateline.day);
    if (date && date <= buildDay()) {
      candidates.push({ stamp: { date, form: 'dateline of the first paragraph (day month year)', label: null, kind: 'publication' }, line: lead, tier: 3, otherCalendar: false });
      known.add(date);
    }
  }
  // Bare stamps further down that give different days are a list of other stories, not the page's stamp.
  const furtherDown = new Set(candidates.filter((c) => c.tier === 2).map((c) => c.stamp.readings?.join() ?? c.stamp.date));
  if (furtherDown.size > 1) candidates.splice(0, candidates.length, ...candidates.filter((c) => c.tier !== 2));
  // Labelled stamps: the one between headline and text first, then above it, then further down.
  const zoneRank = { header: 0, above: 1, body: 2 } as const;
  candidates.sort((a, b) => a.tier - b.tier || (a.tier === 0 ? zoneRank[a.line.zone] - zoneRank[b.line.zone] : 0) || a.line.no - b.line.no);
  const agreesWithDateline = (iso: string) => {
    if (!dateline) return null;
    const [, m, d] = iso.split('-').map(Number);
    return m === dateline.month && d === dateline.day;
  };
  for (const c of candidates) {
    let { stamp } = c;
    let note = '';
    if (c.tier === 4) {
      // Above the headline: only a post date printed right over it, agreeing with the lead.
      if (!c.line.touchesHeadline || c.otherCalendar) continue;
      if (leadToday !== null && weekdayOf(stamp.date) !== leadToday) continue;
      if (agreesWithDateline(stamp.date) === false) continue;
      note = ' (printed right above the headline)';
    }
    if (stamp.readings) {
      const [dm, md] = stamp.readings;
      const why: string[] = [];
      const pick = (r: string | null, reason: string) => {
        if (r) why.push(reason);
        return r;
      };
      const resolved =
        (opts.dateOrder ? pick(opts.dateOrder === 'dmy' ? dm : md, `the outlet writes ${opts.dateOrder === 'dmy' ? 'day/month' : 'month/day'}`) : null) ??
        pick(onlyOne(stamp.readings, (r) => known.has(r)), 'another stamp on the page gives the same day') ??
        pick(onlyOne(stamp.readings, (r) => agreesWithDateline(r) === true), 'the dateline of the first paragraph gives the same day and month') ??
        pick(leadToday === null ? null : onlyOne(stamp.readings, (r) => weekdayOf(r) === leadToday), 'the lead\'s «اليوم» names its weekday') ??
        pick(leadToday === null && leadDay ? onlyOne(stamp.readings, publishedAfterLeadDay) : null, 'the lead\'s weekday is that day or the day before');
      if (!resolved || resolved > buildDay()) continue;
      stamp = { ...stamp, date: resolved, form: `${stamp.form}: ${resolved === dm ? 'day first' : 'month first'}, as ${why[0]}` };
      delete stamp.readings;
    }
    const { readings: _r, future: _f, kind: _k, ...rest } = stamp;
    return { ...rest, line: c.line.text, rule: `${stamp.label ? `«${stamp.label}»` : 'سطر تاريخ'} + ${stamp.form}${note}` };
  }
  // A dateline without a year ("سيول، 17 مايو (يونهاب) --") takes its year from another stamp on the page
  // with the same day and month (an update stamp, the page's bar), when they all give one year.
  if (lead && dateline && !dateline.year) {
    const years = new Set(
      [...everyDate].filter((iso) => agreesWithDateline(iso)).map((iso) => Number(iso.slice(0, 4))),
    );
    if (years.size === 1) {
      const date = isoOf([...years][0]!, dateline.month, dateline.day)!;
      return { date, form: 'dateline of the first paragraph (day month), its year from a stamp of the same day', label: null, line: lead.text, rule: 'سطر المكان والتاريخ في أول فقرة + سنة من ختم بالتاريخ نفسه' };
    }
  }
  return null;
}

const relativeDayWords = new WeakMap<DateRules, Map<string, number>>();

/** The relative day word right before token `at` («أمس», «أول أمس»: -1, -2), or undefined. */
function relativeDayBefore(rules: DateRules, tokens: readonly Token[], at: number): number | undefined {
  let words = relativeDayWords.get(rules);
  if (!words) relativeDayWords.set(rules, (words = new Map(Object.entries(rules.relative_days).map(([w, n]) => [phraseTokens(w).join(' '), n]))));
  const one = tokens[at - 1]?.folded;
  const two = at >= 2 ? `${tokens[at - 2]!.folded} ${one}` : undefined;
  return (two !== undefined ? words.get(two) : undefined) ?? (one !== undefined ? words.get(one) : undefined);
}

function onlyOne(readings: [string, string], test: (r: string) => boolean): string | null {
  const fits = readings.filter(test);
  return fits.length === 1 ? fits[0]! : null;
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
const weekdayLexicons = new WeakMap<DateRules, { names: WordLexicon<number>; today: Set<string>; past: Set<string> }>();

export function weekdayMentions(tokens: readonly Token[], rules: DateRules): WeekdayMention[] {
  let lex = weekdayLexicons.get(rules);
  if (!lex) {
    const g = grammarFor(rules);
    lex = {
      // One-word weekday names, looked up with their proclitics in one step per token.
      names: new WordLexicon([...g.weekday].filter(([name]) => !name.includes(' ')), NAME_PREFIXES),
      today: new Set(rules.today_markers.map(foldArabic)),
      past: new Set(rules.past_markers.map(foldArabic)),
    };
    weekdayLexicons.set(rules, lex);
  }
  const out: WeekdayMention[] = [];
  tokens.forEach((tok, i) => {
    const wd = lex.names.get(tok.folded);
    if (wd === undefined) return;
    let first = i;
    let last = i;
    const prev = tokens[i - 1]?.folded;
    // "يوم الجمعة", "اليوم الجمعة", "اليوم /الجمعة/"
    if (prev === 'يوم') first = i - 1;
    const isToday = prev !== undefined && lex.today.has(prev);
    if (isToday) first = i - 1;
    const next = tokens[i + 1]?.folded;
    const isPast = next !== undefined && lex.past.has(next);
    if (isPast) last = i + 1;
    out.push({ weekday: wd, today: isToday, past: isPast, first, last });
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
  // "منذ يوليو عام 2000": a year after «منذ» (since) is a point the sentence measures from, not the time of
  // what it tells: an event of only such years is not the one told, and such years do not rule others out.
  const isYear = (t: Token) => /^(1[89]|20)\d\d$/.test(t.folded);
  const since = new Set<number>();
  tokens.forEach((t, i) => {
    if (isYear(t) && tokens.slice(Math.max(0, i - 3), i).some((p) => p.folded === 'منذ')) since.add(Number(t.folded));
  });
  if (event.years.length && event.years.every((y) => since.has(y))) return false;
  const years = tokens.filter(isYear).map((t) => Number(t.folded)).filter((y) => !since.has(y));
  if (event.years.length && years.length && !years.some((y) => event.years.includes(y))) return false;
  // An event that names no one and no place («معاهدة» of 1961, «إعلان» of 2001) is told by its year: any
  // treaty or declaration of the day is not it.
  if (event.actors.length + event.places.length === 0 && !years.some((y) => event.years.includes(y))) return false;
  return true;
}

/**
 * A lead that tells today's weekday and names another day by its date and its distance from today
 * ("حلّ الوزير، اليوم الأربعاء، … في زيارة تستمر إلى يوم غد الخميس 19 أكتوبر 2023"): the day of writing is
 * that date less the distance, when both weekdays fit it. Only the lead is read; every such date must agree.
 */
export function inferDateFromRelativeDay(body: BodySentence[], rules: DateRules): InferredDate | null {
  const g = grammarFor(rules);
  const dated = new RegExp(`^[\\s،,]*(\\d{1,2})\\s+(${g.monthRe})(?:\\s*[/(]\\s*(?:${g.monthRe})\\s*\\)?)?\\s+(\\d{4})`, 'u');
  const found: { date: string; today: string; s: BodySentence; words: string; todayWords: string }[] = [];
  for (const s of body) {
    if (!s.lead) continue;
    const tokens = tokenize(s.text);
    const weekdays = weekdayMentions(tokens, rules);
    const today = weekdays.find((w) => w.today);
    if (!today) continue;
    for (const w of weekdays) {
      if (w === today || w.past) continue;
      const shift = relativeDayBefore(rules, tokens, w.first);
      if (!shift) continue;
      const m = dated.exec(foldKeepingPunctuation(s.text.slice(tokens[w.last]!.end, tokens[w.last]!.end + 60)));
      const date = m ? isoOf(Number(m[3]), g.month.get(squash(m[2]!))!, Number(m[1])) : null;
      if (!date || weekdayOf(date) !== w.weekday) continue;
      const day = DateTime.fromISO(date, { zone: 'utc' }).minus({ days: shift }).toISODate()!;
      if (weekdayOf(day) !== today.weekday || day > buildDay()) continue;
      // The words as printed, from the day word to the year (the folded text can be shorter).
      const after = tokens[w.last]!.end;
      const end = after + s.text.slice(after).search(/[\d٠-٩]{4}/u) + 4;
      const words = s.text.slice(tokens[w.first - 1]!.start, end);
      found.push({ date, today: day, s, words, todayWords: s.text.slice(tokens[today.first]!.start, tokens[today.last]!.end) });
    }
  }
  if (!found.length || new Set(found.map((f) => f.today)).size !== 1) return null;
  const f = found[0]!;
  const from =
    `لا يذكر الخبر تاريخ نشره. يقول في السطر ${f.s.line} إن ما يرويه جرى «${withoutProclitic(f.todayWords)}»، ` +
    `ويسمّي يوماً آخر بتاريخه: «${f.words}»؛ فيوم الخبر هو ${arabicDate(rules, f.today)}.`;
  return { date: f.today, from, line: f.s.lineText };
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
  const anchors: { event: DatedEvent; weekday: number; s: BodySentence; words: string; today: boolean }[] = [];
  for (const a of analysed) {
    if (a.weekdays.length !== 1) continue;
    const wd = a.weekdays[0]!;
    // "التقى … اليوم الجمعة …": an event told as today's fixes the day of writing (if the weekday fits it).
    const fitting = events.filter(
      (event) => eventMentioned(event, a.s, a.tokens) && weekdayOf(event.date) === wd.weekday,
    );
    // A sentence that fits two dated events is no anchor: it cannot say which week it means.
    if (fitting.length !== 1) continue;
    const words = a.s.text.slice(a.tokens[wd.first]!.start, a.tokens[wd.last]!.end);
    anchors.push({ event: fitting[0]!, weekday: wd.weekday, s: a.s, words, today: wd.today });
  }
  if (anchors.length === 0) return null;
  const todayAnchor = anchors.find((x) => x.today);
  if (todayAnchor) {
    // Every anchor must agree with it; a weekday of writing elsewhere must be its weekday.
    const date = todayAnchor.event.date;
    const others = anchors.filter((x) => x !== todayAnchor);
    const writingDays = analysed.flatMap((a) => a.weekdays.filter((w) => w.today).map((w) => w.weekday));
    if (writingDays.some((w) => w !== todayAnchor.weekday)) return null;
    const dt = DateTime.fromISO(date, { zone: 'utc' });
    if (others.some((x) => DateTime.fromISO(x.event.date, { zone: 'utc' }).plus({ days: (todayAnchor.weekday - x.weekday + 7) % 7 }).toISODate() !== date)) return null;
    if (!dt.isValid) return null;
    const from =
      `لا يذكر الخبر تاريخ نشره. يقول في السطر ${todayAnchor.s.line} إن ما يرويه جرى «${withoutProclitic(todayAnchor.words)}»، ` +
      `وهو حدث معروف: ${todayAnchor.event.name_ar}، وكان يوم ${weekdayName(rules, todayAnchor.weekday)} ${arabicDate(rules, date)}؛ ` +
      `فيوم الخبر هو يوم الحدث نفسه، ${arabicDate(rules, date)}.`;
    return { date, from, line: todayAnchor.s.lineText };
  }
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

/**
 * Why the page's printed dates gave no publication date, in an editor's terms, when the reason is that
 * they are not plausible: a stamp after the day of the build, or a year before 1900 (another calendar, or
 * a typing slip). Null when no such stamp is there.
 */
export function implausibleDates(lines: { no: number; text: string }[], rules: DateRules): string | null {
  let ambiguous: string | null = null;
  for (const l of lines) {
    if (!HAS_DIGIT.test(l.text) || wordCount(l.text) > 24) continue;
    const scan = scanLine(l.text, rules);
    // "05-11-2024": 5 November or 11 May; refused unless the page says which (choosePublicationDate).
    const both = scan.stamps.find((x) => x.readings && x.kind !== 'update')?.readings;
    if (both && !ambiguous) {
      ambiguous = `the date the page prints on line ${l.no} («${l.text}») reads as ${both[0]} (day first) or ${both[1]} (month first), and nothing else on the page says which`;
    }
    const future = scan.stamps.find((x) => x.future);
    if (future) return `the date the page prints on line ${l.no} («${l.text}») is after today (${buildDay()}); a date cannot be in the future`;
    const year = /(?<!\d)(\d{4})(?!\d)/.exec(toAsciiDigits(l.text));
    if (scan.otherCalendar && year && Number(year[1]) < 1900 && scan.stamps.length === 0) {
      return `the date the page prints on line ${l.no} («${l.text}») is before 1900: another calendar, or a mistake`;
    }
  }
  return ambiguous;
}
