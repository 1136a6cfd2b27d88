/**
 * Stage: who and where. Matches every spelling in content/actors.yaml against the article through
 * the shared name matcher (src/text/names.ts: folded, with Arabic proclitics allowed in front, in one
 * pass). At each word the longest name wins, so "كيم جونغ إيل" is Kim Jong Il and not "كيم"
 * (Kim Jong Un). Short forms and titles count only for an actor the article names in full.
 */
import type { Actor } from '../lib/entry-schema.ts';
import { NameIndex } from '../text/names.ts';
import { phraseTokens, tokenize, type Token } from '../text/tokens.ts';

export type NameForm = 'full' | 'short' | 'title';

interface NamePattern {
  actor: Actor;
  form: NameForm;
}

export interface Mention {
  actorId: string;
  form: NameForm;
  /** Token range [first, last]. */
  first: number;
  last: number;
  /** Offsets in the text. */
  start: number;
  end: number;
  /** The proclitic letters written onto the name ("ل" in "لبوتين"), or "". */
  prefix: string;
}

/** Every spelling of an actor that names it on its own: Arabic and English names, variants, Latin forms. */
export function fullSpellings(actor: Pick<Actor, 'name_ar' | 'name_en' | 'variants' | 'latin'>): string[] {
  return [actor.name_ar, actor.name_en, ...(actor.variants ?? []), ...(actor.latin ?? [])];
}

export class ActorMatcher {
  private readonly index: NameIndex<NamePattern>;
  readonly byId: Map<string, Actor>;

  constructor(readonly actors: Actor[]) {
    this.byId = new Map(actors.map((a) => [a.id, a]));
    const spellings: { words: string[]; value: NamePattern }[] = [];
    for (const actor of actors) {
      const patterns = new Map<NameForm, NamePattern>();
      const add = (names: string[], form: NameForm) => {
        for (const n of names) {
          const words = phraseTokens(n);
          if (!patterns.has(form)) patterns.set(form, { actor, form });
          if (words.length) spellings.push({ words, value: patterns.get(form)! });
        }
      };
      add(fullSpellings(actor), 'full');
      add(actor.titles, 'title');
      add(actor.short, 'short');
    }
    this.index = new NameIndex(spellings);
  }

  /** Every name found, left to right, longest match at each word, without overlaps. */
  private rawMentions(tokens: readonly Token[]) {
    return this.index.matchAll(tokens);
  }

  /** Ids of actors the text names in full. */
  namedInFull(text: string | readonly Token[]): Set<string> {
    const ids = new Set<string>();
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    for (const m of this.rawMentions(tokens)) for (const p of m.values) if (p.form === 'full') ids.add(p.actor.id);
    return ids;
  }

  /**
   * Mentions in `tokens`, resolved: a short form or title names the one actor it can mean among
   * those `named` in full in the article; otherwise it is dropped.
   */
  mentions(tokens: readonly Token[], named: Set<string>): Mention[] {
    const out: Mention[] = [];
    for (const m of this.rawMentions(tokens)) {
      const full = m.values.filter((p) => p.form === 'full');
      const candidates = full.length ? full : m.values.filter((p) => named.has(p.actor.id));
      const ids = [...new Set(candidates.map((p) => p.actor.id))];
      if (ids.length !== 1) continue; // unknown, or ambiguous between two actors
      const form = candidates.some((p) => p.form === 'full') ? 'full' : candidates.some((p) => p.form === 'title') ? 'title' : 'short';
      out.push({ actorId: ids[0]!, form, first: m.first, last: m.last, start: tokens[m.first]!.start, end: tokens[m.last]!.end, prefix: m.prefix });
    }
    return out;
  }
}

export interface ActorLists {
  actors: string[];
  places: string[];
  organisations: string[];
}

/** Actors, places and organisations named in the texts, in order of first mention. */
export function listActors(texts: string[], matcher: ActorMatcher): ActorLists {
  const named = matcher.namedInFull(texts.join('\n'));
  const seen: string[] = [];
  for (const text of texts) {
    for (const m of matcher.mentions(tokenize(text), named)) if (!seen.includes(m.actorId)) seen.push(m.actorId);
  }
  const ofKind = (kind: Actor['kind']) => seen.filter((id) => matcher.byId.get(id)!.kind === kind);
  return { actors: ofKind('person'), places: ofKind('place'), organisations: ofKind('organisation') };
}
