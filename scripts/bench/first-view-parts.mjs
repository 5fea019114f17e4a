// What the first view's JavaScript is made of: the entry chunk built again with a source map
// (into a temp folder; dist/ is left as the bench measured it), its minified text attributed to
// the sources it came from, and for each part the bytes gzip would save if it were not there
// (the entry gzipped with and without that part's text), so the parts can be weighed against
// the first-view budget.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's `mappings`, one array a generated line of [column, source index or -1]. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line ? line.split(',') : []) {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        let digit = BASE64.indexOf(char);
        const more = digit & 32;
        digit &= 31;
        value += digit << shift;
        if (more) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** The part a source belongs to: an npm package, or a folder of src/ (a feature by name). */
export function partOf(source) {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const path = source.slice(modules + 'node_modules/'.length).split('/');
    return path[0].startsWith('@') ? `${path[0]}/${path[1]}` : path[0];
  }
  if (source.includes('vite-plugin-pwa')) return 'vite-plugin-pwa';
  const src = source.indexOf('src/');
  if (src < 0) return 'other';
  const path = source.slice(src).split('/');
  if (path.length === 2) return path.join('/');
  return path[1] === 'features' ? path.slice(0, 3).join('/') : path.slice(0, 2).join('/');
}

/** Text no source claims: the bundler's own glue between modules. */
const UNMAPPED = 'bundler glue';

/**
 * Modules the Stage does not need to hydrate the prerendered default lesson and step it: the
 * build computed its trace, so the engine is for other lessons, the what-if and the remedy;
 * the rest is other views' state, dialogs, presenter mode, printing and the service worker.
 * Whatever leaves the entry, the entry without these is as small as it can get while the
 * first view stays a live Stage.
 */
export const NOT_FOR_THE_STAGE = [
  /src\/engine\//,
  /src\/store\/(storage|progress|sandbox-[^/]*|practice-slice|scenario-checker|quiz-slice|presenter-slice)\.ts$/,
  /src\/app\/(Handout|HelpDialog|PresenterBar|PresenterSlide|SpeakerNotes|UpdatePrompt|EmbedLink|CopyLinkButton|Notices)\.tsx$/,
  /src\/app\/(service-worker|use-print-handout|use-printing|use-presenter-sync)\.ts$/,
  /src\/features\/(what-if|concept-flow|quiz|timeline)\//,
  /src\/components\/(download-file|long-trace)\.ts$/,
  /src\/lessons\/notes\.ts$/,
  /vite-plugin-pwa/,
];

/** The entry's text, split by part, from its code and source map. */
export function splitByPart(code, map, keyOf = partOf) {
  const lines = code.split('\n');
  const parts = new Map();
  const add = (part, text) => parts.set(part, (parts.get(part) ?? '') + text);
  decodeMappings(map.mappings).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    segments.forEach(([column, source], i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : line.length;
      add(source < 0 ? UNMAPPED : keyOf(map.sources[source]), line.slice(column, end));
    });
    if (segments.length === 0 || segments[0][0] > 0)
      add(UNMAPPED, line.slice(0, segments[0]?.[0] ?? line.length));
  });
  return parts;
}

const gzipLength = (text) => gzipSync(text, { level: 9 }).length;

/**
 * Build the app with a source map into a temp folder and weigh its entry's parts. Returns the
 * entry's gzipped size there, the React stack's share (react, react-dom, scheduler, zustand,
 * gzipped on their own), each part's saving, largest first, and the entry without the modules
 * {@link NOT_FOR_THE_STAGE} lists.
 */
export async function firstViewParts(root) {
  const outDir = mkdtempSync(join(tmpdir(), 'dcl-parts-'));
  try {
    await build({
      root,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: true },
    });
    const assets = join(outDir, 'assets');
    const entry = readdirSync(assets).find((name) => /^index-[^.]+\.js$/.test(name));
    if (!entry) throw new Error('bench: no entry chunk in the source-mapped build');
    const code = readFileSync(join(assets, entry), 'utf8');
    const map = JSON.parse(readFileSync(join(assets, `${entry}.map`), 'utf8'));
    const parts = splitByPart(code, map);
    const all = [...parts.values()].join('');
    const total = gzipLength(all);
    const stack = ['react', 'react-dom', 'scheduler', 'zustand'];
    const stackGzip = gzipLength(stack.map((name) => parts.get(name) ?? '').join(''));
    const saving = [...parts.keys()].map((part) => {
      const without = [...parts].filter(([name]) => name !== part).map(([, text]) => text);
      return {
        part,
        rawBytes: parts.get(part).length,
        savedGzip: total - gzipLength(without.join('')),
      };
    });
    saving.sort((a, b) => b.savedGzip - a.savedGzip);
    const forStage = splitByPart(code, map, (source) =>
      NOT_FOR_THE_STAGE.some((pattern) => pattern.test(source)) ? 'out' : 'in',
    );
    return {
      gzipBytes: total,
      stackGzipBytes: stackGzip,
      stack,
      parts: saving,
      stageOnlyGzipBytes: gzipLength(
        [...forStage]
          .filter(([key]) => key !== 'out')
          .map(([, text]) => text)
          .join(''),
      ),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
