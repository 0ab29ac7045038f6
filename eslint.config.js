// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Dependencies point inward (docs/architecture.md): core imports nothing of ours; store, ingest,
 * analysis and sharing import core only; server and cli wire everything; web takes types from core.
 * test/architecture.test.ts checks the same rule by walking every import.
 */
const forbid = (...layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        regex: `^(\\.\\./)+${layer}/`,
        message: `This layer may not import src/${layer} (see docs/architecture.md).`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules (ADR 0023): a promise nobody awaits loses its error, one handed to a
    // callback that ignores it (an event listener, a form's onSubmit) runs unobserved, and a
    // switch over a union must name every member.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's it/describe return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['it', 'describe', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useLoad takes its dependencies as useEffect does: its call sites are checked the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: forbid('store', 'ingest', 'analysis', 'sharing', 'server', 'cli'),
  },
  { files: ['src/store/**/*.ts'], rules: forbid('ingest', 'analysis', 'sharing', 'server', 'cli') },
  { files: ['src/ingest/**/*.ts'], rules: forbid('store', 'analysis', 'sharing', 'server', 'cli') },
  { files: ['src/analysis/**/*.ts'], rules: forbid('store', 'ingest', 'sharing', 'server', 'cli') },
  { files: ['src/sharing/**/*.ts'], rules: forbid('store', 'ingest', 'analysis', 'server', 'cli') },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: forbid('store', 'ingest', 'analysis', 'sharing', 'server', 'cli'),
  },
);
