import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactElement } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { LiveStreamDestinations } from '../src/components/LiveStreamDestinations.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import type { OnAirEvent } from '../src/core/events.js';
import type { ParticipantRole } from '../src/core/model.js';
import { useOnAirEvent } from '../src/hooks/useOnAirEvent.js';
import { createDailyAdapter } from '../src/adapters/daily/index.js';
import { createSimulator } from '../src/simulator/index.js';
import { sessionAsset, sessionRecordings } from './support/sessionRecordings.js';
import { createLocalRecorder, createLocalRecordingAdapter, createLocalRecordingsSource, LocalRecordingNotice } from '../src/local.js';
import { syntheticStream } from './support/syntheticStream.js';
import { useStoryMeeting, type OnAirStoryParameters, type StoryMeeting } from './support/OnAirStory.js';
import './support/playground.css';
import { FaultPanel, type FaultAction } from './support/FaultPanel.js';

interface PlaygroundArgs {
  /** The local participant's role (moderators record and stream). */
  readonly role: ParticipantRole;
  /** Ask before stopping a recording. */
  readonly confirmStop: boolean;
}

type Simulator = ReturnType<typeof createSimulator>;

const PEOPLE = ['You', 'Ana Lima', 'Ben Okafor', 'Chen Wei'];

/** A fresh simulator per mount, wired through the Daily adapter as an app would wire a real call object. */
function simulatedMeeting(): StoryMeeting {
  const sim = createSimulator({
    participants: [
      { id: 'ana', name: 'Ana Lima', owner: true },
      { id: 'ben', name: 'Ben Okafor', owner: false },
      { id: 'chen', name: 'Chen Wei', owner: false },
    ],
  });
  sim.setDelays({ recordingStart: 900, recordingStop: 600, liveStart: 1200, liveStop: 600 });
  // Daily's recordings REST is the app's; here each stopped recording becomes a playable list row.
  const earlier = Date.parse('2026-01-05T10:00:00Z');
  const { adapter, recordings } = sessionRecordings(createDailyAdapter(sim.daily), {
    meetingId: 'daily-standup',
    format: 'mp4',
    seed: [sessionAsset({ id: 'daily-standup-earlier', meetingId: 'daily-standup', fileName: 'daily-standup-000.mp4', startedAt: earlier, stoppedAt: earlier + 4_000, format: 'mp4' })],
  });
  return { adapter, recordings, handle: sim, dispose: () => sim.dispose() };
}

/**
 * The same meeting with recording on this device beside Daily's cloud recording (onair-react/local),
 * in the kit's own database: reload mid-recording and the interrupted recording is offered. An app
 * records its call's tracks; the playground records a synthetic picture.
 */
function simulatedMeetingWithLocal(): StoryMeeting {
  const meeting = simulatedMeeting();
  const synthetic = syntheticStream(document, { audio: false });
  const recorder = createLocalRecorder({ streams: [synthetic.stream], meetingName: 'Daily playground', confirmLeave: false });
  return {
    adapter: createLocalRecordingAdapter({ recorder, adapter: meeting.adapter }),
    recordings: createLocalRecordingsSource(recorder, { base: meeting.recordings }),
    handle: meeting.handle,
    dispose: () => {
      meeting.dispose?.();
      void recorder.dispose();
      synthetic.stop();
    },
  };
}

function summary(event: OnAirEvent): string {
  if ('error' in event && event.error) return event.error.message;
  if (event.type === 'live-stream-updated') return `${event.state}${event.endpoint ? ` · ${event.endpoint}` : ''}`;
  if (event.type === 'live-stream-warning') return event.message;
  if (event.type === 'participant-named') return event.name;
  if ('command' in event) return event.command;
  const instance = 'instanceId' in event ? event.instanceId : undefined;
  return instance && instance !== 'default' ? instance.slice(0, 8) : '';
}

function EventLog(): ReactElement {
  const [entries, setEntries] = useState<ReadonlyArray<{ id: number; at: string; type: string; detail: string }>>([]);
  useOnAirEvent('*', (event) => {
    setEntries((list) => [
      { id: (list[0]?.id ?? 0) + 1, at: new Date(event.at).toLocaleTimeString([], { hour12: false }), type: event.type, detail: summary(event) },
      ...list.slice(0, 39),
    ]);
  });
  return (
    <section className="pg-panel pg-log" aria-labelledby="pg-log-title">
      <h2 id="pg-log-title">Event log</h2>
      {entries.length === 0 ? <p className="pg-muted">No events yet.</p> : null}
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <time>{entry.at}</time> <code>{entry.type}</code> <span className="pg-muted">{entry.detail}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Faults({ sim }: { sim: Simulator }): ReactElement {
  const [denied, setDenied] = useState(false);
  const actions: readonly FaultAction[] = [
    ['Fail next start', () => sim.faults.failNextStart('Recording quota exceeded (simulated).')],
    [denied ? 'Allow recording' : 'Deny permission', () => { sim.faults.denyPermission(!denied); setDenied(!denied); }],
    ['Interrupt live stream', () => sim.faults.interruptLiveStream()],
    ['Recover live stream', () => sim.faults.recoverLiveStream()],
    ['Live-stream warning', () => sim.faults.warnLiveStream('Upload bandwidth is low.')],
    // Issue 19: what can happen to the destinations (enter three in "Live-stream destinations" first).
    ['Key refused', () => sim.faults.refuseStreamKey()],
    ['Drop one of three destinations', () => sim.faults.dropLiveStreamDestination()],
    ['Stream ended by Daily', () => sim.faults.endLiveStream()],
    ['Start a second recording', () => sim.faults.startSecondRecording()],
    ['Send a malformed payload', () => sim.faults.emitMalformed()],
    ['Ana starts recording', () => sim.remote.startRecording('ana')],
    ['Ana stops recording', () => sim.remote.stopRecording()],
    ['Ana goes live', () => sim.remote.startLiveStream('ana')],
    ['Ana ends live stream', () => sim.remote.stopLiveStream()],
  ];
  return (
    <FaultPanel title="Simulator" actions={actions}>
      “Key refused” fails the next go-live; “Drop one of three destinations” drops the last one while the others stay live;
      “Stream ended by Daily” ends it without a local stop. “HLS not ready yet” does not apply: Daily’s RTMP path has no HLS
      playback URL to wait for.
      </FaultPanel>
  );
}

function Playground({ confirmStop }: PlaygroundArgs): ReactElement {
  const sim = useStoryMeeting<Simulator>();
  return (
    <div className="pg">
      <main className="pg-stage" aria-label="Meeting">
        <div className="pg-top">
          <RecordingIndicator size="sm" />
          <LiveStreamBadge size="sm" showWhenIdle={false} />
        </div>
        <ConsentBanner className="pg-consent" />
        <LocalRecordingNotice />
        <ul className="pg-tiles" aria-label="Participants">
          {PEOPLE.map((name) => (
            <li key={name} className="pg-tile">
              <span className="pg-avatar" aria-hidden="true">
                {name.split(' ').map((part) => part[0]).join('')}
              </span>
              <span className="pg-name">{name}</span>
            </li>
          ))}
        </ul>
        <div className="pg-controls" role="group" aria-label="Meeting controls">
          <RecordButton confirmStop={confirmStop} />
          <LiveStreamButton />
        </div>
        {/* Several destinations at once, keys entered in the browser (Daily's startLiveStreaming takes the URLs). */}
        <LiveStreamDestinations />
      </main>
      <aside className="pg-side" aria-label="Playground tools">
        <RecordingList className="pg-panel" perPage={5} pollMs={2_000} />
        {sim ? <Faults sim={sim} /> : null}
        <EventLog />
      </aside>
    </div>
  );
}

const meta = {
  title: 'Meeting playground/Daily',
  component: Playground,
  args: { role: 'moderator', confirmStop: false },
  argTypes: { role: { control: 'inline-radio', options: ['moderator', 'participant'] } },
  parameters: {
    onair: {
      bare: true,
      meeting: simulatedMeeting,
    } satisfies OnAirStoryParameters,
  },
} satisfies Meta<typeof Playground>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every component on one mock meeting screen, driven by the simulator through the Daily adapter. Try it by hand. */
export const Daily: Story = {};

/**
 * The same screen, played: start recording. Starting is consent, so you are not asked; the banner
 * says so. Then Ana's recording would ask you (see "Asked by another's recording").
 */
export const Walkthrough: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Start recording' }));
    await expect(await canvas.findByRole('button', { name: 'Stop recording' }, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByText('REC')).toBeInTheDocument());
    const status = await canvas.findByRole('group', { name: 'Recording consent' });
    await expect(status).toHaveTextContent('You started this recording');
    await expect(canvas.queryByRole('region', { name: /being recorded/i })).toBeNull();
    // 22.9: stop, and the recording is in the list, ready to play.
    await userEvent.click(canvas.getByRole('button', { name: 'Stop recording' }));
    await expect(await canvas.findByRole('button', { name: /^Play, daily-standup-002\.mp4/ }, { timeout: 15_000 })).toBeEnabled();
  },
};

/** Ana starts recording: you are asked, focus stays where it was; Tab reaches the banner; agree. */
export const AskedByAnothersRecording: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Ana starts recording' }));
    const consent = await canvas.findByRole('region', { name: /being recorded/i }, { timeout: 15_000 });
    await expect(canvas.getByRole('button', { name: 'Ana starts recording' })).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await expect(within(consent).getByRole('button', { name: 'Don’t record me' })).toHaveFocus();
    await userEvent.click(within(consent).getByRole('button', { name: /agree/i }));
    await expect(await canvas.findByRole('button', { name: /withdraw/i })).toBeInTheDocument();
  },
};

/** "Record in the cloud" or "Record on this device" (onair-react/local): the same clock, indicator and stop for both. */
export const OnThisDevice: Story = {
  name: 'On this device',
  parameters: { onair: { bare: true, meeting: simulatedMeetingWithLocal } satisfies OnAirStoryParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Record on this device' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Record in the cloud' })).toBeEnabled();
  },
};

/** The same screen for a participant: controls disabled with the reason, indicators still visible. */
export const AsParticipant: Story = { args: { role: 'participant' } };

/**
 * Two recordings and a live stream at once: you record, Ben (the simulator) starts a second
 * recording, Ana goes live. The indicator keeps your recording's clock and says "2 recordings"; the
 * record button says which one it acts on; live is violet with its broadcast glyph, recording red.
 */
export const TwoRecordingsAndLive: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Start recording' }));
    await expect(await canvas.findByRole('button', { name: 'Stop recording' }, { timeout: 15_000 })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Start a second recording' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Ana goes live' }));
    await expect(await canvas.findByRole('radiogroup', { name: /2 recordings/ }, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByText('LIVE')).toBeInTheDocument(), { timeout: 15_000 });
    await expect(canvas.getByText('2 recordings', { exact: true })).toBeInTheDocument();
  },
};

/**
 * The control bar and the status pills line up (22.13): Start recording and Go live on one line, REC
 * and LIVE one height, and REC stays where it was when LIVE appears.
 */
export const ControlBarAlignment: Story = {
  play: async ({ canvas, userEvent }) => {
    const centre = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2;
    };
    const record = canvas.getByRole('button', { name: 'Start recording' });
    const live = canvas.getByRole('button', { name: 'Go live' });
    await expect(Math.abs(centre(record) - centre(live))).toBeLessThan(4);
    await userEvent.click(record);
    await waitFor(() => expect(canvas.getByText('REC')).toBeInTheDocument(), { timeout: 15_000 });
    const rec = () => canvas.getByText('REC').closest('.onair-indicator')!.getBoundingClientRect();
    const before = rec().left;
    await userEvent.click(canvas.getByRole('button', { name: 'Ana goes live' }));
    await waitFor(() => expect(canvas.getByText('LIVE')).toBeInTheDocument(), { timeout: 15_000 });
    const pill = canvas.getByText('LIVE').closest('.onair-pill')!.getBoundingClientRect();
    await expect(Math.abs(rec().height - pill.height)).toBeLessThan(1);
    await expect(Math.abs(rec().left - before)).toBeLessThan(1);
  },
};

const KEYS = { youtube: 'abcd-efgh-ijkl-mnop', twitch: 'live_1_PlaygroundKey', custom: 'custom-playground-key' };
type Canvas = ReturnType<typeof within>;
type User = Parameters<NonNullable<Story['play']>>[0]['userEvent'];
const destinations = (canvas: Canvas) => within(canvas.getByRole('region', { name: 'Live-stream destinations' }));
const destinationStates = (canvas: Canvas) => destinations(canvas).getAllByRole('listitem').map((item) => item.dataset.onairState);

/** Enters YouTube, Twitch and a custom RTMPS server with fake keys, as a person would. */
async function enterThree(canvas: Canvas, user: User): Promise<void> {
  const d = destinations(canvas);
  await user.type(d.getByLabelText('Stream key'), KEYS.youtube);
  await user.click(d.getByRole('button', { name: 'Add destination' }));
  await user.selectOptions(d.getByLabelText('Platform'), 'twitch');
  await user.type(d.getByLabelText('Stream key'), KEYS.twitch);
  await user.click(d.getByRole('button', { name: 'Add destination' }));
  await user.selectOptions(d.getByLabelText('Platform'), 'custom');
  await user.type(d.getByLabelText('Server URL'), 'rtmps://ingest.example.org/live');
  await user.type(d.getByLabelText('Stream key'), KEYS.custom);
  await user.click(d.getByRole('button', { name: 'Add destination' }));
  await waitFor(() => expect(destinationStates(canvas)).toEqual(['ready', 'ready', 'ready']));
}

async function goLiveToAll(canvas: Canvas, user: User): Promise<void> {
  await user.click(destinations(canvas).getByRole('button', { name: 'Go live to all' }));
  await waitFor(() => expect(destinationStates(canvas)).toEqual(['live', 'live', 'live']), { timeout: 30_000 });
}

function expectNoKeys(root: HTMLElement): void {
  const fields = Array.from(root.querySelectorAll('input')).map((input) => input.value).join('\n');
  for (const key of Object.values(KEYS)) {
    expect(root.outerHTML).not.toContain(key);
    expect(fields).not.toContain(key);
  }
}

/** 19: three destinations entered, "Key refused" pressed, then "Go live to all": Daily's reason shows, the form stays usable. */
export const KeyRefused: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await enterThree(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Key refused' }));
    await userEvent.click(destinations(canvas).getByRole('button', { name: 'Go live to all' }));
    const alert = await destinations(canvas).findByRole('alert', {}, { timeout: 30_000 });
    await expect(alert).toHaveTextContent(/RTMP connection refused by rtmp:\/\/a\.rtmp\.youtube\.com\/live2/);
    await expect(destinationStates(canvas)).toEqual(['ready', 'ready', 'ready']);
    await expect(destinations(canvas).getByLabelText('Stream key')).toBeEnabled();
    await expect(destinations(canvas).getByRole('button', { name: 'Go live to all' })).toBeEnabled();
    expectNoKeys(canvasElement);
  },
};

/** 19: live to three destinations, one dropped: "Dropped" with Daily's reason on that row only; the others and LIVE stay. */
export const OneOfThreeDropped: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await enterThree(canvas, userEvent);
    await goLiveToAll(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Drop one of three destinations' }));
    await waitFor(() => expect(destinationStates(canvas)).toEqual(['live', 'live', 'dropped']), { timeout: 30_000 });
    const rows = destinations(canvas).getAllByRole('listitem');
    await expect(rows[2]).toHaveTextContent(/Dropped.*stopped accepting media/);
    await expect(rows[0]).not.toHaveTextContent(/stopped accepting media/);
    await expect(rows[1]).not.toHaveTextContent(/stopped accepting media/);
    await expect(canvas.getByText('LIVE')).toBeVisible();
    expectNoKeys(canvasElement);
  },
};

/** 19: live to three destinations, then Daily ends the stream: stopped rows and "Stream ended". */
export const StreamEnded: Story = {
  play: async ({ canvas, userEvent }) => {
    await enterThree(canvas, userEvent);
    await goLiveToAll(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Stream ended by Daily' }));
    await waitFor(() => expect(destinationStates(canvas)).toEqual(['stopped', 'stopped', 'stopped']), { timeout: 30_000 });
    await expect(canvas.getByText('Stream ended')).toBeVisible();
  },
};
