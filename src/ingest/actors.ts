/**
 * Stage: who and where. Matches every spelling in content/actors.yaml against the article through
 * the shared name matcher (src/text/names.ts: folded, with Arabic proclitics allowed in front, in one
 * pass). At each word the longest name wins, so "كيم جونغ إيل" is Kim Jong Il and not "كيم"
 * (Kim Jong Un). Short forms and titles count only for an actor the article names in full.
 */
import type { Actor } from '../lib/entry-schema.ts';
import { NameIndex, type NameMatch } from '../text/names.ts';
import { WordLexicon, phraseTokens, tokenize, type Token } from '../text/tokens.ts';

/** `part`: one word of a person's full name («تشوي» for تشوي سون هوي), for an actor named in full when no other is. */
export type NameForm = 'full' | 'short' | 'title' | 'part';

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

/** A short form or title that names more than one actor of the article. */
export interface AmbiguousMention {
  actorIds: string[];
  first: number;
  last: number;
  start: number;
  end: number;
  prefix: string;
}

/** Every spelling of an actor that names it on its own: Arabic and English names, variants, Latin forms. */
export function fullSpellings(actor: Pick<Actor, 'name_ar' | 'name_en' | 'variants' | 'latin'>): string[] {
  return [actor.name_ar, actor.name_en, ...(actor.variants ?? []), ...(actor.latin ?? [])];
}

export class ActorMatcher {
  /** The data's index, and (for `extend`) one more for the article's own people. */
  private readonly indexes: NameIndex<NamePattern>[];
  private readonly otherWords: Set<string>;
  readonly byId: Map<string, Actor>;
  readonly actors: Actor[];

  /** `base`: a matcher whose index is reused as is; `actors` are then only the ones added to it. */
  constructor(actors: Actor[], base?: ActorMatcher) {
    this.actors = base ? [...base.actors, ...actors] : actors;
    this.byId = new Map(this.actors.map((a) => [a.id, a]));
    // Words of places' and bodies' names are never a person's part name («بيونغ» of بيونغ يانغ).
    this.otherWords = base?.otherWords ?? new Set(actors.filter((a) => a.kind !== 'person').flatMap((a) => fullSpellings(a).flatMap(phraseTokens)));
    const otherWords = this.otherWords;
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
      if (actor.kind === 'person') {
        const parts = [...new Set(phraseTokens(actor.name_ar))].filter((w) => w.length >= 3 && !otherWords.has(w));
        if (parts.length > 1) add(parts, 'part');
      }
    }
    this.indexes = [...(base?.indexes ?? []), new NameIndex(spellings)];
  }

  // The matches of a token list, by the list: tokenize() hands the same list out for the same text, and an
  // article's texts are matched again by several stages (names in full, lists, mentions, people).
  private readonly matched = new WeakMap<readonly Token[], NameMatch<NamePattern>[]>();
  private readonly shared = new WeakSet<readonly string[]>();

  /** Every name found, left to right, longest match at each word (over every index), without overlaps. */
  private rawMentions(tokens: readonly Token[]): NameMatch<NamePattern>[] {
    let found = this.matched.get(tokens);
    if (!found) this.matched.set(tokens, (found = this.matchTokens(tokens)));
    return found;
  }

  private matchTokens(tokens: readonly Token[]): NameMatch<NamePattern>[] {
    if (this.indexes.length === 1) return this.indexes[0]!.matchAll(tokens);
    const out: NameMatch<NamePattern>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = this.indexes.map((index) => index.matchAt(tokens, i)).filter((m): m is NameMatch<NamePattern> => m !== null);
      const last = Math.max(-1, ...found.map((m) => m.last));
      const longest = found.filter((m) => m.last === last);
      const best = longest.length === 0 ? null : longest.length === 1 ? longest[0]! : { ...longest[0]!, values: longest.flatMap((m) => m.values) };
      if (best) {
        out.push(best);
        i = best.last + 1;
      } else i++;
    }
    return out;
  }

  /** Ids of actors the text (or the texts of an article, as one: textTokens) names in full. */
  namedInFull(text: string | readonly string[] | readonly Token[]): Set<string> {
    const ids = new Set<string>();
    const texts = typeof text !== 'string' && !isTokenList(text) ? text : null;
    const tokens = typeof text === 'string' ? tokenize(text) : texts ? textTokens(texts) : (text as readonly Token[]);
    const found = this.rawMentions(tokens);
    if (texts) this.shareWithTexts(texts, found);
    for (const m of found) for (const p of m.values) if (p.form === 'full') ids.add(p.actor.id);
    return ids;
  }

  /**
   * The names found in an article's texts matched as one list, handed to each text's own token list: one
   * pass over the article finds every text's names. Matching is greedy and longest-first, so when no name
   * runs on from one text into the next, each text alone would give exactly these matches; when one does,
   * nothing is handed on and each text is matched alone when asked.
   */
  private shareWithTexts(texts: readonly string[], all: readonly NameMatch<NamePattern>[]): void {
    if (this.shared.has(texts)) return;
    this.shared.add(texts);
    const lists = texts.map((t) => tokenize(t));
    const per: NameMatch<NamePattern>[][] = lists.map(() => []);
    let t = 0;
    let offset = 0;
    for (const m of all) {
      while (m.first >= offset + lists[t]!.length) offset += lists[t++]!.length;
      if (m.last >= offset + lists[t]!.length) return; // a name across two texts
      per[t]!.push({ ...m, first: m.first - offset, last: m.last - offset });
    }
    lists.forEach((tokens, k) => {
      if (!this.matched.has(tokens)) this.matched.set(tokens, per[k]!);
    });
  }

  /**
   * Mentions in `tokens`, resolved: a short form or title names the one actor it can mean among
   * those `named` in full in the article; otherwise it is dropped.
   */
  mentions(tokens: readonly Token[], named: Set<string>): Mention[] {
    return this.resolved(tokens, named).filter((m): m is Mention => 'actorId' in m);
  }

  /**
   * Words that could name two or more people of the article («كيم»: Kim Jong Un's short form, and a word
   * of Kim Yo Jong's name), with every person they could mean: the claims stage tells them apart by the
   * verb's gender («وقالت كيم»). `mentions` gives such words the reading it always has.
   */
  ambiguousMentions(tokens: readonly Token[], named: Set<string>): AmbiguousMention[] {
    return this.resolved(tokens, named).filter((m): m is AmbiguousMention => 'actorIds' in m);
  }

  private readonly wordsOfNames = new Map<string, Set<string>>();
  /** The folded words of an actor's full names («كيم», «جونغ», «جونج», «اون» for Kim Jong Un). */
  private nameWords(actor: Actor): Set<string> {
    let words = this.wordsOfNames.get(actor.id);
    if (!words) this.wordsOfNames.set(actor.id, (words = new Set(fullSpellings(actor).flatMap(phraseTokens))));
    return words;
  }

  /** The last resolution of each token list, with the named set it was made for (mentions and ambiguousMentions ask in turn). */
  private readonly resolutions = new WeakMap<readonly Token[], { named: Set<string>; out: (Mention | AmbiguousMention)[] }>();

  private resolved(tokens: readonly Token[], named: Set<string>): (Mention | AmbiguousMention)[] {
    const known = this.resolutions.get(tokens);
    if (known && known.named === named) return known.out;
    const out: (Mention | AmbiguousMention)[] = [];
    this.resolutions.set(tokens, { named, out });
    for (const m of this.rawMentions(tokens)) {
      // «كيم جونج جيو» where the article names Kim Jong Un: a short form or a word of a person's name
      // written beside another word of that name, yet not as the full name (the longest match would have
      // taken it), names someone else.
      let values = m.values;
      if (values.some((p) => (p.form === 'short' || p.form === 'part') && p.actor.kind === 'person')) {
        const next = tokens[m.last + 1];
        const prev = tokens[m.first - 1];
        const after = next !== undefined && next.start === tokens[m.last]!.end + 1 ? next.folded : null;
        const before = prev !== undefined && tokens[m.first]!.start === prev.end + 1 ? prev.folded : null;
        const besideOwnWord = (p: NamePattern) => {
          if ((p.form !== 'short' && p.form !== 'part') || p.actor.kind !== 'person') return false;
          const words = this.nameWords(p.actor);
          return (after !== null && words.has(after)) || (before !== null && words.has(before));
        };
        if (after !== null || before !== null) values = values.filter((p) => !besideOwnWord(p));
      }
      const full = values.filter((p) => p.form === 'full');
      const given = values.filter((p) => p.form !== 'part' && named.has(p.actor.id));
      // A word of a full name counts only when the article names in full exactly one actor with it.
      const candidates = full.length ? full : given.length ? given : values.filter((p) => named.has(p.actor.id));
      const ids = [...new Set(candidates.map((p) => p.actor.id))];
      const span = { first: m.first, last: m.last, start: tokens[m.first]!.start, end: tokens[m.last]!.end, prefix: m.prefix };
      // Every person of the article the words could name, as a short form, a title or a word of the full name.
      const people = [...new Set(values.filter((p) => p.actor.kind === 'person' && named.has(p.actor.id)).map((p) => p.actor.id))];
      if (!full.length && people.length > 1) out.push({ actorIds: people, ...span });
      if (ids.length !== 1) continue; // unknown, or ambiguous between two actors
      const form = candidates.some((p) => p.form === 'full') ? 'full' : candidates.some((p) => p.form === 'title') ? 'title' : 'short';
      out.push({ actorId: ids[0]!, form, ...span });
    }
    return out;
  }
}

const isTokenList = (list: readonly string[] | readonly Token[]): list is readonly Token[] => list.length > 0 && typeof list[0] !== 'string';

const joinedTokens = new WeakMap<readonly string[], Token[]>();
/**
 * An article's texts as one token list: the tokens of the texts joined by line breaks (no word spans a
 * line break, so a name may still run on from one text into the next), made of each text's own tokens
 * (offsets are each text's: only the words are read). Made once per list of texts, so every stage and
 * matcher asking about the article's names reads the same list (and its cached matches).
 */
export function textTokens(texts: readonly string[]): Token[] {
  let tokens = joinedTokens.get(texts);
  if (!tokens) {
    tokens = [];
    for (const t of texts) for (const token of tokenize(t)) tokens.push(token);
    joinedTokens.set(texts, tokens);
  }
  return tokens;
}

export interface ActorLists {
  actors: string[];
  places: string[];
  organisations: string[];
}

/** Actors, places and organisations named in the texts, in order of first mention. */
export function listActors(texts: string[], matcher: ActorMatcher): ActorLists {
  const named = matcher.namedInFull(texts);
  const seen: string[] = [];
  for (const text of texts) {
    for (const m of matcher.mentions(tokenize(text), named)) if (!seen.includes(m.actorId)) seen.push(m.actorId);
  }
  const ofKind = (kind: Actor['kind']) => seen.filter((id) => matcher.byId.get(id)!.kind === kind);
  return { actors: ofKind('person'), places: ofKind('place'), organisations: ofKind('organisation') };
}

/** An unlinked person: named with a title or role, unknown to content/actors.yaml. */
export interface Person {
  name: string;
  role?: string;
}

export interface PersonRules {
  role_heads: string[];
  role_words: string[];
  institutions?: string[];
  honorifics?: string[];
  honorific_qualifiers?: string[];
  not_names: string[];
}

interface PersonLexicon {
  heads: string[][];
  /** Heads by their first word (with its proclitics), longest first: a hash look-up per token. */
  headsByFirst: WordLexicon<string[][]>;
  singleHeads: Set<string>;
  roleWords: Set<string>;
  institutions: Set<string>;
  /** «الدكتور», «المهندس», «العميد»: heads too; the name after one may end in a family name with ال. */
  honorifics: Set<string>;
  /** «المتقاعد», «الركن»: after an honorific, still the honorific's. */
  qualifiers: Set<string>;
  notNames: Set<string>;
}

const personLexicons = new WeakMap<PersonRules, PersonLexicon>();
function personLexicon(rules: PersonRules, extraStops: readonly string[]): PersonLexicon {
  let lex = personLexicons.get(rules);
  if (!lex) {
    const honorifics = rules.honorifics ?? [];
    const heads = [...rules.role_heads, ...honorifics].map(phraseTokens).filter((h) => h.length > 0).sort((a, b) => b.length - a.length);
    const notNames = new Set([...rules.not_names, ...extraStops].flatMap(phraseTokens));
    for (const h of heads) for (const w of h) notNames.add(w);
    const byFirst = new Map<string, string[][]>();
    for (const h of heads) byFirst.set(h[0]!, [...(byFirst.get(h[0]!) ?? []), h]);
    lex = {
      heads,
      headsByFirst: new WordLexicon(byFirst, HEAD_PREFIXES),
      singleHeads: new Set(heads.filter((h) => h.length === 1).map((h) => h[0]!)),
      roleWords: new Set(rules.role_words.flatMap(phraseTokens)),
      institutions: new Set((rules.institutions ?? []).flatMap(phraseTokens)),
      honorifics: new Set(honorifics.flatMap(phraseTokens)),
      qualifiers: new Set((rules.honorific_qualifiers ?? []).flatMap(phraseTokens)),
      notNames,
    };
    personLexicons.set(rules, lex);
  }
  return lex;
}

const HEAD_PREFIXES = ['', 'و', 'ف', 'ل', 'ب', 'ول', 'وب'];
/** Folded افتعال, انفعال and استفعال: six or seven letters, no long vowel but the one before the last. */
const VERBAL_NOUN = /^(?:ا[^ا]ت[^ا]ا[^ا]|ان[^ا][^ا]ا[^ا]|است[^ا][^ا]ا[^ا])$/u;
/** Given names that fold like common words («علي» as «على»): a name's first word only after an honorific. */
const FIRST_NAMES_LIKE_STOPS = new Set(['علي']);
/** Words of a name that take the next word with them, whatever its form: «أبو», «بن» (folded). */
const KUNYA = new Set(['ابو', 'ابي', 'بن', 'ابن']);
/** «أن», «إن» (folded), opening what a speaker said. */
const THAT = new Set(['ان']);
const MAX_ROLE_WORDS = 10;
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 4;

/**
 * People the text names with a title or role whom the actors file does not know: a role head, the rest of
 * the role, then a run of two to four name-like words ending where the name does (punctuation, a common
 * word, a known name); or such a name followed by "، <role head> …". A run that does not end cleanly, or
 * runs longer than four words, is refused. `extraStops`: more words that are never names (speech verbs,
 * particles: the claim rules' lists).
 */
export function findPeople(texts: string[], matcher: ActorMatcher, rules: PersonRules, extraStops: readonly string[] = [], named?: Set<string>): Person[] {
  const lex = personLexicon(rules, extraStops);
  named ??= matcher.namedInFull(texts);
  const out: Person[] = [];
  const seen = new Map<string, Person>();
  const add = (name: string, role: string | undefined, key: string) => {
    const known = seen.get(key);
    // A role that is only an honorific («الدكتور») gives way to the role written after the name.
    if (known) {
      if (role && (!known.role || lex.honorifics.has(phraseTokens(known.role).join(' ')))) known.role = role;
      return;
    }
    const person: Person = role ? { name, role } : { name };
    seen.set(key, person);
    out.push(person);
  };
  for (const text of texts) {
    const tokens = tokenize(text);
    const covered = new Map<number, Mention>();
    for (const m of matcher.mentions(tokens, named)) for (let k = m.first; k <= m.last; k++) covered.set(k, m);
    // Two tokens belong to one phrase when only spaces (or a hyphen, or quotation marks around a name) part them.
    const gapAt = (k: number) => text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    const joined = (k: number) => /^[\s\-"«»“”]*$/.test(gapAt(k)) && !/[\n]/.test(gapAt(k));
    // Inside a name, a quotation mark between two words ends it: «… يوشيماسا هاياشي «قلقا بالغا»».
    const joinedInName = (k: number) => joined(k) && !/["«»“”]/.test(gapAt(k));
    // A stop word, also with a conjunction or preposition written on ("وقال", "فيما").
    // A verb of the list with a dual or plural ending ("وقعا", "وقعوا") after two names: «… كيم جونغ غيو وقعا».
    const isStop = (f: string) =>
      lex.notNames.has(f) || (/^[وفبل]/.test(f) && lex.notNames.has(f.slice(1))) || (f.length > 3 && /ا$/.test(f) && lex.notNames.has(f.replace(/و?ا$/, '')));
    /** «معهد», «بجامعة»: an institution's word, with ب or ف on it. */
    const institution = (k: number) => {
      const f = tokens[k]?.folded ?? '';
      return lex.institutions.has(f) || (/^[بف]/.test(f) && lex.institutions.has(f.slice(1)));
    };
    const nameLike = (k: number) => {
      if (covered.has(k)) return false;
      const t = tokens[k]!;
      const f = t.folded;
      // The article as written: "ال…" is a noun or adjective, but "ألكسندر" (folded "الكسندر") is a name.
      const bare = t.text.replace(/[\u064B-\u065F\u0640]/g, '');
      if (f.length < 2 || /\d/.test(f) || bare.startsWith('ال') || bare.startsWith('لل')) return false;
      if (/ة$/.test(t.text.replace(/[\u064B-\u065F\u0640]/g, ''))) return false; // a noun ("برئاسة"), not a name
      if (/\u064B/.test(t.text)) return false; // an accusative with tanween ("متحدثاً"), not a name
      if (isStop(f) || lex.roleWords.has(f) || institution(k)) return false;
      // A verbal noun of the forms افتعال, انفعال, استفعال («امتناع», «انسحاب», «استمرار»): the verb's object
      // after a name («وبرر المندوب X Y امتناع بلاده …»), never a word of one.
      if (VERBAL_NOUN.test(f)) return false;
      // «لمجلس», «بوزارة»: a word of a role governed by ل or ب («… اللجنة الدائمة لمجلس نواب الشعب»).
      if (/^[لب]/.test(f) && lex.roleWords.has(f.slice(1))) return false;
      return true;
    };
    /**
     * A family name written with ال («الحياري», «العلي»), which ends a name only after an honorific
     * («الدكتور رامي الحياري»): elsewhere a word with ال after a name is the sentence's next word.
     */
    const familyName = (k: number) => {
      if (k >= tokens.length || covered.has(k)) return false;
      const t = tokens[k]!;
      const f = t.folded;
      const bare = t.text.replace(/[\u064B-\u065F\u0640]/g, '');
      if (!bare.startsWith('ال') || f.length < 4 || /\d/.test(f) || /ة$/.test(bare) || /\u064B/.test(t.text)) return false;
      return !isStop(f) && !lex.roleWords.has(f) && !institution(k) && !lex.singleHeads.has(f);
    };
    /** Token k is an honorific («الدكتور», «والعميد»), or its qualifier («العميد المتقاعد»). */
    const honorific = (k: number): boolean => {
      const f = tokens[k]?.folded ?? '';
      if (lex.qualifiers.has(f)) return k > 0 && joined(k) && honorific(k - 1);
      return lex.honorifics.has(f) || (/^[وف]/.test(f) && lex.honorifics.has(f.slice(1)));
    };
    const roleWord = (k: number) => {
      if (institution(k)) return true;
      const m = covered.get(k);
      if (m) return matcher.byId.get(m.actorId)!.kind !== 'person';
      const f = tokens[k]!.folded;
      const bare = tokens[k]!.text.replace(/[\u064B-\u065F\u0640]/g, '');
      // «النائب الأول لوزير الخارجية»: a head with ل after the role's start goes on with it.
      // A word ending in ة is never a name's: a noun or a place of the role («بغزة», «في مدينة غزة»).
      return bare.startsWith('ال') || bare.startsWith('لل') || /ة$/.test(bare) || lex.roleWords.has(f) || lex.singleHeads.has(f) || (/^[لب]/.test(f) && (lex.singleHeads.has(f.slice(1)) || lex.roleWords.has(f.slice(1))));
    };
    /** The word after «أبو», «بن»: part of the name even with ال or a final ة («أحمد أبو الغيط», «وليد أبو شمالة»). */
    const afterKunya = (k: number) =>
      k > 0 && KUNYA.has(tokens[k - 1]!.folded) && !covered.has(k) && tokens[k]!.folded.length >= 3 && !/\d/.test(tokens[k]!.folded) && !isStop(tokens[k]!.folded);
    /** Token k ends its clause: punctuation or the text's end after it, or «أن/إن» opening what was said. */
    const clauseEndsAfter = (k: number) => k + 1 >= tokens.length || /[،,:.؛]/.test(gapAt(k + 1)) || (joined(k + 1) && THAT.has(tokens[k + 1]!.folded));
    const inName = (k: number, afterHonorific: boolean) => nameLike(k) || (afterHonorific && familyName(k)) || afterKunya(k);
    /** A name run starting at k: its last token (k itself when the next word is no name's). */
    const runFrom = (k: number, afterHonorific = false): number => {
      let e = k;
      while (e + 1 < tokens.length && joinedInName(e + 1) && inName(e + 1, afterHonorific)) e++;
      return e;
    };
    /**
     * An aside of up to three words in parentheses opening at token k («(البنتاغون)», «(الناتو)»): its
     * last token, or -1. A name follows it only after a space.
     */
    const parenthesisEnd = (k: number): number => {
      if (!/^\s*[(]\s*$/.test(gapAt(k))) return -1;
      for (let e = k; e < k + 3 && e + 1 < tokens.length; e++) {
        if (/^\s*[)]\s+$/.test(gapAt(e + 1))) return e;
        if (!joined(e + 1)) return -1;
      }
      return -1;
    };
    const headAt = (i: number) => lex.headsByFirst.get(tokens[i]!.folded)?.find((h) => phraseAtWithPrefix(tokens, i, h));
    const spanText = (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b]!.end).replace(/^["«“]|["»”]$/g, '');

    for (let i = 0; i < tokens.length; i++) {
      const head = headAt(i);
      if (!head) continue;
      // Role then name.
      let j = i + head.length;
      let roleEnd = j - 1;
      // Where the role's text ends: after a closing parenthesis when the role ends in one.
      let roleEndAt = tokens[roleEnd]!.end;
      let afterParenthesis = -1;
      let steps = 0;
      while (j < tokens.length && steps < MAX_ROLE_WORDS) {
        if (!joined(j) && j !== afterParenthesis) {
          // A short aside in parentheses inside the role: «المتحدثة باسم وزارة الدفاع (البنتاغون) سابرينا سينغ».
          const close = parenthesisEnd(j);
          if (close < 0) break;
          roleEnd = close;
          roleEndAt = tokens[close]!.end + gapAt(close + 1).indexOf(')') + 1;
          j = close + 1;
          afterParenthesis = j;
          steps++;
          continue;
        }
        const m = covered.get(j);
        if (m && matcher.byId.get(m.actorId)!.kind === 'person') break; // a known person's role
        // The word after an institution is its name («بجامعة كوكمين», «معهد كوريا»): the role's, not the person's.
        if (institution(j - 1) && !covered.has(j) && !roleWord(j) && !lex.notNames.has(tokens[j]!.folded)) {
          roleEnd = j;
          roleEndAt = tokens[j]!.end;
          j++;
          steps++;
          continue;
        }
        // «الدكتور علي الربيعي»: after an honorific, «علي» (folded as the preposition «على») opens the name.
        const firstAfterHonorific = honorific(j - 1) && joined(j) && !covered.has(j) && FIRST_NAMES_LIKE_STOPS.has(tokens[j]!.folded) && j + 1 < tokens.length && joinedInName(j + 1) && (nameLike(j + 1) || familyName(j + 1));
        if (nameLike(j) || firstAfterHonorific) {
          const afterHonorific = honorific(j - 1) && joined(j);
          let e = runFrom(j, afterHonorific);
          // A first name and a family name with ال that ends the clause («الباحث في الشؤون الآسيوية ساري
          // الحايك، …», «… يونس الإدريسي أن»): the name's, where elsewhere such a word is the sentence's next.
          if (e === j && familyName(e + 1) && joinedInName(e + 1) && clauseEndsAfter(e + 1)) e++;
          const len = e - j + 1;
          const ends = e + 1 >= tokens.length || !joinedInName(e + 1) || !inName(e + 1, afterHonorific);
          if (len >= MIN_NAME_WORDS && len <= MAX_NAME_WORDS && ends) {
            // The role without the proclitic on its head ("وحاكم" → "حاكم").
            const prefixLength = tokens[i]!.folded.length - head[0]!.length;
            // An honorific closing a longer role is the name's, not the role's: «أستاذ … في الجامعة الأردنية الدكتور».
            // (A qualified rank stays in the role: «الخبير العسكري العميد المتقاعد».)
            const roleEndsAt = afterHonorific && j - 1 > i && !lex.qualifiers.has(tokens[j - 1]!.folded) ? tokens[j - 2]!.end : roleEndAt;
            const role = text.slice(tokens[i]!.start, roleEndsAt).slice(prefixLength);
            add(spanText(j, e), role, tokens.slice(j, e + 1).map((t) => t.folded).join(' '));
            i = e;
            break;
          }
          if (len > MAX_NAME_WORDS) break;
          // One name-like word inside the role ("وزير خارجية كوريا الديمقراطية …").
          roleEnd = e;
          roleEndAt = tokens[e]!.end;
          j = e + 1;
          steps += len;
          continue;
        }
        if (!roleWord(j)) break;
        roleEnd = covered.get(j)?.last ?? j;
        roleEndAt = tokens[roleEnd]!.end;
        j = roleEnd + 1;
        steps++;
      }
    }

    // Name then role: "… لي مينغ، عضو المجلس …".
    for (let i = 1; i < tokens.length; i++) {
      if (!/^\s*[،,]\s*$/.test(gapAt(i)) || !headAt(i)) continue;
      let s = i - 1;
      // A name ending in a family name with ال counts only right after an honorific: «الدكتور سامي الكواري، أستاذ …».
      const family = !nameLike(s) && familyName(s);
      if (!nameLike(s) && !family) continue;
      while (s - 1 >= 0 && joined(s) && (nameLike(s - 1) || (family && familyName(s - 1)))) s--;
      if (family && !(s > 0 && honorific(s - 1) && joined(s) && nameLike(s))) continue;
      const len = i - s;
      const before = s === 0 || !joined(s) || !nameLike(s - 1);
      if (len < MIN_NAME_WORDS || len > MAX_NAME_WORDS || !before) continue;
      // The word before the name must be a clear boundary: punctuation or a common word.
      if (s > 0 && joined(s) && !isStop(tokens[s - 1]!.folded) && !roleWord(s - 1) && !/ة$/.test(tokens[s - 1]!.text)) continue;
      let e = i;
      // (One name-like word between words of the role goes with it: «لمجلس نواب الشعب».)
      const inRole = (k: number) => roleWord(k) || (nameLike(k) && k + 1 < tokens.length && joined(k + 1) && roleWord(k + 1));
      while (e + 1 < tokens.length && joined(e + 1) && e - i < MAX_ROLE_WORDS && inRole(e + 1)) e++;
      add(spanText(s, i - 1), spanText(i, e), tokens.slice(s, i).map((t) => t.folded).join(' '));
    }
  }
  return out;
}

function phraseAtWithPrefix(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const tok = tokens[at + k]!.folded;
    if (k === 0 ? !HEAD_PREFIXES.some((p) => tok === p + phrase[0]) : tok !== phrase[k]) return false;
  }
  return true;
}

/**
 * The matcher plus the article's unlinked people, as person actors whose id is their name: claims can
 * then name them as speakers, by the full name or (once named in full) by its first or last word.
 */
export function withPeople(matcher: ActorMatcher, people: Person[], honorifics: readonly string[] = []): ActorMatcher {
  if (people.length === 0) return matcher;
  const extra: Actor[] = people.map((p) => {
    const words = p.name.split(/[\s\-]+/).filter(Boolean);
    const short = [...new Set([words[0]!, words[words.length - 1]!])].filter((w) => tokenize(w)[0] && tokenize(w)[0]!.folded.length >= 3);
    // The role as the article wrote it before the name names them too, whatever is inside it
    // ("مدير مكتب الأمن القومي في الرئاسة … تشانغ هو-جين": the «في» there opens no circumstance), and so
    // does either with an honorific before the name («أستاذ … الدكتور رامي الحياري», «الدكتور رامي الحياري»).
    const variants = [
      ...(p.role ? [`${p.role} ${p.name}`, ...honorifics.map((h) => `${p.role} ${h} ${p.name}`)] : []),
      ...honorifics.map((h) => `${h} ${p.name}`),
    ];
    // The role alone names them too, once named in full, as a title does a known actor: the apposition in
    // "قال X، المتحدث باسم الوزارة، إن …", or "وأضاف المتحدث باسم الوزارة أن …" further on.
    return { id: p.name, kind: 'person', name_ar: p.name, name_en: p.name, variants, latin: [], short, titles: p.role ? [p.role] : [], ...(p.role ? { role_ar: p.role } : {}) };
  });
  return new ActorMatcher(extra, matcher);
}

/**
 * withPeople for one article: the honorifics given are those its texts print (each one makes a variant of
 * every person's name to match, so the others would only cost time).
 */
export function withArticlePeople(matcher: ActorMatcher, people: Person[], texts: readonly string[], rules: PersonRules): ActorMatcher {
  if (people.length === 0) return matcher;
  const folded = texts.map((t) => phraseTokens(t).join(' '));
  const honorifics = (rules.honorifics ?? []).filter((h) => {
    const f = phraseTokens(h).join(' ');
    return folded.some((t) => t.includes(f));
  });
  return withPeople(matcher, people, honorifics);
}

/** A body the actors file does not know, named as a speaker: «وزارة الوحدة الكورية الجنوبية». */
export interface Body {
  name: string;
}

/** The word lists findBodies reads, from content/rules/claims.yaml. */
export interface BodyRules {
  speech_verbs: string[];
  body_heads: string[];
  complementizers: string[];
  circumstance_words: string[];
  content_prepositions: string[];
  auxiliaries: string[];
}

const MAX_BODY_WORDS = 6;
const bodyLexicons = new WeakMap<BodyRules, { verbs: WordLexicon<true>; auxiliaries: WordLexicon<true>; heads: Set<string>; stops: Set<string>; complementizers: Set<string>; circumstances: Set<string> }>();

/** After the circumstance at `from`, a comma and «إن/أن» within a few words, in the same sentence. */
function commaThenSays(text: string, tokens: readonly Token[], from: number, complementizers: Set<string>): boolean {
  for (let k = from + 1; k < tokens.length && k <= from + 10; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (/[.!?؟:؛"«»]/.test(gap)) return false;
    if (/[،,]/.test(gap)) return complementizers.has(tokens[k]!.folded);
  }
  return false;
}

/**
 * The verb at `verb` opens what was said: «إن/أن» or a colon within a few words, with no punctuation before
 * it («قد أفاد في وقت سابق بأن …»; «قد أقر المعاهدة في أكتوبر، قبل أن …» passed a law, said nothing).
 */
function saysAfter(text: string, tokens: readonly Token[], verb: number, complementizers: Set<string>): boolean {
  for (let k = verb + 1; k < tokens.length && k <= verb + 8; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (/:/.test(gap)) return true;
    if (/[^\s]/.test(gap)) return false;
    if (complementizers.has(tokens[k]!.folded)) return true;
  }
  return false;
}

/**
 * Bodies the actors file does not know, named as the subject of a speech verb: the verb, a body's head word
 * (claims.yaml `body_heads`: وزارة, جهاز, مجلس …) and up to five more words, ending right before «إن/أن»,
 * a preposition that opens the words («إلى أن»), a circumstance («في بيان»), or a colon; or named before
 * it, between «وكان/وكانت» and «قد» («وكان جهاز الاستخبارات الكوري الجنوبي قد أفاد بأن …»). A run that holds
 * a known name, a digit or any punctuation is no such body («وزارة الخارجية الروسية» is known already).
 */
export function findBodies(texts: string[], matcher: ActorMatcher, rules: BodyRules, named?: Set<string>): Body[] {
  let lex = bodyLexicons.get(rules);
  if (!lex) {
    const folded = (list: string[]) => new Set(list.flatMap((w) => tokenize(w).map((t) => t.folded)));
    lex = {
      verbs: new WordLexicon(rules.speech_verbs.map((v) => [tokenize(v)[0]?.folded ?? v, true] as const), ['', 'و', 'ف']),
      complementizers: folded(rules.complementizers),
      circumstances: folded(rules.circumstance_words),
      auxiliaries: new WordLexicon(rules.auxiliaries.map((v) => [tokenize(v)[0]?.folded ?? v, true] as const), ['', 'و', 'ف']),
      heads: folded(rules.body_heads),
      stops: folded([...rules.complementizers, ...rules.circumstance_words, ...rules.content_prepositions]),
    };
    bodyLexicons.set(rules, lex);
  }
  named ??= matcher.namedInFull(texts);
  const out: Body[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    const tokens = tokenize(text);
    const covered = new Set<number>();
    for (const m of matcher.mentions(tokens, named)) for (let k = m.first; k <= m.last; k++) covered.add(k);
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!lex.heads.has(tokens[i + 1]!.folded) || covered.has(i + 1)) continue;
      const verbFirst = lex.verbs.get(tokens[i]!.folded) === true;
      if (!verbFirst && !lex.auxiliaries.get(tokens[i]!.folded)) continue;
      let end = -1;
      for (let k = i + 2; k < tokens.length && k <= i + MAX_BODY_WORDS; k++) {
        const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
        if (!verbFirst) {
          // «وكان <body> قد <speech verb>»: the body ends before «قد».
          if (!/^\s+$/.test(gap) || covered.has(k) || /\d/.test(tokens[k]!.folded)) break;
          if (tokens[k]!.folded === 'قد') {
            if (lex.verbs.get(tokens[k + 1]?.folded ?? '') && /^\s+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start)) && saysAfter(text, tokens, k + 1, lex.complementizers)) end = k - 1;
            break;
          }
          continue;
        }
        if (/:/.test(gap) && k > i + 2) {
          end = k - 1;
          break;
        }
        // «وقالت وزارة الموارد الطبيعية الروسية، في بيان اليوم، إن …»: a circumstance set off by commas.
        if (/^\s*[،,]\s*$/.test(gap) && k > i + 2 && lex.circumstances.has(tokens[k]!.folded) && commaThenSays(text, tokens, k, lex.complementizers)) {
          end = k - 1;
          break;
        }
        if (!/^\s+$/.test(gap) || covered.has(k) || /\d/.test(tokens[k]!.folded)) break;
        if (lex.stops.has(tokens[k]!.folded)) {
          if (k > i + 2) end = k - 1;
          break;
        }
      }
      if (end === -1) continue;
      const name = text.slice(tokens[i + 1]!.start, tokens[end]!.end);
      if (!seen.has(name)) {
        seen.add(name);
        out.push({ name });
      }
    }
  }
  return out;
}

/** The matcher with the unknown bodies added as organisations (ids: their names), so they can speak. */
export function withBodies(matcher: ActorMatcher, bodies: Body[]): ActorMatcher {
  if (bodies.length === 0) return matcher;
  return new ActorMatcher(
    bodies.map((b) => ({ id: b.name, kind: 'organisation', name_ar: b.name, name_en: b.name, variants: [], latin: [], short: [], titles: [] })),
    matcher,
  );
}
