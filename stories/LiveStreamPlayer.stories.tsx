import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LiveStreamPlayer } from '../src/components/LiveStreamPlayer.js';

const meta = {
  title: 'Components/LiveStreamPlayer',
  component: LiveStreamPlayer,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid' },
} satisfies Meta<typeof LiveStreamPlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No playback URL yet (the provider's HLS has not started). */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The stream has not started.')).toBeVisible();
  },
};

/** The broadcast ended (the `ended` prop, or the provider's stream stopped). */
export const Ended: Story = {
  args: { src: 'https://cdn.example.com/live/index.m3u8', ended: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The stream has ended.')).toBeVisible();
  },
};
