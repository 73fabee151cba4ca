#!/usr/bin/env node
// npm run test:storybook — the static Storybook as a reader meets it:
//   storybook build (into a temp folder; no "No story files found" warning) → serve it → in headless Chromium: the landing page is
//   "Getting started"; the Theming page shows a swatch for every --onair-* token; the Providers and
//   Accessibility pages render; a story renders from the static build (MSW answers there too); no
//   console error and no failed request on the way.
// One line per check; last line `storybook: N passed, M failed`; exit code 1 on any failure.
// Env: STORYBOOK_STATIC=<dir> checks an existing build instead of building; KEEP_TMP=1 keeps it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/browser.mjs';
import { run, seconds } from './lib/proc.mjs';
import { serveStatic } from './lib/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
let passed = 0;
let failed = 0;

async function check(name, body) {
  const t = performance.now();
  try {
    const detail = await body();
    passed += 1;
    console.log(`✔ ${name}${detail ? ` (${detail})` : ''} ${seconds(t)}`);
  } catch (error) {
    failed += 1;
    console.log(`✘ ${name}\n  ${String(error instanceof Error ? error.message : error).replace(/\n/g, '\n  ')}`);
  }
}

const tokens = [...new Set([...readFileSync(join(root, 'src/components/tokens.css'), 'utf8').matchAll(/(--onair-[a-z-]+)\s*:/g)].map((m) => m[1]))];
const tmp = process.env.STORYBOOK_STATIC ? undefined : mkdtempSync(join(tmpdir(), 'onair-storybook-'));
const dir = process.env.STORYBOOK_STATIC ?? join(tmp, 'site');

if (tmp) {
  await check('storybook build', async () => {
    const { ms, stdout, stderr } = await run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['storybook', 'build', '--disable-telemetry', '-o', dir], {
      cwd: root,
      timeoutMs: 600_000,
      env: { NO_COLOR: '1', STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    const warning = (stdout + stderr).split('\n').find((line) => /No story files found/.test(line));
    if (warning) throw new Error(warning.trim());
    return `${Math.round(ms / 1000)} s`;
  });
}

const served = await serveStatic(dir);
const server = { url: served.url.replace(/\/$/, ""), close: served.close };
const browser = await launchChromium();
try {
  /** Opens `path`, records console errors and failed requests, waits for `ready`. */
  async function visit(path, ready, inspect) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(`${server.url}${path}`, { timeout: 60_000 });
      const result = await ready(page);
      const detail = inspect ? await inspect(page, result) : '';
      await page.waitForTimeout(300);
      if (problems.length > 0) throw new Error(problems.join('\n'));
      return detail;
    } finally {
      await page.close();
    }
  }
  const docsFrame = async (page, heading) => {
    const frame = page.frameLocator('#storybook-preview-iframe');
    await frame.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 60_000 });
    return frame;
  };

  await check('landing page is Getting started', () =>
    visit('/', async (page) => {
      await docsFrame(page, 'OnAir — getting started');
      const url = page.url();
      if (!url.includes('getting-started')) throw new Error(`landed on ${url}`);
      return url.slice(server.url.length);
    }, (_page, path) => path),
  );

  await check('Theming shows every --onair-* token with a swatch, light, dark and custom', () =>
    visit('/iframe.html?id=theming--docs&viewMode=docs', async (page) => {
      await page.getByRole('heading', { name: 'Theming', level: 1 }).waitFor({ timeout: 60_000 });
      for (const theme of ['Light', 'Dark', 'Custom (the toolbar’s “Custom tokens”)']) {
        const section = page.getByRole('region', { name: theme });
        for (const token of tokens) {
          const cell = section.getByRole('cell', { name: token, exact: true });
          if ((await cell.count()) !== 1) throw new Error(`${theme}: no row for ${token}`);
        }
      }
      return `${tokens.length} tokens × 3`;
    }, (_page, detail) => detail),
  );

  for (const [id, heading] of [
    ['providers-daily--docs', 'Daily'],
    ['providers-realtimekit--docs', 'Cloudflare RealtimeKit'],
    ['providers-videosdk--docs', 'VideoSDK'],
    ['providers-opentalk--docs', 'OpenTalk'],
    ['accessibility--docs', 'Accessibility'],
    ['components-recordbutton--docs', 'RecordButton'],
  ]) {
    await check(`docs page ${id}`, () =>
      visit(`/iframe.html?id=${id}&viewMode=docs`, async (page) => {
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 60_000 });
        return '';
      }),
    );
  }

  await check('dark theme: the page behind a story has the canvas colour (no white frame)', () =>
    visit('/iframe.html?id=meeting-playground-realtimekit--realtime-kit&viewMode=story&globals=theme:dark', async (page) => {
      await page.getByText(/^\d+ recordings$/).first().waitFor({ timeout: 60_000 });
      const [body, canvas] = await page.evaluate(() => [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.onair-story-canvas')).backgroundColor,
      ]);
      if (body !== canvas || body === 'rgb(255, 255, 255)') throw new Error(`body ${body}, canvas ${canvas}`);
      return body;
    }, (_page, detail) => detail),
  );

  await check('the ConsentBanner Docs page takes no focus and does not scroll', () =>
    visit('/iframe.html?id=components-consentbanner--docs&viewMode=docs', async (page) => {
      await page.getByRole('heading', { name: 'ConsentBanner', level: 1 }).waitFor({ timeout: 60_000 });
      await page.getByRole('region', { name: 'This meeting is being recorded' }).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1_000);
      const [active, scrolled] = await page.evaluate(() => [document.activeElement?.tagName, window.scrollY]);
      if (active !== 'BODY' || scrolled !== 0) throw new Error(`focus on ${active}, scrolled ${scrolled} px`);
      return '';
    }),
  );

  await check('a REST story renders from the static build (MSW answers), without 404s', () =>
    visit('/iframe.html?id=meeting-playground-realtimekit--realtime-kit&viewMode=story', async (page) => {
      await page.getByText(/^\d+ recordings$/).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1_500);
      return '';
    }),
  );
} finally {
  await browser.close();
  await server.close();
  if (tmp && !process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
}

console.log(`(${seconds(started)} in all)`);
console.log(`storybook: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
