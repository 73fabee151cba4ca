import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { scripts } from './support/scripts.js';

const meta = {
  title: 'Components/LiveStreamBadge',
  component: LiveStreamBadge,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid', showWhenIdle: true, showEndpoints: true },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost'] },
  },
} satisfies Meta<typeof LiveStreamBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};
export const Starting: Story = { parameters: { onair: { script: scripts.liveStarting, hang: true } } };
export const Live: Story = {
  parameters: { onair: { script: scripts.live } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('LIVE')).toBeInTheDocument();
  },
};
export const Interrupted: Story = {
  parameters: { onair: { script: scripts.liveInterrupted } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Interrupted')).toBeInTheDocument();
  },
};
/** Two destinations, one cut: the list says which. An RTMP URL shows without its stream key. */
export const LiveWithEndpointsOneInterrupted: Story = {
  parameters: { onair: { script: scripts.liveEndpoints } },
  play: async ({ canvas }) => {
    const list = canvas.getByRole('list', { name: 'Destinations' });
    await expect(list).toHaveTextContent('youtube-mainlive');
    await expect(list).toHaveTextContent('live.twitch.example/appinterrupted');
    await expect(list).not.toHaveTextContent('SECRET');
  },
};
export const Stopping: Story = { parameters: { onair: { script: scripts.liveStopping, hang: true } } };
export const Failure: Story = { name: 'Error', parameters: { onair: { script: scripts.liveError } } };
export const Warning: Story = { parameters: { onair: { script: scripts.liveWarning } } };
export const SubtleLive: Story = { args: { variant: 'subtle' }, parameters: { onair: { script: scripts.live } } };
