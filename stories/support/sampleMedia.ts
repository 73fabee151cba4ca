/**
 * Where Storybook (and the browser tests) serve the simulator's real sample media:
 * `public/simulated-media/onair-sample.{mp4,webm,m4a}` (scripts/make-sample-media.mjs), served by
 * Storybook's `staticDirs` in dev and in the static build. The simulators' `sampleMediaUrl` points
 * their download links here, so Play plays and Download saves a real file with no network. (Static
 * files rather than an MSW handler: Chromium sends an `<a download>` request past the service worker.)
 */
export const SAMPLE_MEDIA_URL = new URL(
  `${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}simulated-media`,
  globalThis.location?.href ?? 'http://localhost/',
).href;
