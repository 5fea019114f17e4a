/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built site works from any static host, under a sub-path too.
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
  test: {
    restoreMocks: true,
    // Pure code (engine, lessons, store, view models) runs in plain Node; only what renders or
    // reads the DOM pays for jsdom.
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
          include: ['test/component/**/*.test.tsx', 'test/unit/app/**/*.test.ts'],
          setupFiles: ['test/setup.ts'],
        },
      },
    ],
  },
});
