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

// Chromium for browser tests.
if (process.argv.includes('--browser') && !findChromium()) {
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    say('No Chromium found: installing Debian\u2019s chromium package (apt-get)…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!run('apt-get', ['update', '-qq'], env) || !run('apt-get', ['install', '-y', '-qq', 'chromium'], env)) {
      fail('apt-get could not install chromium (see above).');
    }
    if (!findChromium()) fail('chromium was installed but no binary was found at /usr/bin/chromium.');
  } else {
    fail(
      'Browser tests need Chromium and none was found.\n' +
        '  Install one (Debian/Ubuntu: sudo apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary,\n' +
        '  then run npm test again. (Test tools cannot download a browser here.)',
    );
  }
}

// redis-server for the multi-process relay tests (the tests start and stop it themselves).
if (process.argv.includes('--redis') && !findRedisServer()) {
  if (process.env.REDIS_SERVER_PATH) fail(`REDIS_SERVER_PATH is set to ${process.env.REDIS_SERVER_PATH}, but there is no file there.`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    say('No redis-server found: installing Debian\u2019s redis-server package (apt-get)…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!run('apt-get', ['update', '-qq'], env) || !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], env)) {
      fail('apt-get could not install redis-server (see above).');
    }
    if (!findRedisServer()) fail('redis-server was installed but no binary was found at /usr/bin/redis-server.');
  } else {
    fail(
      'The multi-process relay tests need redis-server and none was found.\n' +
        '  Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or point REDIS_SERVER_PATH at a redis-server binary,\n' +
        '  then run npm test again. (The tests start their own server on a free loopback port; nothing is started as a service.)',
    );
  }
}

// PostgreSQL for the consent ledger tests (they initdb a throwaway directory and start and stop it themselves).
if (process.argv.includes('--postgres') && !findPostgres()) {
  if (process.env.POSTGRES_BIN) fail(`POSTGRES_BIN is set to ${process.env.POSTGRES_BIN}, but there is no pg_ctl there.`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    say('No PostgreSQL found: installing Debian\u2019s postgresql package (apt-get)…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!run('apt-get', ['update', '-qq'], env) || !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], env)) {
      fail('apt-get could not install postgresql (see above).');
    }
    if (!findPostgres()) fail('postgresql was installed but no initdb/pg_ctl was found under /usr/lib/postgresql.');
  } else {
    fail(
      'The consent ledger tests need PostgreSQL\u2019s server binaries (initdb, pg_ctl) and none were found.\n' +
        '  Install them (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql) or point POSTGRES_BIN at the directory holding them,\n' +
        '  then run npm test again. (The tests create a throwaway data directory and start their own server on a free loopback port.)',
    );
  }
}
