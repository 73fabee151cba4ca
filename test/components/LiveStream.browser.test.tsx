import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../../src/components/LiveStreamButton.js';
import { scripts } from '../../stories/support/scripts.js';
import { renderScripted } from './harness.js';
import { disposeSimulators, renderWithSimulator } from './simHarness.js';

afterEach(disposeSimulators);

const badge = () => page.getByText(/^(LIVE|Interrupted|Not live|Going live…|Ending…)$/);

describe('LiveStreamBadge', () => {
  it('goes live, shows an interruption with its time, and recovers', async () => {
    const { sim } = await renderWithSimulator(
      <>
        <LiveStreamBadge data-testid="badge" />
        <LiveStreamButton rtmpUrl="rtmps://live.example.com/app/KEY" />
      </>,
    );
    await expect.element(badge()).toHaveTextContent('Not live');
    await userEvent.click(page.getByRole('button', { name: 'Go live' }));
    await expect.element(page.getByText('LIVE', { exact: true })).toBeVisible();
    sim.faults.interruptLiveStream();
    await expect.element(page.getByTestId('badge')).toHaveAttribute('data-onair-state', 'interrupted');
    await expect.element(page.getByTestId('badge')).toHaveTextContent(/Interrupted.*for 00:0\d/);
    sim.faults.recoverLiveStream();
    await expect.element(page.getByTestId('badge')).toHaveAttribute('data-onair-state', 'live');
    await expect.element(page.getByText('LIVE', { exact: true })).toBeVisible();
  });

  it('lists endpoints with their own state and hides stream keys', async () => {
    await renderScripted(<LiveStreamBadge />, { script: scripts.liveEndpoints });
    const list = page.getByRole('list', { name: 'Destinations' });
    await expect.element(list.getByRole('listitem').nth(0)).toHaveTextContent('youtube-main');
    await expect.element(list.getByRole('listitem').nth(0)).toHaveAttribute('data-onair-state', 'live');
    await expect.element(list.getByRole('listitem').nth(1)).toHaveTextContent('live.twitch.example/app');
    await expect.element(list.getByRole('listitem').nth(1)).toHaveAttribute('data-onair-state', 'interrupted');
    await expect.element(list).not.toHaveTextContent('SECRET');
  });

  it('shows the failure reason and the warning', async () => {
    await renderScripted(<LiveStreamBadge />, { script: scripts.liveError });
    await expect.element(page.getByText('The RTMP server refused the stream key.')).toBeVisible();
  });

  it('shows a provider warning while live', async () => {
    await renderScripted(<LiveStreamBadge />, { script: scripts.liveWarning });
    await expect.element(page.getByText(/^Warning: Upload bandwidth/)).toBeVisible();
  });
});

describe('LiveStreamButton', () => {
  it('validates the RTMP URL, then goes live and ends the stream', async () => {
    const { adapter } = await renderScripted(<LiveStreamButton />);
    const field = page.getByRole('textbox', { name: 'Stream URL' });
    await userEvent.fill(field, 'https://example.com/live');
    await userEvent.click(page.getByRole('button', { name: 'Go live' }));
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field).toHaveAccessibleDescription(/Enter an rtmp:\/\/ or rtmps:\/\/ address/);
    await expect.element(field).toHaveFocus();
    expect(adapter.calls.startLiveStream).toBeUndefined();
    await userEvent.fill(field, 'rtmps://live.example.com/app/KEY');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('button', { name: 'End live stream' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'End live stream' }));
    await expect.element(page.getByRole('button', { name: 'Go live' })).toBeVisible();
    expect(adapter.calls).toMatchObject({ startLiveStream: 1, stopLiveStream: 1 });
  });

  it('22.11: going live by Enter in the URL field keeps focus (on the button, not <body>)', async () => {
    await renderScripted(<LiveStreamButton />);
    const field = page.getByRole('textbox', { name: 'Stream URL' });
    await userEvent.fill(field, 'rtmps://live.example.com/app/KEY');
    await userEvent.keyboard('{Enter}');
    const end = page.getByRole('button', { name: 'End live stream' });
    await expect.element(end).toBeVisible();
    await expect.element(end).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
  });

  it('shows a refused start and lets the user try again', async () => {
    const { adapter } = await renderScripted(<LiveStreamButton rtmpUrl="rtmps://live.example.com/app/KEY" />);
    adapter.failNext('Stream key refused');
    await userEvent.click(page.getByRole('button', { name: 'Go live' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Stream key refused');
    await userEvent.click(page.getByRole('button', { name: 'Go live' }));
    await expect.element(page.getByRole('button', { name: 'End live stream' })).toBeVisible();
  });

  it('disables for a participant with the reason', async () => {
    await renderScripted(<LiveStreamButton />, {}, { role: 'participant' });
    await expect.element(page.getByRole('button', { name: 'Go live' })).toHaveAccessibleDescription('Only moderators can go live.');
    await expect.element(page.getByRole('textbox')).not.toBeInTheDocument();
  });
});
