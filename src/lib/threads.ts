/**
 * Claim threads (content/threads.yaml): a question readers follow and its steps, each a claim of an
 * entry with a stance. A step names its entry by the seed file name (`source`, which survives a new
 * slug) and its claim by number (1-based, the `#claim-N` anchor), with a few of the claim's `words`
 * so that a re-ingest that renumbers claims is caught, and mended: when claim N no longer holds the
 * words, the entry's claim that does is taken. Pure (no Astro imports).
 */
import { z } from 'astro/zod';

/** The small vocabulary of stances, in the order a story usually runs. */
export const STANCES = ['نفي', 'إشارة', 'توقيع', 'تنفيذ', 'تأكيد'] as const;
export type Stance = (typeof STANCES)[number];
/** ASCII class names for the stances (CSS). */
export const STANCE_CLASS: Record<Stance, string> = {
  نفي: 'deny',
  إشارة: 'mention',
  توقيع: 'sign',
  تنفيذ: 'implement',
  تأكيد: 'confirm',
};

export const threadStepSchema = z.object({
  /** The entry's seed file name (its `source`). */
  source: z.string().min(1),
  /** 1-based claim number: the anchor #claim-N on the entry page. */
  claim: z.number().int().positive(),
  /** Words the claim's text contains (checked, and used to find the claim again after a re-ingest). */
  words: z.string().min(1),
  stance: z.enum(STANCES),
  /** An editor's line on the step, shown under it. */
  note: z.string().min(1).optional(),
});
export const threadSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ASCII slug'),
  question: z.string().min(1),
  /** One or two sentences: the answer as the steps tell it. */
  summary: z.string().min(1).optional(),
  steps: z.array(threadStepSchema).min(1),
});
export type Thread = z.infer<typeof threadSchema>;
export type ThreadStep = z.infer<typeof threadStepSchema>;

export interface ThreadEntry {
  id: string;
  data: {
    date: string;
    published_at?: string;
    source: string;
    claims: Array<{ speaker: string; text: string; when?: { date?: string } }>;
  };
}

export interface ResolvedStep<T extends ThreadEntry> {
  step: ThreadStep;
  entry: T;
  /** 1-based claim number as found (equals step.claim unless the claims were renumbered). */
  n: number;
  claim: T['data']['claims'][number];
  /** The day the claim was made (its own date, else the entry's). */
  date: string;
}
export interface ResolvedThread<T extends ThreadEntry> {
  thread: Thread;
  /** Oldest first. */
  steps: ResolvedStep<T>[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Resolve every thread's steps. `missing` names each step whose entry is not in the corpus (the step is
 * left out: a site built from other entries, ENTRIES_DIR, has none of them); `problems` each step whose
 * entry is there but holds no such claim. A thread left with no step is dropped.
 */
export function resolveThreads<T extends ThreadEntry>(
  threads: readonly Thread[],
  entries: readonly T[],
): { threads: ResolvedThread<T>[]; problems: string[]; missing: string[] } {
  const bySource = new Map(entries.map((e) => [e.data.source, e]));
  const problems: string[] = [];
  const missing: string[] = [];
  const out = threads.map((thread) => {
    const steps: ResolvedStep<T>[] = [];
    thread.steps.forEach((step, i) => {
      const where = `content/threads.yaml: thread "${thread.id}", step ${i + 1}`;
      const entry = bySource.get(step.source);
      if (!entry) return void missing.push(`${where}: no entry from ${step.source}`);
      const words = squash(step.words);
      const holds = (n: number) => {
        const c = entry.data.claims[n - 1];
        return !!c && squash(c.text).includes(words);
      };
      let n = step.claim;
      if (!holds(n)) {
        const found = entry.data.claims.findIndex((c) => squash(c.text).includes(words));
        if (found < 0) return void problems.push(`${where}: ${entry.id} has no claim with «${step.words}»`);
        n = found + 1;
      }
      const claim = entry.data.claims[n - 1]!;
      steps.push({ step, entry, n, claim, date: claim.when?.date ?? entry.data.date });
    });
    steps.sort((a, b) => a.date.localeCompare(b.date) || a.entry.data.date.localeCompare(b.entry.data.date) || a.entry.id.localeCompare(b.entry.id) || a.n - b.n);
    return { thread, steps };
  });
  return { threads: out.filter((t) => t.steps.length > 0), problems, missing };
}

/** The threads an entry takes part in. */
export function threadsOfEntry<T extends ThreadEntry>(threads: readonly ResolvedThread<T>[], id: string): ResolvedThread<T>[] {
  return threads.filter((t) => t.steps.some((s) => s.entry.id === id));
}
