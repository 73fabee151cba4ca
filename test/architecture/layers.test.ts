// The layer rule of DESIGN.md §2 is an ESLint rule (eslint.config.js). This proves it fires.
//
// Starting ESLint with the typed configuration costs seconds on a 2-core machine (more when it is
// busy), so every case is linted once, in one `beforeAll` with a limit that matches that work, and
// the cases below only read the results: no case depends on wall-clock luck.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const refused: Array<[string, string]> = [
  ['src/core/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
  ['src/core/x.ts', "import { createOnAirStore } from '../store/createOnAirStore.js';\nexport const x = createOnAirStore;"],
  ['src/adapters/daily/x.ts', "import { useRecording } from '../../hooks/useRecording.js';\nexport const x = useRecording;"],
  ['src/components/x.tsx', "import { createOnAirStore } from '../store/createOnAirStore.js';\nexport const x = createOnAirStore;"],
  ['src/components/x.tsx', "import { createDailyAdapter } from '../adapters/daily/index.js';\nexport const x = createDailyAdapter;"],
  ['src/adapters/realtimekit/x.ts', "import { QueryClient } from '@tanstack/react-query';\nexport const x = QueryClient;"],
  ['src/adapters/realtimekit/x.ts', "import { invalidateForEvent } from '../../query/invalidation.js';\nexport const x = invalidateForEvent;"],
  ['src/hooks/x.ts', "import { createSimulator } from '../simulator/index.js';\nexport const x = createSimulator;"],
  ['src/simulator/x.ts', "import { createDailyAdapter } from '../adapters/daily/index.js';\nexport const x = createDailyAdapter;"],
  ['src/index.ts', "export { createSimulator } from './simulator/index.js';"],
  ['src/server/x.ts', "import * as v from 'valibot';\nexport const x = v;"],
  ['src/server/x.ts', "import { once } from 'node:events';\nexport const x = once;"],
  ['src/locales/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
  ['src/locales/x.ts', "import { useRecording } from '../hooks/useRecording.js';\nexport const x = useRecording;"],
  ['src/local/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
  ['src/local/x.ts', "import { createOnAirStore } from '../store/createOnAirStore.js';\nexport const x = createOnAirStore;"],
  ['src/local/x.ts', "import { openDB } from 'idb';\nexport const x = openDB;"],
  ['src/hooks/x.ts', "import { createLocalRecorder } from '../local/createLocalRecorder.js';\nexport const x = createLocalRecorder;"],
  ['src/components/x.tsx', "import { createLocalRecorder } from '../local/createLocalRecorder.js';\nexport const x = createLocalRecorder;"],
  ['src/index.ts', "export { createLocalRecorder } from './local/createLocalRecorder.js';"],
];

const allowed: Array<[string, string]> = [
  ['src/components/x.tsx', "import { useRecording } from '../hooks/useRecording.js';\nimport { formatElapsed } from '../core/format.js';\nexport const x = [useRecording, formatElapsed];"],
  ['src/adapters/daily/x.ts', "import { reduceOnAir } from '../../core/reduceOnAir.js';\nexport const x = reduceOnAir;"],
  ['src/simulator/x.ts', "import type { DailyCallLike } from '../adapters/daily/types.js';\nexport type X = DailyCallLike;"],
  ['src/server/x.ts', "import { SignJWT } from 'jose';\nimport { isRecord } from './routeSupport.js';\nexport const x = [SignJWT, isRecord];"],
  ['src/local/x.ts', "import { noCapabilities } from '../core/adapter.js';\nimport { openLocalStore } from './localStore.js';\nexport const x = [noCapabilities, openLocalStore];"],
  ['src/hooks/x.ts', "import type { LocalRecorder } from '../local/createLocalRecorder.js';\nexport type X = LocalRecorder;"],
  ['src/locales/x.ts', "import type { OnAirLabels } from '../core/labels.js';\nimport { plural } from './intl.js';\nexport const x: Partial<OnAirLabels> = { recordingsCount: (n) => plural('de', n, { other: '#' }) };"],
];

/** Messages of the layer rule per case, in the order of `refused` then `allowed`. */
let messages: string[][] = [];

beforeAll(async () => {
  const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
  messages = [];
  for (const [filePath, code] of [...refused, ...allowed]) {
    const [result] = await eslint.lintText(code, { filePath });
    messages.push(
      (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message),
    );
  }
  // Typed linting of 11 snippets: seconds when idle, much more on a loaded 2-core machine.
}, 180_000);

describe('layer rule', () => {
  it.each(refused.map(([file], index) => [file, index] as const))('refuses %s importing against the direction', (_file, index) => {
    expect(messages[index]).not.toEqual([]);
  });

  it.each(allowed.map(([file], index) => [file, refused.length + index] as const))('allows %s importing along the direction', (_file, index) => {
    expect(messages[index]).toEqual([]);
  });
});
