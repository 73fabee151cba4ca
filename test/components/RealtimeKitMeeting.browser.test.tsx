import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createRealtimeKitAdapter } from '../../src/adapters/realtimekit/index.js';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../../src/components/LiveStreamButton.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { createRealtimeKitMeeting } from '../../src/simulator/index.js';
import live from '../fixtures/daily/live-streaming.json';
import { fakeDailyCall } from '../adapters/daily/fakeDailyCall.js';
import { renderWith } from './harness.js';

describe('RealtimeKit meeting SDK in the components (18)', () => {
  it('18: goes live without asking for a URL, and the badge shows how many watch', async () => {
    const sim = createRealtimeKitMeeting({ delayMs: 20 });
    await renderWith(
      createRealtimeKitAdapter({ meeting: sim.meeting }),
      <>
        <LiveStreamBadge data-testid="badge" />
        <LiveStreamButton />
      </>,
    );
    await expect.element(page.getByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Go live' }));
    await expect.element(page.getByTestId('badge')).toHaveAttribute('data-onair-state', 'live');
    await expect.element(page.getByTestId('badge')).toHaveTextContent(/0 viewers/);
    sim.setViewers(1);
    await expect.element(page.getByTestId('badge')).toHaveTextContent(/1 viewer\b/);
    sim.setViewers(12);
    await expect.element(page.getByTestId('badge')).toHaveTextContent(/12 viewers/);
  });

  it('18: a preset without canRecord disables the record button with the provider’s reason; a host’s grant enables it', async () => {
    const sim = createRealtimeKitMeeting({ permissions: { canRecord: false, canLivestream: false } });
    await renderWith(createRealtimeKitAdapter({ meeting: sim.meeting }), <RecordButton />);
    await expect.element(page.getByText('You don’t have permission to record in this meeting. Ask the host for it.')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Start recording' })).toBeDisabled();
    sim.setPermissions({ canRecord: true });
    await expect.element(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  });
});

describe('Daily live-stream warnings and errors in the badge', () => {
  it('18.7 / 18.8: a dropped destination is marked dropped, and an error while live is shown while the stream stays live', async () => {
    const fake = fakeDailyCall();
    await renderWith(createDailyAdapter(fake.call), <LiveStreamBadge data-testid="badge" />);
    fake.emit(live.started);
    fake.emit(live.updatedConnectedYoutube);
    fake.emit(live.updatedConnectedTwitch);
    fake.emit(live.warningDroppedEndpoints);
    const list = page.getByRole('list', { name: 'Destinations' });
    await expect.element(list.getByRole('listitem').nth(1)).toHaveAttribute('data-onair-state', 'dropped');
    await expect.element(list.getByRole('listitem').nth(1)).toHaveTextContent(/twitch.*dropped/);
    fake.emit(live.error);
    await expect.element(page.getByTestId('badge')).toHaveAttribute('data-onair-state', 'live');
    await expect.element(page.getByTestId('badge')).toHaveTextContent(live.error.errorMsg);
  });
});
