import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { expect, userEvent } from 'storybook/test';
import { ParticipantRecordButton } from '../src/components/ParticipantRecordButton.js';
import { ParticipantRecordingIndicator } from '../src/components/ParticipantRecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { useStoryMeeting, useStoryTheme } from './support/OnAirStory.js';
import { videoSdkMeeting, type VideoSdkStoryHandle } from './support/videoSdkMeeting.js';

const meta = {
  title: 'Meeting playground/VideoSDK',
  component: VideoSdkPlayground,
  parameters: {
    onair: { meeting: () => videoSdkMeeting({ viaRelay: true, seedStored: 1, delays: { starting: 150, started: 500, stopping: 150, stopped: 600 } }) },
  },
} satisfies Meta<typeof VideoSdkPlayground>;
export default meta;
type Story = StoryObj<typeof meta>;

function VideoSdkPlayground(): ReactElement {
  const handle = useStoryMeeting<VideoSdkStoryHandle>();
  const { colorScheme, theme } = useStoryTheme();
  if (!handle) return <p>No meeting</p>;
  const { adapter, sim } = handle;
  return (
    <OnAirProvider adapter={adapter} recordings={adapter.recordings} colorScheme={colorScheme} theme={theme}>
      <div style={{ display: 'grid', gap: '1rem', maxWidth: 720 }}>
        <h2 style={{ margin: 0, fontSize: '1.1rem' }}>VideoSDK room {sim.roomId} — webhooks through the relay</h2>
        <ParticipantRecordingIndicator />
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.75rem' }}>
          {sim.participants.map((p) => (
            <li key={p.id} style={{ display: 'flex', alignItems: 'flex-start', gap: '1rem', flexWrap: 'wrap' }}>
              <span style={{ minWidth: '8rem', fontWeight: 600 }}>{p.name}</span>
              <ParticipantRecordButton participantId={p.id} size="sm" />
            </li>
          ))}
        </ul>
        <RecordingList />
      </div>
    </OnAirProvider>
  );
}

/**
 * The whole path, resting as a newcomer finds it: one recording of an earlier session to play or
 * download (real sample media), and a Record button per participant. Recording goes through REST
 * start/stop via the app's backend route (`createVideoSdkRoute`: it mints the token and adds the
 * relay's webhookUrl — without it no webhook would come back) to the VideoSDK simulator, its webhooks
 * posted into a real `createWebhookRelay` running in the page, streamed back as SSE to the adapter,
 * and the finished file in `RecordingList`. The `Walkthrough` story walks it by itself.
 */
export const VideoSDK: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    // 22.9: nothing starts by itself — the first click is the reader's.
    await expect(await canvas.findByRole('button', { name: 'Record Ada Lovelace' })).toBeEnabled();
    await expect(await canvas.findByRole('button', { name: /^Play/ }, { timeout: 15_000 })).toBeEnabled();
    expect(canvas.queryByText('You are being recorded')).toBeNull();
  },
};

/** The scripted walk: record Ada, stop, and her file appears in the list. */
export const Walkthrough: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Record Ada Lovelace' }));
    await expect(await canvas.findByText('You are being recorded', {}, { timeout: 15_000 })).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop recording Ada Lovelace' }, { timeout: 15_000 }));
    await expect(await canvas.findByRole('link', { name: 'Download recording of Ada Lovelace' }, { timeout: 15_000 })).toBeVisible();
  },
};
