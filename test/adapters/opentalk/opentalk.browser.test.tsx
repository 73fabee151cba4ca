import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createOpenTalkAdapter, type OpenTalkIncomingMessage, type OpenTalkSignaling } from '../../../src/adapters/opentalk/index.js';
import { ConsentBanner } from '../../../src/components/ConsentBanner.js';
import { LiveStreamBadge } from '../../../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../../../src/components/LiveStreamButton.js';
import { RecordButton } from '../../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../../src/components/RecordingIndicator.js';
import { OnAirProvider } from '../../../src/provider/OnAirProvider.js';
import { createOpenTalkRoom, type OpenTalkRoom, type OpenTalkRoomOptions } from '../../../src/simulator/index.js';
import roomserver from '../../fixtures/opentalk/roomserver.json';

const rooms: OpenTalkRoom[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.dispose();
});

function room(options: OpenTalkRoomOptions) {
  const r = createOpenTalkRoom({ latencyMs: 5, recorderDelayMs: 40, participants: [], ...options });
  rooms.push(r);
  const host = r.connect({ id: 'host', name: 'Mona Moderator', role: 'moderator' });
  host.subscribe(() => {});
  return { room: r, host };
}

function Screen(props: { signaling: OpenTalkSignaling; id: string }) {
  const adapter = createOpenTalkAdapter(props.signaling, { participantId: props.id, onWarning: () => {} });
  return (
    <OnAirProvider adapter={adapter} announce={false}>
      <RecordingIndicator />
      <LiveStreamBadge />
      <ConsentBanner autoFocus={false} />
    </OnAirProvider>
  );
}

const banner = () => page.getByRole('region', { name: 'This meeting is being recorded' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

describe('OpenTalk in the UI', () => {
  it('intermediate server: its recording target shows as a recording and asks for consent, not as a live stream', async () => {
    const { host } = room({ protocol: 'intermediate' });
    const guest = createOpenTalkRoomGuest(rooms[0]!);
    await render(<Screen signaling={guest} id="guest" />);
    host.send({ namespace: 'recording', payload: { action: 'start_stream', target_ids: ['target-recording'] } });
    await expect.element(banner()).toBeVisible();
    await expect.element(page.getByText('REC', { exact: true })).toBeVisible();
    await expect.element(page.getByText('LIVE', { exact: true })).not.toBeInTheDocument();
  });

  it('current server: after a reload, the stored consent means no banner again', async () => {
    const { room: r, host } = room({});
    host.send({ namespace: 'recording', payload: { action: 'start_recording' } });
    // The recording runs before Gus joins (waited for: the room's delays are chained timers, which a
    // loaded machine stretches past any fixed pause).
    await expect.poll(() => r.recordingStatus(), { timeout: 30_000 }).toBe('active');
    r.setConsent('guest', true); // not connected yet: ignored by the room
    const first = r.connect({ id: 'guest', name: 'Gus Guest', role: 'user' });
    const screen = await render(<Screen signaling={first} id="guest" />);
    await expect.element(banner()).toBeVisible();
    await page.getByRole('button', { name: 'I agree to be recorded' }).click();
    await expect.poll(() => r.consents().guest).toBe(true);
    await screen.unmount();
    first.leave();

    const again = r.connect({ id: 'guest', name: 'Gus Guest', role: 'user' });
    await render(<Screen signaling={again} id="guest" />);
    await expect.element(page.getByText('REC', { exact: true })).toBeVisible();
    await settle();
    await expect.element(banner()).not.toBeInTheDocument();
  });

  it('a participant whose server role is not moderator (any case) is not offered recording', async () => {
    let listener: ((m: OpenTalkIncomingMessage) => void) | undefined;
    const signaling: OpenTalkSignaling = { send: () => {}, subscribe: (l) => ((listener = l), () => (listener = undefined)) };
    // the app claims moderator for the adapter; the server says "Guest"
    const adapter = createOpenTalkAdapter(signaling, { participantId: 'me', role: 'moderator', onWarning: () => {} });
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <RecordButton whenUnavailable="hide" />
      </OnAirProvider>,
    );
    await expect.element(page.getByRole('button', { name: 'Start recording' })).toBeVisible();
    listener?.({ namespace: 'control', payload: { message: 'join_success', id: 'me', role: 'Guest', participants: [], recording: null } });
    await expect.element(page.getByRole('button', { name: 'Start recording' })).not.toBeInTheDocument();
  });

  it('18: roomserver tariff turns recording off: the record button is disabled and says why; going live stays offered', async () => {
    let listener: ((m: OpenTalkIncomingMessage) => void) | undefined;
    const signaling: OpenTalkSignaling = { send: () => {}, subscribe: (l) => ((listener = l), () => (listener = undefined)) };
    const adapter = createOpenTalkAdapter(signaling, { participantId: 'me', onWarning: () => {} });
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <RecordButton />
        <LiveStreamButton endpoints={['00000000-0000-0000-0000-00000000007b']} />
      </OnAirProvider>,
    );
    const start = page.getByRole('button', { name: 'Start recording' });
    await expect.element(start).not.toHaveAttribute('aria-disabled', 'true');
    // the core join_success of a moderator whose tariff disables `recording::record`
    listener?.(JSON.parse(JSON.stringify(roomserver.composed.joinRecordDisabledByTariff)) as OpenTalkIncomingMessage);
    await expect.element(start).toHaveAttribute('aria-disabled', 'true');
    await expect.element(start).toHaveAccessibleDescription('Recording is turned off for this meeting by its plan or settings.');
    await expect.element(page.getByRole('button', { name: 'Go live' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('18: roomserver tariff turns live streaming off: the go-live button is disabled and says why', async () => {
    let listener: ((m: OpenTalkIncomingMessage) => void) | undefined;
    const signaling: OpenTalkSignaling = { send: () => {}, subscribe: (l) => ((listener = l), () => (listener = undefined)) };
    const adapter = createOpenTalkAdapter(signaling, { participantId: 'me', onWarning: () => {} });
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <LiveStreamButton endpoints={['00000000-0000-0000-0000-00000000007b']} />
      </OnAirProvider>,
    );
    listener?.(JSON.parse(JSON.stringify(roomserver.composed.joinStreamDisabledByTariff)) as OpenTalkIncomingMessage);
    const live = page.getByRole('button', { name: 'Go live' });
    await expect.element(live).toHaveAttribute('aria-disabled', 'true');
    await expect.element(live).toHaveAccessibleDescription('Live streaming is turned off for this meeting by its plan or settings.');
  });
});

/** A guest connection to the (only) room of a test. */
function createOpenTalkRoomGuest(r: OpenTalkRoom) {
  return r.connect({ id: 'guest', name: 'Gus Guest', role: 'guest' });
}
