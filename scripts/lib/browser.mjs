// Headless system Chromium through playwright-core (from the repo's node_modules; no download).
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium (CHROMIUM_PATH or a system install); throws a clear error when none. */
export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH (scripts/ensure.mjs --browser does this).');
  }
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}
