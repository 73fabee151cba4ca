import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LiveStreamDestinations } from '../src/components/LiveStreamDestinations.js';

const meta = {
  title: 'Components/LiveStreamDestinations',
  component: LiveStreamDestinations,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid' },
  parameters: { onair: { delayMs: 300 } },
} satisfies Meta<typeof LiveStreamDestinations>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing added yet: YouTube's ingest server filled in, an empty masked "Stream key". */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Server URL')).toHaveValue('rtmp://a.rtmp.youtube.com/live2');
    await expect(canvas.getByLabelText('Stream key')).toHaveAttribute('type', 'password');
  },
};

/** A key that is not Twitch-shaped: a readable message, the key not repeated. */
export const Invalid: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Platform'), 'twitch');
    await userEvent.type(canvas.getByLabelText('Stream key'), 'wrong key');
    await userEvent.click(canvas.getByRole('button', { name: 'Add destination' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This does not look like a Twitch stream key.');
  },
};

/** Two destinations added, ready: the keys are gone from the page. */
export const Ready: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Stream key'), 'abcd-efgh-ijkl-mnop');
    await userEvent.click(canvas.getByRole('button', { name: 'Add destination' }));
    await userEvent.selectOptions(canvas.getByLabelText('Platform'), 'twitch');
    await userEvent.type(canvas.getByLabelText('Stream key'), 'live_1_StoryKey');
    await userEvent.click(canvas.getByRole('button', { name: 'Add destination' }));
    await expect(await canvas.findByText('Twitch', { selector: '.onair-dest-name' })).toBeInTheDocument();
    await expect(canvas.getByLabelText('Stream key')).toHaveValue('');
  },
};

/** Walkthrough: two destinations, "Go live to all", each live. */
export const WalkthroughLive: Story = {
  play: async (context) => {
    await Ready.play?.(context);
    const { canvas, userEvent } = context;
    await userEvent.click(canvas.getByRole('button', { name: 'Go live to all' }));
    await expect(await canvas.findAllByText('Live', { selector: '.onair-dest-status' }, { timeout: 10_000 })).toHaveLength(2);
  },
};
