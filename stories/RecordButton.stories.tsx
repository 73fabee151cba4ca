import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { RecordButton } from '../src/components/RecordButton.js';
import { allCapabilities } from './support/scriptedAdapter.js';
import { scripts } from './support/scripts.js';
import type { OnAirStoryParameters } from './support/OnAirStory.js';

const onair = (p: OnAirStoryParameters) => ({ onair: p });

const meta = {
  title: 'Components/RecordButton',
  component: RecordButton,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid', whenUnavailable: 'disable', confirmStop: false },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'ghost'] },
    whenUnavailable: { control: 'inline-radio', options: ['disable', 'hide'] },
  },
  parameters: onair({ delayMs: 600 }),
} satisfies Meta<typeof RecordButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing records: "Start recording", ready to press. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Recording' })).toHaveAttribute('data-onair-state', 'idle');
    await expect(canvas.getByRole('button', { name: 'Start recording' })).not.toHaveAttribute('aria-disabled');
  },
};

/** Walkthrough: press to start; the button becomes "Stop recording" and a clock runs beside it. */
export const WalkthroughStart: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Start recording' }));
    await expect(await canvas.findByRole('button', { name: 'Stop recording' })).toBeInTheDocument();
    const clock = canvas.getByRole('group', { name: 'Recording' }).querySelector('time');
    // It starts from zero (a second may have passed on a loaded machine) and runs: waited for until
    // it moved, not for a state that lasts one second.
    await expect(clock?.textContent).toMatch(/^00:0[01]$/);
    const first = clock?.textContent;
    await waitFor(() => expect(clock?.textContent).not.toBe(first), { timeout: 15_000 });
    await expect(clock?.textContent).toMatch(/^00:0\d$/);
  },
};

/** The provider has not confirmed the start yet: busy, not pressable. */
export const Starting: Story = { parameters: onair({ script: scripts.recordingStarting, hang: true }) };

/** Running for a minute; the clock sits outside the button's name. */
export const Recording: Story = { parameters: onair({ script: scripts.recording }) };

/** With a provider that can pause (RealtimeKit, OpenTalk), paused: "Resume recording", the clock stands still. */
export const PausedWithPauseSupport: Story = {
  name: 'Paused',
  parameters: onair({ script: scripts.recordingPaused, capabilities: allCapabilities }),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Recording' })).toHaveAttribute('data-onair-state', 'paused');
    await expect(canvas.getByRole('button', { name: 'Resume recording' })).toBeInTheDocument();
  },
};

/** Walkthrough: resume a paused recording; "Pause recording" comes back. */
export const WalkthroughResume: Story = {
  parameters: onair({ script: scripts.recordingPaused, capabilities: allCapabilities }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Resume recording' }));
    await expect(await canvas.findByRole('button', { name: 'Pause recording' })).toBeInTheDocument();
  },
};

/** The stop was requested and not yet confirmed. */
export const Stopping: Story = { parameters: onair({ script: scripts.recordingStopping, hang: true }) };

/** The provider refused: the reason shows, dismissable, and "Start recording" stays usable. */
export const Failure: Story = {
  name: 'Error',
  parameters: onair({ script: scripts.recordingError }),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Recording' })).toHaveAttribute('data-onair-state', 'error');
    await expect(canvas.getByRole('alert')).toHaveTextContent('quota');
    await expect(canvas.getByRole('button', { name: 'Start recording' })).not.toHaveAttribute('aria-disabled');
  },
};

/** Walkthrough: dismiss the error, start again, and the recording runs. */
export const WalkthroughRecoverFromError: Story = {
  parameters: onair({ script: scripts.recordingError }),
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('quota');
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Start recording' }));
    await expect(await canvas.findByRole('button', { name: 'Stop recording' })).toBeInTheDocument();
  },
};

/** A participant without the moderator role: disabled, with the reason visible and as its description. */
export const NotAllowed: Story = {
  parameters: onair({ role: 'participant' }),
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Start recording' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription('Only moderators can record this meeting.');
  },
};

/** The provider cannot record: with `whenUnavailable="hide"` nothing renders. */
export const NotSupportedHidden: Story = {
  args: { whenUnavailable: 'hide' },
  parameters: onair({ capabilities: { startRecording: false, stopRecording: false } }),
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** The provider cannot record, shown disabled with the reason. */
export const NotSupportedDisabled: Story = {
  parameters: onair({ capabilities: { startRecording: false, stopRecording: false } }),
};

/** `confirmStop`: a small modal asks "Stop recording?" first, with "Keep recording" focused. */
export const ConfirmStop: Story = {
  args: { confirmStop: true },
  parameters: onair({ script: scripts.recording }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Stop recording' }));
    const dialog = await canvas.findByRole('alertdialog', { name: 'Stop recording?' });
    await expect(dialog).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Keep recording' })).toHaveFocus();
  },
};

/** Walkthrough: Escape keeps recording and focus returns to the button. */
export const WalkthroughConfirmStop: Story = {
  args: { confirmStop: true },
  parameters: onair({ script: scripts.recording }),
  play: async ({ canvas, userEvent }) => {
    const stop = canvas.getByRole('button', { name: 'Stop recording' });
    await userEvent.click(stop);
    const dialog = await canvas.findByRole('alertdialog', { name: 'Stop recording?' });
    await expect(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(stop).toHaveFocus();
  },
};

/** Sizes and variants side by side. */
export const SizesAndVariants: Story = {
  parameters: onair({ script: scripts.recording }),
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem' }}>
      {(['solid', 'subtle', 'ghost'] as const).map((variant) => (
        <div key={variant} style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
          {(['sm', 'md', 'lg'] as const).map((size) => (
            <RecordButton key={size} {...args} size={size} variant={variant} />
          ))}
        </div>
      ))}
    </div>
  ),
};
