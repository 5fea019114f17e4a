// Runs export.ts through Vite's module runner (it reads the TypeScript sources as they are)
// and writes the JSON the Python driver reads: node export.mjs OUT.json [PRACTICE_SEEDS].
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

const out = process.argv[2];
const seeds = Number(process.argv[3] ?? 200);
const differential = Number(process.argv[4] ?? 300);
const server = await createServer({
  configFile: false,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  const module = await runner.import(fileURLToPath(new URL('./export.ts', import.meta.url)));
  const data = await module.exportAll(seeds, differential);
  writeFileSync(out, JSON.stringify(data, null, 1));
  console.log(
    `exported ${data.lessons.length} lesson listings, ${data.practice.length} practice questions and ${data.differential.length} random operation sequences`,
  );
  await runner.close();
} finally {
  await server.close();
}
