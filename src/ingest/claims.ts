/**
 * Stage: claims. Every statement with a known speaker: a speech verb (content/rules/claims.yaml)
 * and its subject, resolved to an actor by name or title; a verb without a subject of its own
 * («وأضاف», «وأكد أن») and a participle («مشددا على») continue the last named speaker.
 * Direct: the quoted words, or what follows "قال X:". Reported: indirect speech, from after the
 * subject (and «أن»/«إن») to the end of the sentence.
 */
import { foldArabic } from '../text/normalize.ts';
import type { Actor, Claim } from '../lib/entry-schema.ts';
import type { ClaimRules, DateRules } from './data.ts';
import { resolveDayWords, weekdayMentions, type WeekdayMention } from './date.ts';
import type { ActorMatcher, AmbiguousMention, Mention } from './actors.ts';
import { NAME_PREFIXES, VERB_PREFIXES, WordLexicon, phraseAt, phraseTokens, sentenceEnds, tokenize, type Token } from '../text/tokens.ts';

interface QuoteSpan {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  content: string;
  /** A name in quotation marks ("بوتين"), not speech. */
  isName: boolean;
}

const QUOTE_PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“', '"': '"', '”': '”' };

/** Pair quotation marks left to right; an unclosed mark opens nothing. */
const QUOTE_MARKS = /["«“„”]/g;
export function quoteSpans(text: string, isName: (content: string) => boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  QUOTE_MARKS.lastIndex = 0;
  for (let m = QUOTE_MARKS.exec(text); m !== null; m = QUOTE_MARKS.exec(text)) {
    const i = m.index;
    const close = text.indexOf(QUOTE_PAIRS[m[0]]!, i + 1);
    if (close === -1) continue;
    const content = text.slice(i + 1, close);
    spans.push({ open: i, close, content, isName: isName(content) });
    QUOTE_MARKS.lastIndex = close + 1;
  }
  return spans;
}

type TriggerKind = 'verb' | 'participle' | 'relay' | 'saying' | 'noun';
type Trigger = { index: number; kind: TriggerKind };

interface ClaimContext {
  matcher: ActorMatcher;
  named: Set<string>;
  rules: ClaimRules;
  dates: DateRules;
  /** The day of writing, when known from the text (stated or inferred), for "الثلاثاء الماضي". */
  writtenOn: string | null;
  /** The printed headline, for a quotation headline ("كيم: …"); none when the title was derived. */
  headline?: string | null;
}

/** Every word list as a hash look-up (O(1) per token, with its proclitics), built once per rules object. */
interface Lexicon {
  /** Speech verbs, participles and relay verbs, with و/ف in front. */
  triggers: WordLexicon<TriggerKind>;
  /** «حسبما», «بحسب ما» (folded words): before a verb of saying, they make it name a source. */
  sourceOpeners: string[][];
  /** «يرى», «يعتقد»: verbs of a view, a statement only opening a sentence with «أن» after the subject. */
  viewVerbs: WordLexicon<true>;
  /** The same words exactly as listed (folded), to take a written و/ف off. */
  triggerWords: Set<string>;
  objectVerbs: WordLexicon<true>;
  /** Verbs of denial and refusal: what follows their «أن» is what the speaker denied. */
  negating: WordLexicon<true>;
  /** Verbs of saying whose words after a comma are the statement, not an object (قال، أضاف). */
  utterance: WordLexicon<true>;
  complementizers: Set<string>;
  /** و + a complementizer ("وأن", "وإن"): a new clause of the same statement. */
  clauseOpeners: Set<string>;
  fillers: Set<string>;
  circumstance: WordLexicon<true>;
  contentPrepositions: Set<string>;
  relay: WordLexicon<true>;
  connectives: Set<string>;
  nounAfter: WordLexicon<true>;
  anonymous: Set<string>;
  /** Heads of a person's role (claims.yaml people.role_heads, one word): «نظيره» is a role, not an object. */
  roleHeads: Set<string>;
  /** Generic nouns for an official («المسؤول»), referring back to the person who spoke last. */
  officials: Set<string>;
  relatives: Set<string>;
  documents: Set<string>;
  auxiliaries: WordLexicon<true>;
  tails: string[][];
  bareTails: string[][];
  relativeDays: { tokens: string[]; days: number }[];
  contextOpeners: string[][];
  vague: string[][];
  /** First words of the relative-day and vague-time phrases: most tokens are ruled out by one look-up. */
  timeFirst: WordLexicon<true>;
}

const lexicons = new WeakMap<ClaimRules, Lexicon>();
function lexiconFor(rules: ClaimRules, dates: DateRules): Lexicon {
  const cached = lexicons.get(rules);
  if (cached) return cached;
  const f = (xs: string[]) => xs.map(foldArabic);
  const set = (xs: string[]) => new Set(f(xs));
  const words = (xs: string[], prefixes: readonly string[]) => new WordLexicon<true>(f(xs).map((w) => [w, true] as const), prefixes);
  const triggerEntries: [string, TriggerKind][] = [
    ...f(rules.speech_verbs).map((w) => [w, 'verb'] as [string, TriggerKind]),
    ...f(rules.continuation_participles).map((w) => [w, 'participle'] as [string, TriggerKind]),
    ...f(rules.relay_verbs).map((w) => [w, 'relay'] as [string, TriggerKind]),
    ...f(rules.saying_nouns).map((w) => [w, 'saying'] as [string, TriggerKind]),
    ...f(rules.speech_nouns).map((w) => [w, 'noun'] as [string, TriggerKind]),
    ...f(rules.view_verbs).map((w) => [w, 'verb'] as [string, TriggerKind]),
  ];
  const complementizers = set(rules.complementizers);
  const lex: Lexicon = {
    triggers: new WordLexicon(triggerEntries, VERB_PREFIXES),
    triggerWords: new Set(triggerEntries.map(([w]) => w)),
    viewVerbs: words(rules.view_verbs, VERB_PREFIXES),
    objectVerbs: words(rules.object_verbs, VERB_PREFIXES),
    negating: words(rules.negating_verbs, VERB_PREFIXES),
    utterance: words(rules.utterance_verbs, VERB_PREFIXES),
    complementizers,
    clauseOpeners: new Set([...complementizers].map((c) => `و${c}`)),
    fillers: set(rules.fillers),
    circumstance: words(rules.circumstance_words, ['', 'و']),
    contentPrepositions: set(rules.content_prepositions),
    relay: words(rules.relay_markers, VERB_PREFIXES),
    connectives: set(rules.connectives),
    nounAfter: words(rules.noun_after, ['', 'و']),
    anonymous: set(rules.anonymous_heads),
    roleHeads: set(rules.people.role_heads.filter((h) => !h.includes(' '))),
    officials: set(rules.official_heads),
    relatives: set(rules.relatives),
    documents: set(rules.document_subjects),
    auxiliaries: words(rules.auxiliaries, VERB_PREFIXES),
    tails: rules.statement_tails.map(phraseTokens).filter((t) => t.length > 0),
    bareTails: rules.bare_tails.map(phraseTokens).filter((t) => t.length > 0),
    sourceOpeners: rules.source_openers.map(phraseTokens).filter((t) => t.length > 0),
    relativeDays: Object.entries(dates.relative_days)
      .map(([w, days]) => ({ tokens: phraseTokens(w), days }))
      .sort((a, b) => b.tokens.length - a.tokens.length),
    vague: dates.vague_times.map(phraseTokens).sort((a, b) => b.length - a.length),
    timeFirst: new WordLexicon(
      [...Object.keys(dates.relative_days), ...dates.vague_times].map((w) => [phraseTokens(w)[0] ?? '', true] as const),
      NAME_PREFIXES,
    ),
    contextOpeners: rules.context_openers.map(phraseTokens),
  };
  lexicons.set(rules, lex);
  return lex;
}

const OPENING_QUOTES = /["«“„”]/;
const COMMA_OR_DASH = /[،,\-–—(]/;

function trimClaimText(text: string, lex: Lexicon): string {
  let t = text.trim();
  // A closing mark whose opening one is not in the claim ("… في العالم\" وأعرب").
  if ((t.match(/"/g) ?? []).length % 2 === 1) t = t.replace(/^"|"$/g, '');
  for (;;) {
    const before = t;
    t = t.replace(/[\s،,.:؛;]+$/u, '');
    const words = t.split(/\s+/);
    const last = words[words.length - 1];
    if (last && words.length > 1 && lex.connectives.has(foldArabic(last))) t = words.slice(0, -1).join(' ');
    if (t === before) return t;
  }
}

/** A time phrase starting at token `j`: its words, the day they name if any, and its last token. */
function timePhraseAt(
  text: string,
  tokens: readonly Token[],
  j: number,
  weekdays: Map<number, WeekdayMention>,
  lex: Lexicon,
  writtenOn: string | null,
): { when: NonNullable<Claim['when']>; last: number } | null {
  const wd = weekdays.get(j);
  const timeWord = lex.timeFirst.has(tokens[j]!.folded);
  if (!wd && !timeWord) return null;
  const rel = timeWord ? lex.relativeDays.find((r) => phraseAt(tokens, j, r.tokens, NAME_PREFIXES)) : undefined;
  const vague = timeWord ? lex.vague.find((v) => phraseAt(tokens, j, v, NAME_PREFIXES)) : undefined;
  if (!wd && !rel && !vague) return null;
  const last = wd ? wd.last : j + (rel ? rel.tokens.length : vague!.length) - 1;
  let end = tokens[last]!.end;
  if ((text.slice(tokens[j]!.start, end).match(/\//g) ?? []).length % 2 === 1 && text[end] === '/') end++; // "اليوم /الجمعة/"
  const words = text.slice(tokens[j]!.start, end);
  const date = writtenOn ? resolveDayWords(tokens, wd ?? null, rel ? rel.days : null, writtenOn) : null;
  return { when: date ? { text: words, date } : { text: words }, last };
}

/**
 * "جاء ذلك في برقية … اليوم الخميس": a paragraph that opens by pointing back at the statement
 * before it says when that statement was made.
 */
function contextTime(p: Paragraph, ctx: ClaimContext): NonNullable<Claim['when']> | null {
  const lex = lexiconFor(ctx.rules, ctx.dates);
  const { text, tokens } = p;
  if (!lex.contextOpeners.some((o) => phraseAt(tokens, 0, o, VERB_PREFIXES))) return null;
  const firstSentenceEnd = p.ends[0] ?? text.length;
  for (let j = 0; j < tokens.length && tokens[j]!.start < firstSentenceEnd; j++) {
    const time = timePhraseAt(text, tokens, j, p.weekdays, lex, ctx.writtenOn);
    if (time) return time.when;
  }
  return null;
}

/** A paragraph prepared once: its words, the names in it, its quotations, weekdays and sentence ends. */
interface Paragraph {
  text: string;
  tokens: Token[];
  mentions: Mention[];
  mentionAt: Map<number, Mention>;
  speechQuotes: QuoteSpan[];
  weekdays: Map<number, WeekdayMention>;
  /** Short forms naming two or more of the article's actors, by first token. */
  ambiguousAt: Map<number, AmbiguousMention>;
  ends: number[];
}

function prepare(text: string, ctx: ClaimContext): Paragraph {
  const tokens = tokenize(text);
  const mentions = ctx.matcher.mentions(tokens, ctx.named);
  const mentionAt = new Map(mentions.map((m) => [m.first, m]));
  // The paragraph's own tokens and names inside a quotation, not a second tokenization of it.
  const inside = (open: number, close: number) => {
    let first = -1;
    let last = -1;
    for (let k = 0; k < tokens.length && tokens[k]!.start < close; k++) {
      if (tokens[k]!.start <= open) continue;
      if (first === -1) first = k;
      last = k;
    }
    return { first, last, count: first === -1 ? 0 : last - first + 1 };
  };
  const quotes = quoteSpans(text, () => false).map((q) => {
    const r = inside(q.open, q.close);
    const m = r.first === -1 ? undefined : mentionAt.get(r.first);
    return { ...q, isName: !!m && m.last === r.last, words: r.count };
  });
  return {
    text,
    tokens,
    mentions,
    mentionAt,
    // A quotation of fewer than three words is a term, not speech.
    speechQuotes: quotes.filter((q) => !q.isName && q.words >= 3),
    // Weekdays only when a time phrase is looked for (most paragraphs have no statement).
    get weekdays() {
      const value = new Map(weekdayMentions(tokens, ctx.dates).map((w) => [w.first, w]));
      Object.defineProperty(this, 'weekdays', { value });
      return value;
    },
    get ambiguousAt() {
      const value = new Map(ctx.matcher.ambiguousMentions(tokens, ctx.named).map((m) => [m.first, m]));
      Object.defineProperty(this, 'ambiguousAt', { value });
      return value;
    },
    ends: sentenceEnds(text),
  };
}

type Stop = { kind: 'complementizer' | 'content' | 'colon' | 'quote' | 'end'; at: number };

interface AfterVerb {
  speaker: string | null;
  /** Where the subject (with its appositions) ends; the verb's end when it has none. */
  subjectEnd: number;
  /** Words that are neither known names nor fillers: an unknown subject. */
  unknownWords: number;
  /** Where the walk stopped, and why. */
  stop: Stop;
  when?: Claim['when'];
  reportedBy?: string;
  /** The subject is someone not named ("مصدر دبلوماسي"). */
  anonymous?: boolean;
  /** The subject is a document ("وأكد البيان أن …"). */
  document?: boolean;
  /** «ونقلت الوزارة عنه قوله إن …»: the speaker is the one the pronoun points back to. */
  fromPronoun?: boolean;
}

/** «إلى أن», «على أن» at `at`: a verb's preposition, then what was said. */
function prepositionThenComplementizer(p: Paragraph, at: number, lex: Lexicon): boolean {
  const lead = tokenize(p.text.slice(at, at + 24)).slice(0, 2);
  return lead.length === 2 && lex.contentPrepositions.has(lead[0]!.folded) && lex.complementizers.has(lead[1]!.folded);
}

/** A paper's name in quotation marks right after «لـ» («لـ«الراية»»), and the space after it. */
const RECIPIENT_PAPER = /^\s*[«"“][^«»"“”]{1,40}[»"”]\s*/u;

/**
 * Walk the words after a speech verb up to what is said: the subject and its appositions
 * ("المتحدث باسم الكرملين دميتري بيسكوف"), time words, circumstances ("في تصريح صحفي …") and relays
 * ("وفقا لوكالة تاس"). A participle has no subject of its own: `speaker` comes in preset.
 */
function walkAfterVerb(p: Paragraph, trigger: Trigger, segEnd: number, preset: string | null, ctx: ClaimContext, lex: Lexicon): AfterVerb {
  const { text, tokens } = p;
  const r: AfterVerb = { speaker: preset, subjectEnd: tokens[trigger.index]!.end, unknownWords: 0, stop: { kind: 'end', at: segEnd } };
  // A relay verb ("نقلت وكالة … عن X قوله إن …") names who relayed first; the speaker comes after «عن».
  let mode: 'subject' | 'circumstance' | 'relay' = trigger.kind === 'relay' ? 'relay' : 'subject';
  // A participle and a saying noun («بالقول») have no subject after them: theirs comes before.
  const takesSubject = trigger.kind !== 'participle' && trigger.kind !== 'saying';
  // A comma after the speaker: what follows may describe them up to "، إن" ("قال X، …، في بيان …، إن").
  let commaAfterSpeaker = false;
  // The speaker's name is the verb's first word of subject (no unknown word before it).
  let speakerOpensSubject = false;
  // Where the walk would stop inside such words: on to the «إن» after a later comma, when there is one.
  const pastDescription = (j: number) => (commaAfterSpeaker ? statementAfterCommas(p, j, segEnd, lex) : -1);
  // Where the title holding the current speaker ended, when a person may be named after it.
  let titleEnd = -1;
  for (let j = trigger.index + 1; j < tokens.length && tokens[j]!.start < segEnd; ) {
    const tok = tokens[j]!;
    const prevEnd = tokens[j - 1]!.end;
    const gap = text.slice(prevEnd, tok.start);
    if (r.speaker !== null && /[،,]/.test(gap)) commaAfterSpeaker = true;
    if (/[:：]/.test(gap)) return { ...r, stop: { kind: 'colon', at: prevEnd + gap.search(/[:：]/) } };
    // «وقال … لـ«خبرني» إن …», «موضحاً لـ«الراية» أن …»: the paper spoken to, in quotation marks after «لـ»,
    // is neither subject nor statement; what was said opens after it.
    if (tok.folded === 'ل') {
      const paper = RECIPIENT_PAPER.exec(text.slice(tok.end, tok.end + 60));
      let k = j + 1;
      while (paper && k < tokens.length && tokens[k]!.start < tok.end + paper[0].length) k++;
      if (paper && k < tokens.length && lex.complementizers.has(tokens[k]!.folded)) {
        j = k;
        continue;
      }
    }
    const quote = p.speechQuotes.find((q) => q.open >= prevEnd && q.open < tok.start);
    if (quote) {
      // «في مقابلة مع هيئة الإذاعة «كي بي إس»، إن …»: a quotation that «، إن» follows names something the
      // words before the statement speak of; the statement opens after it.
      let k = j;
      while (k < tokens.length && tokens[k]!.start < quote.close) k++;
      const after = k < tokens.length ? text.slice(quote.close + 1, tokens[k]!.start) : '';
      if (k < tokens.length && /^\s*[،,]\s*$/.test(after) && lex.complementizers.has(tokens[k]!.folded)) {
        j = k;
        continue;
      }
      return { ...r, stop: { kind: 'quote', at: tok.start } };
    }
    if (p.ends.some((e) => e > prevEnd && e <= tok.start)) return { ...r, stop: { kind: 'end', at: tok.start } };
    // "(NATO)", "(KCNA)": a parenthesised aside after a name adds nothing to the subject.
    if (/\($/.test(gap.trimEnd())) {
      const close = text.indexOf(')', tok.start);
      let k = j;
      while (k < tokens.length && close !== -1 && tokens[k]!.end <= close) k++;
      if (close !== -1 && k - j <= 6 && k > j && !p.ends.some((e) => e > tok.start && e <= close)) {
        j = k;
        continue;
      }
    }
    if (mode !== 'subject' && COMMA_OR_DASH.test(gap) && !(trigger.kind === 'relay' && r.speaker === null)) mode = 'subject';

    // Time words: "اليوم /الجمعة/", "الثلاثاء الماضي", "أمس", "في وقت سابق".
    const time = timePhraseAt(text, tokens, j, p.weekdays, lex, ctx.writtenOn);
    if (time) {
      r.when ??= time.when;
      j = time.last + 1;
      continue;
    }

    // "وقالت كيم" in an article naming Kim Jong Un and Kim Yo Jong: the verb's gender names one of them.
    const ambiguous = mode === 'subject' && r.speaker === null && takesSubject && r.unknownWords === 0 && trigger.kind === 'verb' ? p.ambiguousAt.get(j) : undefined;
    if (ambiguous && !/[لبك]/.test(ambiguous.prefix)) {
      const gender = verbGender(tokens[trigger.index]!, lex);
      const fits = gender ? ambiguous.actorIds.filter((id) => (ctx.matcher.byId.get(id)!.gender === 'female') === (gender === 'female')) : [];
      if (fits.length === 1) {
        r.speaker = fits[0]!;
        r.subjectEnd = ambiguous.end;
        j = ambiguous.last + 1;
        continue;
      }
    }

    const mention = p.mentionAt.get(j);
    if (mention) {
      const kind = ctx.matcher.byId.get(mention.actorId)!.kind;
      // "لبوتين", "ببوتين": someone spoken to or about, never the subject.
      const governed = /[لبك]/.test(mention.prefix);
      if (mode === 'relay' && kind === 'organisation') {
        r.reportedBy ??= mention.actorId;
      } else if (governed) {
        if (kind === 'organisation' && /ل/.test(mention.prefix) && r.speaker !== null) r.reportedBy ??= mention.actorId; // "قال بوتين لوكالة تاس"
      } else if (mode === 'subject' && r.speaker === null && takesSubject && r.unknownWords <= 5) {
        r.speaker = mention.actorId;
        r.subjectEnd = mention.end;
        speakerOpensSubject = r.unknownWords === 0;
        r.unknownWords = 0;
      } else if (mode === 'subject' && mention.actorId === r.speaker) {
        r.subjectEnd = mention.end; // apposition: "المتحدث باسم الكرملين دميتري بيسكوف"
      } else if (
        mode === 'subject' && r.speaker !== null && takesSubject && kind === 'person' && !speakerOpensSubject &&
        ctx.matcher.byId.get(r.speaker)?.kind === 'person' && (r.subjectEnd === titleEnd || r.subjectEnd === prevEnd) && /^\s+$/.test(gap)
      ) {
        // A person inside another's title, a head word before it: «مساعد الرئيس الروسي (للشؤون الدولية) يوري
        // أوشاكوف», «نائب وزير الخارجية الروسي سيرغي ريابكوف»: the person named after the title speaks.
        r.speaker = mention.actorId;
        r.subjectEnd = mention.end;
      } else if (
        mode === 'subject' && r.speaker !== null && takesSubject && kind === 'person' &&
        ctx.matcher.byId.get(r.speaker)?.kind !== 'person' && /^[\s"«»“”()]*$/.test(gap) &&
        !(speakerOpensSubject && ctx.matcher.byId.get(r.speaker)?.kind === 'organisation')
      ) {
        // A body or country inside a person's title: "مساعد الكرملين يوري أوشاكوف", "زعيم كوريا … كيم جونغ أون".
        // A body right after the verb is the subject itself, the person its owner: "قال مكتب الرئيس … يون سوك يول إن".
        r.speaker = mention.actorId;
        r.subjectEnd = mention.end;
      } else if (mode === 'subject' && r.speaker !== null && kind === 'person' && speakerOpensSubject && r.subjectEnd === prevEnd && /^\s+$/.test(gap) && ctx.matcher.byId.get(r.speaker)?.kind === 'organisation') {
        r.subjectEnd = mention.end; // the body's owner: "مكتب الرئيس الكوري الجنوبي يون سوك يول"
      } else if (mode === 'subject' && r.speaker !== null && takesSubject && /^و/.test(mention.prefix) && /^\s+$/.test(gap)) {
        // "قالت كوريا الجنوبية والولايات المتحدة إن …": two subjects, no one speaker.
        return { ...r, speaker: null, unknownWords: r.unknownWords + 1, stop: { kind: 'content', at: tok.start } };
      } else if (mode === 'subject' && r.speaker !== null) {
        // A name inside an apposition after the speaker («كيم يو جونغ، شقيقة الزعيم الكوري الشمالي …، عن»).
        const close = commaAfterSpeaker ? appositionEnd(p, j, segEnd, lex) : -1;
        const k = close !== -1 ? close : pastDescription(j);
        if (k === -1) return { ...r, stop: { kind: 'content', at: tok.start } };
        r.subjectEnd = tokens[k - 1]!.end;
        j = k;
        continue;
      }
      j = mention.last + 1;
      continue;
    }

    const w = tok.folded;
    if (lex.complementizers.has(w)) return { ...r, stop: { kind: 'complementizer', at: tok.end } };
    if (trigger.kind === 'relay' && mode === 'relay' && r.speaker === null && w === 'عن') {
      mode = 'subject'; // "… عن X قوله": the speaker follows
    } else if (trigger.kind === 'relay' && mode === 'relay' && r.speaker === null && RELAY_PRONOUNS.has(w)) {
      r.fromPronoun = true; // "… عنه قوله": the speaker was named before
    } else if (mode === 'subject' && r.speaker === null && r.unknownWords === 0 && takesSubject && lex.anonymous.has(w)) {
      // "قال مصدر دبلوماسي", "قال أحد مساعدي بوتين": someone not named; a name after it is not the speaker.
      return { ...r, unknownWords: r.unknownWords + 1, stop: { kind: 'content', at: tok.start }, anonymous: true };
    } else if (mode === 'subject' && r.speaker === null && r.unknownWords === 0 && takesSubject && lex.documents.has(w)) {
      r.document = true; // "وأضاف البيان": the body whose statement it is
      r.subjectEnd = tok.end;
    } else if (mode !== 'relay' && lex.relay.has(w)) {
      mode = 'relay';
    } else if (mode === 'subject' && r.speaker === null && r.unknownWords === 0 && takesSubject && w.length >= 5 && w.startsWith('ب') && !lex.fillers.has(w) && !lex.circumstance.has(w)) {
      // "وتعهّد بمواصلة دعم روسيا", "أفادت بإرسال بيونغ يانغ …": a word governed by ب right after the verb
      // opens its object; a name after it is no subject.
      return { ...r, unknownWords: 1, stop: { kind: 'content', at: tok.start } };
    } else if (mode === 'subject' && lex.contentPrepositions.has(w) && statementAfterCommas(p, j, segEnd, lex) !== -1) {
      // "قال … على هامش القمة، إن …": what was said opens after the comma; the preposition opens a circumstance.
      mode = 'circumstance';
    } else if (mode === 'subject' && lex.contentPrepositions.has(w) && (r.speaker !== null || r.unknownWords <= 2)) {
      // "أشار إلى أن", "وأشار المتحدث إلى أن", "وأشار الوزير الروسي إلى أن": what was said begins at the
      // preposition (a subject of a word or two before it is resolved by the caller, by anaphor).
      return { ...r, stop: { kind: 'content', at: tok.start } };
    } else if (mode === 'subject' && lex.circumstance.has(w)) {
      mode = 'circumstance';
    } else if (mode === 'subject' && r.speaker === null && takesSubject && r.unknownWords > 0 && /(?:ها|هما|هم|ته)$/.test(tok.text) && !lex.fillers.has(w) && !lex.roleHeads.has(w)) {
      // «جددت وزارة الخارجية الكورية الجنوبية مطالبتها موسكو بسحب …»: a noun with a pronoun after an
      // unknown subject is the verb's object; a name after it is no subject.
      return { ...r, unknownWords: r.unknownWords + 1, stop: { kind: 'content', at: tok.start } };
    } else if (mode === 'subject' && r.speaker !== null && r.subjectEnd === prevEnd && /^\s+$/.test(gap) && NISBA.test(w) && (ctx.matcher.byId.get(r.speaker)?.kind !== 'person' || nameAfterNisbas(p, j, r.speaker))) {
      // «وأفاد جهاز الاستخبارات الوطني الكوري الجنوبي بأن …»: a nationality after a body's name is part of it
      // («أكد حاكم إقليم بريموري الروسي أوليغ كوجيمياكو أن»: and a person named after it speaks).
      r.subjectEnd = tok.end;
    } else if (mode === 'subject' && !lex.fillers.has(w)) {
      if (r.speaker !== null) {
        // "عن كيم يو جونغ، شقيقة الزعيم …، قولها:", "قال بيسكوف، المتحدث باسم الكرملين، إن": words set off by
        // commas after the speaker describe the speaker when what follows them opens the statement.
        // Inside it too, after a name it holds («، شقيقة الزعيم الكوري الشمالي والمسؤولة …، عن»).
        // Then whom the speaker spoke to («لنظيرته إن»), then a description up to "، إن".
        const close = /[،,]/.test(gap) || commaAfterSpeaker ? appositionEnd(p, j, segEnd, lex) : -1;
        // «مساعد الرئيس الروسي للشؤون الدولية يوري أوشاكوف»: a phrase with ل inside the title, a person after it.
        // (The same person's name after their title; another's only after a head word: «مساعد الرئيس …».)
        const inTitle = close === -1 && /^\s+$/.test(gap) ? personAfterLamPhrase(p, j, ctx) : -1;
        if (inTitle !== -1 && (!speakerOpensSubject || p.mentionAt.get(inTitle)!.actorId === r.speaker)) {
          titleEnd = r.subjectEnd;
          j = inTitle;
          continue;
        }
        const addressee = close === -1 && /^\s+$/.test(gap) ? addresseeEnd(p, j, lex) : -1;
        const next = close !== -1 ? close : addressee !== -1 ? addressee : pastDescription(j);
        if (next === -1) return { ...r, stop: { kind: 'content', at: tok.start } };
        r.subjectEnd = tokens[next - 1]!.end;
        j = next;
        continue;
      }
      r.unknownWords++;
    }
    j++;
  }
  return r;
}

/**
 * «للشؤون الدولية يوري أوشاكوف»: from token j, a word governed by ل and at most two more, then a person's
 * name, with nothing but spaces between. The index of that name's first token, or -1.
 */
function personAfterLamPhrase(p: Paragraph, j: number, ctx: ClaimContext): number {
  const { text, tokens } = p;
  if (!/^ل[^ك]/.test(tokens[j]!.folded) || tokens[j]!.folded.length < 4 || p.mentionAt.has(j)) return -1;
  for (let k = j + 1; k < tokens.length && k <= j + 3; k++) {
    if (!/^\s+$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return -1;
    const m = p.mentionAt.get(k);
    if (m) return ctx.matcher.byId.get(m.actorId)?.kind === 'person' && !/[لبك]/.test(m.prefix) ? k : -1;
  }
  return -1;
}

/** A folded adjective of relation with ال: «الكوري», «الجنوبيه», «الروسيه». */
const NISBA = /^ال\S{2,}(?:ي|يه)$/u;

/** «حاكم إقليم بريموري الروسي أوليغ كوجيمياكو»: after the adjectives from token j, the same person's name. */
function nameAfterNisbas(p: Paragraph, j: number, actorId: string): boolean {
  let k = j;
  while (k < p.tokens.length && NISBA.test(p.tokens[k]!.folded) && !p.mentionAt.has(k)) k++;
  return p.mentionAt.get(k)?.actorId === actorId && /^\s+$/.test(p.text.slice(p.tokens[k - 1]!.end, p.tokens[k]!.start));
}

/**
 * «قال لافروف لنظيرته إن …», «عن كيم قوله لمرافقيه إن …»: whom the speaker spoke to, a word governed by ل
 * and at most two more, right before «إن/أن». The index of that complementizer, or -1.
 */
function addresseeEnd(p: Paragraph, from: number, lex: Lexicon): number {
  const { text, tokens } = p;
  const w = tokens[from]!.folded;
  if (!/^ل[^ك]/.test(w) || w.length < 4) return -1;
  for (let k = from + 1; k < tokens.length && k <= from + 3; k++) {
    if (!/^\s+$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) || p.mentionAt.has(k)) return -1;
    if (lex.complementizers.has(tokens[k]!.folded)) return k;
  }
  return -1;
}

/** Words between a speaker and "، إن" that describe the speaker or the occasion, at most. */
const DESCRIPTION_WORDS = 30;

/**
 * The index of a complementizer right after a comma within DESCRIPTION_WORDS after token `from`, in the same
 * sentence and before any colon or quotation mark ("…، في بيان نقلته الوكالة، إن"); -1 when there is none.
 */
function statementAfterCommas(p: Paragraph, from: number, segEnd: number, lex: Lexicon): number {
  const { text, tokens } = p;
  for (let k = from + 1; k < tokens.length && k - from <= DESCRIPTION_WORDS && tokens[k]!.start < segEnd; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (p.ends.some((e) => e > tokens[k - 1]!.end && e <= tokens[k]!.start) || /["«»“”:：]/.test(gap)) return -1;
    if (/[،,]/.test(gap) && lex.complementizers.has(tokens[k]!.folded)) return k;
  }
  return -1;
}

/** Words in one apposition after a speaker, within a sentence. */
const APPOSITION_WORDS = 14;

/**
 * Where an apposition that starts at token `from` (after a comma) ends: the index of the token after its
 * closing comma or colon, when that token opens the statement (a complementizer, a filler such as «قولها»,
 * or a colon before it); -1 otherwise (the words are what was said, or the sentence goes on).
 */
function appositionEnd(p: Paragraph, from: number, segEnd: number, lex: Lexicon): number {
  const { text, tokens } = p;
  for (let k = from + 1; k < tokens.length && k - from <= APPOSITION_WORDS && tokens[k]!.start < segEnd; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (p.ends.some((e) => e > tokens[k - 1]!.end && e <= tokens[k]!.start) || /["«»“”]/.test(gap)) return -1;
    if (/[:：]/.test(gap)) return k;
    // «وأعربت كيم يو جونغ، شقيقة الزعيم …، عن شكر …»: a preposition that opens the words closes it too.
    if (/[،,]/.test(gap)) return lex.complementizers.has(tokens[k]!.folded) || lex.fillers.has(tokens[k]!.folded) || lex.contentPrepositions.has(tokens[k]!.folded) ? k : -1;
  }
  return -1;
}

/**
 * What was said, from where the walk stopped: after a colon (a quotation or the rest of the
 * statement), a quotation that is the statement, or else reported speech to the sentence's end.
 */
function statementOf(p: Paragraph, after: AfterVerb, segEnd: number, lex: Lexicon): { text: string; kind: Claim['kind']; afterComplementizer?: boolean } {
  const { text } = p;
  const { subjectEnd, stop } = after;
  const sentenceEndAfter = (offset: number) => Math.min(p.ends.find((e) => e > offset) ?? text.length, segEnd);
  const sentenceEnd = sentenceEndAfter(subjectEnd);
  const colon = text.slice(subjectEnd, sentenceEnd).search(/[:：]/);
  const colonAt = subjectEnd + colon;

  // A quotation is the statement only when nothing but «على/إلى/عن» and «أن/إن» stands between
  // where the statement starts and the opening mark; "قال إن الرئيس "مستعد …"" is reported speech.
  const statementStart = stop.kind === 'quote' || stop.kind === 'end' ? subjectEnd : stop.at;
  const leadsToQuote = (q: QuoteSpan) =>
    q.open >= statementStart &&
    tokenize(text.slice(statementStart, q.open)).every((t) => lex.contentPrepositions.has(t.folded) || lex.complementizers.has(t.folded));
  // («أكدت الصين أنها "ليست على علم" بتفاصيل …»: words run on after the closing mark, so the quotation is a
  // fragment inside reported speech, not the whole statement.)
  const endsClause = (q: QuoteSpan) => /^\s*(?:[.،,؛;:!?؟…)]|$)/u.test(text.slice(q.close + 1, sentenceEnd));
  const quote = p.speechQuotes.find(
    (q) => q.open >= subjectEnd && q.open < sentenceEnd && q.close <= segEnd && (stop.kind === 'quote' || stop.kind === 'colon' || (leadsToQuote(q) && endsClause(q))),
  );
  // A colon followed by a quotation mark opens the quotation even when an unbalanced mark
  // before it paired with that one (`مادة "تقديم … الهجوم: "إن كل …"`).
  const colonOpensQuote = colon !== -1 && /^\s*["«“„]/.test(text.slice(colonAt + 1));
  // (A colon after the «إن/أن» that opened what was said belongs to what follows: «… إن موسكو …، ويضيف: «…»».)
  const colonOpensStatement = colon !== -1 && !(stop.kind === 'complementizer' && colonAt > stop.at);
  if (colonOpensStatement && (!quote || quote.open > colonAt || (colonOpensQuote && quote.close > colonAt))) {
    const rest = text.slice(colonAt + 1, segEnd);
    const lead = rest.search(/\S/);
    const opener = lead === -1 ? '' : rest[lead]!;
    if (OPENING_QUOTES.test(opener)) {
      const close = rest.indexOf(QUOTE_PAIRS[opener] ?? opener, lead + 1);
      return { text: rest.slice(lead + 1, close === -1 ? undefined : close), kind: 'direct' };
    }
    return { text: rest, kind: 'direct' };
  }
  if (quote) return { text: quote.content, kind: 'direct' };
  let start = stop.kind === 'end' ? subjectEnd : stop.at;
  // "أشار إلى أن …", "شدد على أن …": what was said starts after the complementizer.
  const lead = tokenize(text.slice(start, sentenceEndAfter(start))).slice(0, 2);
  if (stop.kind === 'content' && lead.length === 2 && lex.contentPrepositions.has(lead[0]!.folded) && lex.complementizers.has(lead[1]!.folded)) {
    start += lead[1]!.end;
    return { text: text.slice(start, sentenceEndAfter(start)), kind: 'reported', afterComplementizer: true };
  }
  return { text: text.slice(start, sentenceEndAfter(start)), kind: 'reported' };
}

/** The particle a denial's clause opened with, as written ("أن", "بأن"); «أن» for a later clause ("وأن B"). */
function negatedParticle(p: Paragraph, after: AfterVerb, clause: number): string {
  if (clause > 0 || after.stop.kind !== 'complementizer') return 'أن';
  return p.tokens.find((t) => t.end === after.stop.at)?.text ?? 'أن';
}

/**
 * A past-tense speech verb's gender, read off the rules' own pairs: "قالت" is feminine (قال is listed),
 * "قال" masculine (قالت is listed); null when the list has no pair for it ("نفت" beside "نفى").
 */
function verbGender(verb: Token, lex: Lexicon): 'female' | 'male' | null {
  const f = verb.folded;
  const base = /^[وف]/.test(f) && !lex.triggerWords.has(f) && lex.triggerWords.has(f.slice(1)) ? f.slice(1) : f;
  if (base.endsWith('ت') && lex.triggerWords.has(base.slice(0, -1))) return 'female';
  if (lex.triggerWords.has(`${base}ت`)) return 'male';
  return null;
}

/** The verb without a leading و/ف: "ورفض" → "رفض". */
function verbAsWritten(verb: Token, lex: Lexicon): string {
  const prefixed = /^[وف]/.test(verb.folded) && !lex.triggerWords.has(verb.folded) && lex.triggerWords.has(verb.folded.slice(1));
  return prefixed ? verb.text.slice(1) : verb.text;
}

/** The folded words `phrase` stand right before token i (its first word may carry a و). */
function endsAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  if (phrase.length > i) return false;
  return phrase.every((w, k) => {
    const f = tokens[i - phrase.length + k]!.folded;
    return f === w || (k === 0 && f === `و${w}`);
  });
}

/** Speech verbs, participles and relay verbs outside quotations; a verb form after a preposition is a noun. */
function findTriggers(p: Paragraph, lex: Lexicon): Trigger[] {
  const { tokens } = p;
  const triggers: Trigger[] = [];
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const kind = lex.triggers.get(tok.folded);
    if (!kind) continue;
    while (q < p.speechQuotes.length && p.speechQuotes[q]!.close < tok.start) q++;
    const quote = p.speechQuotes[q];
    if (quote && tok.start > quote.open && tok.start < quote.close) continue;
    // (A speech noun is a noun: «من إعلان X أن» is where it stands.)
    if (kind !== 'noun' && i > 0 && lex.nounAfter.has(tokens[i - 1]!.folded) && /^\s+$/.test(p.text.slice(tokens[i - 1]!.end, tok.start))) continue;
    // A relay verb relays only with «عن» a few words on, before any punctuation ("نقلت السفن الجنود" moves them).
    if (kind === 'relay' && !relaysFrom(p, i, lex)) continue;
    // A speech noun is one only with a name and «أن» after it in the clause: «تأكيد التقارير» inside
    // a statement must not end it.
    if (kind === 'noun' && !nounSpeaks(p, i, lex)) continue;
    // «في تصريحات أدلى بها للصحفيين»: a verb with a pronoun pointing back to a noun is in a relative clause.
    if (kind === 'verb' && /^(?:بها|به|بهما|بهم)$/.test(tokens[i + 1]?.folded ?? '')) continue;
    // «…، حسبما أفادت وكالة X»: the verb names the story's source; what follows is no statement.
    if (kind === 'verb' && lex.sourceOpeners.some((o) => endsAt(tokens, i, o))) continue;
    // A verb of a view speaks only opening its sentence, or with ف after a comma (answering «أما X،»).
    if (lex.viewVerbs.get(tok.folded) && i > 0 && !p.ends.some((e) => e > tokens[i - 1]!.end - 1 && e <= tok.start)) {
      const answers = tok.folded.startsWith('ف') && /[،,]\s*$/.test(p.text.slice(tokens[i - 1]!.end, tok.start));
      if (!answers) continue;
    }
    // «مضيفه» (his host) folds as «مضيفة» (adding): a participle is never written with a final ه.
    if (kind === 'participle' && /ه$/.test(tok.text.replace(/[\u064B-\u065F\u0640]/g, ''))) continue;
    triggers.push({ index: i, kind });
  }
  return triggers;
}

/** A known name, then a complementizer, within a few words after token i and before any punctuation. */
function nounSpeaks(p: Paragraph, i: number, lex: Lexicon): boolean {
  const { text, tokens } = p;
  let named = false;
  for (let k = i + 1; k < tokens.length && k <= i + 14; k++) {
    if (/[.,،:؛;«»"“”]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return false;
    if (p.mentionAt.has(k)) named = true;
    else if (lex.complementizers.has(tokens[k]!.folded)) return named;
  }
  return false;
}

function relaysFrom(p: Paragraph, i: number, lex: Lexicon): boolean {
  const { text, tokens } = p;
  const gapBefore = (k: number) => text.slice(tokens[k - 1]!.end, tokens[k]!.start);
  let extra = 0;
  let closing = -1;
  for (let k = i + 1; k < tokens.length && k <= i + 7 + extra; k++) {
    if (k !== closing && /[.,،:؛;]/.test(gapBefore(k))) {
      // «نقلت وكالة X، السبت، عن Y»: a day set off by commas is no end of the relay.
      const wd = p.weekdays.get(k);
      const rel = wd ? undefined : lex.relativeDays.find((r) => phraseAt(tokens, k, r.tokens, NAME_PREFIXES));
      const last = wd ? wd.last : rel ? k + rel.tokens.length - 1 : -1;
      if (last === -1 || last + 1 >= tokens.length || !/^\s*[,،]\s*$/.test(gapBefore(k)) || !/^\s*[,،]\s*$/.test(gapBefore(last + 1))) return false;
      extra += last - k + 1;
      closing = last + 1;
      k = last;
      continue;
    }
    if (tokens[k]!.folded === 'عن') return true;
    if (RELAY_PRONOUNS.has(tokens[k]!.folded) && /^قول(?:ه|ها)$/.test(tokens[k + 1]?.folded ?? '')) return true;
  }
  return false;
}

/** «عنه», «عنها»: a relay from the person named before («ونقلت الوزارة عنه قوله إن …»). */
const RELAY_PRONOUNS = new Set(['عنه', 'عنها']);

/**
 * A subject named before its verb: "وكان الرئيس … بوتين قد قال", "سيرغي لافروف، الذي قال إن …". Only
 * fillers (قد) and a relative pronoun (after a comma) may stand between them.
 */
function subjectBefore(p: Paragraph, trigger: Trigger, ctx: ClaimContext, lex: Lexicon): { id: string | null; marked: boolean } {
  const { text, tokens } = p;
  const verb = tokens[trigger.index]!;
  let k = trigger.index - 1;
  let relative = false;
  let marked = false;
  while (k >= 0 && trigger.index - k <= 3) {
    const t = tokens[k]!;
    if (lex.fillers.has(t.folded)) marked = true;
    else if (lex.relatives.has(t.folded)) relative = true;
    // «غير أن المتحدث باسمه دميتري بيسكوف كان قد قال»: the auxiliary after the subject.
    else if (lex.auxiliaries.has(t.folded) && marked && p.mentions.some((x) => x.last === k - 1)) marked = true;
    else break;
    k--;
  }
  const between = k >= 0 ? text.slice(tokens[k]!.end, verb.start) : '';
  // «وكان جهاز الاستخبارات الوطني الكوري الجنوبي قد أفاد»: a body's name, then its nationality.
  let m = k >= 0 ? p.mentions.find((x) => x.last === k) : undefined;
  for (let n = k; !m && n > 0 && NISBA.test(tokens[n]!.folded) && /^\s+$/.test(text.slice(tokens[n - 1]!.end, tokens[n]!.start)); n--) {
    m = p.mentions.find((x) => x.last === n - 1 && ctx.matcher.byId.get(x.actorId)!.kind === 'organisation');
  }
  const setOff = (x: Mention) => x.first > 0 && /^\s*[،,]\s*$/.test(text.slice(tokens[x.first - 1]!.end, tokens[x.first]!.start));
  // «وكان وزير الخارجية الأمريكي، أنتوني بلينكن، قد أعلن»: a name set off by commas, its closing comma before «قد».
  const clean = relative ? /^[^.:؛;"«»]*$/.test(between) : /^[^،,.:؛;"«»]*$/.test(between) || (marked && !!m && setOff(m) && /^\s*[،,][^،,.:؛;"«»]*$/.test(between));
  // A place speaks only as a marked subject ("وكانت الولايات المتحدة قد حذرت").
  if (m && clean && (marked || ctx.matcher.byId.get(m.actorId)!.kind !== 'place') && !/[لبك]/.test(m.prefix)) return { id: m.actorId, marked: marked || relative };
  // «مقالاً لبوتين كتب فيه أن …», «رسالة لكيم قال فيها إن …»: the writing's author, right before the verb,
  // wrote or said what is in it.
  const inIt = tokens[trigger.index + 1]?.folded;
  if (m && /^\s+$/.test(between) && m.prefix === 'ل' && (inIt === 'فيه' || inIt === 'فيها') && ctx.matcher.byId.get(m.actorId)!.kind === 'person') {
    return { id: m.actorId, marked: true };
  }
  // "وكانت وزارة … قد ذكرت": a subject before «قد» that is no known name. "وكان قد قال": none.
  const unknown = (marked || relative) && k >= 0 && !lex.auxiliaries.has(tokens[k]!.folded) && !/[.:؛;"«»]/.test(between);
  return { id: null, marked: unknown };
}

/**
 * The subject of the sentence a verb stands in, when that verb has none of its own
 * ("وكان لافروف قد أجرى محادثات مع …، قال بعدها إن …"): a person named within the first three words
 * of the sentence (or, when it names none there, of a later clause), not governed by a preposition; with
 * `anyKind` (a body or place too, for «بالقول»), the one nearest the verb.
 */
function sentenceSubject(p: Paragraph, trigger: Trigger, ctx: ClaimContext, anyKind = false): string | null {
  const { text, tokens } = p;
  const verb = tokens[trigger.index]!;
  const sentenceStart = [...p.ends].reverse().find((e) => e <= verb.start) ?? 0;
  const first = tokens.findIndex((t) => t.start >= sentenceStart);
  if (first === -1 || first >= trigger.index) return null;
  // The sentence and each of its clauses after a comma ("وفي السياق، ترأس الرئيس … يون سوك يول …، وصف
  // خلاله …"): the last person named in subject position before the verb.
  const starts = [first];
  for (let k = first + 1; k < trigger.index; k++) if (/[،,]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) starts.push(k);
  let found: string | null = null;
  for (const start of starts) {
    const m = p.mentions.find((x) => x.first >= start && x.first <= start + 3 && x.last < trigger.index && !/[لبك]/.test(x.prefix));
    // A person, or a body («ونشر الكرملين نص البرقية، وأوضح أن …»); a place only when asked (anyKind).
    if (m && (anyKind || ctx.matcher.byId.get(m.actorId)!.kind !== 'place')) {
      found = m.actorId;
      // A verb with no subject goes with the sentence's first subject: a name opening a later clause
      // is as often the object of that clause's verb («…، حيث التقى كيم …، وأكد أن» is the visitor's).
      // «بالقول» goes with the verb right before it: the nearest.
      if (!anyKind) break;
    }
  }
  return found;
}

/** The sentence holds nothing before the trigger but one word: its verb ("واكتفى بالقول"). */
function onlyVerbBefore(p: Paragraph, trigger: Trigger): boolean {
  const at = p.tokens[trigger.index]!.start;
  const sentenceStart = [...p.ends].reverse().find((e) => e <= at) ?? 0;
  return trigger.index > 0 && p.tokens[trigger.index - 1]!.start >= sentenceStart && (trigger.index === 1 || p.tokens[trigger.index - 2]!.end <= sentenceStart);
}

/**
 * Words that start inside a quotation whose opening mark stood before them (the «» of «… هاياشي «قلقا
 * بالغا» إزاء …» left with the subject): the mark put back where the words start, after the verb the claim
 * begins with when it has one («أبدى «قلقا بالغا» إزاء …»).
 */
function balancedQuotes(words: string, verbLength: number): string {
  const close = words.indexOf('»');
  const open = words.indexOf('«');
  if (close < 0 || (open >= 0 && open < close)) return words;
  return `${words.slice(0, verbLength)}«${words.slice(verbLength)}`;
}

/**
 * What was said, cut where the writer's own words start: after a comma, or a tail that needs none (a closing
 * quotation mark before the tail is kept: «جرت "في أجواء ودية" من دون أن يكشف») */
function cutTail(text: string, lex: Lexicon): string {
  const tokens = tokenize(text);
  for (let k = 1; k < tokens.length; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (lex.bareTails.some((t) => phraseAt(tokens, k, t, ['']))) return text.slice(0, tokens[k]!.start).replace(/[\s،,]+$/u, '');
    if (!/[،,]/.test(gap)) continue;
    if (lex.tails.some((t) => phraseAt(tokens, k, t, ['']))) return text.slice(0, tokens[k]!.start).replace(/[\s،,]+$/u, '');
  }
  return text;
}

/** Reported speech in clauses: "أن A، وأن B" is two statements of the same speaker. */
function splitClauses(text: string, lex: Lexicon): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  let from = 0;
  for (let k = 1; k < tokens.length; k++) {
    if (!lex.clauseOpeners.has(tokens[k]!.folded)) continue;
    out.push(text.slice(from, tokens[k]!.start));
    from = tokens[k]!.end;
  }
  out.push(text.slice(from));
  return out;
}

/** "واصفا ذلك بأنه «…»": what was said starts after the complementizer that follows the object. */
function afterObject(p: Paragraph, from: number, segEnd: number, lex: Lexicon): { text: string; kind: Claim['kind'] } | null {
  const { text, tokens } = p;
  const end = Math.min(p.ends.find((e) => e > from) ?? text.length, segEnd);
  const k = tokens.findIndex((t) => t.start >= from && t.end <= end && lex.complementizers.has(t.folded));
  if (k === -1 || k - tokens.findIndex((t) => t.start >= from) > 8) return null;
  const start = tokens[k]!.end;
  const quote = p.speechQuotes.find((q) => q.open >= start && /^\s*$/.test(text.slice(start, q.open)) && q.close <= end);
  if (quote) return { text: quote.content, kind: 'direct' };
  const words = quoteSpans(text.slice(start, end), () => false)[0];
  if (words && /^\s*$/.test(text.slice(start, start + words.open))) return { text: words.content, kind: 'direct' };
  return { text: text.slice(start, end), kind: 'reported' };
}

/** A verb whose subject opens a reported clause: "بأن كيم أعرب …" is part of what the outer verb says. */
function embedded(p: Paragraph, trigger: Trigger, lex: Lexicon): boolean {
  const m = p.mentions.find((x) => x.last === trigger.index - 1);
  if (!m || m.first === 0) return false;
  const { text, tokens } = p;
  if (!/^\s+$/.test(text.slice(m.end, tokens[trigger.index]!.start))) return false;
  // «أن الرئيس بوتين أكد …»: up to three words of a title between the complementizer and the name.
  let k = m.first - 1;
  for (let steps = 0; k > 0 && steps < 3 && !lex.complementizers.has(tokens[k]!.folded); steps++, k--) {
    const f = tokens[k]!.folded;
    if (!(f.startsWith('ال') || lex.roleHeads.has(f)) || !/^\s+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return false;
  }
  return lex.complementizers.has(tokens[k]!.folded) && /^\s+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
}

/** Claims in one paragraph; `state.last` carries the last named speaker across paragraphs. */
function paragraphClaims(p: Paragraph, ctx: ClaimContext, state: State): Claim[] {
  const lex = lexiconFor(ctx.rules, ctx.dates);
  const { text, tokens } = p;
  const triggers = findTriggers(p, lex);

  const claims: { at: number; claim: Claim }[] = attributions(p, lex);
  triggers.forEach((trigger, n) => {
    // «أوضح بيسكوف أن الزعيم جدّد دعوته …، مؤكداً أن …»: a verb inside the statement that says nothing of its
    // own leaves the last speaker as it was (the participle after it is still Peskov's).
    const lastBefore = state.last;
    const claimsBefore = claims.length;
    const inStatement = trigger.kind === 'verb' && embedded(p, trigger, lex);
    try {
      triggerClaims(trigger, n);
    } finally {
      if (inStatement && claims.length === claimsBefore) state.last = lastBefore;
    }
  });
  function triggerClaims(trigger: Trigger, n: number): void {
    const verb = tokens[trigger.index]!;
    // A statement runs at most to the next speech verb, not one inside it ("أفادت الوكالة بأن كيم أعرب عن …").
    let next = n + 1;
    while (next < triggers.length && embedded(p, triggers[next]!, lex)) next++;
    const segEnd = next < triggers.length ? tokens[triggers[next]!.index]!.start : text.length;
    // A participle («مؤكداً أن») says what its main clause's subject says: the speaker of a speech verb
    // before it in the sentence, else the person the sentence opens with («وكان زيلينسكي قد دعا …،
    // معتبراً أن»), else the last speaker.
    const sentenceStart = [...p.ends].reverse().find((e) => e <= verb.start) ?? 0;
    const spokeBefore = triggers.slice(0, n).some((t) => tokens[t.index]!.start >= sentenceStart);
    const mainSubject = trigger.kind !== 'participle' ? null : spokeBefore ? state.last : (sentenceSubject(p, trigger, ctx) ?? state.last);
    const after = walkAfterVerb(p, trigger, segEnd, mainSubject, ctx, lex);
    // «أن كيم جدد دعمه لسياسة روسيا في …»: a verb inside a statement has its subject before it; a name
    // after it is its object's («روسيا» of «سياسة روسيا»), never its speaker.
    if (trigger.kind === 'verb' && after.speaker !== null && embedded(p, trigger, lex)) {
      const subject = p.mentions.find((x) => x.last === trigger.index - 1)!;
      if (after.speaker !== subject.actorId) return;
    }
    // «وكان الوزير بلينكن قد حث الصين على …»: with its subject before it and «قد» between, a name after
    // the verb is its object, and the subject speaks.
    if (trigger.kind === 'verb' && after.speaker !== null) {
      const before = subjectBefore(p, trigger, ctx, lex);
      if (before.id && before.marked && before.id !== after.speaker) after.speaker = before.id;
    }
    if (trigger.kind === 'noun') {
      // «إعلان X أن …»: only with its speaker named after it and «أن» after the speaker.
      if (after.speaker === null || after.stop.kind !== 'complementizer') return;
    } else if (trigger.kind === 'relay') {
      // «عنه قوله»: the person who spoke last, relayed by the body before it.
      if (after.speaker === null && after.fromPronoun && state.last && ctx.matcher.byId.get(state.last)?.kind === 'person') after.speaker = state.last;
      if (after.speaker === null || after.stop.kind === 'content' || after.stop.kind === 'end') return;
    } else if (trigger.kind === 'saying') {
      // "واكتفى بيسكوف بالقول إن …", "ورد بوتين على سؤال … بالقول: …": the subject of the verb before it;
      // "واكتفى بالقول" (the verb alone) continues the last speaker; any other subject is someone else.
      after.speaker = sentenceSubject(p, trigger, ctx, true) ?? (onlyVerbBefore(p, trigger) ? state.last : null);
      if (!after.speaker) state.last = null;
    } else if (trigger.kind === 'verb' && after.speaker === null) {
      if (after.anonymous) {
        state.last = null;
        return;
      }
      if (after.document && after.unknownWords === 0) {
        // "وأكد البيان أن …": the statement of the body that spoke last.
        const last = state.last ? ctx.matcher.byId.get(state.last) : undefined;
        if (last?.kind !== 'organisation') return;
        after.speaker = last.id;
      }
      // "وذكرت الوزارة أن …": a body named earlier, referred back to by the first word of its name.
      const back = after.unknownWords >= 1 && after.unknownWords <= 3 ? anaphor(p, trigger.index + 1, ctx, state, after.unknownWords) : null;
      if (back) {
        after.speaker = back;
        after.subjectEnd = Math.max(after.subjectEnd, tokens[trigger.index + after.unknownWords]!.end);
        after.unknownWords = 0;
      }
      // Subject before the verb ("يُذكر أن المتحدث باسم الكرملين أعلن …"); with «قد» or a relative
      // pronoun between them, the words after the verb are circumstances ("قد قال عند توقيع المعاهدة إن").
      const before = subjectBefore(p, trigger, ctx, lex);
      if (!back && before.id && before.marked) after.unknownWords = 0;
      if (after.unknownWords > 0) {
        state.last = null; // "وقالت وزارة …": someone we do not know speaks
        return;
      }
      if (!back && !before.id && before.marked) {
        state.last = null; // "وكانت وزارة … قد ذكرت": a subject we do not know
        return;
      }
      // «وأشار الرئيس إلى أن …، لكنه أوضح أن …»: a verb with no subject after a statement in the same
      // sentence goes on with that statement's speaker.
      after.speaker = back ?? before.id ?? (spokeBefore ? state.last : (sentenceSubject(p, trigger, ctx) ?? state.last));
    }
    if (!after.speaker) return;
    if (lex.viewVerbs.get(verb.folded) && after.stop.kind !== 'complementizer' && !(after.stop.kind === 'content' && prepositionThenComplementizer(p, after.stop.at, lex))) return;
    state.last = after.speaker;


    let statement: { text: string; kind: Claim['kind']; afterComplementizer?: boolean } | null = null;
    if (after.stop.kind === 'content' && lex.objectVerbs.has(verb.folded)) {
      const o = afterObject(p, after.stop.at, segEnd, lex);
      if (o) statement = { ...o, afterComplementizer: true };
    }
    // «…»، قال بلينكن، مضيفاً …: a quotation right before a verb of saying, only a comma between, and a
    // subject after the verb but no statement of its own: the quotation is what was said.
    if (!statement && trigger.kind === 'verb' && lex.utterance.has(verb.folded) && after.subjectEnd > verb.end && !['complementizer', 'colon', 'quote'].includes(after.stop.kind)) {
      const q = p.speechQuotes.find((x) => x.close < verb.start && /^\s*[،,]\s*$/.test(text.slice(x.close + 1, verb.start)));
      if (q) statement = { text: q.content, kind: 'direct' };
    }
    statement ??= statementOf(p, after, segEnd, lex);
    const body = statement.kind === 'reported' ? cutTail(statement.text, lex) : statement.text;
    const pieces = statement.kind === 'reported' ? splitClauses(body, lex) : [body];
    pieces.forEach((piece, k) => {
      let words = trimClaimText(piece, lex);
      // When what was said is the verb's object ("رفض … التعليق", "أعرب … عن أمله"), the verb carries
      // its sense: "رفض التعليق", not "التعليق". Only the subject between them is left out.
      // "وقال لافروف، الوضع معقد": after a verb of saying and a comma, the words are the statement itself.
      const utterance = lex.utterance.has(verb.folded) && /[،,]\s*$/u.test(text.slice(after.subjectEnd, after.stop.at));
      let verbLength = 0;
      if (k === 0 && statement!.kind === 'reported' && after.stop.kind === 'content' && !statement!.afterComplementizer && !utterance) {
        words = `${verbAsWritten(verb, lex)} ${words}`;
        verbLength = verbAsWritten(verb, lex).length + 1;
      }
      // "نفى أن تكون موسكو تلقت …": what was denied, never the speaker's assertion; the claim keeps
      // the verb and its particle, in every clause («نفى أن A، وأن B»).
      else if (statement!.kind === 'reported' && lex.negating.has(verb.folded) && (after.stop.kind === 'complementizer' || statement!.afterComplementizer)) {
        words = `${verbAsWritten(verb, lex)} ${negatedParticle(p, after, k)} ${words}`;
      }
      if (tokenize(words).length < 2 && !(statement!.kind === 'direct' && words.length > 2)) return;
      words = balancedQuotes(words, verbLength);
      const claim: Claim = { speaker: after.speaker!, text: words, kind: statement!.kind };
      if (after.when) claim.when = after.when;
      if (after.reportedBy) claim.reported_by = after.reportedBy;
      claims.push({ at: verb.start + k / 100, claim });
      // A quotation inside reported speech is the speaker's own words: a direct claim of its own (not inside
      // what a speaker denies, where it may be the words denied).
      if (statement!.kind !== 'reported' || lex.negating.has(verb.folded)) return;
      for (const q of quoteSpans(words, () => false)) {
        const inner = q.content.trim();
        if (tokenize(inner).length < 2 || inner.length >= words.length - 2) continue;
        const direct: Claim = { speaker: after.speaker!, text: inner, kind: 'direct' };
        if (after.when) direct.when = after.when;
        if (after.reportedBy) direct.reported_by = after.reportedBy;
        claims.push({ at: verb.start + k / 100 + 0.001, claim: direct });
      }
    });
  }
  for (const m of p.mentions) {
    const kind = ctx.matcher.byId.get(m.actorId)!.kind;
    if (kind === 'organisation') state.bodies.push(m.actorId);
    else if (kind === 'person') state.people.push(m.actorId);
  }
  return claims.sort((a, b) => a.at - b.at).map((c) => c.claim);
}

interface State {
  /** The last named speaker. */
  last: string | null;
  /** Bodies named in earlier paragraphs, in order. */
  bodies: string[];
  /** People named in earlier paragraphs, in order. */
  people: string[];
}

/**
 * "الوزارة", "الوكالة", "الجهاز": a definite noun that is the first word of a body's name refers to the
 * body of that kind named last (earlier in the paragraph, or in an earlier one). "المتحدث", "الوزير": one
 * that is the first word of a named person's role or title refers to that person, when only one person
 * named so far has such a role (two ministers named, «الوزير» is no one). The actor's id, or null.
 */
/**
 * "وقال مكتبه إن …": a noun with «ـه/ـها», the body of the person named last (in this paragraph or
 * before), when the data knows a body called the noun and one of that person's titles («مكتب» + «الرئيس
 * الكوري الجنوبي» = مكتب الرئيس الكوري الجنوبي). Only a name the data has: no body is made up.
 */
function officeOf(p: Paragraph, at: number, ctx: ClaimContext, state: State): string | null {
  const m = /^(\S{3,}?)(?:ه|ها)$/u.exec(p.tokens[at]!.folded);
  if (!m) return null;
  const people = [...state.people, ...p.mentions.filter((x) => x.last < at && ctx.matcher.byId.get(x.actorId)!.kind === 'person').map((x) => x.actorId)];
  for (let k = people.length - 1; k >= 0; k--) {
    const person = ctx.matcher.byId.get(people[k]!)!;
    const named = new Set([person.role_ar ?? '', ...(person.titles ?? [])].filter(Boolean).map((t) => foldArabic(`${m[1]} ${t}`)));
    for (const actor of ctx.matcher.byId.values()) {
      if (actor.kind === 'organisation' && [actor.name_ar, ...actor.variants].some((v) => named.has(foldArabic(v)))) return actor.id;
    }
    return null; // only the person named last
  }
  return null;
}

const firstWords = new WeakMap<Actor, Set<string>>();
/** The folded first words of a body's Arabic names (name_ar and variants), without «ال» («الاستخبارات …» → «استخبارات»). */
function firstWordsOf(actor: Actor): Set<string> {
  let words = firstWords.get(actor);
  if (!words) {
    words = new Set([actor.name_ar, ...(actor.variants ?? [])].map((n) => tokenize(n)[0]?.folded.replace(/^ال(?=..)/, '')).filter((w): w is string => !!w));
    firstWords.set(actor, words);
  }
  return words;
}

function anaphor(p: Paragraph, at: number, ctx: ClaimContext, state: State, words = 1): string | null {
  const tok = p.tokens[at];
  if (tok && words === 1) {
    const office = officeOf(p, at, ctx, state);
    if (office) return office;
  }
  if (!tok || !tok.folded.startsWith('ال') || tok.folded.length < 5) return null;
  const head = tok.folded.slice(2);
  // "الوزير الروسي": words after the noun, each with ال, that the person's role or title has too.
  const adjectives = p.tokens.slice(at + 1, at + words).map((t) => t.folded);
  if (adjectives.length !== words - 1 || adjectives.some((w) => !w.startsWith('ال'))) return null;
  const earlier = (kind: 'organisation' | 'person', before: string[]) => [
    ...before,
    ...p.mentions.filter((m) => m.last < at && ctx.matcher.byId.get(m.actorId)!.kind === kind).map((m) => m.actorId),
  ];
  const bodies = words === 1 ? earlier('organisation', state.bodies) : [];
  for (let k = bodies.length - 1; k >= 0; k--) {
    const actor = ctx.matcher.byId.get(bodies[k]!)!;
    // The first word of any of its names: «الوكالة» after «وكالة الاستخبارات الوطنية» (a variant of «جهاز …»).
    if (firstWordsOf(actor).has(head)) return actor.id;
  }
  // «وأضاف المسؤول الروسي أن …»: a generic noun for an official (claims.yaml `official_heads`) names the
  // person who spoke last, when that person is of the nationality its adjective gives (or it has none).
  const official = lexiconFor(ctx.rules, ctx.dates).officials.has(head);
  const hasAdjectives = (actor: Actor) => adjectives.every((w) => [actor.role_ar ?? '', ...(actor.titles ?? [])].some((r) => tokenize(r).some((t) => t.folded === w)));
  if (official && state.last) {
    const last = ctx.matcher.byId.get(state.last);
    if (last?.kind === 'person' && hasAdjectives(last)) return last.id;
  }
  // …and when a body spoke last («وذكرت الوكالة أن كيم …، وأوضح المسؤول الروسي أن»), the one person named
  // before whose role has its adjective.
  if (official && adjectives.length > 0) {
    const named = new Set(earlier('person', state.people).filter((id) => hasAdjectives(ctx.matcher.byId.get(id)!)));
    if (named.size === 1) return [...named][0]!;
  }
  const roleHead = (text: string) => tokenize(text)[0]?.folded.replace(/^ال/, '');
  const fits = new Set(
    earlier('person', state.people).filter((id) => {
      const actor = ctx.matcher.byId.get(id)!;
      return [actor.role_ar ?? '', ...(actor.titles ?? [])].some((r) => {
        if (!r || roleHead(r) !== head) return false;
        const roleWords = new Set(tokenize(r).map((t) => t.folded));
        return adjectives.every((w) => roleWords.has(w));
      });
    }),
  );
  return fits.size === 1 ? [...fits][0]! : null;
}

/**
 * "وبحسب البيان الصادر عن قصر الكرملين، فإن اللقاء …": a sentence that opens by naming its source
 * states what that source said, with no speech verb. The statement is reported speech.
 */
function attributions(p: Paragraph, lex: Lexicon): { at: number; claim: Claim }[] {
  const { text, tokens, mentions } = p;
  const out: { at: number; claim: Claim }[] = [];
  for (const start of [0, ...p.ends]) {
    const first = tokens.findIndex((t) => t.start >= start);
    if (first === -1 || !lex.relay.has(tokens[first]!.folded)) continue;
    const sentenceEnd = p.ends.find((e) => e > tokens[first]!.start) ?? text.length;
    // The source is named before the first comma, within a few words.
    const comma = text.slice(tokens[first]!.end, sentenceEnd).search(/[،,]/);
    if (comma === -1) continue;
    const commaAt = tokens[first]!.end + comma;
    const source = mentions.find((m) => m.first > first && m.first <= first + 6 && m.end <= commaAt);
    if (!source) continue;
    let from = commaAt + 1;
    const after = tokens.find((t) => t.start > commaAt);
    if (after && lex.complementizers.has(after.folded)) from = after.end;
    const words = trimClaimText(text.slice(from, sentenceEnd), lex);
    if (tokenize(words).length < 2) continue;
    out.push({ at: tokens[first]!.start, claim: { speaker: source.actorId, text: words, kind: 'reported' } });
  }
  return out;
}

/**
 * "كيم: المعاهدة ذات طابع سلمي", "لافروف في بيونغ يانغ: …": a headline that opens with a person or body
 * and a colon quotes them. Between the name and the colon only a circumstance ("في بيونغ يانغ") or the
 * one spoken to ("لشويغو") may stand; a verb there ("روته يؤكد …: …") or a place as the name makes no claim.
 * The quotation runs to the end or to a "..", which joins a second headline.
 */
function headlineClaim(headline: string, ctx: ClaimContext): Claim | null {
  const lex = lexiconFor(ctx.rules, ctx.dates);
  const colon = headline.search(/[:：]/);
  if (colon === -1) return null;
  const p = prepare(headline.slice(0, colon), ctx);
  const m = p.mentions[0];
  if (!m || m.first !== 0 || m.prefix !== '' || ctx.matcher.byId.get(m.actorId)!.kind === 'place') return null;
  const between = p.tokens.slice(m.last + 1);
  if (between.length > 4) return null;
  if (between.length > 0) {
    const addressee = p.mentions.find((x) => x.first === m.last + 1 && /ل/.test(x.prefix) && x.last === p.tokens.length - 1);
    if (!addressee && !lex.circumstance.has(between[0]!.folded)) return null;
    if (between.some((t) => lex.triggers.has(t.folded))) return null;
  }
  let words = headline.slice(colon + 1).split(/\.\.|…/)[0]!.trim();
  words = words.replace(/^["«“„](.*)["»”]$/u, '$1');
  words = trimClaimText(words, lex);
  if (tokenize(words).length < 2) return null;
  return { speaker: m.actorId, text: words, kind: 'direct' };
}

export function findClaims(paragraphs: string[], ctx: ClaimContext): Claim[] {
  const state: State = { last: null, bodies: [], people: [] };
  const all: Claim[] = [];
  const fromHeadline = ctx.headline ? headlineClaim(ctx.headline, ctx) : null;
  if (fromHeadline) all.push(fromHeadline);
  let previous: Claim[] = [];
  for (const text of paragraphs) {
    const p = prepare(text, ctx);
    const found = paragraphClaims(p, ctx, state);
    const lastBefore = previous[previous.length - 1];
    if (found.length === 0 && lastBefore && !lastBefore.when) {
      const when = contextTime(p, ctx);
      if (when) lastBefore.when = when;
    }
    all.push(...found);
    previous = found;
  }
  return all;
}

export type { ClaimContext };

const stopWords = new WeakMap<ClaimRules, readonly string[]>();

/** Words of the claim rules that are never part of a person's name (verbs, participles, particles, fillers); made once per rule set. */
export function claimStopWords(rules: ClaimRules): readonly string[] {
  let words = stopWords.get(rules);
  if (!words) stopWords.set(rules, (words = claimStopWordsOf(rules)));
  return words;
}

function claimStopWordsOf(rules: ClaimRules): string[] {
  return [...rules.speech_verbs, ...(rules.view_verbs ?? []), ...rules.continuation_participles, ...rules.complementizers, ...rules.fillers, ...rules.circumstance_words, ...rules.content_prepositions, ...rules.relay_markers, ...rules.relay_verbs, ...rules.saying_nouns, ...rules.relatives];
}
