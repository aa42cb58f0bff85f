import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Every file that registers routes (test/unit/route-files.test.ts holds src/features to it). */
export const ROUTE_FILES = ['src/features/**/*routes.ts'];

/** What a route file may not import: the database, the system bypass, the checkpoint itself. */
function routeFileImports({ allowTypes }) {
  return {
    patterns: [
      {
        group: ['**/db/*', '**/db/**'],
        allowTypeImports: allowTypes,
        message: 'Route handlers use the context their policy grants (src/server/route.ts), never the database.',
      },
      {
        group: ['**/access/checkpoint.js'],
        importNames: ['systemRepo', 'ScopedRepo'],
        message:
          'Route handlers get their context from src/server/route.ts; systemRepo is for jobs, the CLI and seeding.',
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.tmp/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Files that register routes reach data only through the context their route's policy grants
  // (src/server/route.ts, src/access/contexts.ts): never the database, never the checkpoint's
  // system bypass nor a ScopedRepo of their own. Every file under src/features that registers a
  // route must be named *routes.ts; test/unit/route-files.test.ts finds each file that does and
  // checks that this rule covers it.
  {
    files: ROUTE_FILES,
    rules: { 'no-restricted-imports': ['error', routeFileImports({ allowTypes: false })] },
  },
  {
    // Sign-in works on accounts and sessions before anyone has a context: it hands the database to
    // its use cases, so it may name the type. It still imports no value from src/db.
    files: ['src/features/auth/routes.ts'],
    rules: { 'no-restricted-imports': ['error', routeFileImports({ allowTypes: true })] },
  },
);
