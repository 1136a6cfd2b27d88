/**
 * Stage: who and where. Matches every spelling in content/actors.yaml against the article through
 * foldArabic (so جونغ/جونج, Persian letters and harakat meet), with Arabic proclitics (و ب ل …)
 * allowed in front. At each word the longest name wins, so "كيم جونغ إيل" is Kim Jong Il and
 * not "كيم" (Kim Jong Un). Short forms and titles count only for an actor the article names in full.
 */
import type { Actor } from '../lib/entry-schema.ts';
import { NAME_PREFIXES, phraseAt, phraseTokens, tokenize, type Token } from './text.ts';

export type NameForm = 'full' | 'short' | 'title';

interface NamePattern {
  tokens: string[];
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

const FORM_RANK: Record<NameForm, number> = { full: 0, title: 1, short: 2 };

export class ActorMatcher {
  private readonly patterns: NamePattern[];
  readonly byId: Map<string, Actor>;

  constructor(readonly actors: Actor[]) {
    this.byId = new Map(actors.map((a) => [a.id, a]));
    const patterns: NamePattern[] = [];
    for (const actor of actors) {
      const add = (names: string[], form: NameForm) => {
        for (const n of names) {
          const t = phraseTokens(n);
          if (t.length) patterns.push({ tokens: t, actor, form });
        }
      };
      add([actor.name_ar, ...actor.variants, ...actor.latin], 'full');
      add(actor.short, 'short');
      add(actor.titles, 'title');
    }
    // Longest first; at equal length a full name before a title before a short form.
    patterns.sort((a, b) => b.tokens.length - a.tokens.length || FORM_RANK[a.form] - FORM_RANK[b.form]);
    this.patterns = patterns;
  }

  /** Every name pattern found, left to right, longest match at each word, without overlaps. */
  private rawMentions(tokens: readonly Token[]): { pattern: NamePattern[]; first: number; last: number }[] {
    const out: { pattern: NamePattern[]; first: number; last: number }[] = [];
    for (let i = 0; i < tokens.length; ) {
      let best: NamePattern[] = [];
      for (const p of this.patterns) {
        if (best.length && p.tokens.length < best[0]!.tokens.length) break;
        if (phraseAt(tokens, i, p.tokens, NAME_PREFIXES)) best.push(p);
      }
      if (best.length) {
        const len = best[0]!.tokens.length;
        out.push({ pattern: best, first: i, last: i + len - 1 });
        i += len;
      } else i++;
    }
    return out;
  }

  /** Ids of actors the text names in full. */
  namedInFull(text: string): Set<string> {
    const ids = new Set<string>();
    for (const m of this.rawMentions(tokenize(text))) for (const p of m.pattern) if (p.form === 'full') ids.add(p.actor.id);
    return ids;
  }

  /**
   * Mentions in `tokens`, resolved: a short form or title names the one actor it can mean among
   * those `named` in full in the article; otherwise it is dropped.
   */
  mentions(tokens: readonly Token[], named: Set<string>): Mention[] {
    const out: Mention[] = [];
    for (const m of this.rawMentions(tokens)) {
      const full = m.pattern.filter((p) => p.form === 'full');
      const candidates = full.length ? full : m.pattern.filter((p) => named.has(p.actor.id));
      const ids = [...new Set(candidates.map((p) => p.actor.id))];
      if (ids.length !== 1) continue; // unknown, or ambiguous between two actors
      const form = candidates[0]!.form;
      const written = tokens[m.first]!.folded;
      const word = candidates[0]!.tokens[0]!;
      // "للكرملين" is ل + "الكرملين": same length, one letter more in front.
      const prefix = written === word ? '' : written.length > word.length ? written.slice(0, written.length - word.length) : written.slice(0, 1);
      out.push({ actorId: ids[0]!, form, first: m.first, last: m.last, start: tokens[m.first]!.start, end: tokens[m.last]!.end, prefix });
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
