// Issue 19: the destinations manager in real use — three destinations, and what each fault does to
// them: a refused key, one of three dropped, the stream ended by the provider. Daily through the
// simulator's call object (browser-entered keys); OpenTalk through the simulated room (keys held by
// the server, targets named by id).
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createOpenTalkAdapter } from '../../src/adapters/opentalk/index.js';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { LiveStreamDestinations } from '../../src/components/LiveStreamDestinations.js';
import { createOpenTalkRoom, type OpenTalkRoom } from '../../src/simulator/index.js';
import { renderWith } from './harness.js';
import { disposeSimulators, renderWithSimulator } from './simHarness.js';

const rooms: OpenTalkRoom[] = [];
afterEach(() => {
  disposeSimulators();
  for (const room of rooms.splice(0)) room.dispose();
});

const YT_KEY = 'abcd-efgh-ijkl-mnop';
const TW_KEY = 'live_123456_SecretTwitchKey';
const CUSTOM_KEY = 'custom-SECRET-key';
const POLL = { timeout: 15_000 };

function shown(): string {
  const values = Array.from(document.querySelectorAll('input')).map((input) => input.value);
  return `${document.body.outerHTML}\n${values.join('\n')}`;
}

function expectNoKeys(): void {
  const text = shown();
  for (const key of [YT_KEY, TW_KEY, CUSTOM_KEY]) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(encodeURIComponent(key));
  }
}

const row = (n: number) => page.getByRole('listitem').filter({ hasText: /YouTube|Twitch|Custom/ }).nth(n);
const badge = () => page.getByTestId('badge');

async function addThree(): Promise<void> {
  const key = page.getByLabelText('Stream key');
  await userEvent.fill(key, YT_KEY);
  await page.getByRole('button', { name: 'Add destination' }).click();
  await page.getByLabelText('Platform').selectOptions('twitch');
  await userEvent.fill(key, TW_KEY);
  await page.getByRole('button', { name: 'Add destination' }).click();
  await page.getByLabelText('Platform').selectOptions('custom');
  await userEvent.fill(page.getByLabelText('Server URL'), 'rtmps://ingest.example.org/live');
  await userEvent.fill(key, CUSTOM_KEY);
  await page.getByRole('button', { name: 'Add destination' }).click();
  await expect.element(row(2)).toHaveTextContent(/Custom RTMP\(S\)/);
}

async function renderDaily() {
  const result = await renderWithSimulator(
    <>
      <LiveStreamDestinations />
      <LiveStreamBadge data-testid="badge" showEndpoints={false} />
    </>,
  );
  await addThree();
  return result;
}

async function goLiveAll(): Promise<void> {
  await page.getByRole('button', { name: 'Go live to all' }).click();
  for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'live');
}

describe('19: Daily destinations under faults', () => {
  it('19: key refused shows the reason and leaves the form usable', async () => {
    const { sim } = await renderDaily();
    sim.faults.refuseStreamKey();
    await page.getByRole('button', { name: 'Go live to all' }).click();
    await expect
      .element(page.getByRole('alert'), POLL)
      .toHaveTextContent('Could not go live: RTMP connection refused by rtmp://a.rtmp.youtube.com/live2: the stream key was not accepted');
    for (const n of [0, 1, 2]) await expect.element(row(n)).toHaveAttribute('data-onair-state', 'ready');
    // The form is as it was: another destination can be added, and the start tried again.
    await expect.element(page.getByLabelText('Stream key')).toBeEnabled();
    await expect.element(page.getByRole('button', { name: 'Remove Twitch' })).toBeEnabled();
    await page.getByRole('button', { name: 'Remove Twitch' }).click();
    await expect.element(page.getByRole('button', { name: 'Go live to all' })).toBeEnabled();
    expectNoKeys();
  });

  it('19: a provider message that quotes the RTMP URL is shown with the key masked', async () => {
    const { sim } = await renderDaily();
    sim.faults.refuseStreamKey(`Failed to connect to rtmp://live.twitch.tv/app/${TW_KEY}`);
    await page.getByRole('button', { name: 'Go live to all' }).click();
    await expect.element(page.getByRole('alert'), POLL).toHaveTextContent('Could not go live: Failed to connect to rtmp://live.twitch.tv/app/•••');
    // The badge shows the provider's words with the URL's key masked too.
    await expect.element(badge()).toHaveTextContent(/rtmp:\/\/live\.twitch\.tv\/app\/•••/);
    expectNoKeys();
  });

  it('19: one of three dropped shows "Dropped" with the reason on that row only; the others and the badge stay live', async () => {
    const { sim } = await renderDaily();
    await goLiveAll();
    sim.faults.dropLiveStreamDestination();
    await expect.element(row(2), POLL).toHaveAttribute('data-onair-state', 'dropped');
    await expect.element(row(2)).toHaveTextContent(/Dropped.*rtmps:\/\/ingest\.example\.org\/live stopped accepting media/);
    await expect.element(row(0)).toHaveAttribute('data-onair-state', 'live');
    await expect.element(row(1)).toHaveAttribute('data-onair-state', 'live');
    await expect.element(row(0)).not.toHaveTextContent(/stopped accepting/);
    await expect.element(badge()).toHaveAttribute('data-onair-state', 'live');
    expectNoKeys();
  });

  it('19: stream ended by the provider shows stopped rows and an ended badge', async () => {
    const { sim } = await renderDaily();
    await goLiveAll();
    sim.faults.endLiveStream();
    for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'stopped');
    await expect.element(badge()).toHaveTextContent('Stream ended');
    await expect.element(page.getByRole('button', { name: 'Go live to all' })).toBeEnabled();
  });
});

describe('19: OpenTalk targets (keys held by the server) under faults', () => {
  const targets = [
    { id: 'target-youtube', name: 'YouTube', platform: 'youtube' as const },
    { id: 'target-twitch', name: 'Twitch', platform: 'twitch' as const },
    { id: 'target-custom', name: 'Custom RTMP', platform: 'custom' as const },
  ];
  async function renderOpenTalk() {
    const room = createOpenTalkRoom({ latencyMs: 20, recorderDelayMs: 200, participants: [], streamTargets: targets });
    rooms.push(room);
    const adapter = createOpenTalkAdapter(room.connect({ id: 'host', name: 'Mona', role: 'moderator' }), { participantId: 'host', onWarning: () => {} });
    await renderWith(
      adapter,
      <>
        <LiveStreamDestinations destinations={targets} />
        <LiveStreamBadge data-testid="badge" showEndpoints={false} />
      </>,
    );
    await expect.element(row(2)).toHaveTextContent('Custom RTMP');
    return room;
  }

  it('19: no key form; a refused target shows its reason; one dropped keeps the others and the badge live', async () => {
    const room = await renderOpenTalk();
    expect(page.getByLabelText('Stream key').elements()).toHaveLength(0);
    await expect.element(page.getByText('Stream keys are kept on the server.')).toBeVisible();

    room.refuseStreamKey('target-twitch');
    await page.getByRole('button', { name: 'Go live to all' }).click();
    await expect.element(page.getByRole('alert'), POLL).toHaveTextContent('The streaming server refused the stream key.');
    await expect.element(row(1)).toHaveAttribute('data-onair-state', 'ready');
    await expect.element(row(0), POLL).toHaveAttribute('data-onair-state', 'live');

    room.dropStreamTarget('target-custom', { code: 'unreachable', message: 'The custom server stopped accepting media.' });
    await expect.element(row(2), POLL).toHaveAttribute('data-onair-state', 'dropped');
    await expect.element(row(2)).toHaveTextContent(/Dropped.*The custom server stopped accepting media\./);
    await expect.element(row(0)).toHaveAttribute('data-onair-state', 'live');
    await expect.element(row(0)).not.toHaveTextContent(/stopped accepting/);
    await expect.element(badge()).toHaveAttribute('data-onair-state', 'live');
  });

  it('19: "End live stream" ends every target', async () => {
    await renderOpenTalk();
    await page.getByRole('button', { name: 'Go live to all' }).click();
    for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'live');
    await page.getByRole('button', { name: 'End live stream' }).click();
    for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'stopped');
  });

  it('19: a guest sees the targets live but no End live stream', async () => {
    const room = createOpenTalkRoom({ latencyMs: 20, recorderDelayMs: 200, participants: [], streamTargets: targets });
    rooms.push(room);
    const host = createOpenTalkAdapter(room.connect({ id: 'host', name: 'Mona', role: 'moderator' }), { participantId: 'host', onWarning: () => {} });
    host.connect(() => {});
    const guest = createOpenTalkAdapter(room.connect({ id: 'gus', name: 'Gus', role: 'guest' }), { participantId: 'gus', onWarning: () => {} });
    await renderWith(guest, <LiveStreamDestinations destinations={targets} />);
    await expect.element(row(2)).toHaveTextContent('Custom RTMP');
    await host.startLiveStream?.({ endpoints: targets.map((t) => t.id) });
    for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'live');
    expect(page.getByRole('button', { name: 'End live stream' }).elements()).toHaveLength(0);
    expect(page.getByRole('button', { name: 'Go live to all' }).elements()).toHaveLength(0);
  });

  it('19: the streams ended by the server: stopped rows and an ended badge', async () => {
    const room = await renderOpenTalk();
    await page.getByRole('button', { name: 'Go live to all' }).click();
    for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'live');
    room.endStreams();
    for (const n of [0, 1, 2]) await expect.element(row(n), POLL).toHaveAttribute('data-onair-state', 'stopped');
    await expect.element(badge(), POLL).toHaveTextContent('Stream ended');
  });
});
