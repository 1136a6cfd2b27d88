/**
 * Stage 2: text → numbered lines. Every line keeps its 1-based number in the seed, so what is
 * cut can be accounted for by line.
 *
 * Characters no reader sees are dropped here, from what is shown (`text`) and from what is listed as
 * cut (`raw`): zero-width characters (U+200B–200D, U+2060, U+FEFF inside a line, the soft hyphen), bidi
 * marks, embeddings, overrides and isolates (U+200E/F, U+202A–202E, U+2066–2069) and C1 controls
 * (U+0080–009F). A U+202E in a scraped headline would otherwise reverse the title on the page, and a
 * zero-width space inside «بوتين» hides the name. (Matching ignores them anyway: src/text/normalize.ts.)
 *
 * A page's decoration is no headline: a leading YAML frontmatter block (`---` … `---`) and rule lines
 * (`---`, `***`, `___`, `===`) are blanked here and named by `droppedLines()`, so they are listed among the
 * removed lines with the rule `frontmatter` or `rule_line`.
 */
import type { RemovedLine } from '../lib/entry-schema.ts';
import { persianToArabicLetters } from '../text/normalize.ts';

export interface Line {
  /** 1-based line number in the seed file. */
  no: number;
  /** The line as written (invisible characters dropped, trailing spaces trimmed). */
  raw: string;
  /** The line with Persian letters in Arabic words made Arabic, trimmed: what readers see. */
  text: string;
  /** Set when segmenting blanked the line (its `text` is empty): the rule that did, and the line as written. */
  dropped?: { rule: 'frontmatter' | 'rule_line'; text: string };
}

/** Invisible characters dropped from every line (see the header). */
export const INVISIBLE = /[\u0080-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A thematic break: three or more of one of - * _ = ~ (spaces between allowed), nothing else. */
const RULE_LINE = /^(?:([-*_=~])[ \t]*){3,}$/;
/** A YAML mapping line inside a frontmatter block ("key: value", "- item", a comment). */
const YAML_LINE = /^(?:[A-Za-z_][\w-]*\s*:(?:\s.*)?|\s+.*|-\s.*|#.*|)$/;
const MAX_FRONTMATTER_LINES = 60;

export function segmentLines(text: string): Line[] {
  const lines: Line[] = text.split('\n').map((line, i) => {
    const raw = line.replace(INVISIBLE, '').trimEnd();
    return {
      no: i + 1,
      raw,
      // No-break and other odd spaces are spacing, not wording: one plain space.
      text: persianToArabicLetters(raw).replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').trim(),
    };
  });
  const drop = (line: Line, rule: 'frontmatter' | 'rule_line') => {
    if (line.text) line.dropped = { rule, text: line.raw.trim() };
    line.text = '';
  };
  // A frontmatter block: the first non-blank line is "---", YAML lines follow, and "---" or "..." closes it.
  const first = lines.findIndex((l) => l.text !== '');
  if (first !== -1 && lines[first]!.text === '---') {
    const close = lines.findIndex((l, i) => i > first && (l.text === '---' || l.text === '...'));
    const inner = close === -1 ? [] : lines.slice(first + 1, close);
    if (close !== -1 && close - first <= MAX_FRONTMATTER_LINES && inner.some((l) => l.text) && inner.every((l) => YAML_LINE.test(l.raw))) {
      for (const line of lines.slice(first, close + 1)) drop(line, 'frontmatter');
    }
  }
  for (const line of lines) if (RULE_LINE.test(line.text)) drop(line, 'rule_line');
  return lines;
}

/** The lines segmenting blanked, as removed lines (for the entry's list of what was cut). */
export function droppedLines(lines: readonly Line[]): RemovedLine[] {
  return lines.flatMap((l) => (l.dropped ? [{ line: l.no, rule: l.dropped.rule, text: l.dropped.text }] : []));
}
