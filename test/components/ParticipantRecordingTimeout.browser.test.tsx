// A start or stop that no webhook answers gives up after the timeout, so the controls are usable again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createVideoSdkAdapter, type VideoSdkClient } from '../../src/adapters/videosdk/index.js';
import { ParticipantRecordButton } from '../../src/components/ParticipantRecordButton.js';
import { useParticipantRecording } from '../../src/hooks/useParticipantRecording.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

afterEach(() => cleanup());

/** VideoSDK accepts every command, but no webhook ever reaches the browser (a broken relay or webhookUrl). */
function silentMeeting() {
  let push: (webhook: unknown) => void = () => {};
  const client = {
    startParticipantRecording: vi.fn(async () => ({ message: 'participant recording started successfully', body: null })),
    stopParticipantRecording: vi.fn(async () => ({ message: 'participant recording stopped successfully', body: null })),
  } satisfies Pick<VideoSdkClient, 'startParticipantRecording' | 'stopParticipantRecording'>;
  const adapter = createVideoSdkAdapter({
    client,
    roomId: 'r1',
    role: 'moderator',
    events: (listener) => {
      push = listener;
      return () => {};
    },
  });
  const webhook = (type: string) => push({ webhookType: `participant-recording-${type}`, data: { meetingId: 'r1', sessionId: 's', participantId: 'ada' } });
  return { adapter, client, webhook };
}

function Probe({ timeoutMs }: { timeoutMs?: number }) {
  const rec = useParticipantRecording('ada', { timeoutMs });
  return (
    <>
      <output data-testid="status">{rec.status}</output>
      <button type="button" onClick={() => rec.start().catch(() => {})}>start</button>
      <button type="button" onClick={() => rec.stop().catch(() => {})}>stop</button>
      {rec.error ? <p role="alert" data-code={rec.error.code}>{rec.error.message}</p> : null}
    </>
  );
}

describe('participant recording without an answering webhook', () => {
  it('a start times out into a readable error and the button records again', async () => {
    const { adapter, client } = silentMeeting();
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <ParticipantRecordButton participantId="ada" name="Ada" timeoutMs={200} />
      </OnAirProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
    await expect.element(page.getByRole('button', { name: 'Starting recording of Ada…' })).toBeVisible();
    await expect.element(page.getByRole('alert')).toHaveTextContent(/did not confirm the start in time/);
    const again = page.getByRole('button', { name: 'Record Ada' });
    await expect.element(again).not.toHaveAttribute('aria-disabled');
    await userEvent.click(again);
    expect(client.startParticipantRecording).toHaveBeenCalledTimes(2);
  });

  it('a stop sent while still starting does not stay in "stopping"', async () => {
    const { adapter } = silentMeeting();
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <Probe timeoutMs={500} />
      </OnAirProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'start' }));
    await expect.element(page.getByTestId('status')).toHaveTextContent('starting');
    await userEvent.click(page.getByRole('button', { name: 'stop' }));
    await expect.element(page.getByTestId('status')).toHaveTextContent('stopping');
    await expect.element(page.getByRole('alert')).toHaveAttribute('data-code', 'timeout');
    await expect.element(page.getByRole('alert')).toHaveTextContent(/did not confirm the stop in time.*may still run/);
    await expect.element(page.getByTestId('status')).toHaveTextContent('recording');
  });

  it('a webhook in time cancels the timeout', async () => {
    const { adapter, webhook } = silentMeeting();
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <Probe timeoutMs={150} />
      </OnAirProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'start' }));
    webhook('started');
    await expect.element(page.getByTestId('status')).toHaveTextContent('recording');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(page.getByRole('alert').elements()).toHaveLength(0);
    await expect.element(page.getByTestId('status')).toHaveTextContent('recording');
  });
});
