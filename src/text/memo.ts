/**
 * A bounded memo for pure string functions. Text processing folds, tokenizes and counts the same words
 * and lines again and again (every rule against every line, every stage over the same paragraphs); a
 * memo that forgets everything past `limit` entries keeps that cheap without growing over a long run.
 * Browser-safe.
 */
export function memoised<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  let memo = new Map<string, V>();
  return (key: string) => {
    let v = memo.get(key);
    if (v === undefined) {
      if (memo.size >= limit) memo = new Map();
      v = compute(key);
      memo.set(key, v);
    }
    return v;
  };
}
