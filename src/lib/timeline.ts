/**
 * The timeline's shape, as pure functions over entries: order, grouping by year and month, per-year
 * pages, short ledes, previous/next. No Astro imports, so unit tests can call them on made-up entries.
 */
import { arabicMonthName } from './dates.ts';

export interface Dated {
  id: string;
  data: { date: string; published_at?: string };
}

/** Oldest first; same day: by publication time when known, then by id, so the order never wobbles. */
export function compareEntries(a: Dated, b: Dated): number {
  return (
    a.data.date.localeCompare(b.data.date) ||
    (a.data.published_at ?? '').localeCompare(b.data.published_at ?? '') ||
    a.id.localeCompare(b.id)
  );
}

export function sortEntries<T extends Dated>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}

export interface MonthGroup<T> {
  /** "2023-09" */
  key: string;
  year: number;
  month: number;
  entries: T[];
}
export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  count: number;
}

/** Group sorted entries by year, then month, keeping their order. */
export function groupByYearMonth<T extends Dated>(sorted: readonly T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const entry of sorted) {
    const year = Number(entry.data.date.slice(0, 4));
    const month = Number(entry.data.date.slice(5, 7));
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [], count: 0 }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { key: entry.data.date.slice(0, 7), year, month, entries: [] }));
    m.entries.push(entry);
    y.count++;
  }
  return years;
}

/** How many entries one page of a year shows; a year with more is split into numbered pages. */
export const YEAR_PAGE_SIZE = 100;
/** How many items a list on a person's or an event's page shows; a longer list continues on /<id>/2/, … */
export const LIST_PAGE_SIZE = 50;

/** The number of pages lists of these lengths take at `size` per page (at least 1). */
export function listPageCount(lengths: readonly number[], size = LIST_PAGE_SIZE): number {
  return Math.max(1, ...lengths.map((n) => Math.ceil(n / size)));
}

/** Page `page` (1-based) of a list. */
export function listPage<T>(list: readonly T[], page: number, size = LIST_PAGE_SIZE): T[] {
  return list.slice((page - 1) * size, page * size);
}

/** The site path of page `page` of a paged page: "actors/x/", "actors/x/2/". */
export function pagedPath(prefix: string, page = 1): string {
  return page === 1 ? `${prefix}/` : `${prefix}/${page}/`;
}

/** The home page lists every entry up to this many; beyond it, only the index of years and months. */
export const HOME_MAX_ENTRIES = 100;

export interface YearPage<T> {
  year: number;
  /** 1-based. */
  page: number;
  pageCount: number;
  groups: MonthGroup<T>[];
}

/** Split each year into pages of at most `size` entries (a month may continue on the next page). */
export function yearPages<T extends Dated>(sorted: readonly T[], size = YEAR_PAGE_SIZE): YearPage<T>[] {
  const pages: YearPage<T>[] = [];
  for (const y of groupByYearMonth(sorted)) {
    const all = y.months.flatMap((m) => m.entries);
    const pageCount = Math.max(1, Math.ceil(all.length / size));
    for (let p = 0; p < pageCount; p++) {
      pages.push({ year: y.year, page: p + 1, pageCount, groups: groupByYearMonth(all.slice(p * size, (p + 1) * size))[0]!.months });
    }
  }
  return pages;
}

/** The site path of page `page` of a year: "years/2023/", "years/2023/2/". */
export function yearPath(year: number, page = 1): string {
  return page === 1 ? `years/${year}/` : `years/${year}/${page}/`;
}

/**
 * Per sorted array (and page size): every entry's page of its year and its index, computed in one pass the
 * first time an array is asked about, so a build that asks for each of N entries does N, not N², work.
 * (The arrays are the build's own, never mutated once sorted.)
 */
const placesCache = new WeakMap<readonly Dated[], Map<number, Map<string, { index: number; page: number }>>>();
function placesOf(sorted: readonly Dated[], size: number): Map<string, { index: number; page: number }> {
  let bySize = placesCache.get(sorted);
  if (!bySize) placesCache.set(sorted, (bySize = new Map()));
  let places = bySize.get(size);
  if (!places) {
    places = new Map();
    let year = '';
    let inYear = 0;
    sorted.forEach((e, index) => {
      const y = e.data.date.slice(0, 4);
      if (y !== year) [year, inYear] = [y, 0];
      places!.set(e.id, { index, page: Math.floor(inYear++ / size) + 1 });
    });
    bySize.set(size, places);
  }
  return places;
}

/** The page of its year an entry falls on. */
export function pageOfEntry<T extends Dated>(sorted: readonly T[], id: string, size = YEAR_PAGE_SIZE): number {
  return placesOf(sorted, size).get(id)?.page ?? 1;
}

/** The neighbours of an entry in timeline order. */
export function neighbours<T extends Dated>(sorted: readonly T[], id: string): { older?: T; newer?: T } {
  const place = placesOf(sorted, YEAR_PAGE_SIZE).get(id);
  if (!place) return {};
  return { older: sorted[place.index - 1], newer: sorted[place.index + 1] };
}

/** A lede cut to about `max` characters at a word boundary, with an ellipsis when cut. */
export function shortLede(text: string, max = 180): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s،,.:؛]+$/u, '')}…`;
}

/** A month heading: «سبتمبر 2023», one string, so no template can drop the space between the two. */
export function monthHeading(year: number, month: number): string {
  return `${arabicMonthName(month)} ${year}`;
}

export interface ItemMonth<T> {
  key: string;
  year: number;
  month: number;
  items: T[];
}
export interface ItemYear<T> {
  year: number;
  months: ItemMonth<T>[];
}

/** Group dated items (in either order) by year, then month, as they come. */
export function groupItems<T extends { date: string }>(items: readonly T[]): ItemYear<T>[] {
  const years: ItemYear<T>[] = [];
  for (const item of items) {
    const year = Number(item.date.slice(0, 4));
    const month = Number(item.date.slice(5, 7));
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { key: item.date.slice(0, 7), year, month, items: [] }));
    m.items.push(item);
  }
  return years;
}
