/** The incremental build's page keys: an entry page's key changes exactly when something it shows does. */
import { describe, expect, it } from 'vitest';
import { entryPageKey } from '../../src/lib/page-keys.ts';
import type { EntryRecord, SiteData } from '../../src/lib/site-data.ts';

const entry = (id: string, title: string, actors: string[] = ['putin']) =>
  ({ id, digest: `digest-${id}-${title}`, body: '', data: { title, actors, places: [], organisations: [], claims: [], people: [] } }) as unknown as EntryRecord;

function site(entries: EntryRecord[], opts: { putin?: string; yearPage?: number; event?: string } = {}): SiteData {
  const positions = new Map(entries.map((e, index) => [e.id, { index, yearPage: opts.yearPage ?? 1 }]));
  const actors = new Map([['putin', { id: 'putin', name_ar: opts.putin ?? 'فلاديمير بوتين' }], ['kim', { id: 'kim', name_ar: 'كيم جونغ أون' }]]);
  const eventsOf = new Map(opts.event ? [[entries[1]!.id, [{ event: { id: 'summit', name_ar: opts.event, date: '2023-09-13' }, relation: 'reports' }]]] : []);
  return { entries, positions, actors, events: { eventsOf }, threads: [] } as unknown as SiteData;
}

describe('entry page keys', () => {
  const list = () => [entry('a', 'الأول'), entry('b', 'الثاني'), entry('c', 'الثالث'), entry('d', 'الرابع', ['kim'])];
  const keys = (s: SiteData) => s.entries.map((e) => entryPageKey(e, s));
  const before = keys(site(list()));

  it('is stable for the same data', () => {
    expect(keys(site(list()))).toEqual(before);
  });

  it('changes for the entry and its neighbours when a title changes, not for the others', () => {
    const l = list();
    l[1] = entry('b', 'الثاني بعد التصحيح');
    const after = keys(site(l));
    expect(after.map((k, i) => k !== before[i])).toEqual([true, true, true, false]);
  });

  it('changes when a linked actor’s name, the year page or an event changes', () => {
    expect(keys(site(list(), { putin: 'بوتين' })).map((k, i) => k !== before[i])).toEqual([true, true, true, false]);
    expect(keys(site(list(), { yearPage: 2 })).every((k, i) => k !== before[i])).toBe(true);
    expect(keys(site(list(), { event: 'قمة' })).map((k, i) => k !== before[i])).toEqual([false, true, false, false]);
  });
});
