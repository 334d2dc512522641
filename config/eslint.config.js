// The lint settings every part shares (cms/, site/, config/, bench/, scripts/, tests/); the root
// eslint.config.js is this file. Recommended rules only, plus the few that caught real mistakes here:
// type-aware rules would double `npm run typecheck`, which already runs tsc on every part.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.astro/**',
      '**/.strapi/**',
      '**/.cache/**',
      '**/.tmp/**',
      'cms/types/generated/**',
      'cms/public/**',
      'site/.releases/**',
      'tests/artifacts/**',
      'backups/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` says "deliberately unused" (a handler's ctx, a destructured field left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      // Sanitisers here match control characters on purpose (NUL, ESC, C0), to strip or refuse them.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  {
    // Code that runs in the reader's browser or the admin panel.
    files: ['site/src/scripts/**', 'cms/src/admin/**', 'site/src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
