// Budgets (PRODUCT.md quality bars, and issue 9's engine and motion targets) checked against a
// bench run, and the README table generated from bench-results.json between marker comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

const fmt = (n, digits = 1) => (n === null || n === undefined ? 'n/a' : Number(n).toFixed(digits));
const isNum = (n) => typeof n === 'number' && Number.isFinite(n);

/**
 * Every budget with its limit, the measured value and whether it holds. `product` budgets are
 * PRODUCT.md's quality bars (`--check` fails on them); the others are issue 9's targets.
 */
export function budgetChecks(r) {
  const checks = [];
  const add = (name, limit, value, pass, product = true) =>
    checks.push({ name, limit, value, pass: Boolean(pass), product });

  const js = r.firstViewJs;
  add(
    'first-view JavaScript, gzipped',
    '≤ 85 KB (85,000 bytes)',
    `${(js.gzipBytes / 1000).toFixed(1)} KB (${js.gzipBytes.toLocaleString('en')} bytes)` +
      (js.parts
        ? `; React, React DOM, the scheduler and Zustand: ${(js.parts.stackGzipBytes / 1000).toFixed(1)} KB of it`
        : '') +
      (js.parts?.stageOnlyGzipBytes
        ? `; without what the Stage does not need: ${(js.parts.stageOnlyGzipBytes / 1000).toFixed(1)} KB`
        : '') +
      (r.counterJs ? `; the counter app: ${(r.counterJs.gzipBytes / 1000).toFixed(1)} KB` : ''),
    js.gzipBytes <= 85_000,
  );

  const byOps = (n) => r.engine.find((e) => e.operations === n);
  const e10k = byOps(10_000);
  const e100k = byOps(100_000);
  const e1k = byOps(1_000);
  add(
    '10,000-operation trace',
    '≤ 50 ms',
    `${fmt(e10k?.ms)} ms wall, ${fmt(e10k?.cpuMs)} ms CPU`,
    isNum(e10k?.ms) && e10k.ms <= 50,
  );
  add(
    'bytes a frame, 10,000 operations',
    '≤ 1 KB',
    `${e10k?.bytesPerFrame} B`,
    e10k?.bytesPerFrame <= 1024,
    false,
  );
  add(
    '100,000-operation trace',
    '≤ 500 ms, linear',
    `${fmt(e100k?.ms, 0)} ms wall (×${fmt(e100k?.ms / e10k?.ms, 1)} the 10k time; 1k: ${fmt(e1k?.ms)} ms)`,
    isNum(e100k?.ms) && e100k.ms <= 500,
    false,
  );

  const floor = r.floor ?? {};
  add(
    'mobile LCP of / beside the counter app',
    "≤ the counter app's",
    `${fmt(floor.lcp?.app, 0)} ms vs ${fmt(floor.lcp?.counter, 0)} ms (×${fmt(floor.lcp?.ratio, 2)})`,
    isNum(floor.lcp?.app) && isNum(floor.lcp?.counter) && floor.lcp.app <= floor.lcp.counter,
  );

  const views = Object.entries(r.lighthouse?.app ?? {});
  const below = [];
  for (const [view, presets] of views) {
    const m = presets.mobile;
    if (!m || m.error) below.push(`${view} (failed)`);
    else
      for (const [category, score] of Object.entries(m.scores))
        if (score !== 100) below.push(`${view} ${category} ${score}`);
  }
  add(
    'Lighthouse, every category on every view (mobile)',
    '100',
    below.length === 0 ? 'all 100' : below.join(', '),
    views.length > 0 && below.length === 0,
  );

  const shifts = (r.deepLinkCls ?? []).flatMap((d) => [d.mobile, d.desktop]);
  const worst = (r.deepLinkCls ?? [])
    .map((d) => ({ link: d.link, cls: Math.max(d.mobile, d.desktop) }))
    .sort((a, b) => b.cls - a.cls)[0];
  add(
    'CLS on every deep link',
    '0',
    worst ? `worst ${fmt(worst.cls, 3)} (${worst.link})` : 'n/a',
    shifts.length > 0 && shifts.every((v) => isNum(v) && v < 0.0005),
  );

  const paint = r.keyToPaint;
  for (const s of paint?.scenarios ?? []) {
    add(
      `key press → paint, ${s.label}`,
      `median ≤ 1.2× the counter app's (${fmt(paint.counter?.median)} ms)`,
      `median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms (×${fmt(s.ratio, 2)})`,
      isNum(s.ratio) && s.ratio <= 1.2,
    );
  }

  const mt = r.mainThread;
  if (mt) {
    add(
      'main-thread work per step, motion on vs reduced',
      '≤ 1.5×',
      `${fmt(mt.motionOn)} ms vs ${fmt(mt.reducedMotion)} ms (×${fmt(mt.ratio, 2)})`,
      isNum(mt.ratio) && mt.ratio <= 1.5,
      false,
    );
  }
  return checks;
}

/** The README table as markdown. */
export function budgetTable(r) {
  const checks = r.checks ?? budgetChecks(r);
  const lines = [
    `Last \`npm run bench\`: ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.machine.cpus} cores, Node ${r.machine.node}` +
      `${r.lighthouse?.app?.['/']?.mobile?.version ? `, Lighthouse ${r.lighthouse.app['/'].mobile.version}` : ''}; ${r.seconds} s.`,
    '',
    '| budget | limit | measured | |',
    '|---|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${c.name}${c.product ? '' : ' (issue 9)'} | ${c.limit} | ${c.value} | ${c.pass ? 'yes' : '**no**'} |`,
    ),
    '',
    '| Lighthouse (mobile / desktop) | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const row = (name, presets) => {
    const cell = (f) =>
      ['mobile', 'desktop']
        .map((p) => (presets[p] && !presets[p].error ? f(presets[p]) : 'n/a'))
        .join(' / ');
    lines.push(
      `| ${name} | ${cell((s) => s.scores.performance)} | ${cell((s) => s.scores.accessibility)} | ${cell((s) => s.scores['best-practices'])} | ${cell((s) => s.scores.seo)} | ${cell((s) => fmt(s.lcp, 0))} | ${cell((s) => fmt(s.tbt, 0))} | ${cell((s) => fmt(s.cls, 3))} |`,
    );
  };
  for (const [view, presets] of Object.entries(r.lighthouse?.app ?? {}))
    row(`\`${view}\``, presets);
  if (r.lighthouse?.counter) row('counter app (the floor)', r.lighthouse.counter);
  const parts = r.firstViewJs?.parts;
  if (parts) {
    lines.push(
      '',
      '| first-view JavaScript, by part | minified KB | gzipped KB it adds to the entry |',
      '|---|---|---|',
      ...parts.parts
        .slice(0, 10)
        .map((p) => `| ${p.part} | ${fmt(p.rawBytes / 1000)} | ${fmt(p.savedGzip / 1000)} |`),
    );
    const rest = parts.parts.slice(10);
    if (rest.length > 0)
      lines.push(
        `| ${rest.length} more parts | ${fmt(rest.reduce((sum, p) => sum + p.rawBytes, 0) / 1000)} | ${fmt(rest.reduce((sum, p) => sum + p.savedGzip, 0) / 1000)} |`,
      );
  }
  lines.push(
    '',
    '| engine (seeded random trace, 16 rows, 3 actors) | wall ms | CPU ms | bytes a frame |',
    '|---|---|---|---|',
  );
  for (const e of r.engine ?? []) {
    lines.push(
      `| ${e.operations.toLocaleString('en')} operations | ${fmt(e.ms)} | ${fmt(e.cpuMs)} | ${e.bytesPerFrame} |`,
    );
  }
  return lines.join('\n');
}

/** Replace the table between the markers in README.md (the table formatted as Prettier would). */
export async function writeReadme(root, results) {
  const file = join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${README_START} … ${README_END} markers`);
  const table = await format(budgetTable(results), { parser: 'markdown', proseWrap: 'preserve' });
  const next = `${text.slice(0, start + README_START.length)}\n${table}${text.slice(end)}`;
  writeFileSync(file, next);
}
