// The lint settings every part shares (cms/, site/, config/, importer/, backup/, bench/, scripts/, tests/); the root
// eslint.config.js is this file. Typed: each file is linted with the types of the tsconfig.json that owns it.
import path from 'node:path';
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
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          // Files no tsconfig.json includes: the lint settings themselves, two plain-JS Node helpers, and the
          // benchmark's Astro config (loaded by Vite; bench/tsconfig.json leaves it out).
          allowDefaultProject: [
            'eslint.config.js',
            'config/eslint.config.js',
            'scripts/check-node.mjs',
            'tests/helpers/force-gc-preload.mjs',
            'bench/astro.config.ts',
          ],
        },
        tsconfigRootDir: path.dirname(import.meta.dirname),
      },
    },
    rules: {
      // `_name` says "deliberately unused" (a handler's ctx, a destructured field left out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      // Sanitisers here match control characters on purpose (NUL, ESC, C0), to strip or refuse them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // Services and pages log through their framework (Strapi's strapi.log, Astro's logger); a stray
      // console call is debugging left behind. The programs that talk to a terminal are allowed below.
      'no-console': 'error',
    },
  },
  {
    // Command-line programs and long-running processes whose terminal (or journal) is their output: the
    // launcher and its supervisor, backup/restore, the audit, the CMS and site build scripts, the importer's
    // commands, the benchmark and the publisher service.
    files: [
      'scripts/**',
      'backup/**',
      'bench/**',
      'cms/scripts/**',
      'importer/scripts/**',
      'site/scripts/**',
      'site/publisher/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests print the figures they measure (clicks, weights, request counts) so a run's log records them.
    files: ['tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // astro-eslint-parser has no projectService: it finds site/tsconfig.json through `project: true`.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true, extraFileExtensions: ['.astro'] } },
  },
  {
    // Code that runs in the reader's browser or the admin panel.
    files: ['site/src/scripts/**', 'cms/src/admin/**', 'site/src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
