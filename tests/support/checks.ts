/**
 * Quality checks shared by every end-to-end test file:
 * - the Nu HTML Checker (vnu.jar, from npm vnu-jar) on built HTML files, all files in ONE java run
 *   because the JVM takes seconds to start;
 * - axe-core injected into a playwright page, limited to the WCAG 2.0/2.1 A and AA rules.
 *
 * Stable API (other helpers import it): validateHtml, nuErrors, formatNuMessages, htmlFilesIn,
 * runAxe, formatAxeViolations, AXE_TAGS, VNU_JAR.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, Result as AxeResult } from 'axe-core';
import { ROOT } from './site.ts';

export const VNU_JAR = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const AXE_SOURCE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** One message from the Nu HTML Checker, with the file it is about. */
export interface NuMessage {
  /** Absolute path of the checked file. */
  file: string;
  /** 'error' | 'info' (subType 'warning' for warnings) | 'non-document-error' */
  type: string;
  subType?: string;
  message: string;
  extract?: string;
  line?: number;
  column?: number;
}

interface VnuJsonMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

/**
 * Run the Nu HTML Checker once over `files` (absolute or relative to the project root) and return
 * every message. Rejects when java cannot run or prints something that is not the checker's JSON.
 */
export async function validateHtml(files: string[]): Promise<NuMessage[]> {
  if (files.length === 0) return [];
  if (!fs.existsSync(VNU_JAR)) throw new Error(`Nu HTML Checker not found at ${VNU_JAR} (npm ci installs vnu-jar)`);
  const absolute = files.map((f) => path.resolve(ROOT, f));
  const stderr = await new Promise<string>((resolve, reject) => {
    execFile(
      'java',
      ['-Xss1024k', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...absolute],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, err) => (error ? reject(new Error(`vnu.jar failed: ${error.message}\n${err}`)) : resolve(err)),
    );
  });
  let parsed: { messages: VnuJsonMessage[] };
  try {
    parsed = JSON.parse(stderr);
  } catch {
    throw new Error(`vnu.jar printed something other than JSON:\n${stderr.slice(0, 2000)}`);
  }
  return parsed.messages.map((m) => ({
    file: m.url ? decodeURIComponent(new URL(m.url).pathname) : '(unknown)',
    type: m.type,
    subType: m.subType,
    message: m.message,
    extract: m.extract,
    line: m.lastLine,
    column: m.firstColumn ?? m.lastColumn,
  }));
}

/** Errors only (what "0 errors from the Nu checker" counts); warnings and infos are dropped. */
export function nuErrors(messages: NuMessage[]): NuMessage[] {
  return messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
}

/** A readable report for a failing assertion. */
export function formatNuMessages(messages: NuMessage[], root = ROOT): string {
  return messages
    .map((m) => `${path.relative(root, m.file)}:${m.line ?? '?'}:${m.column ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`)
    .join('\n');
}

/** Every .html file under `dir`, sorted, optionally filtered (e.g. to skip Pagefind's own files). */
export function htmlFilesIn(dir: string, keep: (file: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.html') && keep(p)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The WCAG 2.1 A and AA rule tags the project holds every page to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeOptions {
  /** CSS selectors to leave out (a third-party widget, say). Use sparingly and say why. */
  exclude?: string[];
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
}

/**
 * Run axe-core in `page` (already navigated and settled) with the WCAG 2.1 A/AA rules and return
 * its violations. The script is evaluated through the DevTools protocol, so a page's CSP does not stop
 * it; axe needs timers, though, so the page's context must have JavaScript enabled (a context made
 * with javaScriptEnabled: false makes it hang: this rejects after `timeoutMs` instead).
 */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeResult[]> {
  const source = fs.readFileSync(AXE_SOURCE_PATH, 'utf8');
  const hasAxe = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.evaluate(source);
  const run = page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      return axe.run(context as never, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    { tags: [...AXE_TAGS], exclude: options.exclude ?? [] },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`axe-core did not finish on ${page.url()} (is JavaScript disabled in this browser context?)`)),
      options.timeoutMs ?? 60_000,
    );
  });
  try {
    const results = (await Promise.race([run, timeout])) as AxeResults;
    return results.violations;
  } finally {
    clearTimeout(timer);
  }
}

/** A readable report of axe violations for a failing assertion. */
export function formatAxeViolations(violations: AxeResult[], label = ''): string {
  return violations
    .map(
      (v) =>
        `${label ? label + ': ' : ''}[${v.impact ?? '?'}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n'),
    )
    .join('\n');
}
