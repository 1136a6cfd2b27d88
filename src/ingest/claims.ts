/**
 * Stage: claims. Every statement with a known speaker: a speech verb (content/rules/claims.yaml)
 * and its subject, resolved to an actor by name or title; a verb without a subject of its own
 * («وأضاف», «وأكد أن») and a participle («مشددا على») continue the last named speaker.
 * Direct: the quoted words, or what follows "قال X:". Reported: indirect speech, from after the
 * subject (and «أن»/«إن») to the end of the sentence.
 */
import { foldArabic } from '../text/normalize.ts';
import type { Claim } from '../lib/entry-schema.ts';
import type { ClaimRules, DateRules } from './data.ts';
import { resolveDayWords, weekdayMentions, type WeekdayMention } from './date.ts';
import type { ActorMatcher, Mention } from './actors.ts';
import { NAME_PREFIXES, VERB_PREFIXES, phraseAt, phraseTokens, sentenceEnds, tokenMatches, tokenize, type Token } from '../text/tokens.ts';

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
export function quoteSpans(text: string, isName: (content: string) => boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const closer = QUOTE_PAIRS[text[i]!];
    if (!closer) continue;
    const close = text.indexOf(closer, i + 1);
    if (close === -1) continue;
    const content = text.slice(i + 1, close);
    spans.push({ open: i, close, content, isName: isName(content) });
    i = close;
  }
  return spans;
}

type Trigger = { index: number; kind: 'verb' | 'participle' };

interface ClaimContext {
  matcher: ActorMatcher;
  named: Set<string>;
  rules: ClaimRules;
  dates: DateRules;
  /** The day of writing, when known from the text (stated or inferred), for "الثلاثاء الماضي". */
  writtenOn: string | null;
}

interface Lexicon {
  verbs: string[];
  participles: string[];
  complementizers: string[];
  fillers: string[];
  circumstance: string[];
  contentPrepositions: string[];
  relay: string[];
  connectives: string[];
  relativeDays: { tokens: string[]; days: number }[];
  contextOpeners: string[][];
  vague: string[][];
}

const lexicons = new WeakMap<ClaimRules, Lexicon>();
function lexiconFor(rules: ClaimRules, dates: DateRules): Lexicon {
  const cached = lexicons.get(rules);
  if (cached) return cached;
  const f = (xs: string[]) => xs.map(foldArabic);
  const lex: Lexicon = {
    verbs: f(rules.speech_verbs),
    participles: f(rules.continuation_participles),
    complementizers: f(rules.complementizers),
    fillers: f(rules.fillers),
    circumstance: f(rules.circumstance_words),
    contentPrepositions: f(rules.content_prepositions),
    relay: f(rules.relay_markers),
    connectives: f(rules.connectives),
    relativeDays: Object.entries(dates.relative_days)
      .map(([w, days]) => ({ tokens: phraseTokens(w), days }))
      .sort((a, b) => b.tokens.length - a.tokens.length),
    vague: dates.vague_times.map(phraseTokens).sort((a, b) => b.length - a.length),
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
    if (last && words.length > 1 && lex.connectives.includes(foldArabic(last))) t = words.slice(0, -1).join(' ');
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
  const rel = lex.relativeDays.find((r) => phraseAt(tokens, j, r.tokens, NAME_PREFIXES));
  const vague = lex.vague.find((v) => phraseAt(tokens, j, v, NAME_PREFIXES));
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
function contextTime(text: string, ctx: ClaimContext): NonNullable<Claim['when']> | null {
  const lex = lexiconFor(ctx.rules, ctx.dates);
  const tokens = tokenize(text);
  if (!lex.contextOpeners.some((o) => phraseAt(tokens, 0, o, VERB_PREFIXES))) return null;
  const firstSentenceEnd = sentenceEnds(text)[0] ?? text.length;
  const weekdays = new Map<number, WeekdayMention>(weekdayMentions(tokens, ctx.dates).map((w) => [w.first, w]));
  for (let j = 0; j < tokens.length && tokens[j]!.start < firstSentenceEnd; j++) {
    const time = timePhraseAt(text, tokens, j, weekdays, lex, ctx.writtenOn);
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
  ends: number[];
}

function prepare(text: string, ctx: ClaimContext): Paragraph {
  const tokens = tokenize(text);
  const mentions = ctx.matcher.mentions(tokens, ctx.named);
  const isName = (content: string) => {
    const t = tokenize(content);
    const ms = ctx.matcher.mentions(t, ctx.named);
    return t.length > 0 && ms.length === 1 && ms[0]!.first === 0 && ms[0]!.last === t.length - 1;
  };
  return {
    text,
    tokens,
    mentions,
    mentionAt: new Map(mentions.map((m) => [m.first, m])),
    // A quotation of fewer than three words is a term, not speech.
    speechQuotes: quoteSpans(text, isName).filter((q) => !q.isName && tokenize(q.content).length >= 3),
    weekdays: new Map(weekdayMentions(tokens, ctx.dates).map((w) => [w.first, w])),
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
}

/**
 * Walk the words after a speech verb up to what is said: the subject and its appositions
 * ("المتحدث باسم الكرملين دميتري بيسكوف"), time words, circumstances ("في تصريح صحفي …") and relays
 * ("وفقا لوكالة تاس"). A participle has no subject of its own: `speaker` comes in preset.
 */
function walkAfterVerb(p: Paragraph, trigger: Trigger, segEnd: number, preset: string | null, ctx: ClaimContext, lex: Lexicon): AfterVerb {
  const { text, tokens } = p;
  const r: AfterVerb = { speaker: preset, subjectEnd: tokens[trigger.index]!.end, unknownWords: 0, stop: { kind: 'end', at: segEnd } };
  let mode: 'subject' | 'circumstance' | 'relay' = 'subject';
  for (let j = trigger.index + 1; j < tokens.length && tokens[j]!.start < segEnd; ) {
    const tok = tokens[j]!;
    const prevEnd = tokens[j - 1]!.end;
    const gap = text.slice(prevEnd, tok.start);
    if (/[:：]/.test(gap)) return { ...r, stop: { kind: 'colon', at: prevEnd + gap.search(/[:：]/) } };
    if (p.speechQuotes.some((q) => q.open >= prevEnd && q.open < tok.start)) return { ...r, stop: { kind: 'quote', at: tok.start } };
    if (p.ends.some((e) => e > prevEnd && e <= tok.start)) return { ...r, stop: { kind: 'end', at: tok.start } };
    if (mode !== 'subject' && COMMA_OR_DASH.test(gap)) mode = 'subject';

    // Time words: "اليوم /الجمعة/", "الثلاثاء الماضي", "أمس", "في وقت سابق".
    const time = timePhraseAt(text, tokens, j, p.weekdays, lex, ctx.writtenOn);
    if (time) {
      r.when ??= time.when;
      j = time.last + 1;
      continue;
    }

    const mention = p.mentionAt.get(j);
    if (mention) {
      const kind = ctx.matcher.byId.get(mention.actorId)!.kind;
      // "لبوتين", "ببوتين": someone spoken to or about, never the subject.
      const governed = /[لبك]/.test(mention.prefix);
      if (mode === 'relay' && kind === 'organisation') {
        r.reportedBy ??= mention.actorId;
      } else if (governed) {
        if (kind === 'organisation' && /ل/.test(mention.prefix)) r.reportedBy ??= mention.actorId; // "قال لوكالة تاس"
      } else if (mode === 'subject' && r.speaker === null && trigger.kind === 'verb' && r.unknownWords <= 5) {
        r.speaker = mention.actorId;
        r.subjectEnd = mention.end;
        r.unknownWords = 0;
      } else if (mode === 'subject' && mention.actorId === r.speaker) {
        r.subjectEnd = mention.end; // apposition: "المتحدث باسم الكرملين دميتري بيسكوف"
      } else if (mode === 'subject' && r.speaker !== null && trigger.kind === 'verb' && /^و/.test(mention.prefix) && /^\s+$/.test(gap)) {
        // "قالت كوريا الجنوبية والولايات المتحدة إن …": two subjects, no one speaker.
        return { ...r, speaker: null, unknownWords: r.unknownWords + 1, stop: { kind: 'content', at: tok.start } };
      } else if (mode === 'subject' && r.speaker !== null) {
        return { ...r, stop: { kind: 'content', at: tok.start } };
      }
      j = mention.last + 1;
      continue;
    }

    const w = tok.folded;
    if (lex.complementizers.includes(w)) return { ...r, stop: { kind: 'complementizer', at: tok.end } };
    if (mode !== 'relay' && lex.relay.some((x) => tokenMatches(w, x, VERB_PREFIXES))) {
      mode = 'relay';
    } else if (mode === 'subject' && lex.contentPrepositions.includes(w) && (r.speaker !== null || r.unknownWords === 0)) {
      return { ...r, stop: { kind: 'content', at: tok.start } };
    } else if (mode === 'subject' && lex.circumstance.some((c) => tokenMatches(w, c, ['', 'و']))) {
      mode = 'circumstance';
    } else if (mode === 'subject' && !lex.fillers.includes(w)) {
      if (r.speaker !== null) return { ...r, stop: { kind: 'content', at: tok.start } };
      r.unknownWords++;
    }
    j++;
  }
  return r;
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
    tokenize(text.slice(statementStart, q.open)).every((t) => lex.contentPrepositions.includes(t.folded) || lex.complementizers.includes(t.folded));
  const quote = p.speechQuotes.find(
    (q) => q.open >= subjectEnd && q.open < sentenceEnd && q.close <= segEnd && (stop.kind === 'quote' || stop.kind === 'colon' || leadsToQuote(q)),
  );
  // A colon followed by a quotation mark opens the quotation even when an unbalanced mark
  // before it paired with that one (`مادة "تقديم … الهجوم: "إن كل …"`).
  const colonOpensQuote = colon !== -1 && /^\s*["«“„]/.test(text.slice(colonAt + 1));
  if (colon !== -1 && (!quote || quote.open > colonAt || (colonOpensQuote && quote.close > colonAt))) {
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
  if (stop.kind === 'content' && lead.length === 2 && lex.contentPrepositions.includes(lead[0]!.folded) && lex.complementizers.includes(lead[1]!.folded)) {
    start += lead[1]!.end;
    return { text: text.slice(start, sentenceEndAfter(start)), kind: 'reported', afterComplementizer: true };
  }
  return { text: text.slice(start, sentenceEndAfter(start)), kind: 'reported' };
}

/** The verb without a leading و/ف: "ورفض" → "رفض". */
function verbAsWritten(verb: Token, lex: Lexicon): string {
  const bare = verb.folded.slice(1);
  const prefixed = /^[وف]/.test(verb.folded) && (lex.verbs.includes(bare) || lex.participles.includes(bare));
  return prefixed ? verb.text.slice(1) : verb.text;
}

/** Claims in one paragraph; `state.last` carries the last named speaker across paragraphs. */
function paragraphClaims(text: string, ctx: ClaimContext, state: State): Claim[] {
  const lex = lexiconFor(ctx.rules, ctx.dates);
  const p = prepare(text, ctx);
  const { tokens } = p;

  // Speech verbs and participles, outside quotations.
  const triggers: Trigger[] = [];
  tokens.forEach((tok, i) => {
    if (p.speechQuotes.some((q) => tok.start > q.open && tok.start < q.close)) return;
    if (lex.verbs.some((v) => tokenMatches(tok.folded, v, VERB_PREFIXES))) triggers.push({ index: i, kind: 'verb' });
    else if (lex.participles.some((x) => tokenMatches(tok.folded, x, VERB_PREFIXES))) triggers.push({ index: i, kind: 'participle' });
  });

  const claims: { at: number; claim: Claim }[] = attributions(text, tokens, p.mentions, lex);
  triggers.forEach((trigger, n) => {
    const verb = tokens[trigger.index]!;
    // A statement runs at most to the next speech verb.
    const segEnd = n + 1 < triggers.length ? tokens[triggers[n + 1]!.index]!.start : text.length;
    const after = walkAfterVerb(p, trigger, segEnd, trigger.kind === 'participle' ? state.last : null, ctx, lex);

    if (trigger.kind === 'verb' && after.speaker === null) {
      // "وذكرت الوزارة أن …": a body named earlier, referred back to by the first word of its name.
      const back = after.unknownWords === 1 ? anaphor(p, trigger.index + 1, ctx, state) : null;
      if (back) {
        after.speaker = back;
        after.unknownWords = 0;
        after.subjectEnd = Math.max(after.subjectEnd, tokens[trigger.index + 1]!.end);
      }
      if (after.unknownWords > 0) {
        state.last = null; // "وقالت وزارة …": someone we do not know speaks
        return;
      }
      // Subject before the verb ("يُذكر أن المتحدث باسم الكرملين أعلن …"), else the last speaker.
      // "وكان الرئيس … بوتين قد قال": fillers (قد) may stand between the subject and its verb.
      const onlyFillers = (from: number) => tokenize(text.slice(from, verb.start)).every((t) => lex.fillers.includes(t.folded));
      const before = p.mentions.find((m) => ctx.matcher.byId.get(m.actorId)!.kind !== 'place' && m.last < trigger.index && m.last >= trigger.index - 3 && /^[^،,.:؛;"«»]*$/.test(text.slice(m.end, verb.start)) && onlyFillers(m.end));
      after.speaker = back ?? before?.actorId ?? state.last;
    }
    if (!after.speaker) return;
    state.last = after.speaker;

    const statement = statementOf(p, after, segEnd, lex);
    let words = trimClaimText(statement.text, lex);
    // When what was said is the verb's object ("رفض … التعليق", "أعرب … عن أمله"), the verb carries
    // its sense: "رفض التعليق", not "التعليق". Only the subject between them is left out.
    if (statement.kind === 'reported' && after.stop.kind === 'content' && !statement.afterComplementizer) words = `${verbAsWritten(verb, lex)} ${words}`;
    if (tokenize(words).length < 2) return;
    const claim: Claim = { speaker: after.speaker, text: words, kind: statement.kind };
    if (after.when) claim.when = after.when;
    if (after.reportedBy) claim.reported_by = after.reportedBy;
    claims.push({ at: verb.start, claim });
  });
  for (const m of p.mentions) if (ctx.matcher.byId.get(m.actorId)!.kind === 'organisation') state.bodies.push(m.actorId);
  return claims.sort((a, b) => a.at - b.at).map((c) => c.claim);
}

interface State {
  /** The last named speaker. */
  last: string | null;
  /** Bodies named in earlier paragraphs, in order. */
  bodies: string[];
}

/**
 * "الوزارة", "الوكالة", "الجهاز": a definite noun that is the first word of a body's name refers to the
 * body of that kind named last (earlier in the paragraph, or in an earlier one). The body's id, or null.
 */
function anaphor(p: Paragraph, at: number, ctx: ClaimContext, state: State): string | null {
  const tok = p.tokens[at];
  if (!tok || !tok.folded.startsWith('ال') || tok.folded.length < 5) return null;
  const head = tok.folded.slice(2);
  const earlier = [...state.bodies, ...p.mentions.filter((m) => m.last < at && ctx.matcher.byId.get(m.actorId)!.kind === 'organisation').map((m) => m.actorId)];
  for (let k = earlier.length - 1; k >= 0; k--) {
    const actor = ctx.matcher.byId.get(earlier[k]!)!;
    const first = tokenize(actor.name_ar)[0]?.folded;
    if (first === head) return actor.id;
  }
  return null;
}

/**
 * "وبحسب البيان الصادر عن قصر الكرملين، فإن اللقاء …": a sentence that opens by naming its source
 * states what that source said, with no speech verb. The statement is reported speech.
 */
function attributions(text: string, tokens: readonly Token[], mentions: Mention[], lex: Lexicon): { at: number; claim: Claim }[] {
  const out: { at: number; claim: Claim }[] = [];
  const starts = [0, ...sentenceEnds(text)];
  for (const start of starts) {
    const first = tokens.findIndex((t) => t.start >= start);
    if (first === -1 || !lex.relay.some((r) => tokenMatches(tokens[first]!.folded, r, VERB_PREFIXES))) continue;
    const sentenceEnd = sentenceEnds(text).find((e) => e > tokens[first]!.start) ?? text.length;
    // The source is named before the first comma, within a few words.
    const comma = text.slice(tokens[first]!.end, sentenceEnd).search(/[،,]/);
    if (comma === -1) continue;
    const commaAt = tokens[first]!.end + comma;
    const source = mentions.find((m) => m.first > first && m.first <= first + 6 && m.end <= commaAt);
    if (!source) continue;
    let from = commaAt + 1;
    const after = tokens.find((t) => t.start > commaAt);
    if (after && lex.complementizers.includes(after.folded)) from = after.end;
    const words = trimClaimText(text.slice(from, sentenceEnd), lex);
    if (tokenize(words).length < 2) continue;
    out.push({ at: tokens[first]!.start, claim: { speaker: source.actorId, text: words, kind: 'reported' } });
  }
  return out;
}

export function findClaims(paragraphs: string[], ctx: ClaimContext): Claim[] {
  const state: State = { last: null, bodies: [] };
  const all: Claim[] = [];
  let previous: Claim[] = [];
  for (const p of paragraphs) {
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

/** Words of the claim rules that are never part of a person's name (verbs, participles, particles, fillers). */
export function claimStopWords(rules: ClaimRules): string[] {
  return [...rules.speech_verbs, ...rules.continuation_participles, ...rules.complementizers, ...rules.fillers, ...rules.circumstance_words, ...rules.content_prepositions, ...rules.relay_markers];
}
