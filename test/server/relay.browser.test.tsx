// Real EventSource in Chromium against the real relay on loopback (started by test/setup/relayGlobalSetup.ts).
import { useSyncExternalStore } from 'react';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createVideoSdkAdapter, type VideoSdkAdapter, type VideoSdkClient } from '../../src/adapters/videosdk/index.js';
import { ParticipantRecordButton } from '../../src/components/ParticipantRecordButton.js';
import { ParticipantRecordingIndicator } from '../../src/components/ParticipantRecordingIndicator.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import started from '../fixtures/videosdk/participant-recording-started.json';
import stopped from '../fixtures/videosdk/participant-recording-stopped.json';

const origin = inject('relayOrigin');
const secret = inject('relaySecret');
const noClient = {} as VideoSdkClient;

afterEach(() => cleanup());

function webhook(kind: typeof started | typeof stopped, roomId: string, participantId: string) {
  return { ...kind, data: { ...kind.data, meetingId: roomId, participantId } };
}

function post(body: unknown, token = secret): Promise<Response> {
  return fetch(`${origin}/webhook?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** What an app shows when recording progress no longer arrives. */
function ConnectionNote({ adapter }: { adapter: VideoSdkAdapter }) {
  const { status, error } = useSyncExternalStore(adapter.connection.subscribe, adapter.connection.getSnapshot);
  return (
    <div data-testid="connection" data-status={status}>
      {error ? <p role="alert">{error.message}</p> : null}
    </div>
  );
}

async function renderRoom(roomId: string, access = 'member-pass') {
  const adapter = createVideoSdkAdapter({
    client: noClient,
    roomId,
    events: `${origin}/events?roomId=${roomId}&access=${access}`,
    localParticipantId: 'ada',
    role: 'moderator',
    participantNames: { ada: 'Ada', grace: 'Grace' },
  });
  return render(
    <OnAirProvider adapter={adapter} colorScheme="light">
      <ParticipantRecordingIndicator data-testid="me" />
      <ParticipantRecordButton participantId="grace" />
      <ConnectionNote adapter={adapter} />
    </OnAirProvider>,
  );
}

describe('relay → EventSource → screen (Chromium, loopback)', () => {
  it('a webhook posted with the secret changes what the room sees', async () => {
    const room = `room-${crypto.randomUUID()}`;
    await renderRoom(room);
    await expect.element(page.getByTestId('me')).toHaveAttribute('data-onair-state', 'idle');
    expect((await post(webhook(started, room, 'ada'))).status).toBe(204);
    await expect.element(page.getByRole('status').filter({ hasText: 'You are being recorded' })).toBeVisible();
    expect((await post(webhook(stopped, room, 'ada'))).status).toBe(204);
    await expect.element(page.getByTestId('me')).toHaveAttribute('data-onair-state', 'idle');
    await expect.element(page.getByTestId('me')).toHaveTextContent('');
  });

  it('a wrong secret is rejected and another room’s webhooks are not seen', async () => {
    const room = `room-${crypto.randomUUID()}`;
    await renderRoom(room);
    expect((await post(webhook(started, room, 'ada'), 'wrong-secret-0123456789abcd')).status).toBe(401);
    expect((await post(webhook(started, `other-${room}`, 'ada'))).status).toBe(204);
    // A webhook of this room afterwards arrives; the rejected and the foreign ones never did.
    expect((await post(webhook(started, room, 'grace'))).status).toBe(204);
    await expect.element(page.getByRole('button', { name: 'Stop recording Grace' })).toBeVisible();
    await expect.element(page.getByTestId('me')).toHaveAttribute('data-onair-state', 'idle');
  });

  it('a page that opens later gets the room’s current state from the relay', async () => {
    const room = `room-${crypto.randomUUID()}`;
    expect((await post(webhook(started, room, 'ada'))).status).toBe(204);
    await renderRoom(room);
    await expect.element(page.getByText('You are being recorded')).toBeVisible();
  });

  it('an unauthorized subscriber is refused (403)', async () => {
    const response = await fetch(`${origin}/events?roomId=any&access=nope`);
    expect(response.status).toBe(403);
  });

  it('the adapter reports the open stream', async () => {
    await renderRoom(`room-${crypto.randomUUID()}`);
    await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
    expect(page.getByRole('alert').elements()).toHaveLength(0);
  });

  it('the adapter reports a refused stream (403) as a readable error the UI shows', async () => {
    await renderRoom(`room-${crypto.randomUUID()}`, 'nope');
    await expect.element(page.getByTestId('connection')).toHaveAttribute('data-status', 'closed');
    await expect.element(page.getByRole('alert')).toHaveTextContent(/recording status feed was refused or closed by the server/);
  });
});
