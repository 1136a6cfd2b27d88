/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and template
 * code are unchanged since the last build is copied from the cache instead of rendered again. So a key must
 * hold everything the page shows that is not its code: for an entry page, the entry itself and what it
 * borrows from the rest of the site (its neighbours' titles, the page of its year it falls on, the names of
 * the actors it links, its events and threads, the readers' names of the furniture rules).
 */
import { createHash } from 'node:crypto';
import { threadsOfEntry } from './threads.ts';
import { ruleLabels } from './rule-labels.ts';
import { entryActorIds } from './entry-schema.ts';
import type { EntryRecord, SiteData } from './site-data.ts';

const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64url');

let labelsKey: string | undefined;

/** The key of /entries/<id>/: changes whenever anything the page shows changes. */
export function entryPageKey(entry: EntryRecord, site: SiteData): string {
  const position = site.positions.get(entry.id)!;
  const older = site.entries[position.index - 1];
  const newer = site.entries[position.index + 1];
  labelsKey ??= hash([...ruleLabels()]);
  return hash([
    entry.digest ?? [entry.data, entry.body],
    labelsKey,
    position.yearPage,
    older && [older.id, older.data.title],
    newer && [newer.id, newer.data.title],
    entryActorIds(entry).map((id) => site.actors.get(id)),
    (site.events.eventsOf.get(entry.id) ?? []).map(({ event, relation }) => [event.id, event.name_ar, event.date, relation]),
    threadsOfEntry(site.threads, entry.id).map(({ thread, steps }) => [
      thread.id,
      thread.question,
      steps.filter((s) => s.entry.id === entry.id).map((s) => [s.n, s.step.stance]),
    ]),
  ]);
}
