import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createVideoSdkAdapter, createVideoSdkClient } from '../../src/adapters/videosdk/index.js';
import { ParticipantRecordButton } from '../../src/components/ParticipantRecordButton.js';
import type { ParticipantRole } from '../../src/core/model.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createVideoSdkSimulator, type VideoSdkSimulator } from '../../src/simulator/videosdk/index.js';

const sims: VideoSdkSimulator[] = [];
afterEach(() => {
  cleanup();
  for (const sim of sims.splice(0)) sim.close();
});

async function setup(options: { role?: ParticipantRole; holdStarts?: Promise<void> } = {}) {
  const sim = createVideoSdkSimulator({ delays: { starting: 30, started: 60, stopping: 30, stopped: 60 } });
  sims.push(sim);
  const requests: string[] = [];
  const client = createVideoSdkClient({
    getToken: () => 'sim-token',
    fetch: async (input, init) => {
      requests.push(String(input));
      if (options.holdStarts && String(input).endsWith('/participant/start')) await options.holdStarts;
      return sim.fetch(input, init);
    },
    baseUrl: '/api/videosdk',
  });
  const adapter = createVideoSdkAdapter({ client, roomId: sim.roomId, events: sim.subscribe, role: options.role ?? 'moderator' });
  await render(
    <OnAirProvider adapter={adapter} colorScheme="light">
      <ParticipantRecordButton participantId="ada" name="Ada" />
    </OnAirProvider>,
  );
  return { sim, requests };
}

describe('ParticipantRecordButton', () => {
  it('records Ada: "Record Ada" → "Stop recording Ada" → a download link', async () => {
    await setup();
    const record = page.getByRole('button', { name: 'Record Ada' });
    await expect.element(record).not.toHaveAttribute('aria-pressed');
    await userEvent.click(record);
    const stop = page.getByRole('button', { name: 'Stop recording Ada' });
    await expect.element(stop).toBeVisible();
    await expect.element(stop).not.toHaveAttribute('aria-pressed');
    await userEvent.click(stop);
    const link = page.getByRole('link', { name: 'Download recording of Ada' });
    await expect.element(link).toHaveAttribute('href', expect.stringMatching(/^https:\/\/cdn\.videosdk\.example\/encoded\/videos\/.+\.webm$/));
    await expect.element(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect.element(page.getByRole('button', { name: 'Record Ada' })).toBeVisible();
  });

  it('a double click sends one start', async () => {
    // The start is held until both clicks have landed: however far apart a loaded machine puts
    // them, the second one meets the start on its way (not a running recording it would stop).
    let release: () => void = () => {};
    const { requests } = await setup({ holdStarts: new Promise<void>((resolve) => (release = resolve)) });
    await userEvent.dblClick(page.getByRole('button', { name: 'Record Ada' }));
    release();
    await expect.element(page.getByRole('button', { name: 'Stop recording Ada' })).toBeVisible();
    expect(requests.filter((r) => r.endsWith('/participant/start'))).toHaveLength(1);
  });

  it('shows the provider’s refusal as an alert and stays usable', async () => {
    const { sim } = await setup();
    sim.failNextStart('Recording is not enabled for this room');
    await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Participant recording failed:.*Recording is not enabled for this room/);
    const again = page.getByRole('button', { name: 'Record Ada' });
    await expect.element(again).not.toHaveAttribute('aria-disabled');
    await userEvent.click(again);
    await expect.element(page.getByRole('button', { name: 'Stop recording Ada' })).toBeVisible();
  });

  it('shows a recording that failed after starting', async () => {
    const { sim } = await setup();
    sim.failNextRecording();
    await userEvent.click(page.getByRole('button', { name: 'Record Ada' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent(/could not record/);
  });

  it('is disabled with the reason for a participant who is not a moderator', async () => {
    const { requests } = await setup({ role: 'participant' });
    const button = page.getByRole('button', { name: 'Record Ada' });
    await expect.element(button).toHaveAttribute('aria-disabled', 'true');
    await expect.element(button).toHaveAccessibleDescription('Only moderators can record participants.');
    await userEvent.click(button, { force: true });
    expect(requests).toHaveLength(0);
  });

  it('links only http(s) files', async () => {
    const { sim } = await setup();
    sim.emit({ webhookType: 'participant-recording-started', data: { meetingId: sim.roomId, sessionId: 's', participantId: 'ada' } });
    sim.emit({
      webhookType: 'participant-recording-stopped',
      data: { meetingId: sim.roomId, sessionId: 's', participantId: 'ada', fileDetails: [{ filePath: '/a.webm', fileUrl: 'javascript:alert(1)' }, { filePath: '/b.webm', fileUrl: 'https://cdn.example/b.webm' }] },
    });
    await expect.element(page.getByRole('link')).toHaveAttribute('href', 'https://cdn.example/b.webm');
    expect(page.getByRole('link').all()).toHaveLength(1);
  });
});
