// The provider's store reduces only the slices in use (issue 11): the adapter's declared slices and
// those the mounted hooks register. An adapter that declares none still loses nothing: a hook that
// mounts after the events arrived takes them in when it registers its slice.
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { consentSlice } from '../../src/core/consentSlice.js';
import { noCapabilities, type OnAirAdapter } from '../../src/core/adapter.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { useConsent } from '../../src/hooks/useConsent.js';
import { useOnAirContext } from '../../src/hooks/OnAirContext.js';
import { useRecording } from '../../src/hooks/useRecording.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

const meeting: OnAirEvent[] = [
  { type: 'session-joined', at: 1, localParticipantId: 'me' },
  { type: 'participant-joined', at: 1, participantId: 'ada', name: 'Ada', consent: true },
  { type: 'recording-started', at: 2, startedBy: 'ada' },
  { type: 'consent-updated', at: 3, participantId: 'me', consent: true },
];

const adapterOf = (slices?: OnAirAdapter['slices']): OnAirAdapter => ({
  provider: 'test',
  capabilities: { ...noCapabilities, consent: true },
  ...(slices ? { slices } : {}),
  connect(sink) {
    for (const event of meeting) sink(event);
    return () => undefined;
  },
});

function Recording() {
  const rec = useRecording();
  return <p>recording {rec.status} by {rec.startedByName ?? 'nobody'}</p>;
}

function Consent() {
  const consent = useConsent();
  return <p>my consent {String(consent.mine)}, {consent.roster.length} in the roster</p>;
}

/** The consent hook mounts only when asked: after every event of the meeting arrived. */
function Later() {
  const [shown, setShown] = useState(false);
  return shown ? <Consent /> : <button onClick={() => setShown(true)}>show consent</button>;
}

function ConsentsInStore() {
  const { store } = useOnAirContext();
  const [count, setCount] = useState<number | undefined>(undefined);
  return (
    <button onClick={() => setCount(Object.keys(store.state.getState().consents).length)}>
      answers in the store: {count ?? '?'}
    </button>
  );
}

describe('OnAirProvider and slices', () => {
  it('keeps the answers sent before a consent hook mounts, with an adapter that declares no slices', async () => {
    await render(
      <OnAirProvider adapter={adapterOf()} announce={false}>
        <Recording />
        <Later />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('recording recording by Ada')).toBeVisible();
    await page.getByRole('button', { name: 'show consent' }).click();
    await expect.element(page.getByText('my consent true, 2 in the roster')).toBeVisible();
  });

  it('does not reduce a slice nothing declared nor registered', async () => {
    await render(
      <OnAirProvider adapter={adapterOf()} announce={false}>
        <ConsentsInStore />
      </OnAirProvider>,
    );
    await page.getByRole('button', { name: /answers in the store/ }).click();
    await expect.element(page.getByRole('button', { name: 'answers in the store: 0' })).toBeVisible();
  });

  it('reduces the slices an adapter declares before any hook reads them', async () => {
    await render(
      <OnAirProvider adapter={adapterOf([consentSlice])} announce={false}>
        <ConsentsInStore />
      </OnAirProvider>,
    );
    await page.getByRole('button', { name: /answers in the store/ }).click();
    await expect.element(page.getByRole('button', { name: 'answers in the store: 2' })).toBeVisible();
  });
});
