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
          include: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          globalSetup: ['test/setup/relayGlobalSetup.ts'],
          browser: browser(),
        },
      },
      {
        extends: true,
        optimizeDeps,
        plugins: [storybookTest({ configDir: `${here}.storybook`, storybookScript: 'npm start' })],
        test: {
          name: 'storybook',
          browser: browser(),
        },
      },
    ],
  },
});
