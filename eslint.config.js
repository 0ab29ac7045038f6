// @ts-check
import js from '@eslint/js';
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
