// Pay for what you use (issue 11): what a Daily app imports must not pull in React Query's
// QueryClient (only the recordings hooks create one) nor a schema library (the Daily payloads are
// checked by small guards), nor the reducer slices of events Daily never sends (consent, participant
// recordings). Checked on the module graph esbuild keeps after tree-shaking the
// sources, with React Query bundled as it would be for an app that has none of its own.
//
// esbuild runs as a child service: the first build can take seconds on a loaded 2-core machine, so
// the bundle is made once in `beforeAll` with a generous limit and the cases only read its inputs.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let inputs: string[] = [];

beforeAll(async () => {
  const result = await esbuild.build({
    stdin: {
      contents: [
        `export { OnAirProvider, useRecording, useLiveStream, RecordButton, LiveStreamBadge } from './src/index.ts';`,
        `export { createDailyAdapter } from './src/adapters/daily/index.ts';`,
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: 'out',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'))?.[1];
  inputs = Object.entries(output?.inputs ?? {})
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([file]) => file);
}, 180_000);

describe('a Daily app pays only for what it uses', () => {
  it('the bundle was made (sanity: the Daily adapter and the provider are in it)', () => {
    expect(inputs.some((file) => file.endsWith('src/adapters/daily/createDailyAdapter.ts'))).toBe(true);
    expect(inputs.some((file) => file.endsWith('src/provider/OnAirProvider.tsx'))).toBe(true);
  });

  it('constructs no QueryClient: React Query’s client and cache stay out of it', () => {
    expect(inputs.filter((file) => /@tanstack\/query-core\/.*(queryClient|queryCache|query)\.js$/.test(file))).toEqual([]);
  });

  it('checks Daily payloads without a schema library', () => {
    expect(inputs.filter((file) => file.includes('node_modules/valibot/'))).toEqual([]);
  });

  it('reduces only the slices of the events Daily sends: no consent, no participant recording', () => {
    const slices = inputs.filter((file) => /src\/core\/\w+Slice\.ts$/.test(file)).map((file) => file.replace(/^.*src\/core\//, ''));
    expect(slices.sort()).toEqual(['liveStreamSlice.ts', 'recordingSlice.ts', 'rosterSlice.ts']);
    expect(inputs.filter((file) => file.endsWith('src/core/reduceOnAir.ts'))).toEqual([]);
  });
});
