#!/usr/bin/env node
// Installs what a fresh clone is missing, with nothing but Node and npm:
//   - node_modules (npm ci) when absent or out of date with package-lock.json;
//   - with --browser, a Chromium for browser tests: CHROMIUM_PATH or a system Chromium; on Debian
//     as root with none present, Debian's `chromium` package; otherwise a clear message and exit 1.
//   - with --redis, a redis-server for the multi-process relay tests: REDIS_SERVER_PATH or one
//     present; on Debian as root, Debian's `redis-server` package; otherwise a clear message and exit 1.
//   - with --postgres, PostgreSQL's server binaries (initdb, pg_ctl) for the consent ledger tests:
//     POSTGRES_BIN or ones present; on Debian as root, Debian's `postgresql` package; otherwise a clear
//     message and exit 1. Nothing is started as a service: the tests start their own server.
//   - with --ffmpeg, ffmpeg for the live-stream player tests (a short HLS stream): one on PATH, or on
//     Debian as root Debian's `ffmpeg` package; otherwise a clear message and exit 1.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';
import { findPostgres } from './postgres.mjs';
import { findRedisServer } from './redis.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (line) => console.log(`[onair] ${line}`);
const fail = (line) => {
  console.error(`[onair] ${line}`);
  process.exit(1);
};

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return result.status === 0;
}

// Node version: Vite 8, Storybook 10 and ESLint 10 need 20.19 or newer.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: install Node 20.19 or newer.`);

// Dependencies.
const lock = readFileSync(new URL('../package-lock.json', import.meta.url));
const want = createHash('sha256').update(lock).digest('hex');
const stamp = new URL('../node_modules/.onair-installed', import.meta.url);
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (have !== want) {
  say('Installing dependencies (npm ci)…');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' })) fail('npm ci failed (see above).');
  writeFileSync(stamp, `${want}\n`);
}

/**
 * A program the tests need: `found()` when present; otherwise, as root on Debian, Debian's package
 * (apt-get update once per run); otherwise a clear message and exit 1.
 */
let aptUpdated = false;
function ensureProgram({ flag, found, envVar, envWhat, pkg, recommends = false, what, manual }) {
  if (!process.argv.includes(flag) || found()) return;
  if (envVar && process.env[envVar]) fail(`${envVar} is set to ${process.env[envVar]}, but there is no ${envWhat} there.`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (!isRoot || !isDebian) fail(`${what} and none was found.\n  ${manual}`);
  say(`No ${pkg} found: installing Debian\u2019s ${pkg} package (apt-get)…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated && !run('apt-get', ['update', '-qq'], env)) fail('apt-get update failed (see above).');
  aptUpdated = true;
  if (!run('apt-get', ['install', '-y', '-qq', ...(recommends ? [] : ['--no-install-recommends']), pkg], env)) fail(`apt-get could not install ${pkg} (see above).`);
  if (!found()) fail(`${pkg} was installed but its program was not found.`);
}

const onPath = (program) => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

// Chromium for browser tests.
ensureProgram({
  flag: '--browser',
  found: () => Boolean(findChromium()),
  envVar: 'CHROMIUM_PATH',
  envWhat: 'file',
  pkg: 'chromium',
  recommends: true,
  what: 'Browser tests need Chromium',
  manual:
    'Install one (Debian/Ubuntu: sudo apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary,\n' +
    '  then run npm test again. (Test tools cannot download a browser here.)',
});

// redis-server for the multi-process relay tests (the tests start and stop it themselves).
ensureProgram({
  flag: '--redis',
  found: () => Boolean(findRedisServer()),
  envVar: 'REDIS_SERVER_PATH',
  envWhat: 'file',
  pkg: 'redis-server',
  what: 'The multi-process relay tests need redis-server',
  manual:
    'Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or point REDIS_SERVER_PATH at a redis-server binary,\n' +
    '  then run npm test again. (The tests start their own server on a free loopback port; nothing is started as a service.)',
});

// PostgreSQL for the consent ledger tests (they initdb a throwaway directory and start and stop it themselves).
ensureProgram({
  flag: '--postgres',
  found: () => Boolean(findPostgres()),
  envVar: 'POSTGRES_BIN',
  envWhat: 'pg_ctl',
  pkg: 'postgresql',
  what: 'The consent ledger tests need PostgreSQL\u2019s server binaries (initdb, pg_ctl)',
  manual:
    'Install them (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql) or point POSTGRES_BIN at the directory holding them,\n' +
    '  then run npm test again. (The tests create a throwaway data directory and start their own server on a free loopback port.)',
});

// ffmpeg for the live-stream player's tests (they make a few HLS segments of a test pattern).
ensureProgram({
  flag: '--ffmpeg',
  found: () => onPath('ffmpeg'),
  pkg: 'ffmpeg',
  what: 'The live-stream player tests need ffmpeg (to make a short HLS stream)',
  manual: 'Install it (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg), then run npm test again.',
});
