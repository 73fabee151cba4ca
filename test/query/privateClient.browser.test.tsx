import { http } from 'msw';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import type { OnAirAdapter, OnAirEventSink } from '../../src/core/adapter.js';
import { noCapabilities } from '../../src/core/adapter.js';
import { useOnAirContext } from '../../src/hooks/OnAirContext.js';
import { useRecordings } from '../../src/hooks/useRecordings.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';

// A QueryClient exists only when REST state is used (issue 11, "pay for what you use"): a provider
// with live state only constructs none; the recordings hooks create the provider's private client on
// first use, share it, and the provider's events still invalidate it.

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000b001';
let n = 0;

beforeAll(async () => {
  await startMswWorker();
});
afterEach(async () => {
  await installMswHandlers([]);
});

function testAdapter() {
  let sink: OnAirEventSink | undefined;
  const adapter: OnAirAdapter = { provider: 'test', capabilities: noCapabilities, connect: (s) => ((sink = s), () => (sink = undefined)) };
  return { adapter, emit: (event: Parameters<OnAirEventSink>[0]) => sink?.(event) };
}

function ClientProbe() {
  const { queryClient, privateQueryClient } = useOnAirContext();
  return <p>{`app client ${queryClient ? 'yes' : 'none'} · private client ${privateQueryClient.current ? 'yes' : 'none'}`}</p>;
}

function ListReader({ id }: { id: number }) {
  const { items, isLoading } = useRecordings({ meetingId: MEETING, perPage: 10 });
  return <p>{isLoading ? `reader ${id} loading` : `reader ${id}: ${items.length}`}</p>;
}

describe('OnAirProvider without an app QueryClient', () => {
  it('creates no QueryClient for live state alone', async () => {
    const { adapter } = testAdapter();
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <ClientProbe />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('app client none · private client none')).toBeVisible();
  });

  it('the recordings hooks share one private client, and live events still refresh the list', async () => {
    n += 1;
    const baseUrl = `/api/rtk-private-${n}`;
    const backend = createRealtimeKitBackend({ invokeMs: 30, uploadMs: 60 });
    backend.seed({ count: 3, meetingId: MEETING });
    await installMswHandlers(realtimeKitHandlers(backend, { baseUrl, http }));
    const recordings = createRealtimeKitClient({ baseUrl });
    const lists = () => backend.requests.filter((r) => r.endpoint === 'list').length;
    const { adapter, emit } = testAdapter();
    const wrap = (children: ReactNode) => (
      <OnAirProvider adapter={adapter} recordings={recordings} announce={false}>
        {children}
      </OnAirProvider>
    );
    await render(wrap([...Array.from({ length: 5 }, (_, i) => <ListReader key={i} id={i} />), <ClientProbe key="probe" />]));
    await expect.element(page.getByText('reader 4: 3')).toBeVisible();
    expect(lists()).toBe(1);
    // An event within 20 ms of the answer counts as already known to it (invalidation.ts): let it age.
    await new Promise((resolve) => setTimeout(resolve, 100));
    emit({ type: 'recording-stopped', at: Date.now(), instanceId: 'default' });
    await expect.poll(lists, { timeout: 30_000 }).toBe(2);
  });

  it('uses the ambient client of an enclosing QueryClientProvider and creates none of its own', async () => {
    const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query');
    const app = new QueryClient();
    function Same() {
      const ambient = useQueryClient();
      const { queryClient } = useOnAirContext();
      return <p>{queryClient === ambient ? 'same client' : 'another client'}</p>;
    }
    const { adapter } = testAdapter();
    await render(
      <QueryClientProvider client={app}>
        <OnAirProvider adapter={adapter} announce={false}>
          <Same />
          <ClientProbe />
        </OnAirProvider>
      </QueryClientProvider>,
    );
    await expect.element(page.getByText('same client')).toBeVisible();
    await expect.element(page.getByText('app client yes · private client none')).toBeVisible();
  });
});
