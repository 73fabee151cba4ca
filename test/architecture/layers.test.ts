// The layer rule of DESIGN.md §2 is an ESLint rule (eslint.config.js). This proves it fires.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src/core/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['src/core/x.ts', "import { createOnAirStore } from '../store/createOnAirStore.js';\nexport const x = createOnAirStore;"],
    ['src/adapters/daily/x.ts', "import { useRecording } from '../../hooks/useRecording.js';\nexport const x = useRecording;"],
    ['src/components/x.tsx', "import { createOnAirStore } from '../store/createOnAirStore.js';\nexport const x = createOnAirStore;"],
    ['src/components/x.tsx', "import { createDailyAdapter } from '../adapters/daily/index.js';\nexport const x = createDailyAdapter;"],
    ['src/hooks/x.ts', "import { createSimulator } from '../simulator/index.js';\nexport const x = createSimulator;"],
    ['src/simulator/x.ts', "import { createDailyAdapter } from '../adapters/daily/index.js';\nexport const x = createDailyAdapter;"],
    ['src/index.ts', "export { createSimulator } from './simulator/index.js';"],
  ])('refuses %s importing against the direction', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/components/x.tsx', "import { useRecording } from '../hooks/useRecording.js';\nimport { formatElapsed } from '../core/format.js';\nexport const x = [useRecording, formatElapsed];"],
    ['src/adapters/daily/x.ts', "import { reduceOnAir } from '../../core/reduceOnAir.js';\nexport const x = reduceOnAir;"],
    ['src/simulator/x.ts', "import type { DailyCallLike } from '../adapters/daily/types.js';\nexport type X = DailyCallLike;"],
  ])('allows %s importing along the direction', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
