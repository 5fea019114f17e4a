/// <reference types="vitest/config" />
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, defineConfig, type Plugin, type PluginOption, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';

const DESCRIPTION =
  'Step through cache invalidation in Django: update, invalidate, refetch — with the code, an execution table and live database and cache panels.';

/**
 * The service worker: Workbox precaches every file of the build (all views, all lesson chunks,
 * the highlighter), so the app works offline after the first visit. A new deploy installs
 * beside the running one and waits for the learner's `Reload to update` (registerType prompt).
 */
const pwa = (isDisabled: boolean): PluginOption =>
  VitePWA({
    disable: isDisabled,
    registerType: 'prompt',
    // src/app/service-worker.ts registers it (after the first render).
    injectRegister: false,
    includeAssets: ['favicon.svg', 'favicon-32.png'],
    manifest: {
      name: 'Django Cache Lab',
      short_name: 'Cache Lab',
      description: DESCRIPTION,
      id: './',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f4f6f4',
      theme_color: '#0c4b33',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      // Any address of the app (?lesson=…&step=…) opens the precached page offline.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first install takes over the open page at once, so views it has not opened yet
      // already come from the cache. Updates still wait for `Reload to update`.
      clientsClaim: true,
    },
  });

/** The single file has no folder beside it: the favicon goes inline too. */
const inlineFavicon = (): Plugin => ({
  name: 'dcl:inline-favicon',
  transformIndexHtml(html) {
    const png = readFileSync(new URL('./public/favicon-32.png', import.meta.url));
    return html.replace(
      'href="./favicon-32.png"',
      `href="data:image/png;base64,${png.toString('base64')}"`,
    );
  },
});

/**
 * index.html's own inline scripts (the theme, the early-action keeper) are written to be read:
 * the built page drops their comment lines and indentation, which every first visit would
 * otherwise download before the first paint (about 0.7 KB gzipped).
 */
const compactInlineScripts = (html: string): string =>
  html.replace(/<script>([\s\S]*?)<\/script>/g, (_, code: string) => {
    const lines = code.split('\n').map((line) => line.trim());
    return `<script>${lines.filter((line) => line !== '' && !line.startsWith('//')).join('\n')}</script>`;
  });

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The prerendered view needs no JavaScript to be seen, so its JavaScript should not compete with
 * it: the entry's `<script>` and module preloads leave the head, and a tiny loader at the end of
 * the body starts them once the first contentful paint is reported. A deep link (its #root was
 * emptied, nothing to paint), a tab loading in the background, or a browser without paint
 * timing starts them at once.
 */
function loadAfterFirstPaint(html: string): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
  if (!entry) throw new Error('prerender: the entry <script> is not in index.html');
  const preloads: string[] = [];
  const page = html
    .replace(entry[0], '')
    .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g, (_, href: string) => {
      preloads.push(href);
      return '';
    });
  const loader = `
const urls = ${JSON.stringify(preloads)};
let isStarted = false;
const start = () => {
  if (isStarted) return;
  isStarted = true;
  for (const href of urls) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  import(${JSON.stringify(entry[1])});
};
const P = window.PerformanceObserver;
if (!document.getElementById('root').firstChild || document.visibilityState !== 'visible' ||
  !P || !(P.supportedEntryTypes || []).includes('paint')) start();
else new P((list, observer) => {
  if (list.getEntriesByName('first-contentful-paint').length === 0) return;
  observer.disconnect();
  setTimeout(start);
}).observe({ type: 'paint', buffered: true });`
    .replace(/\n\s*/g, '\n')
    .trim();
  return page.replace('</body>', `<script type="module">${loader}</script></body>`);
}

/** What each prerendered view's lazily loaded chunk needs of CSS (its own and its imports'). */
function viewStylesheets(
  bundle: Rolldown.OutputBundle | undefined,
  views: string[],
): Record<string, string[]> {
  if (!bundle) throw new Error("prerender: no bundle to find the views' stylesheets in");
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const cssOf = (chunk: Rolldown.OutputChunk, seen: Set<string>): string[] => {
    if (seen.has(chunk.fileName)) return [];
    seen.add(chunk.fileName);
    const own = [...(chunk.viteMetadata?.importedCss ?? [])];
    const imported = chunk.imports.flatMap((name) => {
      const child = byName.get(name);
      return child && !child.isEntry ? cssOf(child, seen) : [];
    });
    return [...imported, ...own];
  };
  const out: Record<string, string[]> = {};
  const files: Record<string, RegExp> = {
    lessons: /features\/lesson-index\/LessonIndexView\.tsx$/,
    compare: /features\/compare\/CompareView\.tsx$/,
    practice: /features\/practice\/PracticeView\.tsx$/,
    sandbox: /features\/sandbox\/SandboxView\.tsx$/,
  };
  for (const view of views) {
    const pattern = files[view];
    const chunk = chunks.find((c) => c.isDynamicEntry && pattern?.test(c.facadeModuleId ?? ''));
    if (!chunk) throw new Error(`prerender: no chunk for the ${view} view`);
    out[view] = cssOf(chunk, new Set()).map((file) => `./${file}`);
  }
  return out;
}

/**
 * Prerender the first view into index.html at build time (src/prerender.tsx, built for Node and
 * run here), so the first paint does not wait for JavaScript; main.tsx hydrates it. The key says
 * which stored preferences it was rendered with. The other views are prerendered as raw text
 * that a tiny inline script puts in #root for exactly `?view=<name>`; for any other query (a deep
 * link) it empties #root before it paints.
 */
const prerenderFirstView = (isSingle: boolean): Plugin => ({
  name: 'dcl:prerender-first-view',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    async handler(html, context) {
      const outDir = fileURLToPath(new URL('./node_modules/.tmp/prerender', import.meta.url));
      try {
        await build({
          configFile: false,
          logLevel: 'warn',
          mode: 'production',
          plugins: [react(), pwa(true)],
          build: {
            ssr: fileURLToPath(new URL('./src/prerender.tsx', import.meta.url)),
            outDir,
            emptyOutDir: true,
            rollupOptions: { output: { entryFileNames: 'prerender.mjs' } },
          },
        });
        const module = (await import(pathToFileURL(`${outDir}/prerender.mjs`).href)) as {
          render: () => Promise<{
            html: string;
            key: string;
            views: { view: string; html: string }[];
            trace: { id: string; json: string };
          }>;
        };
        const { html: app, key, views, trace } = await module.render();
        // An address with a query is not the default lesson. It must not paint the default
        // lesson while the parser is still in #root (a busy machine paints part-parsed pages):
        // the head hides #root until the script after it has swapped or emptied it.
        // A prerendered view's own stylesheets come with its lazily loaded chunk, too late for
        // its first paint: the head asks for them, render-blocking, for that address alone.
        const viewCss = isSingle
          ? {}
          : viewStylesheets(
              context.bundle,
              views.map((v) => v.view),
            );
        // A slow network or a busy parser can also paint `/` while #root is half parsed; the
        // rest then moves what was painted (the player's row loses columns, a layout shift).
        // `rel=expect` holds the first frame until the element after #root (the swap script) is
        // in: Chromium unblocks when the element's start tag is parsed, not its end.
        const hide = `<link rel="expect" href="#dcl-swap" blocking="render"><style>.dcl-deep-link #root{display:none}</style><script>(function(){var s=location.search;if(s.length<=1)return;document.documentElement.classList.add('dcl-deep-link');var m=/^\\?view=(${views.map((v) => v.view).join('|')})$/.exec(s),c=m&&${JSON.stringify(viewCss)}[m[1]];(c||[]).forEach(function(h){var l=document.createElement('link');l.rel='stylesheet';l.href=h;l.setAttribute('blocking','render');document.head.appendChild(l)})})()</script>`;
        // The other views, prerendered too: exactly `?view=<name>` puts its HTML in #root
        // (main.tsx hydrates it, see first-view.tsx); any other query empties #root. Each is
        // the text of a `<script type="text/html">`, not a `<template>`: the parser only scans
        // raw text for its end tag, where a template's content is built into a document
        // fragment on every visit, though at most one view is ever shown.
        const viewScripts = views
          .map(({ view, html }) => {
            // Raw text ends at `</script`, and `<script` after `<!--` would keep it open.
            if (/<\/?script/i.test(html)) throw new Error(`prerender: ${view} has a script tag`);
            return `<script type="text/html" id="dcl-view-${view}">${html}</script>`;
          })
          .join('');
        const swap = `(function(){var s=location.search,r=document.getElementById('root'),m=/^\\?view=(${views.map((v) => v.view).join('|')})$/.exec(s),t=m&&document.getElementById('dcl-view-'+m[1]);if(t){r.innerHTML=t.textContent;r.dataset.prerenderView=m[1]}else if(s.length>1)r.replaceChildren();document.querySelectorAll('script[id^="dcl-view-"]').forEach(function(e){e.remove()});document.documentElement.classList.remove('dcl-deep-link')})()`;
        const page = compactInlineScripts(html)
          .replace('</head>', `${hide}</head>`)
          .replace(
            '<div id="root"></div>',
            `<div id="root" data-prerender-key="${escapeAttribute(key)}">${app}</div>${viewScripts}<script id="dcl-swap">${swap}</script><script type="application/json" id="${trace.id}">${trace.json}</script>`,
          );
        return isSingle ? page : loadAfterFirstPaint(page);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  },
});

// Relative base: the built site works from any static host, under a sub-path too.
/**
 * The engine is pure (ARCHITECTURE.md): importing one of its modules does nothing but define
 * things. Saying so lets the bundler leave a module out of a chunk where nothing uses its
 * exports, e.g. the practice generator, which the engine's index re-exports but only the
 * lazily loaded Practice view calls, stays out of the first view.
 */
const moduleSideEffects = (id: string): boolean => !/[\\/]src[\\/](engine|lessons)[\\/]/.test(id);

// `vite build --mode single` (npm run build:single) inlines everything into one HTML file that
// works from file:// (no service worker there).
export default defineConfig(({ mode }) => {
  const isSingle = mode === 'single';
  return {
    base: './',
    plugins: [
      react(),
      pwa(isSingle || mode === 'test'),
      mode === 'test' ? null : prerenderFirstView(isSingle),
      ...(isSingle ? [viteSingleFile(), inlineFavicon()] : []),
    ],
    server: { port: 5173 },
    preview: { port: 4173, strictPort: true },
    build: isSingle
      ? { target: 'es2022', sourcemap: false, outDir: 'dist-single', copyPublicDir: false }
      : { target: 'es2022', sourcemap: false, rollupOptions: { treeshake: { moduleSideEffects } } },
    test: {
      restoreMocks: true,
      // Worker threads start faster than child processes, and nothing here needs a process each.
      pool: 'threads',
      // Pure code (engine, lessons, store, view models) runs in plain Node; only what renders
      // or reads the DOM pays for jsdom.
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/unit/**/*.test.ts'],
            exclude: ['test/unit/app/**'],
            setupFiles: ['test/setup-node.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'jsdom',
            environment: 'jsdom',
            include: [
              'test/component/**/*.test.tsx',
              'test/unit/app/**/*.test.ts',
              'test/fuzz/**/*.test.ts',
            ],
            setupFiles: ['test/setup.ts'],
          },
        },
      ],
    },
  };
});
