import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ConsentRoster } from '../src/components/ConsentRoster.js';
import type { OnAirEvent } from '../src/core/events.js';
import type { OnAirStoryParameters } from './support/OnAirStory.js';

const onair = (p: OnAirStoryParameters) => ({ onair: p });

const meeting: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me', role: 'moderator' },
  { type: 'participant-joined', at: 0, participantId: 'me', name: 'Mona Moderator' },
  { type: 'recording-started', at: 1, startedBy: 'me' },
  { type: 'consent-updated', at: 2, participantId: 'me', consent: true },
  { type: 'participant-joined', at: 2, participantId: 'bea', name: 'Bea Okafor', consent: true },
  { type: 'participant-joined', at: 2, participantId: 'chen', name: 'Chen Wei', consent: true },
  { type: 'participant-joined', at: 2, participantId: 'dara', name: 'Dara Novak' },
  { type: 'participant-joined', at: 2, participantId: 'eli', name: 'Eli Brandt' },
  { type: 'consent-updated', at: 3, participantId: 'eli', consent: false },
];

const meta = {
  title: 'Components/ConsentRoster',
  component: ConsentRoster,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid', whenNotAllowed: 'hide' },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost'] },
  },
  parameters: onair({ script: meeting }),
} satisfies Meta<typeof ConsentRoster>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A moderator's view while recording: "3 of 5 consented", who has not answered, who declined. */
export const WhileRecording: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('3 of 5 consented')).toBeInTheDocument();
    await expect(canvas.getByRole('list', { name: /Not answered yet/ })).toHaveTextContent('Dara Novak');
    await expect(canvas.getByRole('list', { name: /Declined/ })).toHaveTextContent('Eli Brandt');
  },
};

/** Only the people still missing. */
export const PendingOnly: Story = { args: { groups: ['pending', 'declined'] } };

/** Everyone agreed. */
export const Complete: Story = {
  parameters: onair({
    script: [...meeting.slice(0, 6), { type: 'consent-updated', at: 5, participantId: 'chen', consent: true }],
  }),
};

/** No recording runs: answers are collected when one starts. */
export const Idle: Story = { parameters: onair({ script: meeting.filter((e) => e.type === 'session-joined' || e.type === 'participant-joined').map((e) => (e.type === 'participant-joined' ? { ...e, consent: undefined } : e)) }) };

/** A participant who is not a moderator sees nothing (here shown on purpose with `whenNotAllowed="show"`). */
export const NotAModerator: Story = {
  args: { whenNotAllowed: 'show' },
  parameters: onair({ role: 'participant' }),
};
