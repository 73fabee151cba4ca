import { QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createVideoSdkAdapter, createVideoSdkClient } from '../../../src/adapters/videosdk/index.js';
import { ParticipantRecordButton } from '../../../src/components/ParticipantRecordButton.js';
import { RecordingList } from '../../../src/components/RecordingList.js';
import { OnAirProvider } from '../../../src/provider/OnAirProvider.js';
import { createVideoSdkSimulator, type VideoSdkSimulator } from '../../../src/simulator/videosdk/index.js';
import { installMswHandlers, startMswWorker } from '../../../stories/support/mswWorker.js';

const BASE = '/api/vsdk-list-test';
const sims: VideoSdkSimulator[] = [];

beforeAll(async () => {
  await startMswWorker();
});

afterEach(async () => {
  cleanup();
  for (const sim of sims.splice(0)) sim.close();
  await installMswHandlers([]);
});

/** The app's page for one room: VideoSDK's REST through the app's route (MSW), webhooks from the simulator. */
async function openPage(sim: VideoSdkSimulator, requests: string[]) {
  const client = createVideoSdkClient({ baseUrl: BASE, getToken: () => 'app-session-token' });
  const adapter = createVideoSdkAdapter({ client, roomId: sim.roomId, events: sim.subscribe, role: 'moderator' });
  await installMswHandlers([
    http.all(`${BASE}/v2/recordings/participant`, ({ request }) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
      return sim.handle(request);
    }),
    http.all(`${BASE}/v2/recordings/participant/*`, ({ request }) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return sim.handle(request);
    }),
  ]);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <OnAirProvider adapter={adapter} recordings={adapter.recordings} queryClient={queryClient} colorScheme="light">
      <ParticipantRecordButton participantId="ada" name="Ada" />
      <RecordingList meetingId={sim.roomId} perPage={10} />
    </OnAirProvider>,
  );
}

async function rowNames(count: number): Promise<string[]> {
  await expect.poll(() => document.querySelectorAll('li[data-onair-state]').length, { timeout: 15_000 }).toBe(count).catch((e: unknown) => {
    throw new Error(`${String(e)}\n${document.body.innerText}`);
  });
  return [...document.querySelectorAll('li[data-onair-state]')].map((row) => row.querySelector('a[download]')?.getAttribute('href') ?? row.textContent ?? '');
}

describe('VideoSDK RecordingList: stored recordings, merged with webhooks, the same after a reload', () => {
  it('lists earlier recordings from the REST list, adds a new one once, and shows the same list after a reload', async () => {
    const sim = createVideoSdkSimulator({ roomId: 'list-room-0001', seedStored: 2, delays: { starting: 20, started: 40, stopping: 20, stopped: 40 } });
    sims.push(sim);
    const requests: string[] = [];
    const screen = await openPage(sim, requests);
    const first = await rowNames(2);
    expect(requests.some((r) => r.startsWith(`GET ${BASE}/v2/recordings/participant?`) && r.includes('roomId=list-room-0001') && r.includes('page=1') && r.includes('perPage=10'))).toBe(true);

    await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
    await userEvent.click(page.getByRole('button', { name: 'Stop recording Ada' }));
    // The stopped webhook invalidates the list: VideoSDK's list already has the recording, the webhook's row is not repeated.
    const before = await rowNames(3);
    expect(before).toEqual(expect.arrayContaining(first));
    expect(new Set(before).size).toBe(3);

    // Reload: a new page that saw no webhook.
    await screen.unmount();
    expect(document.querySelectorAll('li[data-onair-state]')).toHaveLength(0);
    await openPage(sim, requests);
    const after = await rowNames(3);
    expect(after).toEqual(before);
  }, 90_000);
});

describe('a timed-out command releases its in-flight slot', () => {
  it('a start whose token never comes fails with a timeout, and the next click sends a new request', async () => {
    const sim = createVideoSdkSimulator({ roomId: 'slot-room-0001', delays: { starting: 20, started: 40, stopping: 20, stopped: 40 } });
    sims.push(sim);
    let tokenCalls = 0;
    const starts: string[] = [];
    const options = {
      baseUrl: BASE,
      // The app's token route hangs the first time (a stuck backend), then answers.
      getToken: () => {
        tokenCalls += 1;
        return tokenCalls === 1 ? new Promise<string>(() => {}) : 'app-session-token';
      },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        starts.push(String(input));
        return sim.fetch(input, init);
      },
    };
    // Only the first start (the hanging one) has a short deadline; the second must succeed, so it
    // gets a long one (300 ms for a real request timed it out on a loaded machine).
    const hasty = createVideoSdkClient({ ...options, timeoutMs: 300 });
    const patient = createVideoSdkClient({ ...options, timeoutMs: 30_000 });
    const client: typeof patient = { ...patient, startParticipantRecording: (...args) => (tokenCalls === 0 ? hasty : patient).startParticipantRecording(...args) };
    const adapter = createVideoSdkAdapter({ client, roomId: sim.roomId, events: sim.subscribe, role: 'moderator' });
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <ParticipantRecordButton participantId="ada" name="Ada" />
      </OnAirProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
    await expect.element(page.getByRole('alert'), { timeout: 10_000 }).toHaveTextContent(/did not answer within/);
    await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
    await expect.element(page.getByRole('button', { name: 'Stop recording Ada' }), { timeout: 10_000 }).toBeVisible();
    expect(tokenCalls).toBe(2);
    expect(starts.filter((url) => url.endsWith('/participant/start'))).toHaveLength(1);
  }, 60_000);
});
