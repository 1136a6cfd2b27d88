/**
 * What the pages read, gathered once per build from the content collections: entries in timeline
 * order with their ledes, and the actors by id. Fails the build, naming the entry file, when an
 * entry refers to an actor that content/actors.yaml lacks.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { speakerIds, type Actor } from './entry-schema.ts';
import { ledeFromMarkdown } from './exports.ts';
import { sortEntries } from './timeline.ts';

export type EntryRecord = CollectionEntry<'entries'> & { lede: string };

export interface SiteData {
  entries: EntryRecord[];
  actors: Map<string, Actor>;
  actorList: Actor[];
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [rawEntries, rawActors] = await Promise.all([getCollection('entries'), getCollection('actors')]);
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
  const entries = sortEntries(rawEntries).map((e) => ({ ...e, lede: ledeFromMarkdown(e.body ?? '') }));
  return { entries, actors, actorList };
}

/**
 * Loaded once per process: every page reads it, and ledes cost a Markdown parse each (a build of 1500
 * entries would otherwise parse 1500² of them). The dev server needs a restart to show edited entries.
 */
export function siteData(): Promise<SiteData> {
  return (cached ??= load());
}

/** Every actor an entry names or quotes (people, places, organisations), in that order, once each. */
export function entryActorIds(entry: CollectionEntry<'entries'>): string[] {
  const d = entry.data;
  return [...new Set([...d.actors, ...speakerIds(d), ...d.places, ...d.organisations])];
}
