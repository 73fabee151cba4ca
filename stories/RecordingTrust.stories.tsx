import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { createDailyAdapter } from '../src/adapters/daily/index.js';
import { createRealtimeKitAdapter } from '../src/adapters/realtimekit/index.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { createRealtimeKitMeeting, createSimulator, type SimulatorOptions } from '../src/simulator/index.js';
import type { OnAirStoryParameters, StoryMeeting } from './support/OnAirStory.js';

const onair = (p: OnAirStoryParameters) => ({ onair: p });

/** A simulated Daily meeting; `prepare` sets its faults before the adapter connects. */
function dailyMeeting(options: SimulatorOptions, prepare: (sim: ReturnType<typeof createSimulator>) => void = () => {}): () => StoryMeeting {
  return () => {
    const sim = createSimulator(options);
    prepare(sim);
    return { adapter: createDailyAdapter(sim.daily), handle: sim, dispose: () => sim.dispose() };
  };
}

const FOUR_AND_A_HALF_MIN = 4.5 * 60_000;
/** Findings wait a while: the simulator answers with realistic delays. */
const WAIT = { timeout: 8_000 };

/**
 * Recording state people can trust (issue 21): a start or stop the provider does not confirm says
 * so instead of spinning, and a provider's maximum length is announced before the end and named
 * when the provider ends the recording. Each story rests in the state it is named for.
 */
const meta = {
  title: 'Components/RecordButton/Stuck states and limits',
  component: RecordButton,
  tags: ['autodocs'],
} satisfies Meta<typeof RecordButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The provider accepted the start but has not confirmed it after `slowAfterMs` (here 300 ms; the
 * simulator's `faults.neverConfirmStart()`): "Still starting…" with "Cancel", which stops what may
 * have started.
 */
export const StillStarting: Story = {
  parameters: onair({
    meeting: dailyMeeting({ delays: { recordingStart: 300, recordingStop: 300 } }, (sim) => sim.faults.neverConfirmStart()),
    commandTiming: { slowAfterMs: 300, timeoutMs: 0 },
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Start recording' }));
    await expect(await canvas.findByRole('button', { name: 'Still starting…' }, WAIT)).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  },
};

/**
 * The start was never confirmed within the command's timeout (here 1.5 s): the button is usable
 * again, the note says what is known, and "Check again" re-reads the RealtimeKit meeting's
 * recordings (the simulator lost the SDK's `recordingUpdate`: `dropNextUpdate()`).
 */
export const StartNotConfirmed: Story = {
  parameters: onair({
    meeting: () => {
      const sim = createRealtimeKitMeeting({ delayMs: 200 });
      sim.dropNextUpdate();
      return { adapter: createRealtimeKitAdapter({ meeting: sim.meeting }), handle: sim };
    },
    commandTiming: { slowAfterMs: 300, timeoutMs: 1_500 },
  }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Start recording' }));
    const alert = await canvas.findByRole('alert', {}, WAIT);
    await expect(alert).toHaveTextContent('the recording may still be running');
    await expect(canvas.getByRole('button', { name: 'Check again' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Start recording' })).not.toHaveAttribute('aria-disabled');
  },
};

/**
 * Someone's recording runs 4.5 minutes before the provider's maximum length (`recordingLimits`;
 * RealtimeKit's `max_seconds` works the same way): "Recording ends in 5 min", announced politely once.
 */
export const ProviderLimitWarning: Story = {
  parameters: onair({
    meeting: dailyMeeting({ delays: { recordingStart: 200 }, maxRecordingDurationMs: FOUR_AND_A_HALF_MIN }, (sim) => sim.remote.startRecording()),
    recordingLimits: { maxDurationMs: FOUR_AND_A_HALF_MIN },
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Recording ends in 5 min', {}, WAIT)).toHaveAttribute('role', 'status');
  },
};

/**
 * The provider ended the recording at its maximum length (here 1.5 s in the simulator): a clear
 * note, distinct from a failure (a status, not an alert), and "Start recording" is ready again.
 */
export const ProviderEndedIt: Story = {
  parameters: onair({
    meeting: dailyMeeting({ delays: { recordingStart: 200 }, maxRecordingDurationMs: 1_500 }, (sim) => sim.remote.startRecording()),
    recordingLimits: { maxDurationMs: 1_500 },
  }),
  play: async ({ canvas }) => {
    const note = await canvas.findByText('The recording reached its maximum length and was stopped by Daily.', {}, WAIT);
    await expect(note.closest('[role="status"]')).not.toBeNull();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  },
};
