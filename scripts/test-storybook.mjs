#!/usr/bin/env node
// npm run test:storybook — the static Storybook as a reader meets it:
//   storybook build (into a temp folder; no "No story files found" warning) → serve it → in headless Chromium: the landing page is
//   "Getting started"; the Theming page shows a swatch for every --onair-* token; the Providers and
//   Accessibility pages render, every Markdown table as a table (22.3); stories on one Docs page keep
//   their own request handlers (22.4); the playgrounds' Play plays real media and Download saves it
//   (22.2); the Theming page's dark table reads at 4.5:1 (22.5); Arabic at 375 px keeps URLs LTR and
//   nothing off the screen (22.7); a story renders from the static build (MSW answers there too); no
//   console error and no failed request on the way.
// One line per check; last line `storybook: N passed, M failed`; exit code 1 on any failure.
// Env: STORYBOOK_STATIC=<dir> checks an existing build instead of building; KEEP_TMP=1 keeps it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  async function visit(path, ready, inspect, options = {}) {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true });
    const problems = [];
    // A page whose stories fail requests on purpose (error states) passes `expectedFailures`.
    page.on('console', (m) => {
      if (m.type() === 'error' && !options.expectedFailures) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && !options.expectedFailures) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      if (!options.expectedFailures) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? ''})`);
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

  // 22.3: every Markdown table of an MDX page renders as a table (GFM), never as raw `| --- |` text.
  const mdxPages = readdirSync(join(root, 'stories/docs'), { recursive: true })
    .filter((file) => String(file).endsWith('.mdx'))
    .map((file) => {
      const source = readFileSync(join(root, 'stories/docs', String(file)), 'utf8');
      const title = /<Meta\s+title="([^"]+)"/.exec(source)?.[1] ?? '';
      const id = `${title.toLowerCase().replace(/[^a-z0-9/]+/g, '-').replace(/\//g, '-')}--docs`;
      const tables = source.split('\n').filter((line) => /^\s*\|\s*:?-{3,}/.test(line)).length;
      return { file: String(file), id, tables };
    })
    .filter((page) => page.tables > 0);
  for (const mdx of mdxPages) {
    await check(`22.3: ${mdx.file}: ${mdx.tables} Markdown table(s) render as tables, no raw | --- |`, () =>
      visit(`/iframe.html?id=${mdx.id}&viewMode=docs`, async (page) => {
        await page.locator('#storybook-docs h1').first().waitFor({ timeout: 60_000 });
        const [tables, raw] = await page.evaluate(() => {
          const docs = document.querySelector('#storybook-docs');
          return [docs.querySelectorAll('table').length, /\|\s*:?-{3,}/.exec(docs.innerText)?.[0] ?? ''];
        });
        if (raw) throw new Error(`raw Markdown table text on the page: "${raw}"`);
        if (tables < mdx.tables) throw new Error(`${tables} tables rendered, the MDX has ${mdx.tables}`);
        return `${tables} tables`;
      }, (_page, detail) => detail),
    );
  }

  // 22.4: stories on one Docs page keep their own MSW handlers (each uses its own URLs).
  await check('22.4: RecordingList Docs page: the stories that load alone also load together', () =>
    visit('/iframe.html?id=components-recordinglist--docs&viewMode=docs', async (page) => {
      const anchor = (story) => page.locator(`#anchor--components-recordinglist--${story}`);
      await anchor('ready').getByText('Page 1 of 4').waitFor({ timeout: 60_000 });
      await anchor('empty').getByText('No recordings yet', { exact: true }).waitFor({ timeout: 60_000 });
      await anchor('expired-links-refresh').getByRole('link').first().waitFor({ timeout: 60_000 });
      await anchor('many-rows').getByRole('listitem').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(3_000); // a poll or two of every list
      const broken = [];
      for (const story of ['ready', 'paging', 'loading', 'empty', 'expired-links-refresh', 'many-rows']) {
        const text = await anchor(story).innerText();
        if (/could not be loaded/.test(text)) broken.push(`${story}: ${text.split('\n').find((line) => /could not be loaded/.test(line))}`);
      }
      if (broken.length) throw new Error(broken.join('\n'));
      return '';
    }, undefined, { expectedFailures: true }),
  );
  await check('22.4: RecordingPlayer Docs page: the first two previews show their recordings with Play', () =>
    visit('/iframe.html?id=components-recordingplayer--docs&viewMode=docs', async (page) => {
      for (const story of ['in-recording-list', 'expired-link-refreshed']) {
        await page.locator(`#anchor--components-recordingplayer--${story}`).getByRole('button', { name: /^Play/ }).first().waitFor({ timeout: 60_000 });
      }
      await page.waitForTimeout(2_000);
      const text = await page.locator('#storybook-docs').innerText();
      if (/could not be loaded/.test(text)) throw new Error('a preview says “Recordings could not be loaded”');
      return '';
    }, undefined, { expectedFailures: true }),
  );

  // 22.2: the simulators' links are real sample media, served with the static build.
  /** Presses the first Play, plays the media and waits until it has played; then saves the first download link. */
  async function playAndDownload(page, { play, link, magic }) {
    await page.getByRole('button', { name: play }).first().click();
    // The player opens with the browser's own media controls; press their play (as a person would).
    const media = page.locator('dialog video, dialog audio').first();
    await media.waitFor({ timeout: 60_000 });
    await media.evaluate((element) => element.play());
    const handle = await page.waitForFunction(
      () => {
        const media = document.querySelector('dialog video, dialog audio, video, audio');
        return media && !media.paused && media.currentTime > 0.5 && (media.tagName === 'AUDIO' || media.videoWidth > 0) ? media.tagName : null;
      },
      undefined,
      { timeout: 60_000, polling: 250 },
    );
    const tag = await handle.jsonValue();
    if (await page.getByText('This recording could not be played.').count()) throw new Error('the player says it could not play');
    await page.keyboard.press('Escape');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name: link }).first().click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    if (bytes.length < 10_000 || !bytes.subarray(0, 64).includes(Buffer.from(magic, 'latin1'))) {
      throw new Error(`the download is not the media (${bytes.length} bytes: ${JSON.stringify(bytes.subarray(0, 16).toString('latin1'))})`);
    }
    return `${tag.toLowerCase()} played; ${download.suggestedFilename()} saved, ${bytes.length} bytes`;
  }
  await check('22.2: RealtimeKit playground: Play plays real media and Download saves the file (no network)', () =>
    visit('/iframe.html?id=meeting-playground-realtimekit--realtime-kit&viewMode=story', async (page) => {
      await page.getByText('2 recordings').first().waitFor({ timeout: 60_000 });
      return playAndDownload(page, { play: /^Play, /, link: /^Download video, /, magic: 'ftyp' });
    }, (_page, detail) => detail),
  );
  await check('22.2: VideoSDK playground: Play plays the stored recording and Download saves it', () =>
    visit('/iframe.html?id=meeting-playground-videosdk--video-sdk&viewMode=story', async (page) => {
      await page.getByRole('button', { name: /^Play/ }).first().waitFor({ timeout: 60_000 });
      return playAndDownload(page, { play: /^Play/, link: /^Download/, magic: '\x1a\x45\xdf\xa3' });
    }, (_page, detail) => detail),
  );

  // 22.5: the Theming page's dark table: every cell readable (text contrast ≥ 4.5:1 on what is behind it).
  await check('22.5: Theming, dark table: every row reads at ≥ 4.5:1', () =>
    visit('/iframe.html?id=theming--docs&viewMode=docs', async (page) => {
      const section = page.getByRole('region', { name: 'Dark' });
      await section.getByRole('cell', { name: '--onair-surface', exact: true }).waitFor({ timeout: 60_000 });
      const worst = await section.evaluate((root) => {
        const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
        const rgba = (css) => {
          ctx.clearRect(0, 0, 1, 1);
          ctx.fillStyle = '#000';
          ctx.fillStyle = css;
          ctx.fillRect(0, 0, 1, 1);
          return [...ctx.getImageData(0, 0, 1, 1).data];
        };
        const behind = (el) => {
          for (let node = el; node; node = node.parentElement) {
            const [r, g, b, a] = rgba(getComputedStyle(node).backgroundColor);
            if (a > 0) return [r, g, b];
          }
          return [255, 255, 255];
        };
        const lum = ([r, g, b]) => {
          const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        let low = { ratio: Infinity, text: '' };
        for (const el of root.querySelectorAll('tbody td code')) {
          const a = lum(rgba(getComputedStyle(el).color));
          const b = lum(behind(el));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < low.ratio) low = { ratio, text: el.textContent };
        }
        return low;
      });
      if (worst.ratio < 4.5) throw new Error(`"${worst.text}" has contrast ${worst.ratio.toFixed(2)}:1`);
      return `lowest ${worst.ratio.toFixed(1)}:1`;
    }, (_page, detail) => detail),
  );

  // 22.7: Arabic at 375 px: the URL field is an LTR island, the field and button wrap, nothing leaves the screen.
  await check('22.7: Arabic at 375 px: URL field and hint read left to right, nothing overflows off the left edge', () =>
    visit('/iframe.html?id=locales--arabic-right-to-left&viewMode=story', async (page) => {
      const field = page.getByRole('textbox').first();
      await field.waitFor({ timeout: 60_000 });
      const result = await field.evaluate((input) => {
        const hint = document.getElementById((input.getAttribute('aria-describedby') ?? '').split(' ')[0]);
        const text = hint.firstChild;
        const box = (start, length) => {
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, start + length);
          return range.getBoundingClientRect();
        };
        const at = text.data.indexOf('rtmps');
        const out = [...document.querySelectorAll('#storybook-root *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1);
          })
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        return {
          direction: getComputedStyle(input).direction,
          hintInOrder: box(at, 5).left < box(at + 5, 3).left,
          out,
          scroll: document.documentElement.scrollWidth - innerWidth,
        };
      });
      const problems = [];
      if (result.direction !== 'ltr') problems.push(`URL field direction ${result.direction}`);
      if (!result.hintInOrder) problems.push('the hint shows “//:rtmps” (URL reordered by the bidi algorithm)');
      if (result.out.length) problems.push(`outside the 375 px screen: ${[...new Set(result.out)].slice(0, 6).join(', ')}`);
      if (result.scroll > 1) problems.push(`the page scrolls ${result.scroll} px sideways`);
      if (problems.length) throw new Error(problems.join('\n'));
      return '';
    }, undefined, { viewport: { width: 375, height: 800 } }),
  );

  // 22.12: a props table a reader can use.
  await check('22.12: RecordButton props table: real types, a boolean control, stated defaults, no raw TSDoc tags', () =>
    visit('/iframe.html?id=components-recordbutton--docs&viewMode=docs', async (page) => {
      const table = page.locator('.docblock-argstable').first();
      await table.getByText('confirmStop', { exact: true }).waitFor({ timeout: 60_000 });
      const problems = [];
      const text = await table.innerText();
      const tags = /@(example|public|remarks)\b/.exec(text);
      if (tags) problems.push(`raw TSDoc tag in the table: ${tags[0]}`);
      const unions = await table.getByText('union', { exact: true }).count();
      if (unions > 0) problems.push(`${unions} types shown as "union"`);
      const row = table.locator('tr', { has: page.getByText('confirmStop', { exact: true }) });
      if ((await row.locator('input[type="checkbox"]').count()) === 0) problems.push('confirmStop (boolean) has no boolean control');
      // Defaults the TSDoc states ("Default `md`.", "Default `false`.") are in the Default column.
      for (const [prop, value] of [['size', 'md'], ['confirmStop', 'false']]) {
        const cells = await table.locator('tr', { has: page.getByText(prop, { exact: true }) }).locator('td').allInnerTexts();
        if (!cells[2]?.includes(value)) problems.push(`${prop}: Default column says "${cells[2] ?? ''}", its TSDoc says ${value}`);
      }
      if (problems.length) throw new Error(problems.join('\n'));
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
