import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import type { OnAirEvent } from '../src/core/events.js';
import type { OnAirStoryParameters } from './support/OnAirStory.js';

const onair = (p: OnAirStoryParameters) => ({ onair: p });

/** The local participant "me" (Gus) in a room with Mona, the moderator. */
const people: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me', role: 'participant' },
  { type: 'participant-joined', at: 0, participantId: 'me', name: 'Gus Guest' },
  { type: 'participant-joined', at: 0, participantId: 'mona', name: 'Mona Moderator' },
];
const recordingByMona: OnAirEvent[] = [...people, { type: 'recording-started', at: 1, startedBy: 'mona', recordingId: 'r1' }];

const meta = {
  title: 'Components/ConsentBanner',
  component: ConsentBanner,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid', autoFocus: false, shortcut: 'Alt+Shift+C', showStatus: true, onAccept: fn(), onDecline: fn() },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost', 'prejoin'] },
  },
  parameters: onair({ script: recordingByMona }),
} satisfies Meta<typeof ConsentBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A recording started and this participant has not chosen: explicit accept / decline, no close button. */
export const FirstAsk: Story = {
  play: async ({ canvas, args }) => {
    const region = await canvas.findByRole('region', { name: 'This meeting is being recorded' });
    await expect(region).toHaveAttribute('data-onair-state', 'ask');
    await expect(region).toHaveTextContent('Recording started by Mona Moderator.');
    await expect(region.contains(document.activeElement)).toBe(false);
    await expect(args.onAccept).not.toHaveBeenCalled();
  },
};

/** Walkthrough: Tab reaches the banner, accepting leaves a compact status with "Withdraw consent". */
export const WalkthroughAccept: Story = {
  play: async ({ canvas, args, userEvent }) => {
    const dialog = await canvas.findByRole('region', { name: 'This meeting is being recorded' });
    await expect(dialog).toHaveTextContent('Recording started by Mona Moderator.');
    await expect(args.onAccept).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'I agree to be recorded' }));
    await expect(args.onAccept).toHaveBeenCalledOnce();
    await expect(await canvas.findByRole('button', { name: 'Withdraw consent' })).toBeInTheDocument();
  },
};

/**
 * The participant agreed to the last recording; it ended and a new one started. Answers belong to
 * one recording, so the banner asks again.
 */
export const ReAskOnNewRecording: Story = {
  parameters: onair({
    script: [
      ...recordingByMona,
      { type: 'consent-updated', at: 2, participantId: 'me', consent: true },
      { type: 'recording-stopped', at: 3, recordingId: 'r1' },
      { type: 'recording-starting', at: 4, startedBy: 'mona' },
    ],
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: 'This meeting is being recorded' })).toBeInTheDocument();
  },
};

/** A lobby: the meeting is being recorded; agree to continue. */
export const PreJoin: Story = {
  args: { variant: 'prejoin', open: true },
  parameters: onair({ script: people }),
};

/** The participant declined: the state stays visible, with a way to change the answer. */
export const Declined: Story = {
  parameters: onair({ script: [...recordingByMona, { type: 'consent-updated', at: 2, participantId: 'me', consent: false }] }),
  play: async ({ canvas }) => {
    const region = await canvas.findByRole('group', { name: 'Recording consent' });
    await expect(region).toHaveTextContent('You declined to be recorded.');
    await expect(canvas.getByRole('button', { name: 'Change' })).toBeInTheDocument();
  },
};

/** Agreed: a compact status with "Withdraw consent". */
export const Consented: Story = {
  parameters: onair({ script: [...recordingByMona, { type: 'consent-updated', at: 2, participantId: 'me', consent: true }] }),
};

/** Who started it is not known (the provider does not say): the banner still explains. */
export const StarterUnknown: Story = {
  parameters: onair({ script: [...people, { type: 'recording-started', at: 1 }] }),
};
