import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import { LocalRecordingNotice } from '../src/local.js';
import { localMeeting, type LocalMeetingHandle, type LocalMeetingOptions } from './support/localMeeting.js';
import { useStoryMeeting, type OnAirStoryParameters } from './support/OnAirStory.js';

const onair = (p: OnAirStoryParameters) => ({ onair: { role: 'moderator', ...p } satisfies OnAirStoryParameters });
const meeting = (options: LocalMeetingOptions) => onair({ meeting: localMeeting(options) });

/** Record button, indicator, the local notice and the list, as a meeting screen would put them. */
function LocalRecordingScreen() {
  const handle = useStoryMeeting<LocalMeetingHandle>();
  return (
    <div style={{ display: 'grid', gap: '1rem', maxWidth: 640 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center' }}>
        <RecordingIndicator />
        <RecordButton />
      </div>
      <LocalRecordingNotice />
      {handle ? <RecordingList source={handle.recordings} heading="Recordings on this device" headingLevel={2} /> : null}
    </div>
  );
}

/**
 * Recording on this device (`onair-react/local`): a real `MediaRecorder` writing to IndexedDB in
 * this browser, here fed by a synthetic canvas stream, beside a (scripted) cloud provider.
 */
const meta = {
  title: 'Components/LocalRecording',
  component: LocalRecordingNotice,
  render: () => <LocalRecordingScreen />,
} satisfies Meta<typeof LocalRecordingNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing records: "Record in the cloud" and "Record on this device" side by side. */
export const Idle: Story = {
  parameters: meeting({}),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Record on this device' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Record in the cloud' })).toBeEnabled();
    await expect(await canvas.findByText('No recordings yet')).toBeInTheDocument();
  },
};

/** Recording on this device: the same indicator and clock as a cloud recording. */
export const Recording: Story = {
  parameters: meeting({ then: 'record' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Stop recording' })).toBeInTheDocument();
    await expect(canvas.getByRole('group', { name: 'Recording' })).toHaveAttribute('data-onair-state', 'recording');
  },
};

/** Paused: "Resume recording"; paused time is left out of the file and the clock. */
export const Paused: Story = {
  parameters: meeting({ then: 'pause' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Resume recording' })).toBeInTheDocument();
    await expect(canvas.getByRole('group', { name: 'Recording' })).toHaveAttribute('data-onair-state', 'paused');
  },
};

/** The device is running out of storage: a warning while recording (the recorder stops by itself before it runs out). */
export const StorageLow: Story = {
  name: 'Storage low',
  parameters: meeting({
    then: 'record',
    recorder: { estimate: async () => ({ usage: 9_965_000_000, quota: 10_000_000_000 }), minFreeBytes: 10e6, reserveBytes: 20e6, warnSeconds: 300 },
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Stop recording' })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/Storage on this device is running low \(35(\.0)? MB left\)/));
  },
};

/** The last visit's tab closed mid-recording: offered on load — Save / Discard. */
export const InterruptedRecordingFound: Story = {
  name: 'Interrupted recording found',
  parameters: meeting({
    interrupted: [{ name: 'design-review-2026-12-07-14-02.webm', startedAt: new Date(2026, 11, 7, 14, 2).getTime(), recordedMs: 12 * 60_000 }],
  }),
  play: async ({ canvas }) => {
    const group = await canvas.findByRole('group', { name: /^Recording from (14:02|0?2:02\sPM) \(12 min\) was interrupted$/ });
    await expect(group).toBeInTheDocument();
  },
};

/** A browser that cannot record: said plainly, and only the cloud is offered. */
export const UnsupportedBrowser: Story = {
  name: 'Unsupported browser',
  parameters: meeting({ recorder: { mimeTypes: ['video/x-not-a-recordable-type'] } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/This browser cannot record on this device\./)).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Start recording' })).toBeEnabled();
    await expect(canvas.queryByRole('button', { name: 'Record on this device' })).toBeNull();
  },
};
