#!/usr/bin/env node
// npm run test:package — checks the package as it is published, not the source:
//   npm pack from a tree without dist/ (the package's prepack builds, as on a release) → 'use client'
//   boundaries of dist/ → API reports (api/*.api.md) match dist/ → publint + Are-The-Types-Wrong (esm-only) on the tarball →
//   consumer apps (Vite + React 19 and React 18) installing the tarball: tsc --noEmit
//   (moduleResolution bundler), vite build, load in headless Chromium (record button by role,
//   a click reaches the simulator, no console errors) → server render of every component
//   with the installed package in Node (no throw, no console.error/warn); and a Next.js app-router
//   consumer (test/package/next-app.mjs): next build with no warning, next start, the page's HTML
//   server-rendered, hydrated in Chromium with no console error or warning (a click reaches the
//   simulator), the webhook relay of onair-react/server answering as route handlers.
// One line per check; last line `package: N passed, M failed`; exit code 1 on any failure.
// Env: KEEP_TMP=1 keeps the temp folder; CHROMIUM_PATH picks the browser.
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { componentNames, propsOf, writeConsumerApp } from '../test/package/consumer.mjs';
import { NEXT_RELAY_ROOM, NEXT_RELAY_SECRET, writeNextApp } from '../test/package/next-app.mjs';
import { launchChromium } from './lib/browser.mjs';
import { describeFailure, runApiReports } from './lib/api-report.mjs';
import { checkClientBoundaries, CLIENT_FOLDERS, REACT_FREE_ENTRIES } from './lib/directives.mjs';
import { run, seconds } from './lib/proc.mjs';
import { serveStatic } from './lib/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const started = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'onair-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quietEnv = {
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  NO_COLOR: '1',
};

let passed = 0;
let failed = 0;

/**
 * Runs one check; prints `✔ name (detail, time)` or `✘ name` with the reason.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} body resolves with a short detail string or { detail, value }
 * @returns {Promise<T | undefined>}
 */
async function check(name, body) {
  const t = performance.now();
  try {
    const result = await body();
    const detail = typeof result === 'string' ? result : (result?.detail ?? '');
    passed += 1;
    console.log(`✔ ${name}${detail ? ` — ${detail}` : ''} (${seconds(t)})`);
    return result;
  } catch (error) {
    failed += 1;
    const message = error instanceof Error ? error.message : String(error);
    console.log(`✘ ${name} (${seconds(t)})\n${message.replace(/^/gm, '    ')}`);
    return undefined;
  }
}

function finish() {
  if (process.env.KEEP_TMP) console.log(`temp folder kept: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  console.log(`(${seconds(started)} in all)`);
  console.log(`package: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const installed = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

// 1. Pack as a release would: from a tree with no dist/, with npm's lifecycle scripts on, so the
// package's own `prepack` must build (issue 22.1: a clone's `npm pack` shipped README + package.json).
const exportTargets = Object.entries(pkg.exports).flatMap(([, target]) => (typeof target === 'string' ? [target] : Object.values(target)));
const tarball = await check('npm pack from a clean tree (prepack builds dist/)', async () => {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: root, env: quietEnv, timeoutMs: 300_000 });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1));
  const files = info.files.map((file) => file.path);
  const absent = exportTargets.map((file) => file.replace(/^\.\//, '')).filter((file) => !files.includes(file));
  if (absent.length) throw new Error(`the tarball lacks exports targets (no prepack build?): ${absent.join(', ')} — it holds ${files.join(', ')}`);
  const stray = files.filter((file) => !/^(dist\/|README\.md$|LICENSE|package\.json$)/.test(file));
  if (stray.length) throw new Error(`unexpected files in the tarball: ${stray.join(', ')}`);
  const tests = files.filter((file) => /\.(test|stories)\.|\/(test|stories|__tests__)\//.test(file));
  if (tests.length) throw new Error(`tests or stories in the tarball: ${tests.join(', ')}`);
  return { detail: `${info.filename}, ${files.length} files, ${(info.size / 1024).toFixed(1)} kB packed, every exports target inside`, value: join(tmp, info.filename) };
});
if (!tarball) finish();

await check("'use client' boundaries (dist)", async () => {
  const problems = checkClientBoundaries(join(root, 'dist'));
  if (problems.length) throw new Error(problems.join('\n'));
  return `every module of ${CLIENT_FOLDERS.join(', ')} starts with 'use client', no other does or imports React; ${REACT_FREE_ENTRIES.join(', ')} reaches no React`;
});

await check('API report (api/*.api.md, API Extractor over dist/*.d.ts)', async () => {
  const result = await runApiReports({ root, update: false });
  if (result.problems.length || result.changed.length) throw new Error(describeFailure(result));
  return `${result.entries.length} entries match the committed reports; release tags on every export`;
});

const tgz = tarball.value;

// 2. publint and Are-The-Types-Wrong on the tarball.
await check('publint (tarball)', async () => {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const buffer = readFileSync(tgz);
  const tarballBytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const { messages, pkg: packed } = await publint({ pack: { tarball: tarballBytes }, level: 'suggestion' });
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, packed) ?? m.code}`);
  const bad = messages.filter((m) => m.type === 'error' || m.type === 'warning');
  if (bad.length) throw new Error(lines.join('\n'));
  return lines.length ? `no errors or warnings; ${lines.length} suggestion(s): ${lines.join(' | ')}` : 'no errors, warnings or suggestions';
});

await check('Are-The-Types-Wrong (tarball, --profile esm-only)', async () => {
  const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  // Stylesheets are entries for bundlers, not for TypeScript: ATTW would report them unresolved.
  const assets = Object.keys(pkg.exports).filter((key) => /\.css$/.test(key));
  const args = [attw, tgz, '--profile', 'esm-only', '--no-definitely-typed', '--no-emoji', '--no-color', '--format', 'table-flipped'];
  if (assets.length) args.push('--exclude-entrypoints', ...assets);
  await run(process.execPath, args, { cwd: tmp, env: quietEnv, timeoutMs: 180_000 });
  return `entries ${Object.keys(pkg.exports).filter((key) => !/\.(css|json)$/.test(key)).join(', ')} resolve with types`;
});

// 3. Consumer apps on React 19 and 18.
const entry = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const components = componentNames(entry);
const versions = {
  vite: installed('vite'),
  '@vitejs/plugin-react': installed('@vitejs/plugin-react'),
  '@tanstack/react-query': `^${installed('@tanstack/react-query')}`,
};
const apps = [19, 18].map((react) => ({ react, dir: join(tmp, `react${react}`) }));
for (const app of apps) {
  writeConsumerApp(app.dir, { react: app.react, tarball: tgz, components, versions });
  copyFileSync(join(root, 'test/package/ssr.mjs'), join(app.dir, 'ssr.mjs'));
}
const nextApp = join(tmp, 'next');
writeNextApp(nextApp, { tarball: tgz, components, versions: { ...versions, next: installed('next') } });
console.log(`  consumer apps render ${components.length} components: ${components.join(', ') || '(none exported yet)'}`);

const tsc = require.resolve('typescript/bin/tsc');
/** @type {Promise<import('playwright-core').Browser> | undefined} */
let browserPromise;
const browser = () => (browserPromise ??= launchChromium());

// The two apps run side by side; in each, the type check runs beside build → browser → server render.
try {
  await Promise.all([...apps.map((app) => consumer(app)), nextConsumer(nextApp)]);
} finally {
  if (browserPromise) await (await browserPromise.catch(() => undefined))?.close();
}
finish();

/** @param {{ react: number, dir: string }} app */
async function consumer(app) {
  const label = `React ${app.react} consumer`;
  const ready = await check(`${label}: npm install (tarball + react ${app.react} + vite)`, async () => {
    await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--ignore-scripts'], {
      cwd: app.dir,
      env: quietEnv,
      timeoutMs: 180_000,
    });
    const react = JSON.parse(readFileSync(join(app.dir, 'node_modules/react/package.json'), 'utf8')).version;
    if (Number(react.split('.')[0]) !== app.react) throw new Error(`installed react ${react}, wanted ${app.react}`);
    return `react ${react}`;
  });
  if (!ready) return;

  const typecheck = check(`${label}: tsc --noEmit (moduleResolution bundler, skipLibCheck false)`, async () => {
    await run(process.execPath, [tsc, '-p', join(app.dir, 'tsconfig.json')], { cwd: app.dir, timeoutMs: 300_000 });
    return 'published types resolve and type-check';
  });

  const builtApp = await check(`${label}: vite build`, async () => {
    await run(process.execPath, [join(app.dir, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: app.dir, env: quietEnv, timeoutMs: 300_000 });
    const html = readFileSync(join(app.dir, 'dist/index.html'), 'utf8');
    if (!/\.css"/.test(html)) throw new Error('the build has no CSS file: onair-react/styles.css was not bundled');
    return 'built with styles.css';
  });

  if (builtApp) {
    await check(`${label}: headless Chromium (record button by role, click reaches simulator, no console errors)`, async () => {
      const server = await serveStatic(join(app.dir, 'dist'));
      const page = await (await browser()).newPage();
      const errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      try {
        await page.goto(server.url, { waitUntil: 'load', timeout: 60_000 });
        const record = page.getByRole('button', { name: /start recording/i }).first();
        await record.waitFor({ state: 'visible', timeout: 60_000 });
        await record.click();
        await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('recording:recording'), null, {
          timeout: 60_000,
        });
        await page.getByRole('button', { name: /stop recording/i }).first().waitFor({ state: 'visible', timeout: 60_000 });
        const text = await page.getByTestId('status').textContent();
        if (errors.length) throw new Error(errors.join('\n'));
        return `"Start recording" visible; after a click: ${text}`;
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new Error([message, ...errors].join('\n'), { cause: error });
      } finally {
        await page.close();
        await server.close();
      }
    });
  }

  await check(`${label}: server render in Node (renderToString, every component in OnAirProvider)`, async () => {
    const input = components.map((name) => ({ name, props: propsOf(name) }));
    const { stdout } = await run(process.execPath, ['ssr.mjs', JSON.stringify(input)], { cwd: app.dir, timeoutMs: 180_000 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    if (result.problems?.length) throw new Error(result.problems.join('\n'));
    return `react-dom/server ${result.react}, ${result.components} components, ${result.bytes} bytes of HTML, no console errors or warnings`;
  });

  await typecheck;
}

/** A free loopback port (the OS picks it; closed again before Next listens on it). */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `body` until it resolves truthy or `timeoutMs` passes (then throws `message`). */
async function until(body, timeoutMs, message) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await body().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 250));
  }
}

/** @param {string} dir */
async function nextConsumer(dir) {
  const label = 'Next.js consumer';
  // No telemetry, no lockfile patching (Next would ask the registry for missing SWC entries).
  const nextEnv = { ...quietEnv, NEXT_TELEMETRY_DISABLED: '1', NEXT_IGNORE_INCORRECT_LOCKFILE: '1' };
  const nextBin = join(dir, 'node_modules/next/dist/bin/next');
  const ready = await check(`${label}: npm install (tarball + next ${installed('next')} + react 19)`, async () => {
    await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--ignore-scripts'], { cwd: dir, env: quietEnv, timeoutMs: 300_000 });
    const version = (name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    return `next ${version('next')}, react ${version('react')}`;
  });
  if (!ready) return;

  const built = await check(`${label}: next build (app router, Server Component page, no warnings)`, async () => {
    const { stdout, stderr } = await run(process.execPath, [nextBin, 'build'], { cwd: dir, env: nextEnv, timeoutMs: 600_000 });
    const output = `${stdout}\n${stderr}`;
    // Next's own advice to CI servers (printed only when CI is set, as on the CI runner) is about
    // caching .next between builds, not about this app or the kit: it is not counted.
    const ciAdvice = /No build cache found/;
    const warnings = output
      .split('\n')
      .filter((line) => /⚠|\bwarn(ing)?\b|download|patching/i.test(line) && !ciAdvice.test(line));
    if (warnings.length) throw new Error(`next build printed:\n${warnings.join('\n')}`);
    if (!/\/relay\/\[action\]/.test(output)) throw new Error(`the relay route is missing from the build:\n${output}`);
    return 'built with no warning; / prerendered, /relay/[action] dynamic';
  });
  if (!built) return;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, ...nextEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  try {
    const started = await check(`${label}: next start`, async () => {
      await until(async () => (await fetch(`${base}/`)).ok, 120_000, `next start did not answer on ${base} within 120 s:\n${log}`);
      return `answering on ${base}`;
    });
    if (!started) return;

    await check(`${label}: server-rendered HTML`, async () => {
      const html = await (await fetch(`${base}/`)).text();
      const buttons = html.match(/>Start recording</g)?.length ?? 0;
      if (buttons < 2) throw new Error(`expected "Start recording" from the server tree and the island in the HTML, found ${buttons}`);
      if (!/onair-root/.test(html)) throw new Error('no OnAirProvider root in the HTML');
      if (!/>Aufnahme starten</.test(html)) throw new Error('the German pack passed from the Server Component did not reach the HTML ("Aufnahme starten")');
      return `"Start recording" ${buttons}× and "Aufnahme starten" in ${(html.length / 1024).toFixed(1)} kB of HTML`;
    });

    await check(`${label}: hydrates in headless Chromium (no console error or warning; a click reaches the simulator)`, async () => {
      const page = await (await browser()).newPage();
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      try {
        await page.goto(`${base}/`, { waitUntil: 'load', timeout: 60_000 });
        const meeting = page.getByRole('region', { name: 'Meeting' });
        await meeting.getByTestId('status').waitFor({ state: 'visible', timeout: 30_000 });
        // Only a hydrated island answers a click: the status changes through the simulator. A click
        // that did reach it may take longer than one round here on a loaded machine (then the start
        // button is gone): each round first looks whether the recording already runs.
        const recording = () => page.evaluate(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('recording:recording') === true);
        await until(
          async () => {
            if (await recording()) return true;
            await meeting.getByRole('button', { name: /start recording/i }).first().click({ timeout: 5_000 });
            return page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('recording:recording'), null, { timeout: 10_000 });
          },
          120_000,
          'the island never hydrated: a click on "Start recording" did not reach the simulator',
        );
        await meeting.getByRole('button', { name: /stop recording/i }).first().waitFor({ state: 'visible', timeout: 60_000 });
        await page.getByRole('region', { name: 'Server tree, German' }).getByRole('button', { name: 'Aufnahme starten' }).waitFor({ state: 'visible', timeout: 60_000 });
        const server = page.getByRole('region', { name: 'Server tree', exact: true });
        const serverButtons = await server.getByRole('button').count();
        if (problems.length) throw new Error(problems.join('\n'));
        return `hydrated; after a click: ${await meeting.getByTestId('status').textContent()}; ${serverButtons} buttons in the server tree`;
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new Error([message, ...problems].join('\n'), { cause: error });
      } finally {
        await page.close();
      }
    });

    await check(`${label}: route handlers mount the relay (onair-react/server)`, async () => {
      const webhook = { webhookType: 'participant-recording-started', data: { meetingId: NEXT_RELAY_ROOM, sessionId: 's1', participantId: 'ada', fileFormat: 'webm' } };
      const post = (token) =>
        fetch(`${base}/relay/webhook?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webhook) });
      const refused = await post('wrong-secret');
      if (refused.status !== 401) throw new Error(`a webhook with a wrong secret answered ${refused.status}, wanted 401`);
      const accepted = await post(NEXT_RELAY_SECRET);
      if (accepted.status !== 204) throw new Error(`the webhook answered ${accepted.status}, wanted 204: ${await accepted.text()}`);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const events = await fetch(`${base}/relay/events?roomId=${NEXT_RELAY_ROOM}`, { signal: controller.signal });
        if (!events.ok || !/text\/event-stream/.test(events.headers.get('content-type') ?? '')) {
          throw new Error(`GET /relay/events answered ${events.status} ${events.headers.get('content-type')}`);
        }
        const reader = events.body.getReader();
        const decoder = new TextDecoder();
        let text = '';
        while (!text.includes('participant-recording-started')) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`the event stream ended without the webhook:\n${text}`);
          text += decoder.decode(value, { stream: true });
        }
        await reader.cancel();
        return 'wrong secret → 401, webhook → 204, replayed to an SSE subscriber of the room';
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolvePromise) => {
      if (server.exitCode !== null || server.signalCode !== null) resolvePromise(undefined);
      else server.once('exit', () => resolvePromise(undefined));
    });
  }
}
