import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createVideoSdkAdapter, type VideoSdkClient } from '../../src/adapters/videosdk/index.js';
import { ParticipantRecordingIndicator } from '../../src/components/ParticipantRecordingIndicator.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

afterEach(() => cleanup());

async function setup() {
  let push: (w: unknown) => void = () => {};
  const adapter = createVideoSdkAdapter({
    client: {} as VideoSdkClient,
    roomId: 'r1',
    events: (listener) => {
      push = listener;
      return () => {};
    },
    localParticipantId: 'me',
    participantNames: { ada: 'Ada' },
  });
  await render(
    <OnAirProvider adapter={adapter} colorScheme="light">
      <ParticipantRecordingIndicator data-testid="me" />
      <ParticipantRecordingIndicator data-testid="ada" participantId="ada" />
    </OnAirProvider>,
  );
  const send = (type: string, participantId: string, at: number) =>
    push({ at, webhook: { webhookType: `participant-recording-${type}`, data: { meetingId: 'r1', sessionId: 's', participantId } } });
  return { send };
}

describe('ParticipantRecordingIndicator', () => {
  it('tells the local participant "You are being recorded" in a status region, and nothing otherwise', async () => {
    const { send } = await setup();
    const me = page.getByTestId('me');
    await expect.element(me).toHaveAttribute('role', 'status');
    await expect.element(me).toHaveTextContent('');
    send('starting', 'me', 1);
    await expect.element(me).toHaveTextContent('Your recording is starting…');
    send('started', 'me', 2);
    await expect.element(me).toHaveTextContent('You are being recorded');
    await expect.element(me).toHaveAttribute('data-onair-state', 'recording');
    await expect.element(page.getByTestId('ada')).toHaveTextContent('');
    send('stopped', 'me', 3);
    await expect.element(me).toHaveTextContent('');
  });

  it('names another participant who is being recorded', async () => {
    const { send } = await setup();
    send('started', 'ada', 1);
    await expect.element(page.getByTestId('ada')).toHaveTextContent('Ada is being recorded');
    await expect.element(page.getByTestId('me')).toHaveTextContent('');
  });
});
