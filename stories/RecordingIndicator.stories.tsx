import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { scripts } from './support/scripts.js';

const meta = {
  title: 'Components/RecordingIndicator',
  component: RecordingIndicator,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid', showStartedBy: true, showWhenIdle: false },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost'] },
  },
} satisfies Meta<typeof RecordingIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What everyone sees while a recording runs: REC, the time, who started it. */
export const RecordingWithStartedBy: Story = {
  parameters: { onair: { script: scripts.recording } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Started by Ana Lima')).toBeInTheDocument();
    await expect(canvas.getByText('REC')).toBeInTheDocument();
  },
};

export const Subtle: Story = { args: { variant: 'subtle' }, parameters: { onair: { script: scripts.recording } } };

export const Paused: Story = { parameters: { onair: { script: scripts.recordingPaused } } };

export const Starting: Story = { parameters: { onair: { script: scripts.recordingStarting, hang: true } } };

/** Idle: renders nothing. */
export const IdleHidden: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.onair-indicator')).toBeNull();
  },
};

/** Idle with `showWhenIdle`. */
export const IdleShown: Story = { args: { showWhenIdle: true } };
