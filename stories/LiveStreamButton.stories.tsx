import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { scripts } from './support/scripts.js';

const meta = {
  title: 'Components/LiveStreamButton',
  component: LiveStreamButton,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid', whenUnavailable: 'disable' },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost'] },
    whenUnavailable: { control: 'inline-radio', options: ['disable', 'hide'] },
  },
  parameters: { onair: { delayMs: 500 } },
} satisfies Meta<typeof LiveStreamButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No URL given: a labelled field that accepts only rtmp:// and rtmps://, empty and ready. */
export const Form: Story = {
  play: async ({ canvas }) => {
    const field = canvas.getByRole('textbox', { name: 'Stream URL' });
    await expect(field).toHaveValue('');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('button', { name: 'Go live' })).toBeInTheDocument();
  },
};

/** Walkthrough: a wrong address is refused with the field focused; an rtmps:// address goes live. */
export const WalkthroughForm: Story = {
  play: async ({ canvas, userEvent }) => {
    const field = canvas.getByRole('textbox', { name: 'Stream URL' });
    await userEvent.type(field, 'https://example.com/live');
    await userEvent.click(canvas.getByRole('button', { name: 'Go live' }));
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveFocus();
    await userEvent.clear(field);
    await userEvent.type(field, 'rtmps://live.example.com/app/KEY{Enter}');
    await expect(await canvas.findByRole('button', { name: 'End live stream' })).toBeInTheDocument();
  },
};

/** With `rtmpUrl`: one button. */
export const WithUrl: Story = { args: { rtmpUrl: 'rtmps://live.example.com/app/KEY' } };

export const Starting: Story = {
  args: { rtmpUrl: 'rtmps://live.example.com/app/KEY' },
  parameters: { onair: { script: scripts.liveStarting, hang: true } },
};

export const Live: Story = { parameters: { onair: { script: scripts.live } } };

/** The stream failed: the reason shows and "Go live" is usable again. */
export const Failure: Story = {
  name: 'Error',
  args: { rtmpUrl: 'rtmps://live.example.com/app/KEY' },
  parameters: { onair: { script: scripts.liveError } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('refused');
    await expect(canvas.getByRole('group', { name: 'Live stream' })).toHaveAttribute('data-onair-state', 'error');
    await expect(canvas.getByRole('button', { name: 'Go live' })).not.toHaveAttribute('aria-disabled');
  },
};

/** Walkthrough: after the failure, "Go live" works again. */
export const WalkthroughRecoverFromError: Story = {
  args: { rtmpUrl: 'rtmps://live.example.com/app/KEY' },
  parameters: { onair: { script: scripts.liveError } },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('refused');
    await userEvent.click(canvas.getByRole('button', { name: 'Go live' }));
    await expect(await canvas.findByRole('button', { name: 'End live stream' })).toBeInTheDocument();
  },
};

export const NotAllowed: Story = { parameters: { onair: { role: 'participant' } } };
