import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { scripts } from './support/scripts.js';

/** The indicator and the record button of one meeting screen. */
function MeetingBar(): ReactElement {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '1rem', alignItems: 'flex-start', maxWidth: 560 }}>
      <RecordingIndicator />
      <RecordButton />
    </div>
  );
}

const meta = {
  title: 'Meeting playground/Two recordings at once',
  component: MeetingBar,
  parameters: { onair: { script: scripts.twoRecordings } },
} satisfies Meta<typeof MeetingBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Two Daily instances run (Ana's cloud recording, then Ben's raw-tracks recording). The indicator keeps
 * the first one's clock and owner and says "2 recordings"; the record button says which one it acts on,
 * and the person chooses.
 */
export const TwoRecordings: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('2 recordings', { exact: true })).toBeInTheDocument();
    await expect(canvas.getByText('Started by Ana Lima')).toBeInTheDocument();
    const group = canvas.getByRole('radiogroup', { name: /2 recordings/ });
    await expect(within(group).getByRole('radio', { name: 'Recording 1, started by Ana Lima' })).toBeChecked();
    await expect(canvas.getByRole('button', { name: 'Stop recording' })).toHaveAccessibleDescription('Acts on recording 1 of 2.');
  },
};

/** Walkthrough: choose Ben's recording and stop it; Ana's goes on and the count disappears. */
export const WalkthroughStopTheSecond: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('radio', { name: 'Recording 2, started by Ben Okafor' }));
    await expect(canvas.getByRole('button', { name: 'Stop recording' })).toHaveAccessibleDescription('Acts on recording 2 of 2.');
    await userEvent.click(canvas.getByRole('button', { name: 'Stop recording' }));
    await waitFor(() => expect(canvas.queryByRole('radiogroup')).toBeNull(), { timeout: 15_000 });
    await expect(canvas.getByText('Started by Ana Lima')).toBeInTheDocument();
    await expect(canvas.queryByText('2 recordings', { exact: true })).toBeNull();
  },
};
