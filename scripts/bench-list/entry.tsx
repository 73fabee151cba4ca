// Bench page for RecordingList (bundled by scripts/bench-list.mjs, run in headless Chromium).
import { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { RecordingList } from '../../src/components/RecordingList.js';
import { useRecordings } from '../../src/hooks/useRecordings.js';
import type { RecordingAsset, RecordingsSource } from '../../src/core/recordings.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

const ROWS = 10_000;
const now = Date.now();
const items: RecordingAsset[] = Array.from({ length: ROWS }, (_, i) => ({
  id: `rec-${i}`,
  status: i % 17 === 0 ? 'failed' : 'ready',
  providerStatus: i % 17 === 0 ? 'ERRORED' : 'UPLOADED',
  fileName: `weekly-sync-${String(ROWS - i).padStart(5, '0')}.mp4`,
  meetingId: 'm',
  meetingTitle: 'Weekly sync',
  sessionId: null,
  invokedAt: now - i * 3_600_000,
  startedAt: now - i * 3_600_000 + 2_000,
  stoppedAt: now - i * 3_600_000 + 1_800_000,
  durationSeconds: 1_798,
  fileSize: 74_000_000 + i,
  downloads: i % 17 === 0 ? [] : [
    { kind: 'video', url: `https://cdn.example/${i}.mp4` },
    { kind: 'audio', url: `https://cdn.example/${i}.m4a` },
  ],
  downloadExpiresAt: now + 86_400_000,
  startReason: { reason: 'API_CALL', callerType: 'user', callerName: 'Ada Lovelace', callerId: 'u1' },
  stopReason: { reason: 'ALL_PEERS_LEFT', callerType: null, callerName: null, callerId: null },
  storage: null,
}));

let listCalls = 0;
const source: RecordingsSource = {
  provider: 'bench',
  scope: 'bench',
  capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
  async listRecordings(query) {
    listCalls += 1;
    const perPage = query.perPage ?? 25;
    const page = query.page ?? 1;
    return { items: items.slice((page - 1) * perPage, page * perPage), page, perPage, total: ROWS };
  },
  async getRecording(id) {
    return items.find((item) => item.id === id)!;
  },
};

function Readers(): ReactElement {
  return (
    <>
      {Array.from({ length: 20 }, (_, i) => (
        <Reader key={i} />
      ))}
    </>
  );
}
function Reader(): ReactElement {
  const { total } = useRecordings({ perPage: 25 });
  return <span>{total}</span>;
}

declare global {
  interface Window {
    bench: {
      mount(mode: 'plain' | 'content-visibility' | 'windowed'): Promise<number>;
      readers(): Promise<number>;
    };
  }
}

async function settle(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
}

window.bench = {
  async mount(mode) {
    document.documentElement.dataset.mode = mode;
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery({ queryKey: ['onair', 'recordings', 'bench', 'list', { page: 1, perPage: ROWS }], queryFn: () => source.listRecordings({ perPage: ROWS }) });
    const host = document.getElementById('root')!;
    const root = createRoot(host);
    const start = performance.now();
    flushSync(() =>
      root.render(
        <OnAirProvider recordings={source} queryClient={queryClient} announce={false} locale="en">
          {mode === 'windowed' ? (
            // The shipped windowing (10 000 rows > virtualizeAbove 200): the list's own scroll area is the scroller.
            <RecordingList perPage={ROWS} withDetails={false} maxHeight={800} />
          ) : (
            // Every row rendered (windowing off), in an 800 px scroller.
            <div id="scroller" style={{ height: 800, overflow: 'auto' }}>
              <RecordingList perPage={ROWS} withDetails={false} virtualizeAbove={Infinity} />
            </div>
          )}
        </OnAirProvider>,
      ),
    );
    await settle(() => document.querySelectorAll('.onair-rl-row').length > 0);
    // Layout and paint of the first frame count as mount time.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  },
  async readers() {
    listCalls = 0;
    const queryClient = new QueryClient();
    const host = document.createElement('div');
    document.body.append(host);
    createRoot(host).render(
      <OnAirProvider recordings={source} queryClient={queryClient} announce={false}>
        <Readers />
      </OnAirProvider>,
    );
    await settle(() => host.textContent?.includes(String(ROWS)) ?? false);
    await new Promise((r) => setTimeout(r, 50));
    return listCalls;
  },
};
