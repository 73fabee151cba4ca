import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { RecordButton } from '../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { allCapabilities } from '../../stories/support/scriptedAdapter.js';
import { scripts } from '../../stories/support/scripts.js';
import { renderScripted } from './harness.js';
import { disposeSimulators, renderWithSimulator, shortSimulator, type Simulator } from './simHarness.js';

afterEach(disposeSimulators);

/** Holds the simulated call object's start/stop until `release()` is called. */
function gateCommands(sim: Simulator) {
  const gate = (name: 'startRecording' | 'stopRecording') => {
    let open: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const original = sim.daily[name].bind(sim.daily) as (options?: never) => void;
    (sim.daily as unknown as Record<string, (options?: never) => void>)[name] = (options) => {
      void opened.then(() => original(options));
    };
    return { release: () => open() };
  };
  return { startRecording: gate('startRecording'), stopRecording: gate('stopRecording') };
}

const startButton = () => page.getByRole('button', { name: 'Start recording' });
const stopButton = () => page.getByRole('button', { name: 'Stop recording', exact: true });

describe('RecordButton through the simulator', () => {
  it('starts, shows starting, runs a clock, and stops', async () => {
    // The simulated provider answers only when the test says so, so "Starting…" and "Stopping…"
    // are seen however slow the machine is (a fixed delay raced the click on a loaded machine).
    const sim = shortSimulator();
    const { startRecording, stopRecording } = gateCommands(sim);
    await renderWithSimulator(<RecordButton />, { sim });
    await userEvent.click(startButton());
    const starting = page.getByRole('button', { name: 'Starting…' });
    await expect.element(starting).toHaveAttribute('aria-busy', 'true');
    await expect.element(starting).toHaveAttribute('aria-disabled', 'true');
    startRecording.release();
    await expect.element(stopButton()).toBeVisible();
    await expect.element(page.getByText(/^00:0[01]$/)).toBeVisible();
    // The clock runs: waited for until it reads two seconds or more (00:02 alone lasts one second, which
    // a stalled page can skip).
    const clockSeconds = () => {
      const [m, sec] = (page.getByText(/^\d\d:\d\d$/).query()?.textContent ?? '00:00').split(':').map(Number);
      return m! * 60 + sec!;
    };
    await expect.poll(clockSeconds, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // The clock is outside the button's accessible name.
    await expect.element(stopButton()).toHaveAccessibleName('Stop recording');
    await userEvent.click(stopButton());
    await expect.element(page.getByRole('button', { name: 'Stopping…' })).toBeVisible();
    stopRecording.release();
    await expect.element(startButton()).toBeVisible();
    await expect.element(page.getByText(/^\d\d:\d\d$/)).not.toBeInTheDocument();
  });

  it('shows why a start failed, and starting again works', async () => {
    const { sim } = await renderWithSimulator(<RecordButton />);
    sim.faults.failNextStart('Recording quota exceeded');
    await userEvent.click(startButton());
    await expect.element(page.getByRole('alert')).toHaveTextContent('Recording quota exceeded');
    await expect.element(startButton()).not.toHaveAttribute('aria-disabled');
    await userEvent.click(startButton());
    await expect.element(stopButton()).toBeVisible();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('lets the user dismiss the error and keeps focus on the button', async () => {
    const { sim } = await renderWithSimulator(<RecordButton />);
    sim.faults.failNextStart('Nope');
    await userEvent.click(startButton());
    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    await expect.element(startButton()).toHaveFocus();
  });

  it('sends one start for a double click', async () => {
    const sim = shortSimulator();
    const original = sim.daily.startRecording.bind(sim.daily);
    // The start is held until both clicks have landed: however far apart a loaded machine puts
    // them, the second one meets the start on its way (not a running recording it would stop).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.fn(async (...args: Parameters<typeof original>) => {
      await held;
      return original(...args);
    });
    sim.daily.startRecording = spy as unknown as typeof sim.daily.startRecording;
    await renderWithSimulator(<RecordButton />, { sim });
    await userEvent.dblClick(startButton());
    release();
    await expect.element(stopButton()).toBeVisible();
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('shows REC to someone joining while a recording runs', async () => {
    // The recording runs in the simulated meeting before this browser connects; the app's backend
    // knows it and seeds the adapter (Daily itself re-sends recording-started to late joiners).
    const sim = shortSimulator();
    sim.remote.startRecording('remote-ada');
    await new Promise((resolve) => setTimeout(resolve, 120));
    const startedAt = Date.now() - 30_000;
    const { screen } = await renderWithSimulator(
      <>
        <RecordingIndicator />
        <RecordButton />
      </>,
      { sim, adapterOptions: { initialState: { recordings: [{ status: 'recording', startedAt }] } } },
    );
    await expect.element(screen.getByText('REC', { exact: true })).toBeVisible();
    await expect.element(stopButton()).toBeVisible();
    await expect.element(screen.getByText('00:30').first()).toBeVisible();
  });

  it('disables for a participant, with the reason as description', async () => {
    await renderWithSimulator(<RecordButton />, { role: 'participant' });
    await expect.element(startButton()).toHaveAttribute('aria-disabled', 'true');
    await expect.element(startButton()).toHaveAccessibleDescription('Only moderators can record this meeting.');
    await expect.element(page.getByText('Only moderators can record this meeting.')).toBeVisible();
  });

  it('renders nothing for a participant with whenUnavailable="hide"', async () => {
    await renderWithSimulator(<RecordButton whenUnavailable="hide" />, { role: 'participant' });
    await expect.element(page.getByRole('group', { name: 'Recording' })).not.toBeInTheDocument();
  });
});

describe('RecordButton with a scripted adapter', () => {
  it('pauses and resumes where the provider can', async () => {
    const { adapter } = await renderScripted(<RecordButton />, { script: scripts.recording, capabilities: allCapabilities });
    await userEvent.click(page.getByRole('button', { name: 'Pause recording' }));
    await expect.element(page.getByRole('button', { name: 'Resume recording' })).toBeVisible();
    await expect.element(page.getByRole('group', { name: 'Recording' })).toHaveAttribute('data-onair-state', 'paused');
    await userEvent.click(page.getByRole('button', { name: 'Resume recording' }));
    await expect.element(page.getByRole('button', { name: 'Pause recording' })).toBeVisible();
    expect(adapter.calls).toMatchObject({ pauseRecording: 1, resumeRecording: 1 });
  });

  it('offers no pause button where the provider cannot pause', async () => {
    await renderScripted(<RecordButton />, { script: scripts.recording });
    await expect.element(stopButton()).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Pause recording' })).not.toBeInTheDocument();
  });

  it('confirms a stop by keyboard: Escape cancels, Enter confirms, focus returns', async () => {
    const { adapter } = await renderScripted(<RecordButton confirmStop />, { script: scripts.recording });
    const stop = page.getByRole('group', { name: 'Recording' }).getByRole('button', { name: 'Stop recording', exact: true }).first();
    (stop.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    const dialog = page.getByRole('alertdialog', { name: 'Stop recording?' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Keep recording' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    // A closed <dialog> leaves the accessibility tree.
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(stop).toHaveFocus();
    expect(adapter.calls.stopRecording).toBeUndefined();

    await userEvent.keyboard('{Enter}');
    await expect.element(dialog).toBeVisible();
    await userEvent.keyboard('{Tab}');
    await expect.element(dialog.getByRole('button', { name: 'Stop recording' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(startButton()).toBeVisible();
    expect(adapter.calls.stopRecording).toBe(1);
  });

  it('passes className, style, theme, onClick, ref, data-* and aria-* through', async () => {
    const ref = createRef<HTMLButtonElement>();
    const onClick = vi.fn();
    await renderScripted(
      <RecordButton
        ref={ref}
        className="mine"
        style={{ marginTop: 3 }}
        theme={{ recording: 'rgb(1, 2, 3)' }}
        onClick={onClick}
        data-testid="rec"
        data-track="record"
        aria-describedby="outside"
      />,
    );
    const button = page.getByTestId('rec');
    await expect.element(button).toHaveAttribute('data-track', 'record');
    await expect.element(button).toHaveAttribute('data-onair-state', 'idle');
    expect(ref.current).toBe(button.element());
    expect(button.element().getAttribute('aria-describedby')).toBe('outside');
    const root = page.getByRole('group', { name: 'Recording' });
    await expect.element(root).toHaveClass('mine');
    expect((root.element() as HTMLElement).style.marginTop).toBe('3px');
    expect((root.element() as HTMLElement).style.getPropertyValue('--onair-recording')).toBe('rgb(1, 2, 3)');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    await expect.element(stopButton()).toBeVisible();
  });

  it('lets a consumer cancel the action with preventDefault', async () => {
    const { adapter } = await renderScripted(<RecordButton onClick={(event) => event.preventDefault()} />);
    await userEvent.click(startButton());
    expect(adapter.calls.startRecording).toBeUndefined();
  });

  it('uses per-component labels over the provider labels', async () => {
    await renderScripted(<RecordButton labels={{ startRecording: 'Aufnahme starten', recordingControls: 'Aufnahme' }} />);
    await expect.element(page.getByRole('group', { name: 'Aufnahme' }).getByRole('button', { name: 'Aufnahme starten' })).toBeVisible();
  });
});
