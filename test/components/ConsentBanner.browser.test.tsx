import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createOpenTalkAdapter } from '../../src/adapters/opentalk/index.js';
import { ConsentBanner, type ConsentBannerProps } from '../../src/components/ConsentBanner.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { ConsentRoster } from '../../src/components/ConsentRoster.js';
import { disposeSimulators, renderWithSimulator } from './simHarness.js';
import { createOpenTalkRoom, type OpenTalkRoom } from '../../src/simulator/index.js';

const rooms: OpenTalkRoom[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.dispose();
});

/** A guest's screen in a simulated OpenTalk room; the moderator is driven from the test. */
async function guestScreen(props: ConsentBannerProps = {}) {
  const room = createOpenTalkRoom({ latencyMs: 5, recorderDelayMs: 40, participants: [] });
  rooms.push(room);
  const host = room.connect({ id: 'host', name: 'Mona Moderator', role: 'moderator' });
  host.subscribe(() => {});
  const guest = room.connect({ id: 'guest', name: 'Gus Guest', role: 'user' });
  const adapter = createOpenTalkAdapter(guest, { participantId: 'guest', onWarning: () => {} });
  const onAccept = vi.fn();
  const onDecline = vi.fn();
  await render(
    <OnAirProvider adapter={adapter} announce={false}>
      <button type="button">Mute</button>
      <label>
        Chat <input type="text" />
      </label>
      <ConsentBanner onAccept={onAccept} onDecline={onDecline} {...props} />
    </OnAirProvider>,
  );
  const consentsSent = () => guest.sent.filter((m) => m.payload.action === 'set_consent').map((m) => m.payload.consent);
  const start = () => host.send({ namespace: 'recording', payload: { action: 'start_recording' } });
  const stop = () => host.send({ namespace: 'recording', payload: { action: 'stop_recording' } });
  return { room, onAccept, onDecline, consentsSent, start, stop };
}

const dialog = () => page.getByRole('region', { name: 'This meeting is being recorded' });

describe('ConsentBanner', () => {
  it('stays hidden while nothing records', async () => {
    await guestScreen();
    await new Promise((r) => setTimeout(r, 60));
    await expect.element(dialog()).not.toBeInTheDocument();
  });

  it('asks when a recording starts, says who started it, is the next Tab stop and gives focus back after accepting', async () => {
    const s = await guestScreen();
    await userEvent.click(page.getByRole('button', { name: 'Mute' }));
    s.start();
    await expect.element(dialog()).toBeVisible();
    await expect.element(dialog()).toHaveTextContent('Recording started by Mona Moderator.');
    // focus stays where it was; the next Tab lands in the banner
    await expect.element(page.getByRole('button', { name: 'Mute' })).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByRole('button', { name: 'Don’t record me' })).toHaveFocus();
    // no close button: exactly accept and decline
    expect(dialog().getByRole('button').elements()).toHaveLength(2);
    // consent is never sent without the click
    await new Promise((r) => setTimeout(r, 80));
    expect(s.consentsSent()).toEqual([]);
    expect(s.onAccept).not.toHaveBeenCalled();

    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    expect(s.consentsSent()).toEqual([true]);
    await expect.poll(() => s.onAccept.mock.calls.length).toBe(1);
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(page.getByRole('group', { name: 'Recording consent' })).toHaveTextContent('You agreed to be recorded.');
    await expect.element(page.getByRole('button', { name: 'Mute' })).toHaveFocus();
    await expect.poll(() => s.room.consents().guest).toBe(true);
  });

  it('declines by keyboard, shows the declined state, and can change the answer', async () => {
    const s = await guestScreen();
    s.start();
    await expect.element(dialog()).toBeVisible();
    await userEvent.keyboard('{Alt>}{Shift>}C{/Shift}{/Alt}');
    await expect.element(page.getByRole('button', { name: 'Don’t record me' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => s.onDecline.mock.calls.length).toBe(1);
    expect(s.consentsSent()).toEqual([false]);
    const status = page.getByRole('group', { name: 'Recording consent' });
    await expect.element(status).toHaveAttribute('data-onair-state', 'declined');
    await expect.element(status).toHaveTextContent('You declined to be recorded.');
    // focus had nowhere to return to: it lands on "Change"
    await expect.element(page.getByRole('button', { name: 'Change' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('button', { name: 'Don’t record me' })).toHaveFocus();
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    expect(s.consentsSent()).toEqual([false, true]);
  });

  it('withdraws consent later', async () => {
    const s = await guestScreen();
    s.start();
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    await userEvent.click(page.getByRole('button', { name: 'Withdraw consent' }));
    expect(s.consentsSent()).toEqual([true, false]);
    await expect.poll(() => s.onDecline.mock.calls.length).toBe(1);
    await expect.element(page.getByRole('group', { name: 'Recording consent' })).toHaveAttribute('data-onair-state', 'declined');
    await expect.poll(() => s.room.consents().guest).toBe(false);
  });

  it('asks again when a new recording starts', async () => {
    const s = await guestScreen();
    s.start();
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.poll(() => s.room.recordingStatus()).toBe('active');
    s.stop();
    await expect.element(page.getByRole('group', { name: 'Recording consent' })).not.toBeInTheDocument();
    s.start();
    await expect.element(dialog()).toBeVisible();
    expect(s.consentsSent()).toEqual([true]);
  });

  it('pre-join variant: "agree and continue"', async () => {
    const s = await guestScreen({ variant: 'prejoin', open: true });
    await expect.element(dialog()).toHaveTextContent('Join only if you agree to be recorded.');
    await userEvent.click(page.getByRole('button', { name: 'Agree and continue' }));
    await expect.poll(() => s.onAccept.mock.calls.length).toBe(1);
    expect(s.consentsSent()).toEqual([true]);
  });

  it('leaves focus alone and announces politely, with the way to reach it', async () => {
    const s = await guestScreen();
    await userEvent.click(page.getByRole('button', { name: 'Mute' }));
    s.start();
    await expect.element(dialog()).toBeVisible();
    await expect.element(dialog()).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+C');
    await expect.element(page.getByRole('button', { name: 'Mute' })).toHaveFocus();
    await expect.element(page.getByRole('status')).toHaveTextContent(
      'Recording started. Please choose whether you agree to be recorded. Press Tab or Alt Shift C to answer.',
    );
  });

  it('loses no character typed into a text field while a recording starts, even with autoFocus', async () => {
    const s = await guestScreen({ autoFocus: true });
    const chat = page.getByRole('textbox', { name: 'Chat' });
    await userEvent.click(chat);
    await userEvent.keyboard('hello ');
    s.start();
    // type on while the banner appears: poll until it is there, typing a character per round
    let typed = 'hello ';
    for (const ch of 'everyone, this is a long message') {
      await userEvent.keyboard(ch === ' ' ? ' ' : ch);
      typed += ch;
      if (dialog().query()) break;
    }
    await expect.element(dialog()).toBeVisible();
    await userEvent.keyboard('!');
    typed += '!';
    await expect.element(chat).toHaveFocus();
    await expect.element(chat).toHaveValue(typed);
    expect(s.consentsSent()).toEqual([]);
  });

  it('with autoFocus, moves focus in only from one of the kit’s own buttons', async () => {
    const s = await guestScreen({ autoFocus: true });
    // focus on the page body (a docs page): nothing moves, nothing scrolls
    s.start();
    await expect.element(dialog()).toBeVisible();
    expect(document.activeElement).toBe(document.body);
  });

  it('passes className, data attributes and the ref through', async () => {
    let node: HTMLDivElement | null = null;
    const s = await guestScreen({ className: 'mine', 'data-testid': 'banner', ref: (n: HTMLDivElement | null) => void (node = n) } as ConsentBannerProps);
    s.start();
    await expect.element(page.getByTestId('banner')).toHaveClass('onair-consent');
    await expect.element(page.getByTestId('banner')).toHaveClass('mine');
    expect(node).toBe(page.getByTestId('banner').element());
  });
});

describe('ConsentBanner for the participant who started the recording', () => {
  afterEach(() => disposeSimulators());

  it('does not ask: starting is consent, and the status says so', async () => {
    await renderWithSimulator(
      <>
        <RecordButton />
        <ConsentBanner />
        <ConsentRoster />
      </>,
    );
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    const status = page.getByRole('group', { name: 'Recording consent' });
    await expect.element(status).toHaveTextContent('You started this recording, so you agreed to be recorded.');
    await expect.element(status).toHaveAttribute('data-onair-state', 'starter');
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    expect(page.getByRole('region', { name: 'This meeting is being recorded' }).query()).toBeNull();
    expect(page.getByRole('button', { name: 'I agree to be recorded' }).query()).toBeNull();
    // and the starter counts as consented (roster, provider, onConsentChange agree)
    await expect.element(page.getByRole('list', { name: /^Consented/ })).toHaveTextContent('You');
  });
});
