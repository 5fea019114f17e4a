// Lighthouse 12 through its own CLI (one fresh headless Chromium per run, Debian's by default).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * Audit `url` with the mobile (default) or desktop preset. Returns the four category scores
 * (0–100) and the metrics the budgets use, or `{ error }` when Lighthouse fails.
 */
export function lighthouse(url, { preset = 'mobile' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dcl-lh-'));
  const output = join(dir, 'report.json');
  const args = [
    CLI,
    url,
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const env = { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, timeout: 180_000 }, (error) => {
      try {
        if (error) throw error;
        const report = JSON.parse(readFileSync(output, 'utf8'));
        const scores = {};
        for (const id of CATEGORIES) {
          const score = report.categories[id]?.score;
          scores[id] = typeof score === 'number' ? Math.round(score * 100) : null;
        }
        const metric = (id) => report.audits[id]?.numericValue ?? null;
        const failing = [];
        for (const id of CATEGORIES) {
          for (const ref of report.categories[id]?.auditRefs ?? []) {
            const audit = report.audits[ref.id];
            if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1) {
              failing.push(`${id}: ${ref.id}`);
            }
          }
        }
        resolve({
          scores,
          lcp: metric('largest-contentful-paint'),
          fcp: metric('first-contentful-paint'),
          tbt: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
          si: metric('speed-index'),
          failing,
          version: report.lighthouseVersion,
          userAgent: report.environment?.hostUserAgent ?? null,
        });
      } catch (err) {
        resolve({ error: String(err?.message ?? err).split('\n')[0] });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
