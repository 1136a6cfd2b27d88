/**
 * What the pages read, gathered once per build from the content collections: entries in timeline
 * order with their ledes, the actors by id, the events with the entries linked to each
 * (src/lib/events.ts) and the claim threads (src/lib/threads.ts). Fails the build, naming the file,
 * when an entry or an event refers to an actor that content/actors.yaml lacks, or a thread's step
 * to an entry or claim that does not exist.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entryActorIds, speakerIds, type Actor, type Claim } from './entry-schema.ts';
import { ledeFromMarkdown, type StoryExport } from './exports.ts';
import { groupByYearMonth, sortEntries, yearPages, type YearGroup, type YearPage } from './timeline.ts';
import { indexEvents, linkedEvents, type EventIndex, type SiteEvent } from './events.ts';
import { resolveThreads, type ResolvedThread } from './threads.ts';

export type EntryRecord = CollectionEntry<'entries'> & { lede: string; text: string };

export interface SiteData {
  entries: EntryRecord[];
  actors: Map<string, Actor>;
  actorList: Actor[];
  /** Every entry linked to its events. */
  events: EventIndex<EntryRecord>;
  /** The events an entry reports or refers to: the ones with a page. */
  eventPages: SiteEvent[];
  threads: ResolvedThread<EntryRecord>[];
  /** The entries grouped by year and month (the year index every timeline page shows). */
  years: YearGroup<EntryRecord>[];
  /** The year pages, each year split into pages of YEAR_PAGE_SIZE. */
  yearPageList: YearPage<EntryRecord>[];
  /** Each entry's place in the timeline: its index in `entries` and the page of its year it falls on. */
  positions: Map<string, { index: number; yearPage: number }>;
  /** Per actor id: the entries that name or quote it, in timeline order. */
  entriesOfActor: Map<string, EntryRecord[]>;
  /** Per actor id: the claims it made, oldest first by the day each was said. */
  claimsOfActor: Map<string, ActorClaim[]>;
}

export interface ActorClaim {
  entry: EntryRecord;
  claim: Claim;
  /** 1-based: the claim's anchor on its entry page (#claim-n). */
  n: number;
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [rawEntries, rawActors, rawEvents, rawThreads] = await Promise.all([
    getCollection('entries'),
    getCollection('actors'),
    getCollection('events'),
    getCollection('threads'),
  ]);
  const actorList = rawActors.map((a) => ({ ...a.data, id: a.id }));
  const actors = new Map(actorList.map((a) => [a.id, a]));
  for (const entry of rawEntries) {
    const refs = [
      ...entry.data.actors,
      ...entry.data.places,
      ...entry.data.organisations,
      ...speakerIds(entry.data),
    ];
    const missing = [...new Set(refs.filter((id) => !actors.has(id)))];
    if (missing.length) {
      throw new Error(`${entry.filePath ?? entry.id}: refers to ${missing.join(', ')}, not in content/actors.yaml`);
    }
  }
  const eventList = rawEvents.map((e) => ({ ...e.data, id: e.id }));
  for (const event of eventList) {
    const missing = [...event.people, ...(event.place ? [event.place] : [])].filter((id) => !actors.has(id));
    if (missing.length) throw new Error(`content/events.yaml: event "${event.id}" names ${missing.join(', ')}, not in content/actors.yaml`);
  }
  const entries = sortEntries(rawEntries).map((e) => ({
    ...e,
    lede: ledeFromMarkdown(e.body ?? ''),
    text: `${e.data.title}\n${e.body ?? ''}`,
  }));
  const events = indexEvents(eventList, entries);
  const { threads, problems } = resolveThreads(
    rawThreads.map((t) => ({ ...t.data, id: t.id })),
    entries,
  );
  if (problems.length) throw new Error(problems.join('\n'));
  // Everything a page would otherwise find by scanning every entry, computed once here: with N entries
  // and a page per entry, a scan per page is N² work.
  const yearPageList = yearPages(entries);
  const positions = new Map<string, { index: number; yearPage: number }>();
  entries.forEach((e, index) => positions.set(e.id, { index, yearPage: 1 }));
  for (const page of yearPageList) for (const m of page.groups) for (const e of m.entries) positions.get(e.id)!.yearPage = page.page;
  const entriesOfActor = new Map<string, EntryRecord[]>();
  const claimsOfActor = new Map<string, ActorClaim[]>();
  for (const entry of entries) {
    for (const id of entryActorIds(entry)) {
      const list = entriesOfActor.get(id);
      if (list) list.push(entry);
      else entriesOfActor.set(id, [entry]);
    }
    entry.data.claims.forEach((claim, i) => {
      const list = claimsOfActor.get(claim.speaker);
      const item = { entry, claim, n: i + 1 };
      if (list) list.push(item);
      else claimsOfActor.set(claim.speaker, [item]);
    });
  }
  // Oldest first by the day each was said (its own date when the text gives one), then as the entries run.
  const claimDay = (c: ActorClaim) => c.claim.when?.date ?? c.entry.data.date;
  for (const list of claimsOfActor.values()) list.sort((a, b) => claimDay(a).localeCompare(claimDay(b)));
  return {
    entries,
    actors,
    actorList,
    events,
    eventPages: linkedEvents(events),
    threads,
    years: groupByYearMonth(entries),
    yearPageList,
    positions,
    entriesOfActor,
    claimsOfActor,
  };
}

/**
 * Loaded once per process: every page reads it, and ledes cost a Markdown parse each (a build of 1500
 * entries would otherwise parse 1500² of them). The dev server needs a restart to show edited entries.
 */
export function siteData(): Promise<SiteData> {
  return (cached ??= load());
}


/** Events (with a page) and threads as the exports carry them, with absolute URLs from `home`. */
export async function storyExport(home: string): Promise<StoryExport> {
  const { events, eventPages, threads } = await siteData();
  const url = (path: string) => new URL(path, home).href;
  return {
    events: eventPages.map((e) => ({
      id: e.id,
      url: url(`events/${e.id}/`),
      date: e.date,
      ...(e.end_date ? { end_date: e.end_date } : {}),
      name_ar: e.name_ar,
      name_en: e.name_en,
      ...(e.what ? { what: e.what } : {}),
      ...(e.place ? { place: e.place } : {}),
      people: e.people,
      key: e.key,
      entries: (events.entriesOf.get(e.id) ?? []).map((l) => ({ id: l.entry.id, relation: l.relation })),
    })),
    threads: threads.map(({ thread, steps }) => ({
      id: thread.id,
      url: url(`threads/${thread.id}/`),
      question: thread.question,
      ...(thread.summary ? { summary: thread.summary } : {}),
      steps: steps.map((s) => ({
        entry: s.entry.id,
        claim: s.n,
        url: url(`entries/${s.entry.id}/#claim-${s.n}`),
        stance: s.step.stance,
        date: s.date,
        speaker: s.claim.speaker,
        text: s.claim.text,
        ...(s.step.note ? { note: s.step.note } : {}),
      })),
    })),
  };
}
