/**
 * Edit distance and "did you mean": for editors' messages (`outlt` → `outlet`?) and for search
 * suggestions (بوتيين → بوتين). Browser-safe, no imports.
 */

/** Levenshtein distance (insert, delete, substitute, each 1), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate a mistyped word most likely meant: the nearest by edit distance (at most a third of the
 * word's length, and at most 3), or one whose hyphen-separated parts contain the word (`putin` →
 * `vladimir-putin`). Null when nothing is close.
 */
export function nearest(word: string, candidates: Iterable<string>): string | null {
  const max = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestD = max + 1;
  const list = [...candidates];
  for (const c of list) {
    const d = editDistance(word, c, max);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best) return best;
  const parts = list.filter((c) => c.split('-').includes(word));
  return parts.length === 1 ? parts[0]! : null;
}
