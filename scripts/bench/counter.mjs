// Build the bare React 19 + Zustand counter app (scripts/bench/counter/) into a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import react from '@vitejs/plugin-react';

const here = join(dirname(fileURLToPath(import.meta.url)), 'counter');

/** Build the counter app; returns its output folder. */
export async function buildCounter() {
  const outDir = mkdtempSync(join(tmpdir(), 'dcl-counter-'));
  await build({
    root: here,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

/** Serve a built counter app on `port`. */
export function serveCounter(outDir, port) {
  return preview({
    root: here,
    configFile: false,
    logLevel: 'silent',
    build: { outDir },
    preview: { port, strictPort: true },
  });
}
