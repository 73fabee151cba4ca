// Issue 17 item 8 in real Chromium: a page keeps receiving recording updates across a relay restart,
// a proxy's 502 and a Redis outage, without a reload. The relays run in Node (test/server/support/
// relayControl.ts, served by the browser project's globalSetup); the page drives them over loopback.
import { useSyncExternalStore } from 'react';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createVideoSdkAdapter, type VideoSdkAdapter, type VideoSdkClient, type VideoSdkConnectionState } from '../../src/adapters/videosdk/index.js';
import { ParticipantRecordButton } from '../../src/components/ParticipantRecordButton.js';
import { ParticipantRecordingIndicator } from '../../src/components/ParticipantRecordingIndicator.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import started from '../fixtures/videosdk/participant-recording-started.json';
import stopped from '../fixtures/videosdk/participant-recording-stopped.json';

const control = inject('relayControlOrigin');
const secret = inject('relaySecret');
const noClient = {} as VideoSdkClient;

afterEach(() => cleanup());

async function command<T = unknown>(path: string): Promise<T> {
  const response = await fetch(`${control}${path}`, { method: 'POST' });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function webhook(kind: typeof started | typeof stopped, roomId: string, participantId: string) {
  return { ...kind, data: { ...kind.data, meetingId: roomId, participantId } };
}

/** Posts like a provider: a 503 (Redis away) or a refused connection (a process between two lives) is tried again. */
async function post(origin: string, body: unknown): Promise<void> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const response = await fetch(`${origin}/webhook?token=${encodeURIComponent(secret)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (response?.status === 204) return;
    if (Date.now() > deadline) throw new Error(`webhook not accepted (last answer ${response?.status ?? 'no connection'})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every connection state the page went through, in order. */
function watch(adapter: VideoSdkAdapter): VideoSdkConnectionState['status'][] {
  const seen: VideoSdkConnectionState['status'][] = [];
  adapter.connection.subscribe(() => seen.push(adapter.connection.getSnapshot().status));
  return seen;
}

function ConnectionNote({ adapter }: { adapter: VideoSdkAdapter }) {
  const { status, error } = useSyncExternalStore(adapter.connection.subscribe, adapter.connection.getSnapshot);
  return (
    <div data-testid="connection" data-status={status}>
      {error ? <p role="alert">{error.message}</p> : null}
    </div>
  );
}

async function renderRoom(origin: string, roomId: string) {
  const adapter = createVideoSdkAdapter({
    client: noClient,
    roomId,
    events: `${origin}/events?roomId=${roomId}`,
    localParticipantId: 'ada',
    role: 'moderator',
    participantNames: { ada: 'Ada', grace: 'Grace' },
  });
  const states = watch(adapter);
  render(
    <OnAirProvider adapter={adapter} colorScheme="light">
      <ParticipantRecordingIndicator data-testid="me" />
      <ParticipantRecordButton participantId="grace" />
      <ConnectionNote adapter={adapter} />
    </OnAirProvider>,
  );
  await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
  return { adapter, states };
}

const recorded = () => page.getByRole('status').filter({ hasText: 'You are being recorded' });

describe('17.8: updates resume in the page without a reload (Chromium, real relays on loopback)', () => {
  it('17.8: relay restart — close() on SIGTERM, the old process drains, a new relay on the same port', async () => {
    const { origin } = await command<{ origin: string }>('/restart/start');
    const room = `room-${crypto.randomUUID()}`;
    const { states } = await renderRoom(origin, room);
    await post(origin, webhook(started, room, 'ada'));
    await expect.element(recorded()).toBeVisible();

    // While the old process drains, the page's reconnects reach its closed relay: 200 + retry, not 503.
    await command('/restart/restart?drainMs=2000');
    await expect.poll(async () => (await command<unknown[]>('/restart/requests')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await post(origin, webhook(stopped, room, 'ada'));
    await expect.element(page.getByTestId('me'), { timeout: 30_000 }).toHaveAttribute('data-onair-state', 'idle');
    await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
    expect(states).not.toContain('closed');
    await post(origin, webhook(started, room, 'grace'));
    await expect.element(page.getByRole('button', { name: 'Stop recording Grace' })).toBeVisible();
  });

  it('17.8: a proxy answers 502 while the relay restarts (EventSource closes for good) — the adapter opens a new stream after the last event id', async () => {
    const { origin } = await command<{ origin: string }>('/proxy/start');
    const room = `room-${crypto.randomUUID()}`;
    const { states } = await renderRoom(origin, room);
    await post(origin, webhook(started, room, 'ada'));
    await expect.element(recorded()).toBeVisible();

    type Seen = Array<{ query: string | null; header: string | null }>;
    const before = (await command<Seen>('/proxy/requests')).length;
    await command('/proxy/proxy?status=502');
    // What happens meanwhile is kept by the relay, and sent when the page is back.
    await post(origin, webhook(started, room, 'grace'));
    // The browser's own reconnect got the 502 and gave up; the adapter's new EventSource (the last
    // id as query parameter, it cannot send the header) got a 502 too.
    await expect
      .poll(async () => (await command<Seen>('/proxy/requests')).slice(before).some((r) => r.query !== null), { timeout: 30_000 })
      .toBe(true);
    expect(page.getByText('Stop recording Grace').elements()).toHaveLength(0);
    await command('/proxy/proxy');
    await expect.element(page.getByRole('button', { name: 'Stop recording Grace' }), { timeout: 60_000 }).toBeVisible();
    await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
    const requests = await command<Seen>('/proxy/requests');
    expect(requests.at(-1)).toEqual({ query: expect.stringMatching(/-1$/), header: null });
    expect(states).not.toContain('closed');
    // The recording that was on before the cut is still shown.
    await expect.element(recorded()).toBeVisible();
  });

  it('17.8: a refused first connection (403) still stops for good: closed, said in words, not tried again', async () => {
    const { origin } = await command<{ origin: string }>('/refused/start');
    await command('/refused/proxy?status=403');
    const adapter = createVideoSdkAdapter({ client: noClient, roomId: 'room-x', events: `${origin}/events?roomId=room-x` });
    render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <ConnectionNote adapter={adapter} />
      </OnAirProvider>,
    );
    await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'closed');
    await expect.element(page.getByRole('alert')).toHaveTextContent(/recording status feed was refused or closed by the server/);
    // Longer than the first backoff (at most 1 s): still the one request.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await command<unknown[]>('/refused/requests')).toHaveLength(1);
  });

  it('17.8: Redis stopped, the page reconnects during the outage, Redis started — updates resume', async () => {
    const { origin } = await command<{ origin: string }>('/redis/start-redis');
    const room = `room-${crypto.randomUUID()}`;
    const { states } = await renderRoom(origin, room);
    await post(origin, webhook(started, room, 'ada'));
    await expect.element(recorded()).toBeVisible();

    await command('/redis/redis-stop');
    const before = (await command<unknown[]>('/redis/requests')).length;
    await command('/redis/cut');
    // At least two stream requests during the outage: the first one was told to come back, and it did.
    await expect.poll(async () => (await command<unknown[]>('/redis/requests')).length - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await command('/redis/redis-start');
    await post(origin, webhook(stopped, room, 'ada'));
    await expect.element(page.getByTestId('me'), { timeout: 30_000 }).toHaveAttribute('data-onair-state', 'idle');
    await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
    expect(states).not.toContain('closed');
  });
});
