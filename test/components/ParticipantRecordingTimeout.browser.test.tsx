// A start or stop that no webhook answers gives up after the timeout, so the controls are usable again.
import { useEffect, useRef, useState } from 'react';
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

/**
 * Shows the status and every status it has been in (each commit is recorded, so a state that lasts
 * a moment is not missed on a loaded machine). The timeout is the app's to change between commands.
 */
function Probe({ timeoutMs: initial, onStarted }: { timeoutMs?: number; onStarted?: () => void }) {
  const [timeoutMs, setTimeoutMs] = useState(initial);
  const rec = useParticipantRecording('ada', { timeoutMs });
  const history = useRef<string[]>([]);
  const [seen, setSeen] = useState('');
  useEffect(() => {
    if (history.current.at(-1) !== rec.status) history.current.push(rec.status);
    setSeen(history.current.join(' '));
  }, [rec.status]);
  return (
    <>
      <output data-testid="status">{rec.status}</output>
      <output data-testid="history">{seen}</output>
      <button type="button" onClick={() => rec.start().catch(() => {})}>start</button>
      <button type="button" onClick={() => rec.stop().catch(() => {})}>stop</button>
      <button type="button" onClick={() => setTimeoutMs(300)}>shorten timeout</button>
      {onStarted ? (
        <button
          type="button"
          onClick={() => {
            rec.start().catch(() => {});
            onStarted();
          }}
        >
          start and answer
        </button>
      ) : null}
      {rec.error ? <p role="alert" data-code={rec.error.code}>{rec.error.message}</p> : null}
    </>
  );
}

describe('participant recording without an answering webhook', () => {
  it('a start times out into a readable error and the button records again', async () => {
    const { adapter, client } = silentMeeting();
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <ParticipantRecordButton participantId="ada" name="Ada" timeoutMs={300} />
      </OnAirProvider>,
    );
    // Every name the button has had (a mutation observer runs after each commit, before the timer).
    const names: string[] = [];
    const observer = new MutationObserver(() => {
      for (const button of document.querySelectorAll('button')) names.push(button.getAttribute('aria-label') ?? button.textContent ?? '');
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    try {
      await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
      await expect.element(page.getByRole('alert')).toHaveTextContent(/did not confirm the start in time/);
    } finally {
      observer.disconnect();
    }
    expect(names.some((name) => /Starting recording of Ada/.test(name))).toBe(true);
    const again = page.getByRole('button', { name: 'Record Ada' });
    await expect.element(again).not.toHaveAttribute('aria-disabled');
    await userEvent.click(again);
    expect(client.startParticipantRecording).toHaveBeenCalledTimes(2);
  });

  it('a stop sent while still starting does not stay in "stopping"', async () => {
    const { adapter } = silentMeeting();
    // The start waits a minute (it must still be on its way when the stop is sent, however slow the
    // machine); the stop is sent with a 300 ms timeout.
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <Probe timeoutMs={60_000} />
      </OnAirProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'start' }));
    await expect.element(page.getByTestId('status')).toHaveTextContent('starting');
    await userEvent.click(page.getByRole('button', { name: 'shorten timeout' }));
    await userEvent.click(page.getByRole('button', { name: 'stop' }));
    await expect.element(page.getByRole('alert')).toHaveAttribute('data-code', 'timeout');
    await expect.element(page.getByRole('alert')).toHaveTextContent(/did not confirm the stop in time.*may still run/);
    await expect.element(page.getByTestId('status')).toHaveTextContent('recording');
    // The history is written by an effect after the status renders: wait for it too.
    await expect.element(page.getByTestId('history')).toHaveTextContent(/^idle starting stopping recording$/);
  });

  it('a webhook in time cancels the timeout', async () => {
    const { adapter, webhook } = silentMeeting();
    // The webhook answers in the same task as the start (a click's round trip to the browser can take
    // longer than the 150 ms timeout on a loaded machine); then the timeout's time passes with nothing.
    await render(
      <OnAirProvider adapter={adapter} colorScheme="light">
        <Probe timeoutMs={150} onStarted={() => webhook('started')} />
      </OnAirProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'start and answer' }));
    await expect.element(page.getByTestId('status')).toHaveTextContent('recording');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(page.getByRole('alert').elements()).toHaveLength(0);
    await expect.element(page.getByTestId('status')).toHaveTextContent('recording');
  });
});
