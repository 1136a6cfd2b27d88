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
  private siteWords: Set<string>;
  private prefixes: string[];
  private suffixes: string[];

  constructor(private data: IngestData) {
    for (const o of data.outlets) {
      for (const n of [o.name_ar, o.name_en, ...o.names, ...o.markers]) {
        const f = fold(n);
        if (f && !this.byFold.has(f)) this.byFold.set(f, o);
      }
    }
    const r = data.outletRules;
    this.generic = new Set([...data.boilerplate.generic_sources, ...r.generic_names].map(fold));
    this.siteWords = new Set(r.site_words.map(fold));
    this.prefixes = r.kind_prefixes.map(fold).filter(Boolean);
    this.suffixes = r.kind_suffixes.map(fold).filter(Boolean);
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

  isGeneric(raw: string): boolean {
    return this.generic.has(fold(raw));
  }

  /** Made of media words ("مدونة …", "… الإخبارية"), short, no digits: a site's name even if unknown. */
  looksLikeSite(raw: string): boolean {
    const f = fold(raw);
    const w = f.split(' ');
    if (!f || w.length < 2 || w.length > 5 || /\d/.test(f) || this.generic.has(f)) return false;
    return this.prefixes.includes(w[0]!) || this.suffixes.includes(w[w.length - 1]!);
  }

  /** The name as recorded: the record's Arabic name, else the text's own. */
  resolve(raw: string, allowUnknown: boolean): Name | null {
    const name = cleanName(raw);
    if (!name || this.isGeneric(name) || this.isSiteWord(name)) return null;
    const record = this.known(name);
    if (record) return { name: record.name_ar, record };
    if (allowUnknown) return { name, record: null };
    return null;
  }
}

/** Split a credit or dateline into its parts: "city - Outlet", "Outlet/ city", "(Agency)", "X | Y". */
const SEPARATORS = /\s*(?:[/|()[\]«»"“”:،,+]|[-–—]+|\.(?=\s|$))\s*/u;
const parts = (line: string) => line.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);

const hasDigits = (s: string) => /[\d٠-٩]/u.test(s);

interface Signal {
  strength: number;
  rule: string;
  line: string;
  names: Name[];
}

const sameOutlet = (a: Name, b: Name) => (a.record && b.record ? a.record.id === b.record.id : fold(a.name) === fold(b.name));

/** Is the folded phrase at the start of the line, word for word? Returns the rest. */
function afterLead(line: string, leads: string[]): string | null {
  const words = line.split(/\s+/);
  for (const lead of leads) {
    const lw = fold(lead).split(' ');
    if (!lw[0]) continue;
    // Fold word by word so the rest keeps its spelling.
    let i = 0;
    let k = 0;
    while (k < lw.length && i < words.length) {
      const fw = fold(words[i]!);
      if (!fw) {
        i++;
        continue;
      }
      const ws = fw.split(' ');
      if (ws.every((w, j) => lw[k + j] === w)) {
        k += ws.length;
        i++;
      } else break;
    }
    if (k >= lw.length) return words.slice(i).join(' ');
  }
  return null;
}

export function detectOutlet(removed: RemovedLine[], data: IngestData, page?: Page): OutletFinding {
  const names = new Names(data);
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
    if (found.length) signals.push({ strength, rule, line: typeof line === 'string' ? line : line.raw.trim(), names: found });
  };

  // Where the story's text starts and ends: its first and last paragraph of eight words or more.
  // (A headline the furniture left in the body has no closing stop and is shorter than a lead.)
  const paragraphs = body.filter((b) => !b.heading && wordCount(b.text) >= 8 && (/[.!?؟…]["»”')\]]*$/u.test(b.text) || wordCount(b.text) >= 25));
  const firstPara = paragraphs[0] ?? null;
  const lastPara = paragraphs[paragraphs.length - 1] ?? null;
  const firstParaNo = firstPara?.no ?? Infinity;
  const lastParaNo = lastPara?.no ?? (page ? Infinity : -Infinity);

  // 4: source lines.
  const sourceLabels = data.boilerplate.rules.find((r) => r.name === 'source_line')?.phrases ?? ['المصدر'];
  let genericSource: string | null = null;
  for (const l of lines) {
    const colon = l.text.search(/[:：]/);
    if (colon <= 0 || !sourceLabels.some((p) => fold(p) === fold(l.text.slice(0, colon)))) continue;
    const found = parts(l.text.slice(colon + 1))
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
  const nav = new Set(rules.navigation.map(fold));
  const firstLine = lines[0];
  const unknownMasthead = (() => {
    if (!firstLine || !page) return null;
    const t = firstLine.text;
    if (hasDigits(t) || /[.!?؟:؛،,"»]$/u.test(t) || wordCount(t) > 6 || nameOnly(t)) return null;
    const next = lines.slice(1, 3).some((l) => nav.has(fold(l.text)));
    const aboveHeadline = !page.headline || page.headline.no > firstLine.no;
    return next || (aboveHeadline && names.looksLikeSite(t)) ? names.resolve(t, true) : null;
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
  for (const l of lines) {
    if (l.no >= boundary || l.no >= firstParaNo) break;
    const n = nameOnly(l.text) ?? (l === firstLine ? unknownMasthead : null) ?? cutAsMasthead(l);
    if (n) {
      add(3, 'masthead', l, [n]);
      mastheadNo = l.no;
      break;
    }
  }

  // 3: copyright lines and the site's own promotion.
  for (const l of lines) {
    let rest = afterLead(l.text.replace(/^©\s*/, ''), rules.copyright_leads);
    const bare = rest === null && l.text.startsWith('©') && l.no > lastParaNo;
    if (rest === null && bare) rest = l.text.slice(1);
    if (rest !== null) {
      const found = rest
        .replace(/©|\b(19|20)\d{2}\b/g, ' ')
        .split(/\.(?=\s|$)|[|]/)
        .map((p) => cleanName(p))
        .filter(Boolean)
        .map((p) => names.resolve(p, wordCount(p) <= 4))
        .filter((n): n is Name => !!n);
      if (found.length) add(3, 'copyright_line', l, [found[0]!]);
      continue;
    }
    const follow = afterLead(l.text, rules.follow_leads);
    if (follow !== null) {
      const links = rules.follow_links.map(fold);
      const w = follow.split(/\s+/);
      const at = w.findIndex((x) => links.includes(fold(x)));
      if (at > 0) {
        const cand = w.slice(0, at).join(' ');
        const n = names.known(cand) ? names.resolve(cand, false) : names.looksLikeSite(cand) ? names.resolve(cand, true) : null;
        if (n) add(3, 'follow_line', l, [n]);
      }
    }
  }

  // 2: credits between the headline and the text.
  const speech = new Set(data.claims.speech_verbs.map(fold));
  // A photo credit ("صورة: أ.ف.ب", "صورة من: …/AP/…") names the photo's source, not the story's.
  const isPhotoCredit = (text: string) => afterLead(text, rules.photo_leads) !== null;
  const creditNames = (text: string, allowUnknown: boolean): Name[] | null => {
    const byline = afterLead(text, rules.byline_leads);
    if (byline !== null) {
      const p = cleanName(byline);
      const n = names.known(p) ? names.resolve(p, false) : names.looksLikeSite(p) ? names.resolve(p, true) : null;
      return n ? [n] : null;
    }
    const ps = parts(text).filter((p) => !hasDigits(p) || names.known(p));
    if (!ps.length || wordCount(text) > 8) return null;
    const found: Name[] = [];
    for (const p of ps) {
      if (names.kind(p) === 'generic') continue;
      const n = names.known(p) ? names.resolve(p, false) : allowUnknown && names.looksLikeSite(p) ? names.resolve(p, true) : null;
      if (n) found.push(n);
      else if (wordCount(p) > 3) return null;
    }
    return found;
  };
  for (const l of lines) {
    if (l.no <= mastheadNo || l.no >= firstParaNo) continue;
    if (l.no < boundary && l.no !== page?.headline?.no) continue;
    if (isPhotoCredit(l.text) || (page?.headline && l.no === page.headline.no && !nameOnly(l.text))) continue;
    const found = creditNames(l.text, true);
    if (found?.length) add(2, 'byline', l, found);
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
  if (firstPara) add(1, 'dateline', firstPara.text.split(/\s+/).slice(0, 14).join(' '), datelineNames(firstPara.text));

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

  // via only: "…، نقلاً عن وكالة X" ending the lead; "ذكرت وكالة X … أن" and then "الوكالة".
  const relayed: Signal[] = [];
  const longestKnown = (words: string[]): Name | null => {
    for (let n = Math.min(words.length, 7); n >= 1; n--) {
      const cand = words.slice(0, n).join(' ');
      if (names.known(cand)) return names.resolve(cand, false);
    }
    return null;
  };
  if (firstPara) {
    const lastClause = firstPara.text.split(/[،,]/).pop() ?? '';
    const rest = afterLead(lastClause.trim(), rules.relay_leads);
    if (rest !== null) {
      const n = longestKnown(rest.replace(/[.«»"]/g, ' ').trim().split(/\s+/));
      if (n) relayed.push({ strength: 0, rule: 'relay', line: firstPara.text, names: [n] });
    }
    const opening = afterLead(firstPara.text, rules.report_verbs);
    const backref = rules.agency_backref.map(fold);
    const cited = paragraphs.slice(1).some((p) => fold(p.text).split(' ').slice(0, 3).some((w) => backref.includes(w)));
    if (opening !== null && cited && !genericSource) {
      const n = longestKnown(opening.split(/[،,(]/)[0]!.trim().split(/\s+/));
      if (n) relayed.push({ strength: 0, rule: 'lead_report', line: firstPara.text, names: [n] });
    }
  }

  // An aggregator's page: the credit under the headline is the publisher, not the masthead.
  const aggregator = lines.some((l) => rules.aggregator_marks.some((m) => fold(m) === fold(l.text)));
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
  const viaOrder = [
    ...ordered.filter((s) => s.rule === 'source_line'),
    ...ordered.filter((s) => s.rule === 'byline'),
    ...ordered.filter((s) => s.strength === 1),
    ...relayed,
  ];
  const via = viaOrder.flatMap((s) => s.names).find((n) => !sameOutlet(n, outlet)) ?? null;
  return {
    outlet: outlet.name,
    via: via?.name ?? null,
    basis: { kind: 'stated', line: top.line, rule: top.rule },
    record: outlet.record,
  };
}
