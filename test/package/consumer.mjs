// Writes a fresh Vite + React consumer app of the packed onair-react into a folder: package.json,
// tsconfig.json (moduleResolution bundler), vite.config.js, index.html and src/main.tsx that renders
// OnAirProvider and every exported component on the simulator through the Daily adapter.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Props a component needs (JSON values; written as TSX attributes in the app and passed as-is in
 * the server render). Per-participant components get a participant of the simulator.
 * @param {string} name
 * @returns {Record<string, unknown>}
 */
export function propsOf(name) {
  if (/^Participant/.test(name)) return { participantId: 'ada' };
  if (name === 'RecordingPlayer') return { recording: readyRecording };
  return {};
}

/** A ready recording (plain JSON) for RecordingPlayer: its play button renders, nothing loads. */
const readyRecording = {
  id: 'rec-1',
  status: 'ready',
  providerStatus: 'UPLOADED',
  fileName: 'weekly-sync.mp4',
  meetingId: null,
  meetingTitle: null,
  sessionId: null,
  invokedAt: null,
  startedAt: null,
  stoppedAt: null,
  durationSeconds: 60,
  fileSize: null,
  downloads: [{ kind: 'video', url: 'https://media.example/weekly-sync.mp4' }],
  downloadExpiresAt: null,
  startReason: null,
  stopReason: null,
  storage: null,
};

/** TSX attribute text of {@link propsOf}. */
function attributes(name) {
  return Object.entries(propsOf(name))
    .map(([key, value]) => ` ${key}={${JSON.stringify(value)}}`)
    .join('');
}

/**
 * Source text of an in-memory recordings source with no recordings (RecordingList and the
 * recordings hooks need one; the simulator's RealtimeKit backend needs MSW, which a consumer app has not).
 */
export const emptyRecordingsSource = `{
  provider: 'memory',
  scope: 'memory://consumer',
  capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
  listRecordings: async (query) => ({ items: [], page: query.page ?? 1, perPage: query.perPage ?? 20, total: 0 }),
  getRecording: async (id) => {
    throw new Error(\`no recording \${id}\`);
  },
}`;

/**
 * Exported names of the main entry that are React components (PascalCase function components,
 * forwardRef/memo objects), minus the provider. Classes (errors) are not components.
 * @param {Record<string, unknown>} entry the module namespace of `onair-react`
 * @returns {string[]}
 */
export function componentNames(entry) {
  return Object.keys(entry)
    .filter((name) => /^[A-Z][A-Za-z0-9]*$/.test(name) && name !== 'OnAirProvider')
    .filter((name) => {
      const value = entry[name];
      if (typeof value === 'function') return !/^class\b/.test(Function.prototype.toString.call(value));
      return typeof value === 'object' && value !== null && '$$typeof' in value;
    })
    .sort();
}

/**
 * @param {string} dir
 * @param {{ react: 18 | 19, tarball: string, components: string[], versions: Record<string, string> }} options
 */
export function writeConsumerApp(dir, { react, tarball, components, versions }) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const reactRange = react === 18 ? '^18.2.0' : '^19.0.0';
  const typesRange = react === 18 ? '^18.2.0' : '^19.0.0';
  const pkg = {
    name: `onair-consumer-react${react}`,
    private: true,
    type: 'module',
    dependencies: {
      'onair-react': `file:${tarball}`,
      react: reactRange,
      'react-dom': reactRange,
      '@tanstack/react-query': versions['@tanstack/react-query'],
    },
    devDependencies: {
      vite: versions.vite,
      '@vitejs/plugin-react': versions['@vitejs/plugin-react'],
      '@types/react': typesRange,
      '@types/react-dom': typesRange,
    },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          isolatedModules: true,
          verbatimModuleSyntax: true,
          // Check the published declarations themselves, not only their use.
          skipLibCheck: false,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(dir, 'vite.config.js'),
    `import react from '@vitejs/plugin-react';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({ plugins: [react()], logLevel: 'warn', build: { chunkSizeWarningLimit: 2000 } });\n`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <link rel="icon" href="data:," />\n    <title>onair-react consumer (React ${react})</title>\n  </head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n`,
  );
  writeFileSync(join(dir, 'recordings.mjs'), `// Generated: the consumer app's in-memory recordings source, for ssr.mjs.\nexport default ${emptyRecordingsSource};\n`);
  const rendered = components.map((name) => `        <${name}${attributes(name)} />`).join('\n');
  writeFileSync(
    join(dir, 'src', 'main.tsx'),
    `// Generated by test/package/consumer.mjs: every component of onair-react on the simulator.
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { OnAirProvider, useLiveStream, useRecording${components.length ? `, ${components.join(', ')}` : ''} } from 'onair-react';
import type { LiveStreamStatus, RecordingStatus, RecordingsSource } from 'onair-react';
import type { OnAirStore } from 'onair-react/advanced';
import { createDailyAdapter } from 'onair-react/daily';
import { createSimulator } from 'onair-react/simulator';
import 'onair-react/styles.css';

const simulator = createSimulator({ delays: { recordingStart: 50, recordingStop: 50, liveStart: 50, liveStop: 50 } });
const adapter = createDailyAdapter(simulator.daily);
const queryClient = new QueryClient();
const recordings: RecordingsSource = ${emptyRecordingsSource};
/** The advanced entry resolves with its types. */
export type AppStore = OnAirStore;

function Status(): ReactElement {
  const recording: RecordingStatus = useRecording().status;
  const live: LiveStreamStatus = useLiveStream().status;
  return <output data-testid="status">{\`recording:\${recording} live:\${live}\`}</output>;
}

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
createRoot(container).render(
  <StrictMode>
    <OnAirProvider adapter={adapter} recordings={recordings} queryClient={queryClient}>
      <main>
${rendered}
        <Status />
      </main>
    </OnAirProvider>
  </StrictMode>,
);
`,
  );
}
