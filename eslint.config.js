import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

// Layers: engine ← lessons ← store ← features ← app. A layer imports only from layers to its left.
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-single',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
      '.venv',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    // Node scripts; code they pass to page.evaluate() runs in the browser.
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'test/e2e/**', 'test/bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  layer(
    ['src/engine/**'],
    [
      '**/lessons/**',
      '**/store/**',
      '**/features/**',
      '**/components/**',
      '**/app/**',
      'react',
      'react-dom',
      'zustand',
      '@/*',
    ],
    'The engine is pure TypeScript: no lessons, store, React or UI imports.',
  ),
  layer(
    ['src/lessons/**'],
    ['**/store/**', '**/features/**', '**/components/**', '**/app/**', 'react', 'zustand'],
    'Lessons are data: they may import only the engine.',
  ),
  layer(
    ['src/store/**'],
    ['**/features/**', '**/components/**', '**/app/**', 'react-dom'],
    'The store may import only the engine and lessons.',
  ),
  layer(
    ['src/components/**'],
    ['**/features/**', '**/app/**', '**/lessons/**', '**/store/**'],
    'Shared components know nothing about lessons or the store.',
  ),
  {
    // Features may not import the app shell, nor each other (bulletproof-react's unidirectional
    // zones): what two features share lives in components/ (or store/, engine/).
    files: ['src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**'], message: 'Features may not import the app shell.' },
            {
              // '../other-feature/…', or any path through features/ (its own files are './…').
              regex: '^\\.\\./(?!\\.\\./)|(^|/)features/',
              message: 'A feature may not import another feature: share it through components/.',
            },
          ],
        },
      ],
    },
  },
);
