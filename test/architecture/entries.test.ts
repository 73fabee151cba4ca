// The package entries as a product: the main entry stays narrow (the store, reducer, raw context and
// React Query plumbing live in onair-react/advanced), and every entry has a committed API report.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportedNames, lineDifference, reportEntries } from '../../scripts/lib/api-report.mjs';
import * as advanced from '../../src/advanced.js';
import * as main from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, string | { types?: string }> };

const MOVED = [
  'createOnAirStore',
  'reduceOnAir',
  'initialOnAirState',
  'DEFAULT_INSTANCE_ID',
  'MAX_CLOSED_INSTANCES',
  'noCapabilities',
  'useOnAirContext',
  'useMaybeOnAirContext',
  'LOCAL_PARTICIPANT_KEY',
  'controlRecordingMutation',
  'startRecordingMutation',
  'startTrackRecordingMutation',
  'recordingKeysForEvent',
  'hasStaleLinks',
  'DEFAULT_POLL_MS',
  'LINK_EXPIRY_MARGIN_MS',
  'normalizeRecordingsQuery',
  'readTimestamp',
  'readExpiry',
] as const;

describe('package entries', () => {
  it('keeps the store, reducer, raw context and query plumbing out of the main entry and in onair-react/advanced', () => {
    expect(MOVED.filter((name) => name in main)).toEqual([]);
    expect(MOVED.filter((name) => !(name in advanced))).toEqual([]);
    // What app code needs stays in the main entry.
    for (const name of ['OnAirProvider', 'useRecording', 'useConsent', 'RecordButton', 'OnAirCommandError', 'onAirKeys']) expect(main).toHaveProperty(name);
  });

  it('has a committed API report for every entry of package.json with types, the advanced one included', () => {
    const entries = reportEntries(pkg);
    expect(entries.map((entry) => entry.key)).toContain('./advanced');
    expect(entries.map((entry) => entry.key)).toEqual(Object.keys(pkg.exports).filter((key) => !/\.(css|json)$/.test(key)));
    for (const entry of entries) expect(existsSync(`${root}api/${entry.name}.api.md`), `api/${entry.name}.api.md`).toBe(true);
    const advancedReport = readFileSync(`${root}api/advanced.api.md`, 'utf8');
    expect(exportedNames(advancedReport)).toEqual(expect.arrayContaining([...MOVED]));
    expect(exportedNames(readFileSync(`${root}api/index.api.md`, 'utf8'))).not.toContain('createOnAirStore');
  });

  it('20: keeps the in-browser recorder in onair-react/local, out of the main entry', async () => {
    const local = await import('../../src/local.js');
    for (const name of ['createLocalRecorder', 'createLocalRecordingAdapter', 'createLocalRecordingsSource', 'useLocalRecording', 'LocalRecordingNotice', 'localRecordingEvent', 'LOCAL_RECORDINGS_DB']) {
      expect(local, name).toHaveProperty(name);
      expect(name in main, name).toBe(false);
    }
    expect(pkg.exports['./local']).toEqual({ types: './dist/local.d.ts', default: './dist/local.js' });
  });

  it('describes a changed surface by the declarations that differ', () => {
    const before = '// @public\nexport function a(): void;\n\n// @public\nexport function b(): void;\n';
    const after = '// @public\nexport function a(x: string): void;\n\n// @public\nexport function b(): void;\n';
    expect(lineDifference(before, after)).toEqual(['- export function a(): void;', '+ export function a(x: string): void;']);
    expect(lineDifference(before, before)).toEqual([]);
  });
});
