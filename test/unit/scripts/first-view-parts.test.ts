import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the bench, without types
import { partOf, splitByPart } from '../../../scripts/bench/first-view-parts.mjs';

describe('the bench weighs the first view by part', () => {
  it('names npm packages, scoped ones, src folders and features', () => {
    expect(partOf('../../node_modules/react-dom/cjs/react-dom-client.production.js')).toBe(
      'react-dom',
    );
    expect(partOf('../../node_modules/@scope/pkg/index.js')).toBe('@scope/pkg');
    expect(partOf('../../src/engine/run.ts')).toBe('src/engine');
    expect(partOf('../../src/features/code-panel/CodePanel.tsx')).toBe('src/features/code-panel');
    expect(partOf('../../src/main.tsx')).toBe('src/main.tsx');
    expect(partOf('../../../@vite-plugin-pwa/virtual:pwa-register')).toBe('vite-plugin-pwa');
  });

  it('gives each mapped run of minified text to its source and the rest to the bundler', () => {
    // Line 1: "var a=1;" from source 0 at column 0, "b();" from source 1 at column 8.
    // Line 2: "(()=>{" unmapped, then "c()" from source 1 at column 6, then "})" from source 0.
    const code = 'var a=1;b();\n(()=>{c()})';
    const map = {
      sources: ['src/engine/run.ts', 'node_modules/react/index.js'],
      mappings: 'AAAA,QCAA;MAAA,GDAA',
    };
    const parts = splitByPart(code, map) as Map<string, string>;
    expect(Object.fromEntries(parts)).toEqual({
      'src/engine': 'var a=1;})',
      react: 'b();c()',
      'bundler glue': '(()=>{',
    });
  });
});
