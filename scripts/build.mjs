#!/usr/bin/env node
// npm run build: dist/ from src/ — ESM JavaScript + .d.ts by tsc (tsconfig.build.json, NodeNext),
// and dist/styles.css, the @import chain of src/styles.css inlined into one plain CSS file.
// No bundler: each src module becomes one dist module, so apps tree-shake what they import.
// Client modules (dist/hooks, dist/provider, dist/components, dist/locales) start with a 'use client' directive,
// so React Server Components frameworks (Next.js app router) can import the kit from a Server
// Component; core, adapters, store, query, simulator and server stay directive-free, and the
// build fails if a module outside the client folders imports React at run time or if the server
// entry reaches React through its imports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inlineCss } from './lib/css.mjs';
import { checkClientBoundaries, markClientModules } from './lib/directives.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const started = performance.now();
const quiet = process.argv.includes('--quiet');

rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('build: tsc -p tsconfig.build.json failed (see above).');
  process.exit(1);
}

const marked = markClientModules(dist);
const problems = checkClientBoundaries(dist);
if (problems.length) {
  console.error(`build: client/server boundary problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const { css, files } = inlineCss(fileURLToPath(new URL('../src/styles.css', import.meta.url)), { root: `${root}src` });
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}styles.css`, css);

if (!quiet) {
  const ms = Math.round(performance.now() - started);
  console.log(`build: dist/ written (tsc + styles.css from ${files.length} CSS files, 'use client' on ${marked.length} modules) in ${ms} ms`);
}
