/**
 * Stage: who published the article (the outlet) and the agency whose story it relays (via).
 *
 * Every line of the page is read for the shapes in which sites name themselves and their sources,
 * each a signal of a given strength:
 *   5  a translation footer ("قام X بترجمة هذا الخبر من مصدر Y": outlet X, via Y) — decides alone
 *   4  a source line ("المصدر: X", "المصدر : الجزيرة + وكالات", "المصدر: النهار العربي- أ ف ب")
 *   3  the masthead (the site's name above the headline, "X | الموقع الرسمي"), a copyright line
 *      ("© 2024 X", "جميع الحقوق محفوظة لـ X"), the site's own promotion ("تابعوا X على …")
 *   2  a credit between the headline and the text ("X - متابعات", "بواسطة X", "city - X", "أ ش أ")
 *   1  a dateline opening the lead ("موسكو - (رويترز) - قال …", "سيول، 17 مايو (يونهاب) --"), and
 *      the marks closing the story ("ع.ح/ ص.ش (رويترز)", "فرانس24/ أ ف ب", "(يونهاب)", "سبأ")
 * The outlet is the first name of the strongest signal; via is the first other outlet or agency a
 * signal names (a source line's second part, a credit, a dateline, a closing mark, "نقلاً عن وكالة X"
 * ending the lead, or a lead that opens "ذكرت وكالة X …" and goes on citing "الوكالة"). Names are
 * mapped to the outlet's Arabic name through content/outlets.yaml; a name it does not know is kept
 * as the text gives it, but only from the lines whose shape says it is a site's name (a source line,
 * a copyright line, a masthead or credit made of media words: content/rules/outlets.yaml). Words
 * that name no outlet ("وكالات", "متابعات", "فريق التحرير") never become one.
 */
import { foldArabic, persianToArabicLetters } from '../text/normalize.ts';
import { wordCount } from '../text/tokens.ts';
import type { Basis, RemovedLine } from '../lib/entry-schema.ts';
import type { IngestData, Outlet } from './data.ts';
import { translationFooterRegexes, type BodyLine } from './boilerplate.ts';
import { BROWSER_TITLE } from './headline.ts';
import { transliterate } from './slug.ts';
import type { Line } from './segment.ts';

export interface OutletFinding {
  outlet: string | null;
  via: string | null;
  basis: Basis;
  /** The outlet's record when known (for its time zone). */
  record: Outlet | null;
}

/** The page as the furniture stage left it: every line, the headline and the kept body. */
export interface Page {
  lines: Line[];
  headline: Line | null;
  body: BodyLine[];
}

const fold = (s: string) => foldArabic(s);
/** A domain name: «swissinfo.ch», «www.lbcgroup.tv», «arabic.cnn.com». */
const DOMAIN = /^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$/i;

/** Find an outlet by any of its names (folded). */
export function findOutlet(name: string, outlets: Outlet[]): Outlet | null {
  const f = fold(name);
  if (!f) return null;
  return outlets.find((o) => [o.name_ar, o.name_en, ...o.names].some((n) => fold(n) === f)) ?? null;
}

function cleanName(raw: string): string {
  return persianToArabicLetters(raw)
    .replace(/^[\s|©:«»"“”'()\[\]/.،,\-–—]+|[\s|©:«»"“”'()\[\]/.،,\-–—]+$/g, '')
    .replace(/\s+/g, ' ');
}

interface Name {
  name: string;
  record: Outlet | null;
}

type Kind = 'known' | 'generic' | 'none';

/** The names of outlets, folded, with their agency marks: one lookup for every shape. */
class Names {
  private byFold = new Map<string, Outlet>();
  private generic: Set<string>;
  /** A photo's provenance words («أرشيف», «الإنترنت»): what a caption's credit may say instead of a name. */
  private captionMarks: Set<string>;
  private siteWords: Set<string>;
  private prefixes: string[];
  private suffixes: string[];

  private places = new Set<string>();
  private persons = new Set<string>();
  private sections: Set<string>;
  private givenNames: Set<string>;
  private sentenceWords: Set<string>;
  private joiners: string[];

  private data: IngestData;

  constructor(data: IngestData) {
    this.data = data;
    for (const o of data.outlets) {
      for (const n of [o.name_ar, o.name_en, ...o.names, ...o.markers]) {
        const f = fold(n);
        if (f && !this.byFold.has(f)) this.byFold.set(f, o);
      }
    }
    const r = data.outletRules;
    this.generic = new Set([...data.boilerplate.generic_sources, ...r.generic_names].map(fold));
    this.siteWords = new Set(r.site_words.map(fold));
    this.captionMarks = new Set((data.boilerplate.lexicon.caption_marks ?? []).map(fold));
    this.prefixes = r.kind_prefixes.map(fold).filter(Boolean);
    this.suffixes = r.kind_suffixes.map(fold).filter(Boolean);
    for (const p of r.places) this.places.add(fold(p));
    this.manyPlaces = new Set(r.many_places.map(fold));
    for (const a of data.actors) {
      const set = a.kind === 'place' ? this.places : a.kind === 'person' ? this.persons : null;
      if (!set) continue;
      for (const n of [a.name_ar, ...(a.variants ?? [])]) if (fold(n)) set.add(fold(n));
    }
    const sectionLabels = data.boilerplate.rules.find((x) => x.name === 'section_label')?.phrases ?? [];
    this.sections = new Set([...r.section_words, ...sectionLabels].map(fold));
    this.givenNames = new Set(r.given_names.map(fold));
    this.sentenceWords = new Set(r.sentence_words.map(fold));
    this.joiners = r.joiners.map(fold).filter(Boolean);
    // A date's words (months, weekdays, "آخر تحديث") in a dateline are its date, not a name.
    const d = data.dates;
    const dateWords = [...Object.values(d.months).flat(), ...Object.values(d.weekdays).flat(), ...d.hijri_months];
    for (const w of dateWords) this.dateWords.add(fold(w));
    this.zones = Object.keys(d.zones).map(fold).flatMap((z) => [z, z.replace(/^ب/, '')]);
    for (const l of [...d.update_labels, ...d.publication_labels, ...d.cms_publication_labels, ...d.today_markers]) this.dateLabels.add(fold(l));
    this.sourceLabels = new Set((data.boilerplate.rules.find((x) => x.name === 'source_line')?.phrases ?? ['المصدر']).map(fold));
    this.navigation = new Set(r.navigation.map(fold));
    this.followLinks = new Set(r.follow_links.map(fold));
    this.editionWords = new Set(r.edition_words.map(fold));
    this.kindWords = new Set([...r.kind_suffixes, ...r.edition_words].flatMap((w) => fold(w).split(' ')).filter(Boolean));
    this.speech = new Set(data.claims.speech_verbs.map(fold));
    this.agencyBackref = new Set(r.agency_backref.map(fold));
    this.aggregatorMarks = new Set(r.aggregator_marks.map(fold));
  }

  private zones: string[] = [];
  private dateWords = new Set<string>();
  private dateLabels = new Set<string>();

  // The word lists detectOutlet compares lines with, folded once per data set (not once per article).
  readonly sourceLabels: Set<string>;
  readonly navigation: Set<string>;
  /** Dateline words for several places at once («عواصم»): the part after one is the publisher's. */
  readonly manyPlaces: Set<string>;
  readonly followLinks: Set<string>;
  readonly editionWords: Set<string>;
  /** The single words of kind_suffixes and edition_words, folded. */
  readonly kindWords: Set<string>;

  /** The word of a site's language edition that ends a name ("CGTN العربية" → "العربيه"), folded, or null. */
  editionOf(name: string): string | null {
    const w = fold(name).split(' ');
    return w.length > 1 && this.editionWords.has(w[w.length - 1]!) ? w[w.length - 1]! : null;
  }

  /** A name without its language edition's word ("CGTN العربية" → "cgtn"), folded. */
  /** A masthead printed in Latin letters and in Arabic: the same consonants (at least two) once transliterated. */
  sameInBothScripts(latin: string, arabic: string): boolean {
    const a = skeleton(latin, this.kindWords);
    return a.length >= 2 && a === skeleton(arabic, this.kindWords);
  }

  siteStem(name: string): string {
    const w = fold(name).split(' ');
    return (this.editionOf(name) ? w.slice(0, -1) : w).join(' ');
  }
  readonly speech: Set<string>;
  readonly agencyBackref: Set<string>;
  readonly aggregatorMarks: Set<string>;

  /** A date's part: a month, a weekday, a date label. */
  isDateWords(raw: string): boolean {
    const f = fold(cleanName(raw));
    if (this.dateLabels.has(f)) return true;
    const w = f.split(' ');
    return w.some((x) => this.dateWords.has(x) || this.dateWords.has(x.replace(/^ال/, ''))) || this.dateWords.has(f);
  }

  /** "لـ X", "لموقع X", "لصحيفة X": the name without the preposition (when the data does not know it). */
  withoutLam(raw: string): string {
    const t = raw.trim();
    if (this.known(t)) return t;
    const m = /^لـ\s*(.+)$/u.exec(t) ?? /^ل(\S+(?:\s.+)?)$/u.exec(t);
    if (!m) return t;
    const rest = m[1]!;
    return t.startsWith('لـ') || this.prefixes.includes(fold(rest.split(/\s+/)[0]!)) ? rest : t;
  }

  isPlace(raw: string): boolean {
    const f = fold(cleanName(raw));
    return this.places.has(f) || this.places.has(f.replace(/^ال/, ''));
  }

  /** "«X» ووكالات", "X و وكالات": the publisher without the generic source joined to it. */
  dropJoinedGeneric(raw: string): string {
    const w = raw.trim().split(/\s+/);
    for (let n = 1; n < w.length; n++) {
      const tail = w.slice(w.length - n);
      const f = fold(tail.join(' '));
      const joined = this.joiners.find((j) => f.startsWith(`${j} `) || (j.length === 1 && f.startsWith(j)));
      if (!joined) continue;
      const rest = f.startsWith(`${joined} `) ? f.slice(joined.length + 1) : f.slice(joined.length);
      if (this.generic.has(rest)) return w.slice(0, w.length - n).join(' ');
    }
    return raw;
  }

  /**
   * A run of words a shape gives as a site's name, when the data does not know it: 1–4 words, no
   * digits, and not a place, a person, a section, a generic source or a sentence. `asCredit`: the page
   * prints it again as its credit, so a word a section could be called («الأخبار») is a name too.
   */
  candidate(raw: string, asCredit = false): Name | null {
    const name = cleanName(this.dropJoinedGeneric(cleanName(raw)));
    if (!name) return null;
    if (this.known(name)) return this.resolve(name, false);
    const f = fold(name);
    const w = f.split(' ');
    if (w.length > 4 || digitsNoSiteHas(f) || /[.!?؟:؛]/u.test(name)) return null;
    if (!asCredit && (this.generic.has(f) || this.sections.has(f))) return null;
    if (this.siteWords.has(f) || this.captionMarks.has(f) || this.isPlace(name) || this.persons.has(f)) return null;
    if (f.replace(/\s/g, '').length < 2 || this.zones.some((z) => z === f || z === `ب${f}` || f.startsWith(`${z} `))) return null;
    if (this.isDateWords(name) || [...this.dateLabels].some((l) => f.startsWith(`${l} `))) return null;
    if (w.some((x) => this.sentenceWords.has(x)) || this.givenNames.has(w[0]!) || (w[0]!.startsWith('عبد') && w.length > 1)) return null;
    return this.resolve(name, true);
  }

  /** A known outlet by this exact name, also written with a leading «لـ» ("لليوم السابع"). */
  known(raw: string): Outlet | null {
    const f = fold(raw);
    if (!f) return null;
    const direct = this.byFold.get(f);
    if (direct) return direct;
    // "لـ المصري اليوم", "لبوابة أخبار اليوم", "لليوم السابع"
    const variants = [f.replace(/^ل /, ''), f.startsWith('لل') ? `ا${f.slice(1)}` : '', f.startsWith('ل') ? f.slice(1) : ''];
    for (const v of variants) {
      const hit = v && this.byFold.get(v);
      if (hit) return hit;
    }
    return null;
  }

  kind(raw: string): Kind {
    const f = fold(raw);
    if (!f) return 'none';
    if (this.generic.has(f) || this.siteWords.has(f)) return 'generic';
    return this.known(raw) ? 'known' : 'none';
  }

  isSiteWord(raw: string): boolean {
    return this.siteWords.has(fold(raw));
  }

  isCaptionMark(raw: string): boolean {
    return this.captionMarks.has(fold(raw));
  }

  isGeneric(raw: string): boolean {
    return this.generic.has(this.withoutJoiner(fold(raw)));
  }

  /** A folded name without a joiner opening it: «مع وكالات», «(و أ ف ب)» (a credit's second name). */
  withoutJoiner(f: string): string {
    const joined = this.joiners.find((j) => j.length > 1 && f.startsWith(`${j} `)) ?? (f.startsWith('و ') ? 'و' : null);
    return joined ? f.slice(joined.length + 1) : f;
  }

  /** Made of media words ("مدونة …", "… الإخبارية"), short, no digits: a site's name even if unknown. */
  looksLikeSite(raw: string): boolean {
    // A domain name alone («swissinfo.ch», «Babnet.net»): a site's name as its logo prints it.
    if (DOMAIN.test(raw.trim())) return true;
    const f = fold(raw);
    const w = f.split(' ');
    // Digits mark a counter or a date line, except a closing number of two or three («موقع 24»).
    if (!f || w.length < 2 || w.length > 5 || digitsNoSiteHas(f) || this.generic.has(f)) return false;
    return this.prefixes.includes(w[0]!) || this.suffixes.includes(w[w.length - 1]!);
  }

  /** The name as recorded: the record's Arabic name, else the text's own. */
  resolve(raw: string, allowUnknown: boolean): Name | null {
    // «(مع وكالات)», «(و أ ف ب)»: a joiner opening a credit's mark is no part of the name.
    const f = fold(raw).trim();
    const name = cleanName(this.withoutJoiner(f) !== f ? raw.trim().replace(/^\S+\s+/u, '') : raw);
    if (!name || this.isGeneric(name) || this.isSiteWord(name)) return null;
    const record = this.known(name);
    if (record) return { name: record.name_ar, record };
    if (allowUnknown) return { name, record: null };
    return null;
  }
}

/**
 * A name's consonants in Latin letters, as both scripts write them («Alwasat» and «الوسط» give «lst»),
 * without the words that say what kind of site it is (kind_suffixes, edition_words: News, FM, نيوز, أف أم).
 */
function skeleton(name: string, kindWords: Set<string>): string {
  const words = fold(name).split(' ').filter((w) => w && !kindWords.has(w));
  const latin = words.map((w) => (/[a-z]/i.test(w) ? w : transliterate(w))).join('');
  return latin
    .replace(/^al-?|-/g, '')
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouwy]/g, '')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Split a credit or dateline into its parts: "city - Outlet", "Outlet/ city", "(Agency)", "X | Y". A hyphen
 * between two Latin letters belongs to a name ("Al-Monitor").
 */
const DASHES = String.raw`(?<![A-Za-z])[-–—]+|[-–—]+(?![A-Za-z])|[-–—]{2,}`;
const SEPARATORS = new RegExp(String.raw`\s*(?:[/|()[\]«»"“”:،,+]|${DASHES}|\.(?=\s|$))\s*`, 'u');
const parts = (line: string) => line.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);

const hasDigits = (s: string) => /[\d٠-٩]/u.test(s);
/**
 * Digits a site's name cannot have: any but one closing number of two or three digits after a word
 * ("عرب 48", "الساعة 24", "Kurdistan24" are names; a year, a date or a time is not).
 */
const digitsNoSiteHas = (s: string) => hasDigits(s.replace(/^(\S.*?\p{L})\s*[\d٠-٩]{2,3}$/u, '$1'));

/** A credit's or dateline's parts with the separator after each; a mark is a part in brackets or slashes. */
interface Seg {
  text: string;
  before: string;
  after: string;
}
const SEP_CAPTURE = new RegExp(String.raw`(\s*(?:[/|()[\]:،,+]|${DASHES}|(?<!\S)ـ+(?!\S)|\.(?=\s|$))+\s*)`, 'u');
function segmentsOf(text: string): Seg[] {
  const bits = text.replace(/[«»"“”]/g, ' ').split(SEP_CAPTURE);
  const out: Seg[] = [];
  let before = '';
  for (let i = 0; i < bits.length; i += 2) {
    const t = bits[i]!.trim();
    const after = bits[i + 1] ?? '';
    if (t) {
      out.push({ text: t, before, after });
      before = after;
    } else before += after;
  }
  return out;
}
const isMark = (s: Seg) => (/\(/.test(s.before) && /\)/.test(s.after)) || (/\//.test(s.before) && /\//.test(s.after));

/**
 * The names a dateline or credit gives: "city - Outlet", "city (Agency)", "Outlet/ city",
 * "X - متابعات", "X / وكالات - city", "X مع أ ف ب", "city - «X» ووكالات:". Known names count wherever
 * they stand; an unknown run of words only in the slot the shape keeps for the publisher (a mark; the
 * part before "/"; after "city -"; before a generic source). `lead`: the text opens a paragraph, and
 * the dateline ends where the sentence starts.
 */
function shapeNames(text: string, names: Names, speech: Set<string>, opts: { lead: boolean; unknown: boolean }): Name[] | null {
  let segs = segmentsOf(text);
  if (opts.lead) {
    const walked: Seg[] = [];
    let words = 0;
    for (const seg of segs) {
      const n = wordCount(seg.text);
      if (n > (hasDigits(seg.text) ? 6 : 4) || seg.text.split(/\s+/).some((w) => speech.has(fold(w)) || speech.has(fold(w).replace(/^[وف]/, '')))) break;
      words += n;
      if (words > 10) break;
      walked.push(seg);
    }
    // No sentence after it: the paragraph is no dateline.
    if (walked.length === segs.length) return [];
    segs = walked;
  } else if (wordCount(text) > 8) return null;
  // "X مع أ ف ب": the publisher and the agency it credits.
  segs = segs.flatMap((seg) => {
    const m = /^(.+?)\s+مع\s+(.+)$/u.exec(seg.text);
    return m && names.known(m[2]!) ? [{ ...seg, text: m[1]!, after: '+' }, { ...seg, text: m[2]!, before: '+' }] : [seg];
  });
  type Cls = { seg: Seg; kind: 'known' | 'generic' | 'place' | 'date' | 'unknown' | 'other'; name?: Name };
  const cls: Cls[] = segs.map((seg) => {
    const t = names.dropJoinedGeneric(seg.text);
    if (names.known(t)) return { seg, kind: 'known', name: names.resolve(t, false)! };
    if (names.isGeneric(t) || names.isSiteWord(t)) return { seg, kind: 'generic' };
    if (names.isPlace(t)) return { seg, kind: 'place' };
    if (hasDigits(t) || names.isDateWords(t)) return { seg, kind: 'date' };
    const c = opts.unknown ? names.candidate(t) : null;
    return c ? { seg, kind: 'unknown', name: c } : { seg, kind: wordCount(t) > 3 ? 'other' : 'place' };
  });
  if (!opts.lead && cls.some((c) => c.kind === 'other')) return null;
  // "عواصم - عمان - وكالات:": after a word for several places, a place's name is the publisher's.
  if (cls.length >= 2 && names.manyPlaces.has(fold(cls[0]!.seg.text)) && cls[1]!.kind === 'place' && /[-–—]/.test(cls[0]!.seg.after) && wordCount(cls[1]!.seg.text) <= 3) {
    const c = names.resolve(cls[1]!.seg.text, true);
    if (c) cls[1] = { ...cls[1]!, kind: 'unknown', name: c };
  }
  // Which part may be an unknown publisher.
  let slot: Cls | undefined;
  const unknowns = cls.filter((c) => c.kind === 'unknown');
  if (unknowns.length && (cls.length >= 2 || /\//.test(cls[0]!.seg.after))) {
    const marks = unknowns.filter((c) => isMark(c.seg));
    const first = cls[0]!;
    // "المصدر: …", "Author, …", "رمز الخبر: …": the first part is a label, not a name.
    const label = /[:،,]/.test(first.seg.after) && !/[-–—/]/.test(first.seg.after);
    // «X (مع وكالات)»: a mark that only says "agencies" leaves the name before it the publisher's.
    if (cls.some((c) => isMark(c.seg))) slot = marks[0] ?? (first.kind === 'unknown' && cls.every((c) => c === first || (isMark(c.seg) && c.kind === 'generic')) ? first : undefined);
    else if (label) slot = cls.slice(1).find((c) => c.kind === 'unknown' && first.kind !== 'unknown');
    else if (/\//.test(first.seg.after)) slot = first.kind === 'unknown' ? first : undefined;
    else if (first.kind === 'unknown' && cls.slice(1).every((c) => c.kind !== 'unknown')) slot = first;
    else slot = cls.slice(1).find((c) => c.kind === 'unknown');
    // "city - Outlet" must have the city: a lone unknown after a known name is no second publisher.
    if (slot && slot !== first && !['place', 'date', 'unknown', 'generic'].includes(first.kind)) slot = undefined;
    // In a lead, words after "X -" that a comma goes on from are the sentence («وطنية - صادق مجلس الاتحاد،
    // الغرفة العليا …»): a publisher's name there is closed by a dash, a slash, a colon or a bracket.
    if (opts.lead && slot && slot !== first && !isMark(slot.seg) && !/[-–—/:|)]/.test(slot.seg.after)) slot = undefined;
  }
  const found: Name[] = [];
  for (const c of cls) {
    const n = c.kind === 'known' ? c.name : c === slot ? c.name : undefined;
    if (n && !found.some((x) => sameOutlet(x, n))) found.push(n);
  }
  return found;
}

interface Signal {
  strength: number;
  rule: string;
  line: string;
  names: Name[];
}

const sameOutlet = (a: Name, b: Name) => (a.record && b.record ? a.record.id === b.record.id : fold(a.name) === fold(b.name));

/** A list of leads (outlets.yaml), folded once: each lead's words, and the first words any lead can open with. */
interface Leads {
  words: string[][];
  firsts: Set<string>;
}
const compiledLeads = new WeakMap<string[], Leads>();
function leadsOf(leads: string[]): Leads {
  let c = compiledLeads.get(leads);
  if (!c) {
    const words = leads.map((lead) => fold(lead).split(' ')).filter((lw) => lw[0]);
    compiledLeads.set(leads, (c = { words, firsts: new Set(words.map((lw) => lw[0]!)) }));
  }
  return c;
}

// The last line asked about, split and folded word by word: every list of leads asks about the same lines.
// The line is split only when its first word could open a lead: most lines are told apart by that word.
let leadLine: string | null = null;
let leadLineWords: string[] | null = null;
let leadLineFolds: (string[] | undefined)[] = [];
let leadLineFirst: string[] | null = null;
const lineWords = (): string[] => (leadLineWords ??= leadLine!.split(/\s+/));
const foldedWord = (i: number): string[] => {
  let ws = leadLineFolds[i];
  if (!ws) {
    const fw = fold(lineWords()[i]!);
    leadLineFolds[i] = ws = fw ? fw.split(' ') : [];
  }
  return ws;
};
/** The folded words of the line's first word when it opens the line (no space before it), else null. */
const firstFolded = (): string[] | null => {
  if (leadLineFirst === null) {
    const first = /^\S+/.exec(leadLine!)?.[0];
    const fw = first === undefined ? '' : fold(first);
    leadLineFirst = first === undefined ? [] : fw ? fw.split(' ') : [];
  }
  return leadLineFirst.length ? leadLineFirst : null;
};

/** Is the folded phrase at the start of the line, word for word? Returns the rest. */
function afterLead(line: string, leads: string[]): string | null {
  const { words: leadWords, firsts } = leadsOf(leads);
  if (line !== leadLine) {
    leadLine = line;
    leadLineWords = null;
    leadLineFolds = [];
    leadLineFirst = null;
  }
  // No lead starts with the line's first word: none matches (the walk below would stop there).
  const first = firstFolded();
  if (first && !firsts.has(first[0]!)) return null;
  const words = lineWords();
  let at = 0;
  while (at < words.length && foldedWord(at).length === 0) at++;
  if (at === words.length || !firsts.has(foldedWord(at)[0]!)) return null;
  for (const lw of leadWords) {
    // Fold word by word so the rest keeps its spelling.
    let i = 0;
    let k = 0;
    while (k < lw.length && i < words.length) {
      const ws = foldedWord(i);
      if (!ws.length) {
        i++;
        continue;
      }
      if (ws.every((w, j) => lw[k + j] === w)) {
        k += ws.length;
        i++;
      } else break;
    }
    if (k >= lw.length) return words.slice(i).join(' ');
  }
  return null;
}

// The outlet names and word lists, folded once per data set (not once per article).
const namesByData = new WeakMap<IngestData, Names>();

export function detectOutlet(removed: RemovedLine[], data: IngestData, page?: Page): OutletFinding {
  let names = namesByData.get(data);
  if (!names) namesByData.set(data, (names = new Names(data)));
  const rules = data.outletRules;
  const lines: Line[] =
    page?.lines.filter((l) => l.text !== '') ??
    removed.map((r) => ({ no: r.line, raw: r.text, text: persianToArabicLetters(r.text).trim() }));
  const ruleOf = new Map(removed.map((r) => [r.line, r.rule]));
  const body = page?.body ?? [];

  // 5: a translation footer decides outlet and via.
  const footers = translationFooterRegexes(data.boilerplate.translation_footers);
  for (const l of lines) {
    for (const re of footers) {
      const m = re.exec(l.text);
      if (!m?.groups) continue;
      const outletName = cleanName(m.groups.outlet!);
      const viaName = cleanName(m.groups.via!);
      const record = findOutlet(outletName, data.outlets);
      return {
        outlet: record?.name_ar ?? outletName,
        via: findOutlet(viaName, data.outlets)?.name_ar ?? viaName,
        basis: { kind: 'stated', line: l.raw.trim(), rule: 'translation_footer' },
        record,
      };
    }
  }

  const signals: Signal[] = [];
  const add = (strength: number, rule: string, line: Line | string, found: Name[]) => {
    // One outlet named twice on a line («وكالة الأنباء الألمانية (د.ب.أ)») is one name.
    const names = found.filter((n, i) => found.findIndex((m) => sameOutlet(m, n)) === i);
    if (names.length) signals.push({ strength, rule, line: typeof line === 'string' ? line : line.raw.trim(), names });
  };

  // Where the story's text starts and ends: its first and last paragraph of eight words or more.
  // (A headline the furniture left in the body has no closing stop and is shorter than a lead.)
  const paragraphs = body.filter((b) => !b.heading && wordCount(b.text) >= 8 && (/[.!?؟…]["»”')\]]*$/u.test(b.text) || wordCount(b.text) >= 25));
  const firstPara = paragraphs[0] ?? null;
  const lastPara = paragraphs[paragraphs.length - 1] ?? null;
  const firstParaNo = firstPara?.no ?? Infinity;
  const lastParaNo = lastPara?.no ?? (page ? Infinity : -Infinity);

  // 4: source lines.
  let genericSource: string | null = null;
  for (const l of lines) {
    const colon = l.text.search(/[:：]/);
    if (colon <= 0 || !names.sourceLabels.has(fold(l.text.slice(0, colon)))) continue;
    // "المصدر: X | السبت 30 تشرين الثاني 2024": a date beside the name is none; nor is a place («المصدر:
    // بيونغ يانغ - أ.ف.ب»: the dateline's city).
    const found = parts(l.text.slice(colon + 1))
      .filter((p) => names.known(p) || (!digitsNoSiteHas(p) && !names.isPlace(p)))
      .map((p) => names.resolve(p, true))
      .filter((n): n is Name => !!n);
    if (found.length) add(4, 'source_line', l, found);
    else genericSource ??= l.raw.trim();
  }

  // The top of the page: every line before the headline proper (the first line of four words or
  // more that the furniture kept and that is no site name).
  const nameOnly = (text: string): Name | null => {
    const ps = parts(text).filter((p) => !names.isSiteWord(p) && (!hasDigits(p) || names.known(p)));
    const rs = ps.map((p) => names.known(p));
    if (!ps.length || rs.some((r) => !r) || rs.some((r) => r!.id !== rs[0]!.id)) return null;
    return { name: rs[0]!.name_ar, record: rs[0]! };
  };
  const nav = names.navigation;
  // The masthead's line: the first line, or the first below a skip link, a date bar or a counter.
  const chrome = new Set(rules.chrome_rules);
  const firstLine =
    lines.find((l) => {
      const rule = ruleOf.get(l.no);
      if (!rule || !chrome.has(rule)) return true;
      // The page's first line an acronym in capitals («LBCI», «MTV»): the site's logo, above its tagline.
      if (l === lines[0] && /^[A-Z][A-Z0-9]{2,5}$/.test(l.text)) return true;
      return rule === 'ui_string' && /^[\x20-\x7e]+$/.test(l.text) && names.looksLikeSite(l.text);
    }) ?? lines[0];
  let belowBar: Name | null = null;
  const unknownMasthead = (() => {
    if (!firstLine || !page) return null;
    const t = firstLine.text;
    if (digitsNoSiteHas(t) || /[.!?؟:؛،,"»]$/u.test(t) || wordCount(t) > 6 || nameOnly(t)) return null;
    const next = lines.slice(1, 3).some((l) => nav.has(fold(l.text)));
    const aboveHeadline = !page.headline || page.headline.no > firstLine.no;
    if (next || (aboveHeadline && names.looksLikeSite(t))) return names.resolve(t, true);
    // A name alone on the first line, above the headline ("X", "X | الصفحة الرئيسية"), that the
    // furniture left or cut as the masthead.
    const rule = ruleOf.get(firstLine.no);
    if (!aboveHeadline || (rule && !['masthead', 'section_label', 'ui_string'].includes(rule))) return null;
    const ps = parts(t).filter((p) => !names.isSiteWord(p));
    // Below a menu or a date bar, a section's name stands as often as the site's: only a site's shape, or
    // the name printed again in the credit between headline and text («المدى» … «متابعة/ المدى»), or
    // (weighed below) when the page's strongest name is an agency's credit.
    // «Mosaique FM» over «موزاييك أف أم» (the Latin line cut as page chrome): the Arabic one is the site's.
    // So is «رأي اليوم» over «Rai Al Youm»: the same name, the Arabic first.
    const above = lines[lines.indexOf(firstLine) - 1];
    const below = lines[lines.indexOf(firstLine) + 1];
    const latinTwin = (l: Line | undefined) => !!l && /[A-Za-z]/.test(l.text) && !/[\u0600-\u06FF]/.test(l.text) && names.sameInBothScripts(l.text, t);
    if (ps.length === 1 && (latinTwin(above) || latinTwin(below))) return names.candidate(ps[0]!, true);
    const creditedBelow = ps.length === 1 && !!page.headline &&
      lines.some((l) => l.no > page.headline!.no && l.no < firstParaNo && l.no !== firstLine.no && wordCount(l.text) <= 4 && parts(l.text).some((p) => fold(p) === fold(ps[0]!)));
    if (firstLine !== lines[0] && creditedBelow) return names.candidate(ps[0]!, true);
    if (firstLine !== lines[0] && !names.looksLikeSite(t)) {
      if (ps.length === 1 && wordCount(t) <= 2) belowBar = names.candidate(ps[0]!);
      return null;
    }
    if (ps.length !== 1) return null;
    // Printed again as the credit under the headline, alone or after a byline's lead («الأخبار» … headline
    // … «الأخبار», «عرب 48» … «تحرير: عرب 48»): the site's name, even when it is a common word a section
    // could be called.
    const credit = !!page.headline && lines.some((l) => l.no > page.headline!.no && l.no < firstParaNo && fold(afterLead(l.text, rules.byline_leads) ?? l.text) === fold(t));
    return names.candidate(ps[0]!, credit);
  })();
  let boundary = Infinity;
  for (const l of lines) {
    if (l.no >= firstParaNo) break;
    if (ruleOf.has(l.no) || wordCount(l.text) < 4 || nameOnly(l.text) || (l.no === firstLine?.no && unknownMasthead)) continue;
    boundary = l.no;
    break;
  }
  if (page?.headline && !nameOnly(page.headline.text) && !(page.headline.no === firstLine?.no && unknownMasthead)) {
    boundary = Math.min(boundary, page.headline.no);
  }

  // 3: the masthead: a known name alone (or with site words) above the headline, an unknown one in
  // a masthead's shape, or the line the furniture stage cut as the masthead.
  const cutAsMasthead = (l: Line): Name | null => {
    if (ruleOf.get(l.no) !== 'masthead' || hasDigits(l.text) || wordCount(l.text) > 6) return null;
    const ps = parts(l.text).filter((p) => !names.isSiteWord(p));
    if (ps.length !== 1) return null;
    // A section name cut with it is no site name: an unknown one must look like one.
    const navBelow = lines.filter((x) => x.no > l.no).slice(0, 2).some((x) => nav.has(fold(x.text)));
    return names.known(ps[0]!) || names.looksLikeSite(ps[0]!) || (navBelow && wordCount(ps[0]!) >= 2) ? names.resolve(ps[0]!, true) : null;
  };
  let mastheadNo = -1;
  // A page that prints its name twice, in Latin letters and then in Arabic («Xinhua Arabic», «شينخوا»):
  // when the data knows the second form and not the first, the second is the masthead; so it is when
  // neither is known and the Arabic line follows with the same edition word («CGTN العربية» over
  // «سي جي تي إن العربية»), as the site names itself to its readers.
  const latin = (x: string) => /[A-Za-z]/.test(x);
  const twin = firstLine && unknownMasthead && !unknownMasthead.record && latin(firstLine.text)
    ? lines.find((l) => l.no > firstLine.no && !latin(l.text) && nameOnly(l.text) && l.no < boundary && l.no < firstParaNo)
    : undefined;
  const twinAdjacent = twin && lines.indexOf(twin) === lines.indexOf(firstLine!) + 1;
  const unknownTwin = (() => {
    if (twin || !firstLine || !unknownMasthead || unknownMasthead.record || !latin(firstLine.text)) return null;
    const below = lines[lines.indexOf(firstLine) + 1];
    // Digits only as the Latin name has them too («Kurdistan24» over «كوردستان24»): never a date line.
    const digitsOf = (x: string) => (fold(x).match(/\d+/g) ?? []).join(' ');
    if (!below || below.no >= boundary || below.no >= firstParaNo || latin(below.text) || wordCount(below.text) > 6) return null;
    if (hasDigits(below.text) && digitsOf(below.text) !== digitsOf(firstLine.text)) return null;
    const edition = names.editionOf(firstLine.text);
    const twinned = (edition && edition === names.editionOf(below.text)) || names.sameInBothScripts(firstLine.text, below.text);
    return twinned ? { line: below, name: names.resolve(below.text, true) } : null;
  })();
  // Below the menu's home link the lines are its sections: a known name among them («الرأي», the opinion
  // pages, is also the Kuwaiti paper الراي) is a section's, not the site's.
  let inMenu = false;
  for (const l of lines) {
    if (l.no >= boundary || l.no >= firstParaNo) break;
    if (nav.has(fold(l.text))) inMenu = true;
    // «العربية» in a language switcher is the page's language, not Al Arabiya.
    if (ruleOf.get(l.no) === 'language_menu') continue;
    const unknownFirst = l === firstLine && !twinAdjacent && !unknownTwin?.name ? unknownMasthead : null;
    const twinName = l === unknownTwin?.line ? unknownTwin.name : null;
    const n = inMenu && l !== firstLine ? null : nameOnly(l.text) ?? twinName ?? unknownFirst ?? (twinAdjacent || (l === firstLine && unknownTwin?.name) ? null : cutAsMasthead(l));
    if (n) {
      add(3, 'masthead', l, [n]);
      mastheadNo = l.no;
      break;
    }
  }

  // 3: the page's browser title, the headline and the site's name: "<headline> - X", "<headline> | X".
  const headline = page?.headline;
  if (headline && mastheadNo < 0) {
    const head = fold(headline.text);
    for (const l of lines) {
      if (l.no === headline.no || l.no >= firstParaNo) continue;
      const title = BROWSER_TITLE.exec(l.text);
      if (!title || fold(title[1]!) !== head) continue;
      const n = wordCount(title[2]!) <= 5 ? names.candidate(title[2]!) : null;
      if (n) add(3, 'title_line', l, [n]);
      break;
    }
  }

  // 3: copyright lines and the site's own promotion. A copyright line above the text credits a photo
  // («© Copyright : AFP» under a caption), not the page.
  for (const l of lines) {
    let rest = firstPara && l.no < firstParaNo ? null : afterLead(l.text.replace(/^©\s*/, ''), rules.copyright_leads);
    const bare = rest === null && l.text.startsWith('©') && l.no > lastParaNo;
    if (rest === null && bare) rest = l.text.slice(1);
    if (rest !== null) {
      const found = rest
        // "© 2000 - 2023 البوابة (www.albawaba.com)": the site's address beside its name is no part of it.
        .replace(/\(?\s*(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/?\s*\)?/gi, ' ')
        .replace(/©|\b(19|20)\d{2}\b/g, ' ')
        // "© 2023 X, LLC.": the name before the company's form; "© X 2023 - جميع الحقوق محفوظة": before the lead.
        // "Copyright X (Its Full Name) All rights reserved.": the name before its bracket, the phrase apart.
        .split(/\.(?=\s|$)|[|,،()]|\s[-–—]+\s/)
        .map((p) => cleanName(p))
        .filter((p) => p && afterLead(p, rules.copyright_leads) === null)
        .map((p) => names.resolve(names.withoutLam(p), wordCount(p) <= 4))
        .filter((n): n is Name => !!n);
      if (found.length) add(3, 'copyright_line', l, [found[0]!]);
      continue;
    }
    const follow = afterLead(l.text, rules.follow_leads);
    if (follow !== null) {
      const w = follow.split(/\s+/);
      const at = w.findIndex((x) => names.followLinks.has(fold(x)));
      if (at > 0) {
        const cand = w.slice(0, at).join(' ');
        const n = names.known(cand) ? names.resolve(cand, false) : names.looksLikeSite(cand) ? names.resolve(cand, true) : null;
        if (n) add(3, 'follow_line', l, [n]);
      }
    }
  }

  // 2: credits between the headline and the text.
  const speech = names.speech;
  // A photo credit ("صورة: أ.ف.ب", "صورة من: …/AP/…") names the photo's source, not the story's.
  // So does a copyright mark there («© Copyright : AFP» under a caption).
  const isPhotoCredit = (text: string) => afterLead(text, rules.photo_leads) !== null || afterLead(text.replace(/^©\s*/, ''), rules.copyright_leads) !== null || text.startsWith('©');
  const creditNames = (line: string, allowUnknown: boolean): Name[] | null => {
    let text = line;
    const siteByline = afterLead(text, rules.site_byline_leads);
    if (siteByline !== null && allowUnknown) {
      const n = names.candidate(siteByline);
      return n ? [n] : null;
    }
    const byline = afterLead(text, rules.byline_leads);
    // «بقلم Le360 (مع وكالات)», «نص : X / أ ف ب»: a credit of two names after the lead, read as one without it.
    if (byline !== null && /[(/|]/u.test(byline)) text = byline;
    else if (byline !== null) {
      const p = cleanName(byline);
      const n = names.known(p) ? names.resolve(p, false) : names.looksLikeSite(p) ? names.resolve(p, true) : null;
      return n ? [n] : null;
    }
    // "م. إلياس", "A. Karim": a writer's initial before a name, a byline of a person, not of an outlet.
    if (/^\p{L}\.\s*\p{L}{2,}(?:\s+\p{L}+)?$/u.test(text.trim())) return null;
    const ps = parts(text).filter((p) => !hasDigits(p) || names.known(p));
    if (!ps.length || wordCount(text) > 8) return null;
    // A photo's caption with its provenance («مجلس الدوما الروسي - أرشيف»): it names no one who wrote the story.
    if (ps.some((p) => names.isCaptionMark(p))) return null;
    // A site's name alone under the headline ("صحيفة …", "… نيوز").
    if (ps.length === 1 && allowUnknown && !names.known(ps[0]!) && names.looksLikeSite(ps[0]!)) return [names.resolve(ps[0]!, true)!].filter(Boolean);
    return shapeNames(text, names, speech, { lead: false, unknown: allowUnknown });
  };
  // A summary printed as a paragraph under the headline, the page's date line after it (a standfirst): the
  // credits may stand between it and the text («نص : X / أ ف ب» on Monte Carlo Doualiya's pages).
  const second = paragraphs[1];
  const standfirst = !!second && [...ruleOf].some(([no, r]) => no > firstParaNo && no < second.no && r === 'date_line');
  const creditsEnd = standfirst ? second.no : firstParaNo;
  let genericCredit = false;
  for (const l of lines) {
    if (l.no <= mastheadNo || l.no >= creditsEnd || l.no === firstParaNo) continue;
    if (l.no < boundary && l.no !== page?.headline?.no) continue;
    if (isPhotoCredit(l.text) || (page?.headline && l.no === page.headline.no && !nameOnly(l.text))) continue;
    // A bar of the page's buttons («شارك المقال | Facebook | X») names no one.
    if (ruleOf.get(l.no) === 'ui_string') continue;
    const found = creditNames(l.text, true);
    if (found?.length) add(2, 'byline', l, found);
    // «بقلم X (مع وكالات)»: the credit says the story draws on agencies, as a source line «وكالات» does.
    if (parts(l.text).some((p) => names.isGeneric(p))) genericCredit = true;
  }

  // 1: a dateline opening the lead.
  const datelineNames = (text: string): Name[] => {
    const found: Name[] = [];
    let walked = 0;
    for (const p of text.split(SEPARATORS)) {
      const seg = p.trim();
      if (!seg) continue;
      const n = wordCount(seg);
      if (n > 6 || seg.split(/\s+/).some((w) => speech.has(fold(w)) || speech.has(fold(w).replace(/^[وف]/, '')))) break;
      walked += n;
      if (walked > 10) break;
      const r = names.resolve(seg, false);
      if (r) found.push(r);
    }
    return found;
  };
  if (firstPara) {
    const known = datelineNames(firstPara.text);
    const shaped = shapeNames(firstPara.text, names, speech, { lead: true, unknown: true }) ?? [];
    const merged = [...shaped, ...known.filter((k) => !shaped.some((x) => sameOutlet(x, k)))];
    add(1, 'dateline', firstPara.text.split(/\s+/).slice(0, 14).join(' '), merged);
    // «عمون - استقبل …»: one Arabic word before a dash opening the lead, no place and no name the data
    // knows, that the page prints in Latin letters as well («Ammon on Apple Store»): the site's own mark.
    const own = /^([\u0600-\u06FF]{2,15})\s*[-–—]\s+\S/u.exec(firstPara.text)?.[1];
    if (own && !merged.length && !names.isPlace(own) && !names.known(own)) {
      const inLatin = lines.some((l) => l.no < firstParaNo && /^[\x20-\x7e]+$/.test(l.text) && l.text.split(/\s+/).some((x) => /^[A-Za-z]{3,}$/.test(x) && names.sameInBothScripts(x, own)));
      const n = inLatin ? names.candidate(own, true) : null;
      if (n) add(2, 'dateline', firstPara.text.split(/\s+/).slice(0, 14).join(' '), [n]);
    }
  }

  // 1: marks closing the story: agency marks cut from a paragraph's end, short lines after the text.
  // "… انتهى الاجتماع. (يونهاب)": a mark after a sentence's stop, or alone; after a caption
  // ("… في بيونغ يانغ (رويترز)") it credits the photo.
  for (const l of lines) {
    const m = /\(\s*([^()]{1,40}?)\s*\)\s*$/u.exec(l.text);
    if (!m) continue;
    const before = l.text.slice(0, m.index).trim();
    if (before && !/[.!?؟…]["»”']*$/u.test(before)) continue;
    const n = names.resolve(m[1]!, false);
    if (n) add(1, 'agency_mark', m[0].trim(), [n]);
  }
  for (const l of lines) {
    if (l.no <= lastParaNo || wordCount(l.text) > 6 || isPhotoCredit(l.text)) continue;
    const found = creditNames(l.text, false);
    if (found?.length) add(1, 'closing_mark', l, found);
  }

  // via only: "…، نقلاً عن وكالة X" ending the lead, or "نقلاً عن وكالة X، …" opening it; "ذكرت وكالة X … أن"
  // and then "الوكالة".
  const relayed: Signal[] = [];
  const longestKnown = (words: string[]): Name | null => {
    for (let n = Math.min(words.length, 7); n >= 1; n--) {
      const cand = words.slice(0, n).join(' ');
      if (names.known(cand)) return names.resolve(cand, false);
    }
    return null;
  };
  if (firstPara) {
    // The relay clause ends the lead, opens it, or stands between («…، بحسب ما نقلت وكالة يونهاب … عن …، اليوم»).
    const clauses = firstPara.text.split(/[،,]/);
    for (const clause of new Set([clauses.at(-1)!, clauses[0]!, ...clauses.slice(1, -1)])) {
      const rest = afterLead(clause.trim(), rules.relay_leads);
      const restWords = rest === null ? [] : rest.replace(/[.«»"]/g, ' ').trim().split(/\s+/);
      // The lead took «وكالة»: «وكالة الصحافة الفرنسية» is known by its full name; «وكالة الأنباء الروسية
      // (تاس)», «وكالة أنباء «ريا نوفوستي» الروسية» by the name in its brackets or quotation marks.
      const bracketed = rest === null ? null : /[(«"“]([^()«»"“”]{2,40})[)»"”]/u.exec(rest)?.[1];
      const n = rest === null ? null : longestKnown(restWords) ?? longestKnown(['وكالة', ...restWords]) ?? (bracketed ? longestKnown(bracketed.trim().split(/\s+/)) : null);
      if (n) {
        relayed.push({ strength: 0, rule: 'relay', line: firstPara.text, names: [n] });
        break;
      }
    }
    const opening = afterLead(firstPara.text, rules.report_verbs);
    const cited = paragraphs.slice(1).some((p) => fold(p.text).split(' ', 3).some((w) => names.agencyBackref.has(w)));
    if (opening !== null && cited && !genericSource && !genericCredit) {
      const n = longestKnown(opening.split(/[،,(]/)[0]!.trim().split(/\s+/));
      if (n) relayed.push({ strength: 0, rule: 'lead_report', line: firstPara.text, names: [n] });
    }
  }

  // An aggregator's page: the credit under the headline is the publisher, not the masthead.
  const aggregator = lines.some((l) => names.aggregatorMarks.has(fold(l.text)));
  const rank = (s: Signal) => (aggregator && s.rule === 'byline' ? 3.5 : s.strength);
  const ordered = [...signals].sort((a, b) => rank(b) - rank(a));
  let top = ordered[0];
  if (!top) {
    const note = genericSource ? `سطر المصدر «${genericSource}» لا يسمّي جهة نشر بعينها.` : 'لا يذكر الخبر الجهة التي نشرته.';
    return { outlet: null, via: null, basis: { kind: 'unknown', note }, record: null };
  }
  let outlet = top.names[0]!;
  // "المصدر: رويترز" on a newspaper's page: the agency supplied the story the page publishes.
  const site = ordered.find((s) => s.strength === 3);
  if (top.rule === 'source_line' && top.names.length === 1 && outlet.record?.markers.length && site && !sameOutlet(site.names[0]!, outlet)) {
    outlet = site.names[0]!;
    top = site;
  }
  // "موسكو- قنا" under a name alone below the date bar («الوطن»): a paper relaying an agency under its
  // own name; an agency's own page prints its name in the data's form, known above the headline.
  if (top.strength === 2 && outlet.record?.markers.length && belowBar && firstLine && !ordered.some((s) => s.strength >= 3)) {
    outlet = belowBar;
    top = { strength: 3, rule: 'masthead', line: firstLine.text, names: [belowBar] };
  }
  const viaOrder = [
    ...ordered.filter((s) => s.rule === 'source_line'),
    ...ordered.filter((s) => s.rule === 'byline'),
    ...ordered.filter((s) => s.strength === 1),
    ...relayed,
  ];
  // The site's own names, as printed in either script and without its edition's word: never its via.
  const own = new Set([outlet.name, ...(unknownTwin?.name && outlet === unknownTwin.name ? [firstLine!.text] : [])].map((n) => names.siteStem(n)));
  // A name the data does not know that is part of the outlet's own («(الاتحاد، وكالات)» on the page of
  // «مركز الاتحاد للأخبار», «(عدن الغد) متابعات» on «مؤسسة عدن الغد للإعلام»'s) is its dateline mark.
  // So is the site's own team, «فريق تحرير البوابة» on البوابة's page: a name that holds the outlet's.
  const outletWords = ` ${fold(outlet.name)} `;
  const partOfOwn = (n: Name) => !n.record && (outletWords.includes(` ${fold(n.name)} `) || ` ${fold(n.name)} `.includes(outletWords));
  // A name the page prints as one of its sections («المدن - عرب وعالم» under a menu with «عرب وعالم»): the
  // story's section, not an agency.
  const sections = new Set(removed.filter((r) => r.rule === 'section_label').map((r) => fold(r.text)));
  const section = (n: Name) => !n.record && sections.has(fold(n.name));
  const via = viaOrder.flatMap((s) => s.names).find((n) => !sameOutlet(n, outlet) && !own.has(names.siteStem(n.name)) && !partOfOwn(n) && !section(n)) ?? null;
  return {
    outlet: outlet.name,
    via: via?.name ?? null,
    basis: { kind: 'stated', line: top.line, rule: top.rule },
    record: outlet.record,
  };
}
