import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { findChromium } from './scripts/chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const chromium = findChromium() ?? '/usr/bin/chromium';

/** A fresh browser options object per project (sharing one mislabels projects). */
function browser() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: {
        executablePath: chromium,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
  };
}

/**
 * Limits for tests that drive a real browser. A test passes as soon as its conditions hold; these
 * limits only decide how long a loaded 2-core machine may take before a test is called failed
 * (Vitest's browser defaults, 15 s a test and 1 s a poll, failed on busy fresh clones).
 */
const browserLimits = { testTimeout: 60_000, hookTimeout: 60_000, expect: { poll: { timeout: 10_000 } } };

/** Dependencies found mid-run make Vite reload and load a second React: list them up front. */
const optimizeDeps = {
  include: [
    'react',
    'react-dom',
    'react-dom/client',
    'react/jsx-runtime',
    'react/jsx-dev-runtime',
    'zustand',
    'zustand/vanilla',
    '@tanstack/react-query',
    'valibot',
    'vitest-browser-react',
    // onair-react/server's VideoSDK route signs with jose; stories reach the server entry (the relay).
    'jose',
    // The live-stream player imports hls.js on demand.
    'hls.js',
  ],
};

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Unit tests are pure computation; the few that start a server or a tool say so themselves.
          testTimeout: 20_000,
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts', 'test/package/**'],
          globalSetup: ['test/setup/redisGlobalSetup.ts'],
        },
      },
      {
        extends: true,
        optimizeDeps,
        test: {
          name: 'browser',
          ...browserLimits,
          include: ['test/**/*.browser.test.{ts,tsx}'],
          exclude: ['test/**/*.media.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          globalSetup: ['test/setup/relayGlobalSetup.ts'],
          browser: browser(),
        },
      },
      {
        // Tests that play media, one file at a time in their own page: Chromium defers loading media
        // in a frame that is not on screen, and files running side by side share the screen.
        extends: true,
        optimizeDeps,
        test: {
          name: 'browser-media',
          ...browserLimits,
          include: ['test/**/*.media.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          // The live-stream player's HLS origin (ffmpeg-made segments, a sliding live window).
          globalSetup: ['test/setup/hlsGlobalSetup.ts'],
          fileParallelism: false,
          browser: browser(),
        },
      },
      // Every story as a test with axe, once per theme: light, dark and the custom tokens.
      ...(['light', 'dark', 'custom'] as const).map((theme) => ({
        extends: true as const,
        optimizeDeps,
        define: { __ONAIR_STORY_THEME__: JSON.stringify(theme) },
        plugins: [storybookTest({ configDir: `${here}.storybook`, storybookScript: 'npm start' })],
        test: {
          name: theme === 'light' ? 'storybook' : `storybook-${theme}`,
          ...browserLimits,
          browser: browser(),
        },
      })),
    ],
  },
});
