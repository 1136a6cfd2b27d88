/**
 * Readers' names for the ingest's furniture rules, from the one place they are written:
 * content/rules/boilerplate.yaml (`label` on each phrase rule, and `labels` for the rules that are
 * functions). Read at build time by the entry page's list of removed lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

let cached: Map<string, string> | undefined;

export function ruleLabels(file = path.join(process.cwd(), 'content', 'rules', 'boilerplate.yaml')): Map<string, string> {
  if (cached) return cached;
  const data = YAML.parse(fs.readFileSync(file, 'utf8')) as { rules?: { name: string; label?: string }[]; labels?: Record<string, string> };
  const labels = new Map<string, string>();
  for (const r of data.rules ?? []) if (r.label) labels.set(r.name, r.label);
  for (const [name, label] of Object.entries(data.labels ?? {})) labels.set(name, label);
  return (cached = labels);
}
