/**
 * The search page in the browser (bundled by Astro into an external file: no inline script, so it runs
 * under the site's Content-Security-Policy). Reads the state from the URL
 * (?q=&actor=&outlet=&year=&month=&person=&sort=), breaks the query into terms with the project's own
 * tokenizer, alias table and stemmer, asks Pagefind for each (src/search/pagefind-backend.ts: pagefind.js
 * over dist/pagefind/, records built from the entries' data by src/search/index-build.ts), makes tiers of
 * the answers (src/search/engine.ts) and draws results with excerpts cut from the ORIGINAL text. Everything a source says reaches the page as text nodes, never as markup.
 *
 * Results are drawn a page at a time (fragments fetched for those only); while a new search runs the old
 * results stay in place (aria-busy), and the areas results arrive in keep their size, so nothing jumps.
 * When results are drawn, the list gets data-state="done" (data-query says for which query, and
 * data-elapsed-ms how long it took from reading the query): the tests and `npm run bench:search` wait on it.
 */
import { SearchEngine, type Hit, type Outcome, type SortOrder } from './engine.ts';
import type { PagefindBackend } from './pagefind-backend.ts';
import { MONTH_LABELS, parseSearch, searchRanges, type ParsedQuery, type SearchFragment } from './query.ts';
import type { SearchManifest } from './files.ts';
import type { AliasTable, Range } from './terms.ts';

export type { SortOrder };

export interface SearchConfig {
  /** The site's base path ("/" or "/timeline/"). */
  base: string;
  table: AliasTable;
  /** The index's manifest, inlined by the page (src/search/SearchView.astro). */
  manifest: SearchManifest;
}

export interface SearchState {
  q: string;
  actor: string;
  outlet: string;
  year: string;
  month: string;
  person: string;
  sort: SortOrder;
}
const FILTER_KEYS = ['actor', 'outlet', 'year', 'month', 'person'] as const;
const SORTS: SortOrder[] = ['relevance', 'newest', 'oldest'];

export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  const sort = p.get('sort') as SortOrder | null;
  return {
    q: (p.get('q') ?? '').trim(),
    actor: p.get('actor') ?? '',
    outlet: p.get('outlet') ?? '',
    year: p.get('year') ?? '',
    month: p.get('month') ?? '',
    person: p.get('person') ?? '',
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
// Made on first use, not while the module loads: building ICU's Arabic formats is one of the page's
// longest pieces of start-up work, and nothing needs them before results or filters are drawn.
let numbers: Intl.NumberFormat | undefined;
let dates: Intl.DateTimeFormat | undefined;
const numberFormat = { format: (n: number) => (numbers ??= new Intl.NumberFormat(LOCALE, { useGrouping: false })).format(n) };
const dateFormat = { format: (d: Date) => (dates ??= new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(d) };

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

/** How many results are drawn at once (the rest behind a "more" button). */
const PAGE = 10;

/** The status line for an outcome. */
export function statusText(q: string, o: Outcome, filtered: boolean, actors: number): string {
  const within = filtered ? ' ضمن التصفية المختارة' : '';
  const people =
    actors === 0 ? '' : actors === 1 ? '، وصفحة شخص أو مكان' : actors === 2 ? '، وصفحتا شخصين أو مكانين' : `، و${numberFormat.format(actors)} صفحات أشخاص وأماكن`;
  switch (o.mode) {
    case 'all':
      return `${resultCount(o.main.length)} عن «${q}»${within}${people}${o.forms.length ? `، و${resultCount(o.forms.length)} بصيغ أخرى للكلمات بعدها` : ''}.`;
    case 'forms':
      return `لا نتائج بالصيغة نفسها عن «${q}»${within}؛ ${resultCount(o.main.length)} بصيغ أخرى للكلمات أو بكلمات تبدأ بها${people}.`;
    case 'partial':
      return `لا خبر يجمع كل كلمات «${q}»${within}؛ ${resultCount(o.main.length)} فيها بعضها، الأكثر منها أولًا.`;
    case 'filters':
      return `${resultCount(o.main.length)} ضمن التصفية المختارة.`;
    default:
      return `لا نتائج عن «${q}»${within}${people}.`;
  }
}

/** `backend`: Pagefind, already started by the page's first script (SearchView.astro) while this module loaded. */
export function startSearchPage(root: HTMLElement, config: SearchConfig, backend: PagefindBackend): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = Object.fromEntries(
    [...FILTER_KEYS, 'sort'].map((k) => [k, form.querySelector<HTMLSelectElement>(`select[name="${k}"]`)!]),
  ) as Record<(typeof FILTER_KEYS)[number] | 'sort', HTMLSelectElement>;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const formsBox = root.querySelector<HTMLElement>('[data-search-forms]')!;
  const formsList = formsBox.querySelector('ol')!;
  const formsMore = formsBox.querySelector<HTMLButtonElement>('button')!;
  const suggestBox = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const actorBox = root.querySelector<HTMLElement>('[data-search-actors]')!;
  const actorList = actorBox.querySelector('ul')!;
  const entriesBox = root.querySelector<HTMLElement>('[data-search-entries]')!;
  const actorName = new Map(config.table.actors.map((a) => [a.id, a.name_ar]));

  const pageTitle = document.title;
  const engine = new SearchEngine(backend, config.manifest);

  const label: Record<(typeof FILTER_KEYS)[number], (v: string) => string> = {
    actor: (v) => actorName.get(v) ?? v,
    outlet: (v) => v,
    year: (v) => numberFormat.format(Number(v)),
    month: (v) => MONTH_LABELS[v] ?? v,
    person: (v) => v,
  };

  async function fillFilters() {
    const available = engine.manifest().filters;
    for (const key of FILTER_KEYS) {
      const select = selects[key];
      const values = Object.keys(available[key] ?? {});
      values.sort(key === 'year' ? (a, b) => b.localeCompare(a) : key === 'month' ? (a, b) => a.localeCompare(b) : (a, b) => label[key](a).localeCompare(label[key](b), 'ar'));
      const frag = document.createDocumentFragment();
      const have = new Set([...select.options].map((o) => o.value));
      for (const v of values) if (!have.has(v)) frag.append(el('option', { value: v }, label[key](v)));
      select.append(frag);
    }
  }

  function showState(state: SearchState) {
    input.value = state.q;
    for (const k of FILTER_KEYS) {
      const select = selects[k];
      if (state[k] && ![...select.options].some((o) => o.value === state[k])) select.append(el('option', { value: state[k] }, label[k](state[k])));
      select.value = state[k];
    }
    selects.sort.value = state.sort;
  }

  function readForm(): SearchState {
    const v = (k: (typeof FILTER_KEYS)[number]) => selects[k].value;
    return {
      q: input.value.trim(),
      actor: v('actor'),
      outlet: v('outlet'),
      year: v('year'),
      month: v('month'),
      person: v('person'),
      sort: (SORTS as string[]).includes(selects.sort.value) ? (selects.sort.value as SortOrder) : 'relevance',
    };
  }

  function entryItem(hit: Hit, data: SearchFragment, parsed: ParsedQuery): HTMLLIElement {
    const metaLine = el('p', { class: 'search-result-meta' });
    if (data.date) metaLine.append(el('time', { datetime: data.date }, dateFormat.format(new Date(`${data.date}T00:00:00Z`))));
    if (data.outlet) metaLine.append(el('span', { class: 'search-result-outlet' }, data.outlet));
    const article = el(
      'article',
      {},
      el('h3', {}, el('a', { href: config.base + data.url }, ...marked(data.title, searchRanges(data.title, parsed, config.table)))),
      metaLine,
      el('p', { class: 'search-result-excerpt' }, ...excerpt(data.text, searchRanges(data.text, parsed, config.table))),
    );
    if (hit.missing.length) article.append(el('p', { class: 'search-result-missing' }, `ليس فيه: ${hit.missing.map((w) => `«${w}»`).join('، ')}`));
    return el('li', { class: 'search-result', 'data-source': data.source ?? '' }, article);
  }

  /** Draw hits[from, from+PAGE) into `into`, and the "more" button for the rest. */
  async function drawPage(hits: Hit[], from: number, into: HTMLOListElement, button: HTMLButtonElement, parsed: ParsedQuery, replace: boolean) {
    const slice = hits.slice(from, from + PAGE);
    const data = await Promise.all(slice.map((h) => engine.fragment(h.n)));
    const items = slice.map((h, i) => entryItem(h, data[i]!, parsed));
    if (replace) into.replaceChildren(...items);
    else into.append(...items);
    const left = hits.length - from - slice.length;
    button.hidden = left <= 0;
    button.textContent = left > 0 ? `عرض المزيد (${resultCount(left)})` : '';
    button.onclick = () => {
      button.disabled = true;
      void drawPage(hits, from + PAGE, into, button, parsed, false).finally(() => (button.disabled = false));
    };
  }

  /** The actor pages that match, above the entries. */
  function showActors(actorData: SearchFragment[]) {
    actorList.replaceChildren(
      ...actorData.map((data) => {
        const [nameAr, nameEn, role] = data.text.split('\n');
        return el(
          'li',
          { 'data-actor': data.actor ?? '' },
          el('a', { href: config.base + data.url }, nameAr ?? data.title),
          nameEn ? el('span', { class: 'search-actor-latin', lang: 'en', dir: 'ltr' }, nameEn) : '',
          role ? el('span', { class: 'search-actor-role' }, role) : '',
        );
      }),
    );
    actorBox.hidden = actorData.length === 0;
  }

  let runId = 0;
  async function run(state: SearchState) {
    const id = ++runId;
    const started = performance.now();
    list.dataset.state = 'loading';
    delete list.dataset.drawnMs;
    delete list.dataset.early;
    list.dataset.query = state.q;
    list.setAttribute('aria-busy', 'true');
    const parsed = parseSearch(state.q, config.table);
    const marks: number[] = [performance.now() - started];
    const filters: Record<string, string> = {};
    for (const k of FILTER_KEYS) if (state[k]) filters[k] = state[k];
    const filtered = Object.keys(filters).length > 0;
    let outcome: Outcome;
    let actorData: SearchFragment[] = [];
    try {
      // When every word matches exactly somewhere, those results are drawn as soon as the exact lookups
      // answer, and only then are the other forms looked up (light stems, words begun: for a common word
      // as costly again; Pagefind answers one lookup at a time on this thread), to follow below them.
      // Pagefind's start (WebAssembly, numbering) and the exact lookups' index chunks load side by side.
      const early = !filtered && parsed.units.length ? engine.exactFirst(parsed, filters, state.sort) : null;
      early?.catch(() => undefined); // (its error is met below, when awaited)
      // With nothing to draw early (filters, no words), every lookup starts at once.
      const searched = early ? null : engine.search(parsed, filters, state.sort);
      searched?.catch(() => undefined);
      await engine.prefetch();
      marks.push(performance.now() - started);
      // (For the tests: how the records were numbered, by Pagefind's listing or by the build's list of ids.)
      list.dataset.numbering = await backend.numbering();
      const first = await early;
      let drawnMain: Hit[] | null = null;
      if (first && id === runId) {
        const mainItems = el('ol');
        const [data] = await Promise.all([Promise.all(first.actors.map((h) => engine.fragment(h.n))), drawPage(first.main, 0, mainItems, more, parsed, true)]);
        if (id !== runId) return;
        list.replaceChildren(...mainItems.childNodes);
        showActors(data);
        entriesBox.hidden = false;
        formsBox.hidden = true;
        // Said once, when the other forms are counted too: aria-busy holds the live region back until then.
        status.setAttribute('aria-busy', 'true');
        status.textContent = statusText(state.q, first, filtered, data.length);
        list.dataset.drawnMs = String(Math.round(performance.now() - started));
        list.dataset.early = 'true';
        drawnMain = first.main;
      }
      if (id !== runId) return;
      outcome = await (searched ?? engine.search(parsed, filters, state.sort));
      marks.push(performance.now() - started);
      if (id !== runId) return;
      // Both lists are filled before anything is swapped in, so results replace results in one step.
      const mainItems = el('ol');
      const formsItems = el('ol');
      const o = outcome;
      const sameMain = drawnMain !== null && o.main.length === drawnMain.length && o.main.every((h, i) => h.n === drawnMain![i]!.n);
      [actorData] = await Promise.all([
        filtered ? [] : Promise.all(o.actors.map((h) => engine.fragment(h.n))),
        sameMain ? undefined : drawPage(o.main, 0, mainItems, more, parsed, true),
        drawPage(o.forms, 0, formsItems, formsMore, parsed, true),
      ]);
      marks.push(performance.now() - started);
      if (id !== runId) return;
      if (!sameMain) list.replaceChildren(...mainItems.childNodes);
      formsList.replaceChildren(...formsItems.childNodes);
      // Later pages go into the lists on the page.
      more.onclick = outcome.main.length > PAGE ? () => { more.disabled = true; void drawPage(outcome.main, list.children.length, list, more, parsed, false).finally(() => (more.disabled = false)); } : null;
      formsMore.onclick = outcome.forms.length > PAGE ? () => { formsMore.disabled = true; void drawPage(outcome.forms, formsList.children.length, formsList, formsMore, parsed, false).finally(() => (formsMore.disabled = false)); } : null;
    } catch (error) {
      if (id !== runId) return;
      console.error(error);
      status.removeAttribute('aria-busy');
      status.textContent = 'تعذّر تحميل فهرس البحث. أعد تحميل الصفحة وحاول مرة أخرى.';
      list.dataset.state = 'error';
      list.removeAttribute('aria-busy');
      return;
    }

    showActors(actorData);
    entriesBox.hidden = outcome.main.length === 0;
    formsBox.hidden = outcome.forms.length === 0;

    suggestBox.replaceChildren();
    for (const s of outcome.suggestions) {
      const links = s.near.map((w) => {
        const q = state.q.replace(s.word, w);
        return el('a', { href: urlFromState({ ...state, q }), 'data-suggestion': w }, w);
      });
      // One word typed: «هل تقصد: بوتين؟»; several: which of them each suggestion replaces.
      const alone = outcome.suggestions.length === 1 && parsed.units.length === 1;
      const line = el('p', {}, alone ? 'هل تقصد: ' : `هل تقصد بدل «${s.word}»: `);
      links.forEach((a, i) => line.append(...(i ? [' أو ', a] : [a])));
      line.append('؟');
      suggestBox.append(line);
    }
    suggestBox.hidden = outcome.suggestions.length === 0;

    if (!state.q && !filtered) status.textContent = 'اكتب كلمة أو اسمًا أو شهرًا للبحث في الأخبار، أو اختر تصفية.';
    else if (state.q && !parsed.units.length) status.textContent = `لم نجد في «${state.q}» كلمة يمكن البحث عنها.`;
    else status.textContent = statusText(state.q, outcome, filtered, actorData.length);
    status.removeAttribute('aria-busy');
    list.dataset.elapsedMs = String(Math.round(performance.now() - started));
    // When the results first appeared (drawn early, or now): what a reader waits for.
    list.dataset.drawnMs ??= list.dataset.elapsedMs;
    // parse, Pagefind ready, search, results drawn (ms from reading the query): for the benchmark's breakdown.
    list.dataset.timings = marks.map((m) => Math.round(m)).join(' ');
    list.dataset.mode = outcome.mode;
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
  suggestBox.addEventListener('click', (event) => {
    const a = (event.target as HTMLElement).closest('a');
    if (!a) return;
    event.preventDefault();
    const state = stateFromUrl(new URL(a.href).search);
    showState(state);
    submit(state, true);
  });
  window.addEventListener('popstate', () => {
    const state = stateFromUrl(location.search);
    showState(state);
    void run(state);
  });

  root.querySelector<HTMLElement>('[data-search-app]')!.hidden = false;
  const initial = stateFromUrl(location.search);
  showState(initial);
  if (initial.q) document.title = `${initial.q} — ${pageTitle}`;
  void fillFilters()
    .then(() => {
      const now = stateFromUrl(location.search);
      for (const k of FILTER_KEYS) selects[k].value = now[k];
    })
    .catch(() => undefined);
  void run(initial);
}
