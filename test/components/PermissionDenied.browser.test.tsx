import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { LiveStreamButton } from '../../src/components/LiveStreamButton.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { disposeSimulators, renderWithSimulator } from './simHarness.js';

afterEach(() => disposeSimulators());

describe('controls that would certainly fail say so before the press', () => {
  it('the provider withdraws the permission: both buttons are disabled with the reason, even when the app says moderator', async () => {
    const { sim } = await renderWithSimulator(
      <>
        <RecordButton />
        <LiveStreamButton rtmpUrl="rtmps://live.example.com/app/KEY" />
      </>,
      { role: 'moderator' },
    );
    const record = page.getByRole('button', { name: 'Start recording' });
    const live = page.getByRole('button', { name: 'Go live' });
    await expect.element(record).not.toHaveAttribute('aria-disabled');
    sim.faults.denyPermission(true);
    await expect.element(record).toHaveAttribute('aria-disabled', 'true');
    await expect.element(record).toHaveAccessibleDescription('You don’t have permission to record in this meeting. Ask the host for it.');
    await expect.element(live).toHaveAttribute('aria-disabled', 'true');
    await expect.element(live).toHaveAccessibleDescription('You don’t have permission to stream this meeting. Ask the host for it.');
    // given back: usable again
    sim.faults.denyPermission(false);
    await expect.element(record).not.toHaveAttribute('aria-disabled');
  });
});
