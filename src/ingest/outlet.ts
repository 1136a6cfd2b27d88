/**
 * Stage: who published the article. In order: a translation footer ("قام X بترجمة هذا الخبر من
 * مصدر Y": outlet X, via Y), a source line ("المصدر: X"), an agency mark ("(İLKHA)"). Names are
 * mapped to the outlet's Arabic name through content/outlets.yaml; an outlet not listed there keeps
 * the name the article gives.
 */
import { foldArabic, persianToArabicLetters } from '../text/normalize.ts';
import type { Basis, RemovedLine } from '../lib/entry-schema.ts';
import type { IngestData, Outlet } from './data.ts';
import { translationFooterRegexes } from './boilerplate.ts';

export interface OutletFinding {
  outlet: string | null;
  via: string | null;
  basis: Basis;
  /** The outlet's record when known (for its time zone). */
  record: Outlet | null;
}

/** Find an outlet by any of its names (folded). */
export function findOutlet(name: string, outlets: Outlet[]): Outlet | null {
  const f = foldArabic(name);
  return outlets.find((o) => [o.name_ar, o.name_en, ...o.names].some((n) => foldArabic(n) === f)) ?? null;
}

function cleanName(raw: string): string {
  return persianToArabicLetters(raw).replace(/^[\s|©:]+|[\s|©:.]+$/g, '').replace(/\s+/g, ' ');
}

export function detectOutlet(removed: RemovedLine[], data: IngestData): OutletFinding {
  const footers = translationFooterRegexes(data.boilerplate.translation_footers);
  for (const r of removed.filter((x) => x.rule === 'translation_footer')) {
    const text = persianToArabicLetters(r.text);
    for (const re of footers) {
      const m = re.exec(text);
      if (!m?.groups) continue;
      const outletName = cleanName(m.groups.outlet!);
      const viaName = cleanName(m.groups.via!);
      const record = findOutlet(outletName, data.outlets);
      return {
        outlet: record?.name_ar ?? outletName,
        via: findOutlet(viaName, data.outlets)?.name_ar ?? viaName,
        basis: { kind: 'stated', line: r.text, rule: 'translation_footer' },
        record,
      };
    }
  }
  const generic = new Set(data.boilerplate.generic_sources.map(foldArabic));
  let genericLine: string | null = null;
  for (const r of removed.filter((x) => x.rule === 'source_line')) {
    // "المصدر: الجزيرة + وكالات": the first part that names an outlet.
    const parts = cleanName(r.text.slice(r.text.search(/[:：]/) + 1))
      .split(/\s*[+،,]\s*|\s+[-–]\s+/)
      .map((p) => p.trim())
      .filter(Boolean);
    const name = parts.find((p) => !generic.has(foldArabic(p)));
    if (!name) {
      genericLine = r.text;
      continue;
    }
    const record = findOutlet(name, data.outlets);
    return { outlet: record?.name_ar ?? name, via: null, basis: { kind: 'stated', line: r.text, rule: 'source_line' }, record };
  }
  for (const r of removed.filter((x) => x.rule === 'agency_mark')) {
    const mark = r.text.replace(/[()]/g, '').trim();
    const record = data.outlets.find((o) => o.markers.some((m) => foldArabic(m) === foldArabic(mark)));
    if (record) return { outlet: record.name_ar, via: null, basis: { kind: 'stated', line: r.text, rule: 'agency_mark' }, record };
  }
  const note = genericLine
    ? `سطر المصدر «${genericLine}» لا يسمّي جهة نشر بعينها.`
    : 'لا يذكر الخبر الجهة التي نشرته.';
  return { outlet: null, via: null, basis: { kind: 'unknown', note }, record: null };
}
