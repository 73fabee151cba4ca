// Lint, including the layer rule of DESIGN.md §2: an import against the allowed direction fails.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Forbids imports whose specifier matches `regex`, with a message naming the rule broken. */
function layer(files, regex, message, extra = []) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex, message }, ...extra] }],
    },
  };
}

const folder = (...names) => `(^|/)(${names.join('|')})/`;

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'coverage/', 'public/', '**/*.d.ts', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // ── Layers (DESIGN.md §2) ──────────────────────────────────────────────
  layer(['src/core/**'], '^(?!\\./)', 'core is pure TypeScript: it imports only its own files (no React, no other layer, no package).'),
  layer(
    ['src/adapters/**'],
    `${folder('store', 'query', 'hooks', 'components', 'provider', 'simulator')}|^react|^zustand|^@tanstack`,
    'adapters import core only (and their own files); a provider SDK is never imported.',
  ),
  layer(
    ['src/store/**'],
    `${folder('adapters', 'query', 'hooks', 'components', 'provider', 'simulator')}|^react|^@tanstack`,
    'store imports core only (and zustand/vanilla).',
  ),
  layer(
    ['src/query/**'],
    `${folder('adapters', 'store', 'hooks', 'components', 'provider', 'simulator')}`,
    'query imports core only (and React Query).',
  ),
  layer(['src/hooks/**'], folder('adapters', 'components', 'provider', 'simulator'), 'hooks import core, store and query only.', [
    { regex: folder('local'), message: 'hooks may import the local recorder\u2019s types only (import type): the recorder is passed in.', allowTypeImports: true },
  ]),
  layer(
    ['src/components/**'],
    folder('adapters', 'store', 'query', 'provider', 'simulator'),
    'components import hooks and core helpers only — never adapters or store internals.',
    [{ regex: folder('local'), message: 'components may import the local recorder\u2019s types only (import type).', allowTypeImports: true }],
  ),
  layer(
    ['src/local/**'],
    `${folder('adapters', 'store', 'query', 'hooks', 'components', 'provider', 'simulator', 'server', 'locales')}|^react|^zustand|^@tanstack|^(?!\\.)`,
    'local (the in-browser recorder) imports core only: MediaRecorder, IndexedDB and Web Audio as the browser has them, no React, no package.',
  ),
  layer(['src/provider/**'], folder('adapters', 'components', 'simulator'), 'provider wires core, store, query and hooks; it imports no adapter, component or simulator.'),
  layer(
    ['src/simulator/**'],
    `${folder('store', 'query', 'hooks', 'components', 'provider')}|^react|^@tanstack|^zustand`,
    'simulator imports core and adapters\u2019 public types only.',
    [{ regex: folder('adapters'), message: 'simulator may import adapters\u2019 types only (import type).', allowTypeImports: true }],
  ),
  layer(
    ['src/server/**'],
    `${folder('adapters', 'store', 'query', 'hooks', 'components', 'provider', 'simulator', 'local')}|^react|^zustand|^@tanstack|^node:|^(?!\\.|jose$)`,
    'server imports core only: web-standard Request/Response, no React, no Node built-ins, no dependency but `jose` (JWT on Web Crypto).',
  ),
  layer(
    ['src/locales/**'],
    `${folder('adapters', 'store', 'query', 'hooks', 'components', 'provider', 'simulator', 'server')}|^react|^zustand|^@tanstack`,
    'locale packs import core types only (and their own Intl helpers): plain data, no React.',
  ),
  layer(['src/index.ts', 'src/advanced.ts'], folder('simulator', 'adapters', 'local'), 'the main and advanced entries export no simulator, adapter or local recorder: they have their own subpath entries.'),
  // Tests and stories may use the simulator and any layer.
  {
    files: ['test/**', 'stories/**', '.storybook/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
