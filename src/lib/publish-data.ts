/**
 * What the feeds and exports read from the content collections, gathered once per build: the entries
 * with their absolute URLs and ledes, the actors, and the site's own description. Astro-only (it imports
 * astro:content); the builders in exports.ts and feeds.ts stay pure.
 */
import type { Actor } from './entry-schema.ts';
import type { SiteInfo } from './exports.ts';
import { siteData } from './site-data.ts';
import type { FeedEntry } from './feeds.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './site-meta.ts';

/** The site's home URL: the configured `site` origin plus `base`, with a trailing slash. */
export function homeUrl(site: URL | string | undefined, base: string = import.meta.env.BASE_URL): string {
  if (!site) throw new Error('astro.config.ts has no `site`: set SITE_URL so feeds and canonical URLs can be absolute');
  const origin = new URL(site);
  if (origin.pathname !== '/') {
    throw new Error(`SITE_URL must be an origin without a path (got ${origin.href}); give the path in BASE_PATH, e.g. BASE_PATH=${origin.pathname.replace(/\/?$/, '/')}`);
  }
  const path = base.endsWith('/') ? base : `${base}/`;
  return new URL(path, site).href;
}

export function siteInfo(site: URL | string | undefined): SiteInfo {
  return { title: SITE_TITLE, description: SITE_DESCRIPTION, home: homeUrl(site) };
}

/** Site-relative paths of the pages the feeds and exports point at (the routes in src/pages/). */
export const entryPath = (id: string) => `entries/${id}/`;
export const actorPath = (id: string) => `actors/${id}/`;

export interface PublishData {
  site: SiteInfo;
  entries: FeedEntry[];
  actors: Actor[];
  actorName: (id: string) => string;
}

const loaded = new Map<string, Promise<PublishData>>();

/**
 * Once per build (per home URL), from site-data's entries, whose ledes are parsed once: the two feeds and
 * three exports would otherwise each parse every entry's Markdown again.
 */
export function loadPublishData(site: URL | string | undefined): Promise<PublishData> {
  const info = siteInfo(site);
  let data = loaded.get(info.home);
  if (!data) loaded.set(info.home, (data = load(info)));
  return data;
}

async function load(info: SiteInfo): Promise<PublishData> {
  const { entries, actorList } = await siteData();
  const names = new Map(actorList.map((actor) => [actor.id, actor.name_ar]));
  return {
    site: info,
    entries: entries.map((entry) => ({
      id: entry.id,
      url: new URL(entryPath(entry.id), info.home).href,
      summary: entry.lede,
      html: entry.rendered?.html,
      data: entry.data,
    })),
    actors: actorList,
    actorName: (id) => names.get(id) ?? id,
  };
}
