/**
 * Stage: claims. Every statement with a known speaker: a speech verb (content/rules/claims.yaml)
 * and its subject, resolved to an actor by name or title; a verb without a subject of its own
 * («وأضاف», «وأكد أن») and a participle («مشددا على») continue the last named speaker.
 * Direct: the quoted words, or what follows "قال X:". Reported: indirect speech, from after the
 * subject (and «أن»/«إن») to the end of the sentence.
 */
import { foldArabic } from '../lib/arabic.ts';
import type { Claim } from '../lib/entry-schema.ts';
import type { ClaimRules, DateRules } from './data.ts';
import { resolveDayWords, weekdayMentions, type WeekdayMention } from './date.ts';
import type { ActorMatcher, Mention } from './actors.ts';
import { NAME_PREFIXES, VERB_PREFIXES, phraseAt, phraseTokens, sentenceEnds, tokenMatches, tokenize, type Token } from './text.ts';

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

/** Claims in one paragraph; `state.last` carries the last named speaker across paragraphs. */
function paragraphClaims(text: string, ctx: ClaimContext, state: { last: string | null }): Claim[] {
  const lex = lexiconFor(ctx.rules, ctx.dates);
  const tokens = tokenize(text);
  const mentions = ctx.matcher.mentions(tokens, ctx.named);
  const mentionAt = new Map<number, Mention>(mentions.map((m) => [m.first, m]));
  const isName = (content: string) => {
    const t = tokenize(content);
    const ms = ctx.matcher.mentions(t, ctx.named);
    return t.length > 0 && ms.length === 1 && ms[0]!.first === 0 && ms[0]!.last === t.length - 1;
  };
  const quotes = quoteSpans(text, isName);
  const speechQuotes = quotes.filter((q) => !q.isName && tokenize(q.content).length >= 3);
  const inSpeechQuote = (offset: number) => speechQuotes.some((q) => offset > q.open && offset < q.close);
  const weekdays = new Map<number, WeekdayMention>(weekdayMentions(tokens, ctx.dates).map((w) => [w.first, w]));
  const ends = sentenceEnds(text);
  const sentenceEndAfter = (offset: number, limit: number) => Math.min(ends.find((e) => e > offset) ?? text.length, limit);

  const triggers: Trigger[] = [];
  tokens.forEach((tok, i) => {
    if (inSpeechQuote(tok.start)) return;
    if (lex.verbs.some((v) => tokenMatches(tok.folded, v, VERB_PREFIXES))) triggers.push({ index: i, kind: 'verb' });
    else if (lex.participles.some((p) => tokenMatches(tok.folded, p, VERB_PREFIXES))) triggers.push({ index: i, kind: 'participle' });
  });

  const claims: { at: number; claim: Claim }[] = attributions(text, tokens, mentions, ctx, lex);
  triggers.forEach((trigger, n) => {
    const verb = tokens[trigger.index]!;
    const segEnd = n + 1 < triggers.length ? tokens[triggers[n + 1]!.index]!.start : text.length;

    // Walk the words after the verb: subject, appositions, time words, circumstances, relays.
    let speaker: string | null = trigger.kind === 'participle' ? state.last : null;
    let subjectEnd = verb.end;
    let unknownWords = 0;
    let mode: 'subject' | 'circumstance' | 'relay' = 'subject';
    let stop: { kind: 'complementizer' | 'content' | 'colon' | 'quote' | 'end'; at: number } = { kind: 'end', at: segEnd };
    let when: Claim['when'] | undefined;
    let reportedBy: string | undefined;
    for (let j = trigger.index + 1; j < tokens.length && tokens[j]!.start < segEnd; ) {
      const tok = tokens[j]!;
      const gap = text.slice(tokens[j - 1]!.end, tok.start);
      if (/[:：]/.test(gap)) {
        stop = { kind: 'colon', at: tokens[j - 1]!.end + gap.search(/[:：]/) };
        break;
      }
      if (speechQuotes.some((q) => q.open >= tokens[j - 1]!.end && q.open < tok.start)) {
        stop = { kind: 'quote', at: tok.start };
        break;
      }
      if (ends.some((e) => e > tokens[j - 1]!.end && e <= tok.start)) {
        stop = { kind: 'end', at: tok.start };
        break;
      }
      if (mode !== 'subject' && COMMA_OR_DASH.test(gap)) mode = 'subject';

      // Time words: "اليوم /الجمعة/", "الثلاثاء الماضي", "أمس", "في وقت سابق".
      const time = timePhraseAt(text, tokens, j, weekdays, lex, ctx.writtenOn);
      if (time) {
        when ??= time.when;
        j = time.last + 1;
        continue;
      }

      const mention = mentionAt.get(j);
      if (mention) {
        const kind = ctx.matcher.byId.get(mention.actorId)!.kind;
        // "لبوتين", "ببوتين": someone spoken to or about, never the subject.
        const governed = /[لبك]/.test(mention.prefix);
        if (mode === 'relay' && kind === 'organisation') {
          reportedBy ??= mention.actorId;
        } else if (governed) {
          if (kind === 'organisation' && /ل/.test(mention.prefix)) reportedBy ??= mention.actorId; // "قال لوكالة تاس"
        } else if (mode === 'subject' && speaker === null && trigger.kind === 'verb' && unknownWords <= 5) {
          speaker = mention.actorId;
          subjectEnd = mention.end;
          unknownWords = 0;
        } else if (mode === 'subject' && mention.actorId === speaker) {
          subjectEnd = mention.end; // apposition: "المتحدث باسم الكرملين دميتري بيسكوف"
        } else if (mode === 'subject' && speaker !== null) {
          stop = { kind: 'content', at: tok.start };
          break;
        }
        j = mention.last + 1;
        continue;
      }

      const w = tok.folded;
      if (lex.complementizers.includes(w)) {
        stop = { kind: 'complementizer', at: tok.end };
        break;
      }
      if (mode !== 'relay' && lex.relay.some((r) => tokenMatches(w, r, VERB_PREFIXES))) {
        mode = 'relay';
      } else if (mode === 'subject' && lex.contentPrepositions.includes(w) && (speaker !== null || unknownWords === 0)) {
        stop = { kind: 'content', at: tok.start };
        break;
      } else if (mode === 'subject' && lex.circumstance.some((c) => tokenMatches(w, c, ['', 'و']))) {
        mode = 'circumstance';
      } else if (mode === 'subject' && !lex.fillers.includes(w)) {
        if (speaker !== null) {
          stop = { kind: 'content', at: tok.start };
          break;
        }
        unknownWords++;
      }
      j++;
    }

    if (trigger.kind === 'verb' && speaker === null) {
      if (unknownWords > 0) {
        state.last = null; // "وقالت وزارة …": someone we do not know speaks
        return;
      }
      // Subject before the verb ("يُذكر أن المتحدث باسم الكرملين أعلن …"), else the last speaker.
      const before = mentions.find((m) => m.last === trigger.index - 1 && /^\s*$/.test(text.slice(m.end, verb.start)));
      speaker = before?.actorId ?? state.last;
      if (before) subjectEnd = verb.end;
    }
    if (!speaker) return;
    state.last = speaker;

    // What was said.
    const sentenceEnd = sentenceEndAfter(subjectEnd, segEnd);
    const colon = text.slice(subjectEnd, sentenceEnd).search(/[:：]/);
    let claimText: string;
    let kind: Claim['kind'];
    // A quotation is the statement only when nothing but «على/إلى/عن» and «أن/إن» stands between
    // where the statement starts and the opening mark; "قال إن الرئيس "مستعد …"" is reported speech.
    const statementStart = stop.kind === 'quote' || stop.kind === 'end' ? subjectEnd : stop.kind === 'content' ? stop.at : stop.at;
    const leadsToQuote = (q: QuoteSpan) =>
      tokenize(text.slice(statementStart, q.open)).every((t) => lex.contentPrepositions.includes(t.folded) || lex.complementizers.includes(t.folded));
    const quoteAfter = speechQuotes.find(
      (q) => q.open >= subjectEnd && q.open < sentenceEnd && q.close <= segEnd && (stop.kind === 'quote' || stop.kind === 'colon' || leadsToQuote(q)),
    );
    const colonAt = subjectEnd + colon;
    // A colon followed by a quotation mark opens the quotation even when an unbalanced mark
    // before it paired with that one (`مادة "تقديم … الهجوم: "إن كل …"`).
    const colonOpensQuote = colon !== -1 && /^\s*["«“„]/.test(text.slice(colonAt + 1));
    if (colon !== -1 && (!quoteAfter || quoteAfter.open > colonAt || (colonOpensQuote && quoteAfter.close > colonAt))) {
      // "قال X: …" — the words after the colon: a quotation, or the rest of the statement.
      const after = subjectEnd + colon + 1;
      const rest = text.slice(after, segEnd);
      const lead = rest.search(/\S/);
      const opener = lead === -1 ? '' : rest[lead]!;
      if (OPENING_QUOTES.test(opener)) {
        const closer = QUOTE_PAIRS[opener] ?? opener;
        const close = rest.indexOf(closer, lead + 1);
        claimText = rest.slice(lead + 1, close === -1 ? undefined : close);
      } else claimText = rest;
      kind = 'direct';
    } else if (quoteAfter) {
      claimText = quoteAfter.content;
      kind = 'direct';
    } else {
      const start = stop.kind === 'end' ? subjectEnd : stop.at;
      claimText = text.slice(start, sentenceEndAfter(start, segEnd));
      kind = 'reported';
    }
    claimText = trimClaimText(claimText, lex);
    if (tokenize(claimText).length < 2) return;
    const claim: Claim = { speaker, text: claimText, kind };
    if (when) claim.when = when;
    if (reportedBy) claim.reported_by = reportedBy;
    claims.push({ at: verb.start, claim });
  });
  return claims.sort((a, b) => a.at - b.at).map((c) => c.claim);
}

/**
 * "وبحسب البيان الصادر عن قصر الكرملين، فإن اللقاء …": a sentence that opens by naming its source
 * states what that source said, with no speech verb. The statement is reported speech.
 */
function attributions(text: string, tokens: readonly Token[], mentions: Mention[], ctx: ClaimContext, lex: Lexicon): { at: number; claim: Claim }[] {
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
  const state = { last: null as string | null };
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

export type { ClaimContext, Token };
