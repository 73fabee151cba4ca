import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ReactNode } from 'react';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { createRealtimeKitAdapter } from '../../src/adapters/realtimekit/index.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import type { CommandTiming, OnAirAdapter } from '../../src/core/adapter.js';
import { de } from '../../src/locales/de.js';
import { OnAirProvider, type RecordingLimits } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitMeeting, createSimulator } from '../../src/simulator/index.js';

const sims: Array<{ dispose(): void }> = [];
afterEach(() => {
  for (const sim of sims.splice(0)) sim.dispose();
});

/** Small injected timings: "slow" soon, and a timeout the test waits for (never an upper bound on time). */
const TIMING: CommandTiming = { slowAfterMs: 60, timeoutMs: 600 };

function dailySim(options: Parameters<typeof createSimulator>[0] = {}) {
  const sim = createSimulator({ delays: { recordingStart: 50, recordingStop: 50, liveStart: 50, liveStop: 50 }, ...options });
  sims.push(sim);
  return sim;
}

function renderProvider(
  adapter: OnAirAdapter,
  ui: ReactNode,
  props: { commandTiming?: CommandTiming; recordingLimits?: RecordingLimits; labels?: typeof de; locale?: string } = {},
) {
  return render(
    <OnAirProvider adapter={adapter} colorScheme="light" {...props}>
      {ui}
    </OnAirProvider>,
  );
}

const WAIT = { timeout: 8_000 };

describe('RecordButton: starts and stops the provider does not confirm (21)', () => {
  it('21: a start not confirmed after slowAfterMs reads "Still starting…" with Cancel, and Cancel stops what may have started', async () => {
    const sim = dailySim();
    sim.faults.neverConfirmStart();
    await renderProvider(createDailyAdapter(sim.daily), <RecordButton />, { commandTiming: { slowAfterMs: 60, timeoutMs: 60_000 } });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    await expect.element(page.getByRole('button', { name: 'Still starting…' }), WAIT).toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    await expect.element(page.getByRole('button', { name: 'Start recording' }), WAIT).toBeEnabled();
    await expect.element(page.getByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Start recording' })).toHaveFocus();
    expect(page.getByRole('alert').elements()).toHaveLength(0);
  });

  it('21: after the timeout the button is usable again and says the provider did not confirm; without a read it says so', async () => {
    const sim = dailySim();
    sim.faults.neverConfirmStart();
    await renderProvider(createDailyAdapter(sim.daily), <RecordButton />, { commandTiming: TIMING });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    const alert = page.getByRole('alert');
    await expect.element(alert, WAIT).toHaveTextContent('The provider did not confirm the start; the recording may still be running — check again.');
    await expect.element(alert).toHaveTextContent('This provider offers no way to ask again');
    await expect.element(page.getByRole('button', { name: 'Check again' })).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Start recording' })).not.toHaveAttribute('aria-disabled');
  });

  it('21: a stop not confirmed reads "Still stopping…", then "Stop recording" is usable again with what is known', async () => {
    const sim = dailySim();
    await renderProvider(createDailyAdapter(sim.daily), <RecordButton />, { commandTiming: TIMING });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    await expect.element(page.getByRole('button', { name: 'Stop recording' }), WAIT).toBeInTheDocument();
    sim.faults.neverConfirmStop();
    await userEvent.click(page.getByRole('button', { name: 'Stop recording' }));
    await expect.element(page.getByRole('button', { name: 'Still stopping…' }), WAIT).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await expect.element(page.getByRole('alert'), WAIT).toHaveTextContent('The provider did not confirm the stop; the recording may still be running — check again.');
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).not.toHaveAttribute('aria-disabled');
  });

  it('21: "Check again" re-reads the RealtimeKit meeting’s recordings and shows the recording that did start', async () => {
    const sim = createRealtimeKitMeeting({ delayMs: 30 });
    sim.dropNextUpdate();
    await renderProvider(createRealtimeKitAdapter({ meeting: sim.meeting }), <RecordButton />, { commandTiming: TIMING });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    await expect.element(page.getByRole('button', { name: 'Still starting…' }), WAIT).toBeInTheDocument();
    await expect.element(page.getByRole('alert'), WAIT).toHaveTextContent('The provider did not confirm the start');
    await userEvent.click(page.getByRole('button', { name: 'Check again' }));
    await expect.element(page.getByRole('button', { name: 'Stop recording' }), WAIT).toBeInTheDocument();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('21: the stuck states speak the locale (German, "Sie")', async () => {
    const sim = dailySim();
    sim.faults.neverConfirmStart();
    await renderProvider(createDailyAdapter(sim.daily), <RecordButton />, { commandTiming: TIMING, labels: de, locale: 'de' });
    await userEvent.click(page.getByRole('button', { name: de.startRecording }));
    await expect.element(page.getByRole('button', { name: de.stillStarting }), WAIT).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: de.cancelStart })).toBeInTheDocument();
    await expect.element(page.getByRole('alert'), WAIT).toHaveTextContent(/prüfen Sie es erneut/);
  });
});

describe('RecordButton: the provider’s maximum length (21)', () => {
  it('21: warns once before the end, then says the provider ended it — a status, not a failure', async () => {
    const sim = dailySim({ maxRecordingDurationMs: 1_500 });
    await renderProvider(createDailyAdapter(sim.daily), <RecordButton />, { recordingLimits: { maxDurationMs: 1_500, warnBeforeMs: 1_200 } });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    await expect.element(page.getByRole('status').filter({ hasText: 'Recording ends in 1 min' }), WAIT).toBeInTheDocument();
    await expect
      .element(page.getByRole('status').filter({ hasText: 'The recording reached its maximum length and was stopped by Daily.' }), WAIT)
      .toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
    expect(page.getByRole('alert').elements()).toHaveLength(0);
    expect(page.getByText('Recording ends in 1 min').elements()).toHaveLength(0);
    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));
    await expect.element(page.getByText(/maximum length/)).not.toBeInTheDocument();
  });

  it('21: a stop asked here is not reported as the provider’s limit', async () => {
    const sim = dailySim();
    await renderProvider(createDailyAdapter(sim.daily), <RecordButton />, { recordingLimits: { maxDurationMs: 60 } });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    await expect.element(page.getByRole('button', { name: 'Stop recording' }), WAIT).toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Stop recording' }));
    await expect.element(page.getByRole('button', { name: 'Start recording' }), WAIT).toBeInTheDocument();
    expect(page.getByText(/maximum length/).elements()).toHaveLength(0);
  });
});
