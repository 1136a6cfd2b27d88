/**
 * The story's data and pure functions: events linked to entries (src/lib/events.ts) on the seed
 * entries and content/events.yaml; every step of content/threads.yaml resolves to an entry and a claim
 * anchor that exist; gaps in words; story items.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import YAML from 'yaml';
import { entrySchema, actorSchema } from '../../src/lib/entry-schema.ts';
import { gapLabel, indexEvents, linkedEvents, siteEventSchema, sourceCount, storyItems, type SiteEvent } from '../../src/lib/events.ts';
import { resolveThreads, threadSchema } from '../../src/lib/threads.ts';
import { sortEntries } from '../../src/lib/timeline.ts';
import { fixedSeedEntries } from '../support/fixed-entries.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The fixed copies of the seeds, not content/entries/: an editor's new article changes nothing here.
const dir = fixedSeedEntries();
const entries = sortEntries(
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const m = matter(fs.readFileSync(path.join(dir, f), 'utf8'), { engines: { yaml: (s: string) => YAML.parse(s) as object } });
      const data = entrySchema.parse(m.data);
      return { id: f.replace(/\.md$/, ''), text: `${data.title}\n${m.content}`, data };
    }),
);
const events = (YAML.parse(fs.readFileSync(path.join(ROOT, 'content/events.yaml'), 'utf8')) as unknown[]).map((e) => siteEventSchema.parse(e));
const threads = (YAML.parse(fs.readFileSync(path.join(ROOT, 'content/threads.yaml'), 'utf8')) as unknown[]).map((t) => threadSchema.parse(t));
const actorIds = new Set((YAML.parse(fs.readFileSync(path.join(ROOT, 'content/actors.yaml'), 'utf8')) as unknown[]).map((a) => actorSchema.parse(a).id));
const bySeed = (seed: string) => entries.find((e) => e.data.source.startsWith(seed))!;
const index = indexEvents(events, entries);

describe('events data', () => {
  it('names only actors and places that content/actors.yaml has', () => {
    for (const e of events) for (const id of [...e.people, ...(e.place ? [e.place] : [])]) expect(actorIds.has(id), `${e.id}: ${id}`).toBe(true);
  });

  it('links the Vostochny summit to the three entries that report or refer to it, first report first', () => {
    const links = index.entriesOf.get('vostochny-summit-2023')!;
    expect(links.map((l) => l.entry.data.source.slice(0, 3)).sort()).toEqual(['000', '001', '002']);
    expect(links.at(-1)!.relation).toBe('refers');
    expect(links.slice(0, 2).every((l) => l.relation === 'reports')).toBe(true);
    expect(sourceCount(links)).toBe(3);
  });

  it('links the treaty signing and the defence minister’s visit to the entries that report them', () => {
    expect(index.eventsOf.get(bySeed('003').id)!.find((e) => e.event.id === 'pyongyang-summit-2024')?.relation).toBe('reports');
    expect(index.eventsOf.get(bySeed('004').id)!.find((e) => e.event.id === 'belousov-pyongyang-2024')?.relation).toBe('reports');
    expect(index.eventsOf.get(bySeed('004').id)!.find((e) => e.event.id === 'pyongyang-summit-2024')?.relation).toBe('refers');
  });

  it('links every seed entry to at least one event', () => {
    for (const e of entries) expect(index.eventsOf.get(e.id)!.length, e.id).toBeGreaterThan(0);
  });

  it('never links an entry to an event after it', () => {
    for (const e of entries) for (const { event } of index.eventsOf.get(e.id)!) expect(event.date <= e.data.date).toBe(true);
  });

  it('honours include and exclude', () => {
    const base = events.find((e) => e.id === 'vostochny-summit-2023')!;
    const out = indexEvents([{ ...base, exclude: [bySeed('000').data.source] }], entries);
    expect(out.entriesOf.get(base.id)!.map((l) => l.entry.data.source.slice(0, 3))).not.toContain('000');
    const lone: SiteEvent = { ...base, id: 'lone', people: [], place: undefined, include: [bySeed('004').data.source] };
    expect(indexEvents([lone], entries).entriesOf.get('lone')!.map((l) => l.entry.id)).toEqual([bySeed('004').id]);
  });
});

describe('the timeline as a story', () => {
  it('makes each reported event one item with its articles, at the event’s date, oldest first', () => {
    const items = storyItems(entries, index);
    const dates = items.map((i) => i.date);
    expect([...dates].sort()).toEqual(dates);
    const summit = items.find((i) => i.kind === 'event' && i.event.id === 'vostochny-summit-2023');
    expect(summit).toMatchObject({ date: '2023-09-13' });
    expect(summit!.kind === 'event' && summit!.entries.length).toBe(2);
    // every entry once
    const ids = items.flatMap((i) => (i.kind === 'event' ? i.entries.map((e) => e.id) : [i.entry.id]));
    expect(ids.sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it('lets an article tied to no event stand on its own', () => {
    const items = storyItems(entries, indexEvents([], entries));
    expect(items.every((i) => i.kind === 'entry')).toBe(true);
  });

  it('says the gap in words, with Arabic counted nouns', () => {
    expect(gapLabel('2023-09-15', '2023-09-20')).toBeNull();
    expect(gapLabel('2023-09-13', '2023-10-12')).toBe('بعد 4 أسابيع');
    expect(gapLabel('2023-10-12', '2024-06-19')).toBe('بعد 8 أشهر');
    expect(gapLabel('2024-01-01', '2024-03-01')).toBe('بعد شهرين');
    expect(gapLabel('2019-04-25', '2023-09-13')).toBe('بعد 4 سنوات و5 أشهر');
    expect(gapLabel('2024-06-19', '2023-10-12', 'قبل')).toBe('قبل 8 أشهر');
  });

  it('gives pages only to events an entry reports or refers to', () => {
    const pages = linkedEvents(index).map((e) => e.id);
    expect(pages).toContain('vostochny-summit-2023');
    expect(pages).not.toContain('treaty-in-force-2024');
  });
});

describe('claim threads (content/threads.yaml)', () => {
  it('every step names an entry that exists and a claim anchor it has, holding the step’s words', () => {
    const { problems, missing } = resolveThreads(threads, entries);
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
    for (const t of threads) {
      for (const step of t.steps) {
        const entry = entries.find((e) => e.data.source === step.source)!;
        const claim = entry.data.claims[step.claim - 1];
        expect(claim, `${t.id}: ${step.source} #claim-${step.claim}`).toBeDefined();
        expect(claim!.text.replace(/\s+/g, ' '), `${t.id}: ${step.source} #claim-${step.claim}`).toContain(step.words);
      }
    }
  });

  it('tells the agreements thread in four stances or more, oldest first', () => {
    const { threads: resolved } = resolveThreads(threads, entries);
    const t = resolved.find((r) => r.thread.id === 'agreements')!;
    expect(t.steps.length).toBeGreaterThanOrEqual(4);
    const dates = t.steps.map((s) => s.date);
    expect([...dates].sort()).toEqual(dates);
    expect(t.steps[0]!.step.stance).toBe('نفي');
    expect(new Set(t.steps.map((s) => s.step.stance))).toEqual(new Set(['نفي', 'إشارة', 'توقيع', 'تنفيذ']));
  });

  it('finds a renumbered claim by its words, and reports a missing one', () => {
    const entry = bySeed('002');
    const other = { speaker: 'vladimir-putin', text: 'كلام آخر لا علاقة له بالخيط', kind: 'reported' as const };
    const shifted = { ...entry, data: { ...entry.data, claims: [other, ...entry.data.claims] } };
    const step = threads[0]!.steps.find((s) => s.source === entry.data.source)!;
    const r = resolveThreads([{ id: 't', question: 'q', steps: [step] }], [shifted]);
    expect(r.threads[0]!.steps[0]!.n).toBe(step.claim + 1);
    const gone = { ...entry, data: { ...entry.data, claims: [] } };
    expect(resolveThreads([{ id: 't', question: 'q', steps: [step] }], [gone]).problems[0]).toMatch(/has no claim/);
  });
});
