import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { noCapabilities, type OnAirAdapter } from '../../src/core/adapter.js';
import { useConsent } from '../../src/hooks/useConsent.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

/** A provider that carries consent; `setConsent` answers the way the test says. */
function consentAdapter(setConsent: (consent: boolean) => Promise<void>): OnAirAdapter {
  return {
    provider: 'fake',
    capabilities: { ...noCapabilities, consent: true },
    connect: () => () => {},
    setConsent,
  };
}

/** Agrees twice in one click (a double click), and shows the choice and any error. */
function Agree() {
  const { mine, setConsent } = useConsent();
  const [error, setError] = useState('');
  const agree = () => {
    for (const attempt of [setConsent(true), setConsent(true)]) attempt.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      <button onClick={agree}>Agree</button>
      <p>mine: {String(mine)}</p>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}

describe('useConsent().setConsent goes through the store’s command runner', () => {
  it('sends one set_consent for a double click', async () => {
    const setConsent = vi.fn(async () => {});
    const onConsentChange = vi.fn();
    const screen = await render(
      <OnAirProvider adapter={consentAdapter(setConsent)} onConsentChange={onConsentChange} announce={false}>
        <Agree />
      </OnAirProvider>,
    );
    await screen.getByRole('button', { name: 'Agree' }).click();
    await expect.element(screen.getByText('mine: true')).toBeInTheDocument();
    await expect.poll(() => onConsentChange.mock.calls.length).toBe(1);
    expect(setConsent).toHaveBeenCalledTimes(1);
  });

  it('rolls back a choice the provider never confirms, after the command timeout, with a readable error', async () => {
    const setConsent = vi.fn(() => new Promise<void>(() => {}));
    const screen = await render(
      <OnAirProvider adapter={consentAdapter(setConsent)} commandTimeoutMs={300} announce={false}>
        <Agree />
      </OnAirProvider>,
    );
    await screen.getByRole('button', { name: 'Agree' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/did not answer in time/);
    await expect.element(screen.getByText('mine: undefined')).toBeInTheDocument();
  });
});
