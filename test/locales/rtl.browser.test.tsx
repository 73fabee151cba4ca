// Right-to-left: with the Arabic pack under dir="rtl", the components read in Arabic and mirror —
// the accent border of the consent question sits on the right, its buttons run right to left.
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createOpenTalkAdapter } from '../../src/adapters/opentalk/index.js';
import { ConsentBanner } from '../../src/components/ConsentBanner.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { ar } from '../../src/locales/ar.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createOpenTalkRoom, type OpenTalkRoom } from '../../src/simulator/index.js';

const rooms: OpenTalkRoom[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.dispose();
});

async function guestScreen(dir: 'rtl' | 'ltr') {
  const room = createOpenTalkRoom({ latencyMs: 5, recorderDelayMs: 20, participants: [] });
  rooms.push(room);
  const host = room.connect({ id: 'host', name: 'منى', role: 'moderator' });
  host.subscribe(() => {});
  const guest = room.connect({ id: 'guest', name: 'غسان', role: 'user' });
  const adapter = createOpenTalkAdapter(guest, { participantId: 'guest', onWarning: () => {} });
  await render(
    <div dir={dir} lang={dir === 'rtl' ? 'ar' : 'en'} style={{ width: 720 }}>
      <OnAirProvider adapter={adapter} announce={false} locale={dir === 'rtl' ? 'ar' : 'en'} labels={dir === 'rtl' ? ar : undefined}>
        <RecordingIndicator />
        <ConsentBanner />
      </OnAirProvider>
    </div>,
  );
  host.send({ namespace: 'recording', payload: { action: 'start_recording' } });
}

function box(element: Element) {
  const style = getComputedStyle(element);
  return { left: style.borderLeftWidth, right: style.borderRightWidth, direction: style.direction };
}

describe('right-to-left (ar, dir="rtl")', () => {
  it('reads in Arabic and mirrors the consent question: accent border on the right, first button on the right', async () => {
    await guestScreen('rtl');
    const dialog = page.getByRole('region', { name: ar.consentTitle });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent('بدأ منى التسجيل.');
    await expect.element(page.getByText(ar.recMark, { exact: true })).toBeVisible();
    expect(box(dialog.element())).toEqual({ left: '1px', right: '4px', direction: 'rtl' });

    const accept = page.getByRole('button', { name: ar.consentAccept }).element().getBoundingClientRect();
    const decline = page.getByRole('button', { name: ar.consentDecline }).element().getBoundingClientRect();
    // On one row (the banner is 720 px wide), the first button in reading order — "don't record
    // me", first in the DOM and in Tab order — starts at the right.
    expect(Math.abs(accept.top - decline.top)).toBeLessThan(2);
    expect(decline.left).toBeGreaterThan(accept.right - 1);
  });

  it('left to right keeps the accent border on the left (the same CSS)', async () => {
    await guestScreen('ltr');
    const dialog = page.getByRole('region', { name: 'This meeting is being recorded' });
    await expect.element(dialog).toBeVisible();
    expect(box(dialog.element())).toEqual({ left: '4px', right: '1px', direction: 'ltr' });
  });
});
