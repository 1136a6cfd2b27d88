/** Every furniture rule the ingest applies to real pages has a reader's name in content/rules/boilerplate.yaml. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEntry } from '../../../src/ingest/pipeline.ts';
import { ruleLabels } from '../../../src/lib/rule-labels.ts';
import { ROOT, SEEDS, projectIngestor } from './helpers.ts';

describe('rule labels', () => {
  it('name every rule that cuts a line of the corpus and the seeds', () => {
    const labels = ruleLabels(path.join(ROOT, 'content', 'rules', 'boilerplate.yaml'));
    const rules = new Set<string>();
    for (const dir of [path.join(ROOT, 'tests/corpus/articles'), path.join(ROOT, 'tests/corpus/holdout'), SEEDS]) {
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        const override = path.join(dir, f.replace(/\.txt$/, '.meta.yaml'));
        try {
          const e = buildEntry(
            { name: f, path: f, bytes: fs.readFileSync(path.join(dir, f)), ...(fs.existsSync(override) ? { override: { path: override, text: fs.readFileSync(override, 'utf8') } } : {}) },
            projectIngestor(),
          );
          for (const r of e.frontmatter.removed) rules.add(r.rule);
        } catch {
          // refused articles cut nothing that is published
        }
      }
    }
    expect(rules.size).toBeGreaterThan(10);
    expect([...rules].filter((r) => !labels.has(r))).toEqual([]);
  });
});
