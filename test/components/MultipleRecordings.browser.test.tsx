import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { RecordButton } from '../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { disposeSimulators, renderWithSimulator } from './simHarness.js';

afterEach(() => disposeSimulators());

/** Seconds shown by the indicator's clock (from its `dateTime`, PT{n}S). */
function indicatorSeconds(): number {
  const time = document.querySelector('.onair-indicator time');
  return Number(time?.getAttribute('datetime')?.replace(/\D/g, '') ?? 'NaN');
}

describe('two recordings at once (Daily instances)', () => {
  it('shows the count, keeps the first recording’s clock and owner, and stops the one chosen', async () => {
    const { sim } = await renderWithSimulator(
      <>
        <RecordingIndicator />
        <RecordButton />
      </>,
    );
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    const indicator = page.getByText('Started by You', { exact: true });
    await expect.element(indicator).toBeVisible();
    await expect.poll(indicatorSeconds, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);

    let starts = 0;
    sim.daily.on('recording-started', () => (starts += 1));
    sim.faults.startSecondRecording();
    // Both controls say there are two, and which one the buttons act on.
    await expect.element(page.getByText('2 recordings', { exact: true })).toBeVisible();
    const group = page.getByRole('radiogroup', { name: /2 recordings/ });
    await expect.element(group).toBeVisible();
    const first = group.getByRole('radio', { name: /Recording 1.*You/ });
    const second = group.getByRole('radio', { name: /Recording 2.*Grace/ });
    await expect.element(first).toBeChecked();
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).toHaveAccessibleDescription(/recording 1 of 2/);
    // Wait until the second one really records (its recording-started was sent: counted, not timed),
    // then give the UI time to show it: the indicator keeps the first one's clock and owner.
    await expect.poll(() => starts, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(indicatorSeconds()).toBeGreaterThanOrEqual(1);
    await expect.element(page.getByText('Started by You', { exact: true })).toBeVisible();

    // Stop the second one: the first keeps running.
    await userEvent.click(second);
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).toHaveAccessibleDescription(/recording 2 of 2/);
    await userEvent.click(page.getByRole('button', { name: 'Stop recording' }));
    await expect.element(page.getByRole('radiogroup')).not.toBeInTheDocument();
    await expect.element(page.getByText('2 recordings', { exact: true })).not.toBeInTheDocument();
    await expect.element(page.getByText('Started by You', { exact: true })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    expect(indicatorSeconds()).toBeGreaterThanOrEqual(1);
  });
});
