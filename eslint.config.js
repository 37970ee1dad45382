import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Layers are enforced here, not by good intentions (DESIGN.md, convention 1):
// shared/ imports neither Node nor Electron nor React; renderer/ imports neither Node nor electron/.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'url',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'native/', 'test-artifacts/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node APIs.' },
            {
              group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'lexical', '@lexical/*'],
              message: 'shared/ must not depend on a runtime.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is the bottom layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser: no Node APIs.' },
            {
              group: ['electron', 'better-sqlite3'],
              message: 'The renderer talks to the main process only through the API contract.',
            },
            { group: ['**/electron/**'], message: 'The renderer imports shared/ only.' },
          ],
        },
      ],
    },
  },
  prettier,
);
