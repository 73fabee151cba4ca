import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { ParticipantRecordButton } from '../src/components/ParticipantRecordButton.js';
import { ParticipantRecordingIndicator } from '../src/components/ParticipantRecordingIndicator.js';
import { videoSdkMeeting, videoSdkWebhook, type VideoSdkStoryHandle } from './support/videoSdkMeeting.js';

const meta = {
  title: 'Components/ParticipantRecording',
  component: ParticipantRecordButton,
  tags: ['autodocs'],
  args: { participantId: 'grace', name: 'Grace', size: 'md', variant: 'solid' },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost'] },
  },
  parameters: { onair: { meeting: () => videoSdkMeeting() } },
} satisfies Meta<typeof ParticipantRecordButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A moderator records Grace on her own: start, stop, then the file's download link (VideoSDK simulator). */
export const RecordAndDownload: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Record Grace' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop recording Grace' }, { timeout: 15_000 }));
    const link = await canvas.findByRole('link', { name: 'Download recording of Grace' }, { timeout: 15_000 });
    // The simulator serves a real sample file from the page's own origin, so Download downloads.
    await expect(link).toHaveAttribute('href', expect.stringMatching(/^https?:\/\/[^/]+\/simulated-media\//));
  },
};

/** Waiting for VideoSDK's `participant-recording-started`. */
export const Starting: Story = {
  parameters: { onair: { meeting: () => videoSdkMeeting({ script: [videoSdkWebhook('starting', 'grace')] }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Starting recording of Grace…' })).toHaveAttribute('aria-busy', 'true');
  },
};

export const Recording: Story = {
  parameters: { onair: { meeting: () => videoSdkMeeting({ script: [videoSdkWebhook('started', 'grace')] }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Stop recording Grace' })).toBeVisible();
  },
};

/** `participant-recording-stopped` with `fileDetails`: a download link (only http(s) URLs are linked). */
export const Stopped: Story = {
  parameters: {
    onair: {
      meeting: () =>
        videoSdkMeeting({
          script: [
            videoSdkWebhook('started', 'grace'),
            videoSdkWebhook('stopped', 'grace', {
              fileDetails: [
                { filePath: '/encoded/videos/grace.webm', fileUrl: 'https://cdn.videosdk.example/encoded/videos/grace.webm' },
                { filePath: '/encoded/videos/evil.webm', fileUrl: 'javascript:alert(1)' },
              ],
            }),
          ],
        }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findAllByRole('link')).toHaveLength(1);
  },
};

/** `participant-recording-failed`: the reason as an alert; recording again stays possible. */
export const Failed: Story = {
  parameters: { onair: { meeting: () => videoSdkMeeting({ script: [videoSdkWebhook('starting', 'grace'), videoSdkWebhook('failed', 'grace')] }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/could not record/);
    await expect(canvas.getByRole('button', { name: 'Record Grace' })).not.toHaveAttribute('aria-disabled');
  },
};

/** VideoSDK refuses the start (HTTP 400): the message shows. */
export const StartRefused: Story = {
  parameters: {
    onair: {
      meeting: () => {
        const meeting = videoSdkMeeting();
        (meeting.handle as VideoSdkStoryHandle).sim.failNextStart('Recording is not enabled for this room');
        return meeting;
      },
    },
  },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Record Grace' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Recording is not enabled for this room');
  },
};

/** A participant who is not a moderator: disabled, with the reason. */
export const NotAllowed: Story = {
  parameters: { onair: { role: 'participant', meeting: () => videoSdkMeeting({ role: 'participant' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Record Grace' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByText('Only moderators can record participants.')).toBeVisible();
  },
};

/** What Ada sees while she is individually recorded. */
export const YouAreBeingRecorded: Story = {
  parameters: { onair: { meeting: () => videoSdkMeeting({ script: [videoSdkWebhook('started', 'ada')] }) } },
  render: () => <ParticipantRecordingIndicator />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('You are being recorded')).toBeVisible();
  },
};
