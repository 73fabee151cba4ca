import { http } from 'msw';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import type { OnAirAdapter, OnAirEventSink } from '../../src/core/adapter.js';
import { noCapabilities } from '../../src/core/adapter.js';
import { useActiveRecording } from '../../src/hooks/useActiveRecording.js';
import { useRecordingDetails } from '../../src/hooks/useRecordingDetails.js';
import { useRecordingMutations } from '../../src/hooks/useRecordingMutations.js';
import { useRecordings } from '../../src/hooks/useRecordings.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;

beforeAll(async () => {
  await startMswWorker();
});
afterEach(async () => {
  await installMswHandlers([]);
});

async function setup(options: { linkTtlMs?: number; setup?: (b: RealtimeKitBackend) => void } = {}) {
  n += 1;
  const baseUrl = `/api/rtk-hooks-${n}`;
  const backend = createRealtimeKitBackend({ invokeMs: 30, uploadMs: 60, linkTtlMs: options.linkTtlMs });
  options.setup?.(backend);
  await installMswHandlers(realtimeKitHandlers(backend, { baseUrl, http }));
  const client = createRealtimeKitClient({ baseUrl });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let sink: OnAirEventSink | undefined;
  const adapter: OnAirAdapter = { provider: 'test', capabilities: noCapabilities, connect: (s) => ((sink = s), () => (sink = undefined)) };
  const wrap = (children: ReactNode) => (
    <OnAirProvider recordings={client} queryClient={queryClient} adapter={adapter} announce={false}>
      {children}
    </OnAirProvider>
  );
  const count = (endpoint: string) => backend.requests.filter((r) => r.endpoint === endpoint).length;
  return { backend, client, queryClient, wrap, count, emit: (e: Parameters<OnAirEventSink>[0]) => sink?.(e) };
}

function ListReader({ id }: { id: number }) {
  const { items, isLoading } = useRecordings({ meetingId: MEETING, perPage: 10 });
  return <p>{isLoading ? `reader ${id} loading` : `reader ${id}: ${items.length}`}</p>;
}

describe('recordings hooks', () => {
  it('twenty components reading one list make one request', async () => {
    const t = await setup({ setup: (b) => b.seed({ count: 12, meetingId: MEETING }) });
    await render(t.wrap(Array.from({ length: 20 }, (_, i) => <ListReader key={i} id={i} />)));
    await expect.element(page.getByText('reader 19: 10')).toBeVisible();
    await wait(50);
    expect(t.count('list')).toBe(1);
  });

  it('polls details while the recording changes and stops once it is ready', async () => {
    const t = await setup();
    const started = (await t.client.startRecording({ meetingId: MEETING }))!;
    function Detail() {
      const { data } = useRecordingDetails(started.id, { pollMs: 20 });
      return <p>status {data?.status ?? '…'}</p>;
    }
    await render(t.wrap(<Detail />));
    await expect.element(page.getByText('status recording')).toBeVisible();
    // While it records, the details are asked for again and again (counted, not timed: a loaded
    // machine polls less often than every 20 ms).
    const whileRecording = t.count('details');
    await expect.poll(() => t.count('details'), { timeout: 30_000 }).toBeGreaterThanOrEqual(whileRecording + 3);
    await t.client.stopRecording(started.id);
    await expect.element(page.getByText('status ready')).toBeVisible();
    const afterReady = t.count('details');
    await wait(150);
    expect(t.count('details')).toBe(afterReady);
  });

  it('refetches details at link expiry before offering the link again', async () => {
    // Links live 1.5 s and count as stale 300 ms before expiry: long enough windows for a loaded CI machine.
    const t = await setup({ linkTtlMs: 1_500, setup: (b) => b.seed({ count: 1, meetingId: MEETING }) });
    const { items } = await t.client.listRecordings({ meetingId: MEETING });
    function Link() {
      const { data, linksFresh } = useRecordingDetails(items[0]!.id, { linkMarginMs: 300 });
      return <p>{linksFresh ? `link ${data?.downloads[0]?.url.split('v=')[1]}` : 'no link'}</p>;
    }
    await render(t.wrap(<Link />));
    const link = page.getByText(/^link \d+$/);
    await expect.element(link).toBeVisible();
    const firstLink = link.element().textContent;
    const first = t.count('details');
    await expect.poll(() => t.count('details'), { timeout: 30_000 }).toBeGreaterThan(first);
    // A re-signed link replaces the old one (not the old one offered again).
    await expect
      .poll(
        () => {
          const text = page.getByText(/^link \d+$/).query()?.textContent;
          return text !== undefined && text !== firstLink;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(page.getByText(firstLink!, { exact: true }).query()).toBeNull();
  });

  it('an optimistic pause shows at once and rolls back with the error when the server refuses', async () => {
    const t = await setup({ setup: (b) => b.failAlways('server-error', { endpoint: 'control' }) });
    const started = (await t.client.startRecording({ meetingId: MEETING }))!;
    await wait(50);
    const seen: string[] = [];
    function Control() {
      const { data } = useActiveRecording(MEETING, { pollMs: 60_000 });
      const { control } = useRecordingMutations();
      if (data) seen.push(data.status);
      return (
        <div>
          <p>active {data?.status ?? 'none'}</p>
          <button type="button" onClick={() => control.mutate({ id: started.id, action: 'pause', meetingId: MEETING })}>
            pause
          </button>
          {control.error ? <p role="alert">{control.error.message}</p> : null}
        </div>
      );
    }
    await render(t.wrap(<Control />));
    await expect.element(page.getByText('active recording')).toBeVisible();
    await page.getByRole('button', { name: 'pause' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('Internal server error');
    await expect.element(page.getByText('active recording')).toBeVisible();
    expect(seen).toContain('paused');
    expect(seen.at(-1)).toBe('recording');
  });

  it('a live recording event invalidates exactly the recordings keys; other events none', async () => {
    const t = await setup({ setup: (b) => b.seed({ count: 3, meetingId: MEETING }) });
    await render(t.wrap(<ListReader id={1} />));
    await expect.element(page.getByText('reader 1: 3')).toBeVisible();
    await wait(30);
    t.emit({ type: 'live-stream-started', at: Date.now() });
    await wait(60);
    expect(t.count('list')).toBe(1);
    t.emit({ type: 'recording-stopped', at: Date.now(), recordingId: 'x' });
    await expect.poll(() => t.count('list')).toBe(2);
  });

  it('a replayed event (its `at` long past, or a relay clock behind) still refreshes a list fetched before it arrived', async () => {
    const t = await setup({ setup: (b) => b.seed({ count: 3, meetingId: MEETING }) });
    await render(t.wrap(<ListReader id={1} />));
    await expect.element(page.getByText('reader 1: 3')).toBeVisible();
    await wait(30);
    t.emit({ type: 'participant-recording', at: Date.now() - 60_000, participantId: 'p1', phase: 'stopped', files: [] });
    await expect.poll(() => t.count('list')).toBe(2);
  });

  it('the RealtimeKit adapter’s own just-fetched answers are not fetched again by the events derived from them', async () => {
    const t = await setup();
    await t.client.startRecording({ meetingId: MEETING });
    await wait(50);
    // No query client for the adapter: its reads reach the cache as events, through the provider.
    const adapter = createRealtimeKitAdapter({ client: t.client, meetingId: MEETING, activePollMs: 60_000, idlePollMs: 0 });
    function Active() {
      const { data } = useActiveRecording(MEETING, { pollMs: 60_000 });
      return <p>active {data?.status ?? 'none'}</p>;
    }
    await render(
      <OnAirProvider recordings={t.client} queryClient={t.queryClient} adapter={adapter} announce={false}>
        <Active />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('active recording')).toBeVisible();
    await wait(100);
    // The seed event came from the answer now in the cache: one request, not one more for the event.
    expect(t.count('active')).toBe(1);
    await adapter.pauseRecording!();
    await expect.element(page.getByText('active paused')).toBeVisible();
    await wait(100);
    // The pause answer went into the cache; its event does not refetch it.
    expect(t.count('active')).toBe(1);
    expect(t.count('control')).toBe(1);
  });
  it('useActiveRecording shares the RealtimeKit adapter’s polls instead of adding its own', async () => {
    const t = await setup();
    await t.client.startRecording({ meetingId: MEETING });
    await wait(50);
    // The hook reads through a source of the same scope that counts its own requests.
    let hookReads = 0;
    const hookSource = {
      ...t.client,
      getActiveRecording: (meetingId: string, call?: { signal?: AbortSignal }) => {
        hookReads += 1;
        return t.client.getActiveRecording(meetingId, call);
      },
    };
    const adapter = createRealtimeKitAdapter({ client: t.client, meetingId: MEETING, activePollMs: 100, idlePollMs: 100 });
    function Active() {
      const { data } = useActiveRecording(MEETING, { pollMs: 2_000 });
      return <p>active {data?.status ?? 'none'}</p>;
    }
    await render(
      <OnAirProvider recordings={hookSource} queryClient={t.queryClient} adapter={adapter} announce={false}>
        <Active />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('active recording')).toBeVisible();
    const adapterReads = () => t.count('active') + t.count('list') - hookReads;
    const from = adapterReads();
    // Counted, not timed: at least 3 s of the adapter's 100 ms polls, past the hook's 2 s interval.
    await expect.poll(adapterReads, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(from + 30);
    // Each answer the adapter read restarted the hook's interval: it asked at most once, on mount.
    expect(hookReads).toBeLessThanOrEqual(1);
    await adapter.pauseRecording!();
    await expect.element(page.getByText('active paused')).toBeVisible();
  }, 90_000);
});
