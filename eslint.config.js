// @ts-check
/**
 * ESLint: typescript-eslint with type information over the TypeScript, eslint-plugin-astro and the syntactic rules over
 * the pages (whose types `astro check` reads).
 * Run through `npm run lint` (TypeScript 6 preloaded: tools/static-checks/typescript-6.js).
 */
import { astro, tseslint } from '@catalogue/static-checks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist.*/**',
      'export/**',
      '.astro/**',
      'node_modules/**',
      'reports/**',
      '.stryker-tmp/**',
      'tools/static-checks/node_modules/**',
      'screenshots/**',
      'bench-output/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
  },
  {
    // `astro check` type-checks the pages (frontmatter and templates); ESLint lints them without type information,
    // which would build a second TypeScript program (astro-eslint-parser cannot share the project service).
    files: ['**/*.astro'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { parser: tseslint.parser, projectService: false, project: null } },
    rules: {
      // A look-up in a page must handle the missing case (a 404-worthy id), not assert it away.
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  // The <script> blocks of .astro files are linted as virtual files of their own, which have no type information.
  {
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: ['src/scripts/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Tests read what the site and the commands wrote (JSON, HTML) and assert on its shape.
    files: ['tests/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);
