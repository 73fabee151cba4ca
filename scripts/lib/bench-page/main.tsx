// Render bench page (built by scripts/bench.mjs with Vite, React's profiling build, run in headless
// Chromium): how often RecordButton re-renders while 1,000 `live-streaming-updated` events arrive one
// by one from the simulator's Daily call (each in its own task, so each can commit). RecordButton
// does not show live-stream state, so the target is 0. LiveStreamBadge is the control: it must
// re-render, or the events never reached the UI. Results go to `window.__bench`.
import { Profiler, type ProfilerOnRenderCallback, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createDailyAdapter } from '../../../src/adapters/daily/index.js';
import { LiveStreamBadge, OnAirProvider, RecordButton, useLiveStream } from '../../../src/index.js';
import { createSimulator } from '../../../src/simulator/index.js';

const EVENTS = Number(new URLSearchParams(location.search).get('events') ?? 1000);

interface BenchResult {
  readonly events: number;
  readonly recordButtonRenders: number;
  readonly liveStreamBadgeRenders: number;
  readonly finalStatus: string;
  readonly ms: number;
}
declare global {
  interface Window {
    __bench?: BenchResult | { readonly error: string };
  }
}

const renders = { RecordButton: 0, LiveStreamBadge: 0 };
const count: ProfilerOnRenderCallback = (id) => {
  if (id === 'RecordButton' || id === 'LiveStreamBadge') renders[id] += 1;
};

const sim = createSimulator({ delays: { recordingStart: 0, recordingStop: 0, liveStart: 0, liveStop: 0 } });
const adapter = createDailyAdapter(sim.daily);
let delivered = 0;
sim.daily.on('live-streaming-updated', () => {
  delivered += 1;
});

let liveStatus = 'idle';
function StatusProbe(): null {
  liveStatus = useLiveStream().status;
  return null;
}

function App(): ReactElement {
  return (
    <OnAirProvider adapter={adapter} announce={false}>
      <Profiler id="RecordButton" onRender={count}>
        <RecordButton />
      </Profiler>
      <Profiler id="LiveStreamBadge" onRender={count}>
        <LiveStreamBadge />
      </Profiler>
      <StatusProbe />
    </OnAirProvider>
  );
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const until = performance.now() + 5000;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what} (live status ${liveStatus})`);
    await nextTask();
  }
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  createRoot(container).render(<App />);
  await waitFor(() => renders.RecordButton > 0, 'the first render');
  // One live stream to an RTMP URL: each interrupt/recover is then exactly one event.
  sim.daily.startLiveStreaming({ rtmpUrl: 'rtmp://bench.example/live/stream-key' });
  await waitFor(() => liveStatus === 'live', 'the live stream');
  for (let i = 0; i < 5; i += 1) await nextTask();

  renders.RecordButton = 0;
  renders.LiveStreamBadge = 0;
  delivered = 0;
  const started = performance.now();
  for (let i = 0; delivered < EVENTS; i += 1) {
    if (i % 2 === 0) sim.faults.interruptLiveStream();
    else sim.faults.recoverLiveStream();
    await nextTask();
  }
  for (let i = 0; i < 5; i += 1) await nextTask();
  window.__bench = {
    events: delivered,
    recordButtonRenders: renders.RecordButton,
    liveStreamBadgeRenders: renders.LiveStreamBadge,
    finalStatus: liveStatus,
    ms: Math.round(performance.now() - started),
  };
}

main().catch((error: unknown) => {
  window.__bench = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
});
