// `npm ci` (the README's install command) refuses a lock that lacks any optional platform package;
// see scripts/lock-optional-stubs.mjs for why our lock needs stubs and how to restore them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('package-lock.json', () => {
  it('records every optional dependency, so npm ci accepts it on any platform', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const packages: Record<string, { optionalDependencies?: Record<string, string> }> = lock.packages;
    const missing: string[] = [];
    for (const [where, meta] of Object.entries(packages)) {
      for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
        // npm looks for a dependency next to its parent first, then up the tree.
        const candidates = [`${where ? where + '/' : ''}node_modules/${dep}`, `node_modules/${dep}`];
        if (!candidates.some((c) => c in packages)) missing.push(`${dep} (wanted by ${where || 'the project'})`);
      }
    }
    expect(missing, 'run `node scripts/lock-optional-stubs.mjs`').toEqual([]);
  });
});
