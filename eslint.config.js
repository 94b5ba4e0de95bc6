// @ts-check
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const react = require('eslint-plugin-react');
const reactHooks = require('eslint-plugin-react-hooks');
const prettierRecommended = require('eslint-plugin-prettier/recommended');
const globals = require('globals');

/*
 * eslint-plugin-office-addins' own configs carry an older typescript-eslint of their own, and ESLint
 * refuses two different plugins under one name; so we take its rules, at the severities its
 * recommended config gives them, and run them with our typescript-eslint.
 */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith('office-addins/')),
);

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Relative or `src/…` imports of the given top-level folders of src/. */
const importsOfFolders = (folders) => `^(?:\\.{1,2}/(?:.*/)?|(?:.*/)?src/)(?:${folders.join('|')})(?:/|$)`;

/*
 * The core is pure and runs in every host and in the browser bundle: nothing from Office, Graph,
 * React, the DOM, Node, or the outer layers of our own code.
 */
const coreBoundary = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'src/core is pure: no Node built-ins. Do the I/O in src/store, src/server or src/cli.',
  })),
  patterns: [
    {
      group: [
        'react',
        'react-dom',
        'react-dom/*',
        'react/*',
        '@fluentui/*',
        '@microsoft/*',
        '@azure/*',
        'office-js',
        'office-addin-*',
        'exceljs',
        'exceljs/*',
      ],
      message:
        'src/core is pure: no UI, Office, Graph, MSAL or ExcelJS. Put it behind a port in the outer layers.',
    },
    {
      regex: importsOfFolders(['store', 'server', 'ui', 'hosts', 'cli', 'auth', 'dev']),
      message: 'src/core must not depend on the outer layers; they depend on it.',
    },
  ],
};

/* The UI talks to services; it gets the store through them, never an adapter or the file system. */
const uiBoundary = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'src/ui runs in the browser: no Node built-ins.' })),
  patterns: [
    {
      group: [
        'exceljs',
        'exceljs/*',
        '@microsoft/microsoft-graph-client',
        '@microsoft/microsoft-graph-client/*',
      ],
      message: 'src/ui must not reach a store directly: call a service.',
    },
    {
      regex: importsOfFolders(['store/(?:xlsx|graph|officejs)', 'server', 'cli']),
      message: 'src/ui must not import store adapters, the server or the CLI: call a service.',
    },
  ],
};

const storeBoundary = {
  patterns: [
    {
      regex: importsOfFolders(['ui', 'hosts', 'cli', 'server']),
      message: 'src/store sits below the UI, hosts, CLI and server and must not import them.',
    },
    { group: ['react', 'react-dom', '@fluentui/*'], message: 'src/store has no UI.' },
  ],
};

/* Services sit between the UI and the store port: no adapters, no UI, no hosts. */
const servicesBoundary = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'src/services runs in the browser: no Node built-ins.',
  })),
  patterns: [
    {
      regex: importsOfFolders(['store/(?:xlsx|graph|officejs)', 'ui', 'hosts', 'cli', 'server']),
      message: 'src/services depends on the store port and the core only; hosts inject the adapter.',
    },
    {
      group: ['react', 'react-dom', '@fluentui/*', 'exceljs'],
      message: 'src/services has no UI and no file format.',
    },
  ],
};

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    // Type information costs a few seconds; it buys the two rules that catch an unhandled promise.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
    },
  },
  {
    // Office.js lives only in the hosts and the Office.js store; elsewhere (ExcelJS cells) these
    // rules would read every `.value` as an unloaded proxy.
    files: ['src/hosts/**/*.{ts,tsx}', 'src/store/officejs/**/*.ts', 'test/store/officejs/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ['**/*.tsx'],
    ...react.configs.flat.recommended,
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: globals.browser },
    settings: { react: { version: 'detect' } },
  },
  {
    files: ['**/*.tsx'],
    ...react.configs.flat['jsx-runtime'],
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', coreBoundary],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest']
          .concat(['Office', 'Excel', 'Word', 'OfficeExtension', 'process', 'Buffer'])
          .map((name) => ({ name, message: 'src/core is pure: pass what it needs in as arguments.' })),
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', uiBoundary] },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', servicesBoundary] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', storeBoundary] },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  prettierRecommended,
);
