import { QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { RecordingList } from '../../src/components/RecordingList.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitFault } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';

beforeAll(async () => {
  await startMswWorker();
});
afterEach(async () => {
  await installMswHandlers([]);
});

let n = 0;
async function listWith(fault: RealtimeKitFault) {
  n += 1;
  const baseUrl = `/api/rtk-readable-${n}`;
  const backend = createRealtimeKitBackend();
  backend.failAlways(fault, { endpoint: 'list' });
  await installMswHandlers(realtimeKitHandlers(backend, { baseUrl, http }));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await render(
    <OnAirProvider recordings={createRealtimeKitClient({ baseUrl })} queryClient={queryClient} announce={false}>
      <RecordingList meetingId="m-1" />
    </OnAirProvider>,
  );
  return queryClient;
}

describe('a malformed answer reaches people as a readable sentence', () => {
  it.each([
    ['wrong-type', 'The recordings service sent an answer in an unexpected format.', /data/],
    ['malformed-json', 'The recordings service sent an answer that could not be read.', /not JSON/],
  ] as const)('%s', async (fault, readable, detail) => {
    const queryClient = await listWith(fault);
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent(readable);
    const text = (alert.element() as HTMLElement).textContent ?? '';
    expect(text).not.toMatch(/Invalid type|Expected|received|data\.|GET \//);
    // the detail stays for developers
    const error = queryClient.getQueryCache().getAll().find((q) => q.state.error)?.state.error as Error | undefined;
    expect((error?.cause as Error | undefined)?.message).toMatch(detail);
  });
});
