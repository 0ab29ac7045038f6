// @ts-check
// `npm run lint:typed`: the project's lint plus type-aware rules and the React hooks rules
// (ADR 0023). Not yet part of `npm run check`: its findings are still to be fixed.
import reactHooks from 'eslint-plugin-react-hooks';
import base from './eslint.config.js';

export default [
  ...base,
  {
    // A promise nobody awaits loses its error, one handed to a callback that ignores it (an
    // event listener, a Fastify hook) runs unobserved, and a switch over a union must name
    // every member.
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
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];
