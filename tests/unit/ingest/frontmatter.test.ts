import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import matter from 'gray-matter';
import { frontmatterYaml } from '../../../src/ingest/frontmatter.ts';
import { entryFile } from '../../../src/ingest/pipeline.ts';
import { seedEntry } from './helpers.ts';

// gray-matter's own writer, as src/ingest/pipeline.ts calls it when frontmatterYaml declines.
const stringifyMatter = createRequire(import.meta.url)('gray-matter/lib/stringify.js') as (
  file: { content: string; data: Record<string, unknown> },
  data: Record<string, unknown>,
  options: object,
) => string;
const grayMatter = (data: Record<string, unknown>) => stringifyMatter({ content: '', data: {} }, data, { lineWidth: -1 });

// Strings near every rule of the dumper's choice of style: indicators first and inside, "#" after a space or
// not, ":" and flow signs, spaces at the ends, quotes, words YAML reads as other types, Arabic and no-break spaces.
const pieces = ['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '=', '>', "'", '"', '%', '@', '`', ' ', '\t', '\u00A0', 'a', 'كيم', '1', '0x1F', '1.5', '.inf', 'null', '~', 'true', 'yes', 'No', '2024-01-05', '<<', '\u2003', 'é', '١٢'];
const yamlString = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join(''));
const key = fc.constantFrom('title', 'date', 'via', 'a b', 'yes', '1', 'k:');
const yamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    yamlString,
    fc.integer({ min: -1000, max: 100000 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('frontmatterYaml', () => {
  it('writes what gray-matter writes, byte for byte, for plain data', () => {
    fc.assert(
      fc.property(fc.dictionary(key, yamlValue, { minKeys: 1, maxKeys: 5 }), (data) => {
        const yaml = frontmatterYaml(data);
        if (yaml !== null) expect(yaml + '\n').toBe(grayMatter(data));
      }),
      { numRuns: 5000 },
    );
  });

  it('declines what only the full dumper writes: line breaks, unprintable characters, fractions', () => {
    for (const v of ['two\nlines', 'bell\u0007', 'emoji 🙂', 1.5, -0, new Date(0)]) expect(frontmatterYaml({ v })).toBeNull();
  });

  it('the seeds’ entry files are the ones gray-matter writes', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const e = seedEntry(p);
      expect(entryFile(e)).toBe(matter.stringify(e.body, JSON.parse(JSON.stringify(e.frontmatter)) as object, { lineWidth: -1 } as never));
    }
  });
});
