#!/usr/bin/env node
// npm run api — builds dist/ and writes the API reports api/*.api.md (one per package entry).
// npm run api:check (also a step of npm run test:package) — fails when the built surface differs
// from the committed reports, printing the declarations that changed.
// Flags: --check compares instead of writing; --no-build uses the dist/ already there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeFailure, runApiReports } from './lib/api-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const started = performance.now();

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url)), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const result = await runApiReports({ root, update: !check });
const ms = Math.round(performance.now() - started);
if (result.problems.length || result.changed.length) {
  console.error(describeFailure(result));
  process.exit(1);
}
console.log(
  check
    ? `api: ${result.entries.length} entries match api/*.api.md (${ms} ms)`
    : `api: api/*.api.md written for ${result.entries.length} entries (${ms} ms)`,
);
