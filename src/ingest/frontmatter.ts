/**
 * The entry file's YAML frontmatter, written the way gray-matter's YAML engine (js-yaml 3, safeDump with
 * lineWidth -1) writes it, byte for byte, without its general machinery: an entry's frontmatter is plain
 * data (mappings, sequences, one-line strings, integers, booleans, null), and walking it directly costs a
 * fraction of the dumper's type detection and per-character calls. Anything else (a multi-line or
 * unprintable string, a fraction, a non-plain object) is not written here: `frontmatterYaml` returns null
 * and the caller falls back to gray-matter. tests/unit/ingest/frontmatter.test.ts holds the two equal.
 */
import { createRequire } from 'node:module';

interface YamlType {
  resolve(data: string): boolean;
}
// The scalar types a plain string could be read back as (null, booleans, numbers, timestamps, <<): such a
// string is quoted. The very resolvers safeDump asks, from gray-matter's own js-yaml.
const requireFromMatter = createRequire(createRequire(import.meta.url).resolve('gray-matter'));
const implicitTypes = (requireFromMatter('js-yaml/lib/js-yaml/schema/default_safe.js') as { compiledImplicit: YamlType[] }).compiledImplicit;

// js-yaml writes these quoted for YAML 1.1 readers (its compatibility mode, on by default).
const DEPRECATED_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

// A character js-yaml would escape (it prints YAML 1.2's printable characters but the BOM, as UTF-16 units:
// a surrogate pair is escaped too), or a line break (a block scalar): neither is written here.
const UNPRINTABLE = /[^\x20-\x7E\xA1-\uD7FF\uE000-\uFFFD]|[\u2028\u2029]/;
// c-indicator: - ? : , [ ] { } # & * ! | = > ' " % @ `  (cannot open a plain scalar), or a space.
const PLAIN_UNSAFE_FIRST = /^[-?:,[\]{}#&*!|=>'"%@` ]/;
// Inside a plain scalar: no flow indicator or ":", no "#" after a space, no space at the end.
const PLAIN_UNSAFE = /[,[\]{}:]| #| $/;
// Every implicit type's form (null, bool, int, float, timestamp, merge) starts with an ASCII character.
const MAY_RESOLVE = /^[\x00-\x7F]/;

class NotPlainData extends Error {}

/** One string as js-yaml writes a single-line scalar: plain, or single-quoted. */
function scalar(s: string): string {
  if (s.length === 0) return "''";
  if (UNPRINTABLE.test(s)) throw new NotPlainData();
  if (DEPRECATED_BOOLEANS.has(s)) return `'${s}'`;
  const plain = !PLAIN_UNSAFE_FIRST.test(s) && !PLAIN_UNSAFE.test(s) && !(MAY_RESOLVE.test(s) && implicitTypes.some((t) => t.resolve(s)));
  return plain ? s : `'${s.replace(/'/g, "''")}'`;
}

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A value in a block mapping or sequence at `level`: after "key:" or "- ", a scalar or a block that opens a new line. */
function node(v: unknown, level: number, compact: boolean): string | undefined {
  if (typeof v === 'string') return scalar(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Object.is(v, -0)) return String(v);
    if (!Number.isFinite(v)) return 'null'; // as JSON has it (pipeline.ts: jsonData)
    throw new NotPlainData();
  }
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = '';
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw new NotPlainData(); // a hole: the dumper refuses it
      const x = v[i] as unknown;
      const item = x === undefined || typeof x === 'function' || typeof x === 'symbol' ? 'null' : node(x, level + 1, true)!;
      if (!compact || i !== 0) out += `\n${'  '.repeat(level)}`;
      out += item.charCodeAt(0) === 0x0a ? `-${item}` : `- ${item}`;
    }
    return out;
  }
  if (typeof v === 'object' && isPlainObject(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
    let out = '';
    for (const key of Object.keys(v)) {
      const value = node((v as Record<string, unknown>)[key], level + 1, false);
      if (value === undefined) continue;
      if (key.length > 1024) throw new NotPlainData(); // written as an explicit "? key" pair
      if (!compact || out !== '') out += `\n${'  '.repeat(level)}`;
      out += scalar(key) + (value.charCodeAt(0) === 0x0a ? ':' : ': ') + value;
    }
    return out || '{}';
  }
  throw new NotPlainData();
}

/**
 * The frontmatter block ("---\n…\n---\n") for plain data, as gray-matter writes it; null when the data
 * holds something only the full dumper writes.
 */
export function frontmatterYaml(data: Record<string, unknown>): string | null {
  try {
    // gray-matter trims the dump (a last plain scalar may end in a no-break space, say).
    const yaml = node(data, 0, true)!.trim();
    return yaml === '{}' ? '' : `---\n${yaml}\n---\n`;
  } catch (err) {
    if (err instanceof NotPlainData) return null;
    throw err;
  }
}
