// Issue 19.4: the destinations manager on the simulator's Daily-shaped call (the same adapter code
// as a real call object). The stream key must never be in the DOM or an announcement after submit.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { LiveStreamDestinations } from '../../src/components/LiveStreamDestinations.js';
import { validateLiveStreamDestination } from '../../src/core/liveStreamDestinations.js';
import { disposeSimulators, renderWithSimulator } from './simHarness.js';

afterEach(disposeSimulators);

const YT_KEY = 'abcd-efgh-ijkl-mnop';
const TW_KEY = 'live_123456_SecretTwitchKey';

/** Everything a screen reader or a screenshot could show: the DOM's text, attributes and field values. */
function everythingShown(): string {
  const values = Array.from(document.querySelectorAll('input')).map((input) => input.value);
  return `${document.body.outerHTML}\n${values.join('\n')}`;
}

describe('LiveStreamDestinations', () => {
  it('19.4: presets fill the server in; the key is masked, shown on request, and gone from the DOM and announcements after submit', async () => {
    await renderWithSimulator(
      <>
        <LiveStreamDestinations />
        <LiveStreamBadge />
      </>,
    );
    const server = page.getByLabelText('Server URL');
    const key = page.getByLabelText('Stream key');
    await expect.element(server).toHaveValue('rtmp://a.rtmp.youtube.com/live2');
    await expect.element(key).toHaveAttribute('type', 'password');
    await userEvent.fill(key, YT_KEY);
    const show = page.getByRole('button', { name: 'Show key' });
    await show.click();
    await expect.element(key).toHaveAttribute('type', 'text');
    await expect.element(show).toHaveAttribute('aria-pressed', 'true');
    await show.click();
    await page.getByRole('button', { name: 'Add destination' }).click();
    await expect.element(page.getByRole('listitem').nth(0)).toHaveTextContent(/YouTube.*rtmp:\/\/a\.rtmp\.youtube\.com\/live2.*Ready/);
    await expect.element(key).toHaveValue('');

    await page.getByLabelText('Platform').selectOptions('twitch');
    await expect.element(server).toHaveValue('rtmp://live.twitch.tv/app');
    await userEvent.fill(key, TW_KEY);
    await page.getByRole('button', { name: 'Add destination' }).click();
    await expect.element(page.getByRole('listitem').nth(1)).toHaveTextContent(/Twitch/);

    await page.getByRole('button', { name: 'Go live to all' }).click();
    await expect.element(page.getByRole('listitem').nth(0)).toHaveAttribute('data-onair-state', 'live');
    await expect.element(page.getByRole('listitem').nth(1)).toHaveTextContent(/Live/);
    const shown = everythingShown();
    expect(shown).not.toContain(YT_KEY);
    expect(shown).not.toContain(TW_KEY);
    expect(shown).not.toContain(encodeURIComponent(TW_KEY));
  });

  it('19.4: per-platform validation with a readable message that never repeats the key', async () => {
    await renderWithSimulator(<LiveStreamDestinations />);
    const key = page.getByLabelText('Stream key');
    await page.getByLabelText('Platform').selectOptions('twitch');
    await userEvent.fill(key, 'not-a-twitch-key-SECRETVALUE');
    await page.getByRole('button', { name: 'Add destination' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('This does not look like a Twitch stream key.');
    await expect.element(key).toHaveAttribute('aria-invalid', 'true');
    expect(document.querySelector('[role="alert"]')!.textContent).not.toContain('SECRETVALUE');

    await page.getByLabelText('Platform').selectOptions('facebook');
    await userEvent.fill(page.getByLabelText('Server URL'), 'rtmp://live-api-s.facebook.com/rtmp');
    await userEvent.fill(key, 'FB-123');
    await page.getByRole('button', { name: 'Add destination' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('Facebook Live takes rtmps:// server URLs only.');

    await page.getByLabelText('Platform').selectOptions('custom');
    await expect.element(page.getByLabelText('Server URL')).toHaveValue('');
    await page.getByRole('button', { name: 'Add destination' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('Enter the server URL.');
    expect(page.getByRole('listitem').elements()).toHaveLength(0);
  });

  it('19.4: validation rules (pure)', () => {
    expect(validateLiveStreamDestination('youtube', 'rtmp://a.rtmp.youtube.com/live2', YT_KEY)).toBeUndefined();
    expect(validateLiveStreamDestination('custom', 'https://example.com/live', 'k')).toBe('server-invalid');
    expect(validateLiveStreamDestination('custom', 'rtmp://user:pass@example.com/live', 'k')).toBe('server-invalid');
    expect(validateLiveStreamDestination('custom', 'rtmps://example.com/live', '')).toBe('key-missing');
    expect(validateLiveStreamDestination('custom', 'rtmps://example.com/live', 'a b')).toBe('key-invalid');
    expect(validateLiveStreamDestination('linkedin', 'rtmp://1.2.3.4/live', 'k')).toBe('server-insecure');
    expect(validateLiveStreamDestination('kick', 'rtmps://fa723fc1b171.global-contribute.live-video.net/app', 'sk_us-west-2_abc')).toBeUndefined();
  });
});
