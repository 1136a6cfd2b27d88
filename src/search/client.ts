/**
 * The search page in the browser (bundled by Astro into an external file: no inline script, so it runs
 * under the site's Content-Security-Policy). Reads the state from the URL (?q=&actor=&outlet=&year=&sort=),
 * runs it through Pagefind with the project's own normaliser (src/search/terms.ts), and draws results
 * with excerpts cut from the ORIGINAL text. Everything a source says reaches the page as text nodes,
 * never as markup.
 *
 * When results are drawn, the list gets data-state="done" (data-query says for which query, and
 * data-elapsed-ms how long it took from reading the query): the tests and `npm run bench:search` wait on it.
 */
import { matchRanges, parseQuery, type AliasTable, type QueryUnit, type Range } from './terms.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** A null term with filters lists every page the filters keep. */
  search(term: string | null, opts?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface SearchConfig {
  /** The site's base path ("/" or "/timeline/"). */
  base: string;
  table: AliasTable;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';
export interface SearchState {
  q: string;
  actor: string;
  outlet: string;
  year: string;
  sort: SortOrder;
}
const FILTER_KEYS = ['actor', 'outlet', 'year'] as const;
const SORTS: SortOrder[] = ['relevance', 'newest', 'oldest'];

export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  const sort = p.get('sort') as SortOrder | null;
  return {
    q: (p.get('q') ?? '').trim(),
    actor: p.get('actor') ?? '',
    outlet: p.get('outlet') ?? '',
    year: p.get('year') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
  };
}

export function urlFromState(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const k of FILTER_KEYS) if (state[k]) p.set(k, state[k]);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  const qs = p.toString();
  return qs ? `?${qs}` : location.pathname;
}

// As the rest of the site writes them (src/lib/dates.ts): Arabic month names, Western digits.
const LOCALE = 'ar-EG-u-nu-latn';
const numberFormat = new Intl.NumberFormat(LOCALE, { useGrouping: false });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "N results" with Arabic's plural forms. */
export function resultCount(n: number): string {
  if (n === 0) return 'لا نتائج';
  if (n === 1) return 'نتيجة واحدة';
  if (n === 2) return 'نتيجتان';
  const mod100 = n % 100;
  if (mod100 >= 3 && mod100 <= 10) return `${numberFormat.format(n)} نتائج`;
  return `${numberFormat.format(n)} نتيجة`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Text with the given ranges wrapped in <mark>, as DOM nodes (text stays text). */
function marked(text: string, ranges: Range[], from = 0, to = text.length): Node[] {
  const nodes: Node[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(el('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < to) nodes.push(document.createTextNode(text.slice(at, to)));
  return nodes;
}

const EXCERPT_WORDS = 32;
const WORDS_BEFORE_MATCH = 10;

/** An excerpt of about EXCERPT_WORDS words around the first match (or the opening), with matches marked. */
function excerpt(text: string, ranges: Range[]): Node[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  if (!words.length) return [];
  const first = ranges[0];
  let startWord = 0;
  if (first) {
    const hit = words.findIndex(([, e]) => e > first[0]);
    startWord = Math.max(0, Math.min(hit - WORDS_BEFORE_MATCH, words.length - EXCERPT_WORDS));
  }
  const endWord = Math.min(words.length, startWord + EXCERPT_WORDS) - 1;
  const from = words[startWord]![0];
  const to = words[endWord]![1];
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const nodes = marked(text, ranges, from, to).map((n) => {
    if (n.nodeType === Node.TEXT_NODE) n.textContent = flat(n.textContent ?? '');
    return n;
  });
  if (startWord > 0) nodes.unshift(document.createTextNode('… '));
  if (endWord < words.length - 1) nodes.push(document.createTextNode(' …'));
  return nodes;
}

interface Found {
  data: PagefindResultData;
  score: number;
}

/**
 * Run the query's units through Pagefind: each distinct term is one lookup; a unit matches a page when
 * any of its terms does; a page is a result when every unit matches. Score: the sum over units of the
 * best Pagefind score. Pagefind also answers near misses (a shorter prefix when a word has no match:
 * measured, بوريل finding كوريا), so every hit is checked against the page's own terms.
 */
async function find(pf: PagefindApi, units: QueryUnit[], filters: Record<string, string>): Promise<Found[]> {
  const terms = [...new Set(units.flatMap((u) => u.terms))];
  const pages = new Map<string, Promise<{ data: PagefindResultData; terms: Set<string> }>>();
  const page = (r: PagefindResult) => {
    let p = pages.get(r.id);
    if (!p) {
      p = r.data().then((data) => ({ data, terms: new Set(data.content.split(' ')) }));
      pages.set(r.id, p);
    }
    return p;
  };
  const byTerm = new Map<string, Map<string, number>>();
  await Promise.all(
    terms.map(async (term) => {
      const res = await pf.search(term, { filters });
      const hits = new Map<string, number>();
      await Promise.all(
        (res?.results ?? []).map(async (r) => {
          if ((await page(r)).terms.has(term)) hits.set(r.id, r.score);
        }),
      );
      byTerm.set(term, hits);
    }),
  );
  let matched: Map<string, number> | undefined;
  for (const unit of units) {
    const unitScores = new Map<string, number>();
    for (const term of unit.terms) {
      for (const [id, score] of byTerm.get(term) ?? []) unitScores.set(id, Math.max(score, unitScores.get(id) ?? 0));
    }
    matched = matched
      ? new Map([...matched].filter(([id]) => unitScores.has(id)).map(([id, score]) => [id, score + unitScores.get(id)!]))
      : unitScores;
  }
  return Promise.all([...(matched ?? [])].map(async ([id, score]) => ({ data: (await pages.get(id)!).data, score })));
}

export function startSearchPage(root: HTMLElement, config: SearchConfig): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = Object.fromEntries(
    [...FILTER_KEYS, 'sort'].map((k) => [k, form.querySelector<HTMLSelectElement>(`select[name="${k}"]`)!]),
  ) as Record<(typeof FILTER_KEYS)[number] | 'sort', HTMLSelectElement>;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const actorBox = root.querySelector<HTMLElement>('[data-search-actors]')!;
  const actorList = actorBox.querySelector('ul')!;
  const entriesBox = root.querySelector<HTMLElement>('[data-search-entries]')!;
  const actorName = new Map(config.table.actors.map((a) => [a.id, a.name_ar]));

  const pageTitle = document.title;
  let pagefind: Promise<PagefindApi> | undefined;
  const loadPagefind = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${config.base}pagefind/pagefind.js`)) as PagefindApi;
      // The index is small: searching on the main thread skips starting a worker and a second WebAssembly instance.
      await pf.options({ noWorker: true });
      await pf.init();
      return pf;
    })());

  async function fillFilters() {
    const pf = await loadPagefind();
    const available = await pf.filters();
    const label: Record<string, (v: string) => string> = {
      actor: (v) => actorName.get(v) ?? v,
      outlet: (v) => v,
      year: (v) => numberFormat.format(Number(v)),
    };
    for (const key of FILTER_KEYS) {
      const select = selects[key];
      const values = Object.keys(available[key] ?? {});
      values.sort(key === 'year' ? (a, b) => b.localeCompare(a) : (a, b) => label[key]!(a).localeCompare(label[key]!(b), 'ar'));
      for (const v of values) {
        if (![...select.options].some((o) => o.value === v)) select.append(el('option', { value: v }, label[key]!(v)));
      }
    }
  }

  function showState(state: SearchState) {
    input.value = state.q;
    for (const k of FILTER_KEYS) {
      const select = selects[k];
      if (state[k] && ![...select.options].some((o) => o.value === state[k])) {
        select.append(el('option', { value: state[k] }, k === 'actor' ? actorName.get(state[k]) ?? state[k] : state[k]));
      }
      select.value = state[k];
    }
    selects.sort.value = state.sort;
  }

  function readForm(): SearchState {
    return {
      q: input.value.trim(),
      actor: selects.actor.value,
      outlet: selects.outlet.value,
      year: selects.year.value,
      sort: (SORTS as string[]).includes(selects.sort.value) ? (selects.sort.value as SortOrder) : 'relevance',
    };
  }

  let runId = 0;
  async function run(state: SearchState) {
    const id = ++runId;
    const started = performance.now();
    list.dataset.state = 'loading';
    list.dataset.query = state.q;
    list.setAttribute('aria-busy', 'true');
    const units = parseQuery(state.q, config.table);
    const filters: Record<string, string> = {};
    for (const k of FILTER_KEYS) if (state[k]) filters[k] = state[k];
    const filtered = Object.keys(filters).length > 0;
    let entries: Found[] = [];
    let actors: Found[] = [];
    try {
      if (units.length) {
        const found = await find(await loadPagefind(), units, filters);
        entries = found.filter((f) => f.data.meta.kind === 'entry');
        actors = found.filter((f) => f.data.meta.kind === 'actor');
      } else if (!state.q && filtered) {
        // Filters alone: every entry they keep (actor pages carry no filters, so none is listed).
        const res = await (await loadPagefind()).search(null, { filters });
        entries = await Promise.all((res?.results ?? []).map(async (r) => ({ data: await r.data(), score: 0 })));
        entries = entries.filter((f) => f.data.meta.kind === 'entry');
      }
    } catch (error) {
      if (id !== runId) return;
      console.error(error);
      status.textContent = 'تعذّر تحميل فهرس البحث. أعد تحميل الصفحة وحاول مرة أخرى.';
      list.dataset.state = 'error';
      list.removeAttribute('aria-busy');
      return;
    }
    if (id !== runId) return; // a newer search replaced this one
    const byDate = (a: Found, b: Found) => (a.data.meta.date ?? '').localeCompare(b.data.meta.date ?? '');
    if (state.sort === 'newest') entries.sort((a, b) => byDate(b, a) || b.score - a.score);
    else if (state.sort === 'oldest') entries.sort((a, b) => byDate(a, b) || b.score - a.score);
    else entries.sort((a, b) => b.score - a.score || byDate(b, a));
    actors.sort((a, b) => b.score - a.score);

    actorList.replaceChildren(
      ...actors.map(({ data }) => {
        const [nameAr, nameEn, role] = (data.meta.text ?? '').split('\n');
        return el(
          'li',
          { 'data-actor': data.meta.actor ?? '' },
          el('a', { href: data.url }, nameAr ?? data.meta.title ?? ''),
          nameEn ? el('span', { class: 'search-actor-latin', lang: 'en', dir: 'ltr' }, nameEn) : '',
          role ? el('span', { class: 'search-actor-role' }, role) : '',
        );
      }),
    );
    actorBox.hidden = actors.length === 0;

    list.replaceChildren(
      ...entries.map(({ data }) => {
        const title = data.meta.title ?? '';
        const text = data.meta.text ?? '';
        const date = data.meta.date;
        const metaLine = el('p', { class: 'search-result-meta' });
        if (date) metaLine.append(el('time', { datetime: date }, data.meta.date_label ?? dateFormat.format(new Date(`${date}T00:00:00Z`))));
        const outlet = data.meta.outlet_label ?? data.meta.outlet;
        if (outlet) metaLine.append(el('span', { class: 'search-result-outlet' }, outlet));
        return el(
          'li',
          { class: 'search-result', 'data-source': data.meta.source ?? '' },
          el(
            'article',
            {},
            el('h3', {}, el('a', { href: data.url }, ...marked(title, matchRanges(title, units, config.table)))),
            metaLine,
            el('p', { class: 'search-result-excerpt' }, ...excerpt(text, matchRanges(text, units, config.table))),
          ),
        );
      }),
    );

    entriesBox.hidden = entries.length === 0;
    if (!state.q && filtered) status.textContent = `${resultCount(entries.length)} ضمن التصفية المختارة.`;
    else if (!state.q) status.textContent = 'اكتب كلمة أو اسمًا للبحث في الأخبار، أو اختر تصفية.';
    else if (!units.length) status.textContent = `لم نجد في «${state.q}» كلمة يمكن البحث عنها.`;
    else {
      const people =
        actors.length === 0 ? '' : actors.length === 1 ? '، وصفحة شخص أو مكان' : actors.length === 2 ? '، وصفحتا شخصين أو مكانين' : `، و${numberFormat.format(actors.length)} صفحات أشخاص وأماكن`;
      status.textContent = `${resultCount(entries.length)} عن «${state.q}»${filtered ? ' ضمن التصفية المختارة' : ''}${people}.`;
    }
    list.dataset.elapsedMs = String(Math.round(performance.now() - started));
    list.removeAttribute('aria-busy');
    list.dataset.state = 'done';
  }

  function submit(state: SearchState, push: boolean) {
    const url = urlFromState(state);
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    document.title = state.q ? `${state.q} — ${pageTitle}` : pageTitle;
    void run(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(readForm(), true);
  });
  for (const k of [...FILTER_KEYS, 'sort'] as const) {
    selects[k].addEventListener('change', () => submit(readForm(), true));
  }
  window.addEventListener('popstate', () => {
    const state = stateFromUrl(location.search);
    showState(state);
    void run(state);
  });

  root.querySelector<HTMLElement>('[data-search-app]')!.hidden = false;
  const initial = stateFromUrl(location.search);
  showState(initial);
  if (initial.q) document.title = `${initial.q} — ${pageTitle}`;
  void fillFilters().catch(() => undefined);
  void run(initial);
}
