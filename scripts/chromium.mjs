// Shared by the bench and the screenshot script: serve dist/ and drive Debian's Chromium
// (CHROMIUM_PATH to use another) with the flags this offline machine needs.
import { preview } from 'vite';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Serve the built site on `port`; returns the server (close with `stopPreview`). */
export function startPreview(root, port) {
  return preview({ root, logLevel: 'silent', preview: { port, strictPort: true } });
}

/** Close a server from `startPreview`. */
export function stopPreview(server) {
  return new Promise((resolve) => server.httpServer.close(resolve));
}

/** Launch headless Chromium. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
