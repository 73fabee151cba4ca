import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type ReactElement } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { createOpenTalkAdapter } from '../src/adapters/opentalk/index.js';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import { ConsentRoster } from '../src/components/ConsentRoster.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { LiveStreamDestinations } from '../src/components/LiveStreamDestinations.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import type { OnAirAdapter } from '../src/core/adapter.js';
import type { ParticipantRole } from '../src/core/model.js';
import type { RecordingsSource } from '../src/core/recordings.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createOpenTalkRoom, type OpenTalkRoom } from '../src/simulator/index.js';
import { useStoryTheme } from './support/OnAirStory.js';
import './support/playground.css';
import { sessionRecordings } from './support/sessionRecordings.js';
import { FaultPanel, type FaultAction } from './support/FaultPanel.js';

interface MeetingProps {
  /** Which generation the simulated server speaks. */
  readonly protocol: 'legacy' | 'intermediate' | 'current' | 'roomserver';
  /** The role the guest's app claims (the server still decides). */
  readonly guestAppRole?: ParticipantRole | undefined;
}

interface Screen {
  readonly adapter: OnAirAdapter;
  /** The room's recordings (one source, shared by both screens). */
  readonly recordings: RecordingsSource;
  readonly name: string;
  readonly label: string;
}

/**
 * The room's stream targets: configured on the server with their RTMP URLs and keys (here made up),
 * which never reach the browser; the kit names them by id.
 */
const TARGETS = [
  { id: 'target-channel', name: 'Company channel', platform: 'custom' as const, publicUrl: 'https://video.example.org/live' },
  { id: 'target-youtube', name: 'YouTube', platform: 'youtube' as const },
  { id: 'target-twitch', name: 'Twitch', platform: 'twitch' as const },
];

function buildMeeting(protocol: MeetingProps['protocol']): { room: OpenTalkRoom; host: Screen; guest: Screen } {
  const room = createOpenTalkRoom({ protocol, latencyMs: 120, recorderDelayMs: 900, streamTargets: TARGETS });
  const host = room.connect({ id: 'p-mona', name: 'Mona Moderator', role: 'moderator' });
  const guest = room.connect({ id: 'p-gus', name: 'Gus Guest', role: 'guest' });
  // OpenTalk's recordings land in the app's own storage; here each stopped recording becomes a playable list row.
  const { adapter: hostAdapter, recordings } = sessionRecordings(createOpenTalkAdapter(host, { participantId: 'p-mona' }), {
    meetingId: 'opentalk-room',
    format: 'webm',
  });
  return {
    room,
    host: { adapter: hostAdapter, recordings, name: 'Mona Moderator', label: 'Moderator' },
    guest: { adapter: createOpenTalkAdapter(guest, { participantId: 'p-gus' }), recordings, name: 'Gus Guest', label: 'Guest' },
  };
}

function ParticipantScreen(props: { screen: Screen; role?: ParticipantRole | undefined }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const { screen } = props;
  return (
    <OnAirProvider adapter={screen.adapter} recordings={screen.recordings} role={props.role} colorScheme={colorScheme} theme={theme}>
      <section
        aria-label={`${screen.name}’s screen`}
        style={{
          display: 'flex',
          flexDirection: 'column',
          gap: '0.9rem',
          padding: '1rem',
          border: '1px solid var(--onair-border)',
          borderRadius: 'calc(var(--onair-radius) * 1.5)',
          background: 'var(--onair-surface)',
          color: 'var(--onair-text)',
          fontFamily: 'var(--onair-font-family)',
          minWidth: 0,
        }}
      >
        <h2 style={{ margin: 0, fontSize: '1.05rem' }}>
          {screen.name} <span style={{ color: 'var(--onair-text-muted)', fontWeight: 500 }}>· {screen.label}</span>
        </h2>
        {/* The status pills sit in a row at their own size (22.8: the REC pill stretched to a full-width bar). */}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center', minHeight: '1.75rem' }}>
          <RecordingIndicator />
          <LiveStreamBadge showWhenIdle={false} />
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.6rem', alignItems: 'flex-start' }}>
          <RecordButton confirmStop={false} />
          {/* OpenTalk streams to destinations configured on the server, named by target id. */}
          <LiveStreamButton endpoints={['target-channel']} />
        </div>
        {/* All three targets at once, each with its status (keys held by the server). */}
        <LiveStreamDestinations size="sm" destinations={TARGETS} aria-label={`Live-stream destinations (${screen.name}’s view)`} />
        <ConsentBanner />
        <ConsentRoster headingLevel={3} aria-label={`Recording consent (${screen.name}’s view)`} />
        <RecordingList perPage={3} pollMs={2_000} headingLevel={3} heading={`Recordings (${screen.name}’s view)`} />
      </section>
    </OnAirProvider>
  );
}

/** Two people on one simulated OpenTalk room, each with their own `OnAirProvider` and adapter. */
function OpenTalkMeeting(props: MeetingProps): ReactElement {
  const [meeting] = useState(() => buildMeeting(props.protocol));
  useEffect(() => () => meeting.room.dispose(), [meeting]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '1rem' }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))',
          gap: '1rem',
          alignItems: 'start',
        }}
      >
        <ParticipantScreen screen={meeting.host} />
        <ParticipantScreen screen={meeting.guest} role={props.guestAppRole} />
      </div>
      <RoomFaults room={meeting.room} />
    </div>
  );
}

/** What the OpenTalk server can do to the stream targets (issue 19). */
function RoomFaults({ room }: { room: OpenTalkRoom }): ReactElement {
  const actions: readonly FaultAction[] = [
    ['Key refused', () => room.refuseStreamKey('target-twitch')],
    ['Drop one of three destinations', () => room.dropStreamTarget(undefined, { code: 'unreachable', message: 'The streaming server stopped accepting media.' })],
    ['Stream ended by the server', () => room.endStreams()],
  ];
  return (
    <FaultPanel title="Simulated OpenTalk server" actions={actions}>
        “Key refused” makes Twitch’s next start end in <code>stream_updated</code> <code>error</code> with its reason; “Drop one of three
        destinations” fails the last target started while the others stay live; “Stream ended by the server” sets every running target
        inactive. “HLS not ready yet” does not apply: OpenTalk streams to RTMP targets and gives no HLS playback to wait for.
      </FaultPanel>
  );
}

const meta = {
  title: 'Meeting playground/OpenTalk',
  component: OpenTalkMeeting,
  args: { protocol: 'current' },
  argTypes: { protocol: { control: 'inline-radio', options: ['current', 'roomserver', 'intermediate', 'legacy'] } },
} satisfies Meta<typeof OpenTalkMeeting>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Two people on one room, for you to walk through: start recording as Mona, answer as Gus, watch
 * Mona's roster; Bea, Chen and Dara answer over time.
 */
export const TwoParticipants: Story = {};

/**
 * The consent flow, played as two people: Mona (moderator) starts recording; Gus (guest) is asked,
 * with "Recording started by Mona Moderator"; when Gus agrees, Mona's roster counts him. Three
 * simulated participants answer over time (Bea agrees, Chen agrees then withdraws, Dara never answers).
 */
export const ConsentFlow: Story = {
  play: async ({ canvas, userEvent }) => {
    const mona = within(await canvas.findByRole('region', { name: 'Mona Moderator’s screen' }));
    const gus = within(canvas.getByRole('region', { name: 'Gus Guest’s screen' }));
    await userEvent.click(await mona.findByRole('button', { name: 'Start recording' }));
    const dialog = await gus.findByRole('region', { name: 'This meeting is being recorded' }, { timeout: 15_000 });
    await expect(dialog).toHaveTextContent('Recording started by Mona Moderator.');
    await userEvent.click(gus.getByRole('button', { name: 'I agree to be recorded' }));
    await waitFor(() => expect(mona.getByRole('list', { name: /^Consented/ })).toHaveTextContent('Gus Guest'), { timeout: 15_000 });
  },
};

/**
 * Mona goes live: both screens show the LIVE badge at its own size next to REC, not a stretched bar
 * (22.8); Mona records and stops, and the recording is in both lists, ready to play (22.9).
 */
export const LiveAndRecordingList: Story = {
  play: async ({ canvas, userEvent }) => {
    const mona = within(await canvas.findByRole('region', { name: 'Mona Moderator’s screen' }));
    const gus = within(canvas.getByRole('region', { name: 'Gus Guest’s screen' }));
    await userEvent.click(await mona.findByRole('button', { name: 'Go live' }));
    await waitFor(() => expect(mona.getByText('LIVE')).toBeVisible(), { timeout: 15_000 });
    await waitFor(() => expect(gus.getByText('LIVE')).toBeVisible(), { timeout: 15_000 });
    await userEvent.click(mona.getByRole('button', { name: 'Start recording' }));
    await waitFor(() => expect(mona.getByText('REC')).toBeVisible(), { timeout: 15_000 });
    // The REC pill is its own size, beside the LIVE badge (not a bar across the screen).
    const rec = mona.getByText('REC').closest<HTMLElement>('.onair-indicator')!.getBoundingClientRect();
    const live = mona.getByText('LIVE').getBoundingClientRect();
    const screenWidth = canvas.getByRole('region', { name: 'Mona Moderator’s screen' }).getBoundingClientRect().width;
    expect(rec.width).toBeLessThan(screenWidth - 40);
    expect(live.top).toBeLessThan(rec.bottom);
    await userEvent.click(await mona.findByRole('button', { name: 'Stop recording' }, { timeout: 15_000 }));
    await expect(await mona.findByRole('button', { name: /^Play, opentalk-room-001\.webm/ }, { timeout: 15_000 })).toBeEnabled();
    await expect(await gus.findByRole('button', { name: /^Play, opentalk-room-001\.webm/ }, { timeout: 15_000 })).toBeEnabled();
  },
};

/** The older controller: start/stop with recording ids, no pause or streams; its room state says `state`. */
export const OlderServer: Story = { args: { protocol: 'legacy' } };

/**
 * The intermediate generation (`opentalk-types-signaling-recording`): the recording is the stream
 * target of kind `recording`, started, paused and stopped with `start_stream`/`pause_stream`/`stop_stream`;
 * it is shown as a recording and asks for consent.
 */
export const IntermediateServer: Story = { args: { protocol: 'intermediate' } };

/**
 * The roomserver as it frames its messages: the join arrives in the `core` namespace with the
 * recording module's state nested under `module_data`, arrivals are `participant_connected`.
 */
export const RoomserverFraming: Story = { args: { protocol: 'roomserver' } };

/**
 * Gus's app thinks he is a moderator, but the server says he is a guest: the press would certainly
 * fail, so the button says so before it (disabled, with the reason as its description).
 */
export const PermissionDenied: Story = {
  args: { guestAppRole: 'moderator' },
  play: async ({ canvas }) => {
    const gus = within(await canvas.findByRole('region', { name: 'Gus Guest’s screen' }));
    const start = await gus.findByRole('button', { name: 'Start recording' });
    await waitFor(() => expect(start).toHaveAttribute('aria-disabled', 'true'), { timeout: 15_000 });
    await expect(start).toHaveAccessibleDescription('You don’t have permission to record in this meeting. Ask the host for it.');
  },
};

type Canvas = ReturnType<typeof within>;
const monaDestinations = async (canvas: Canvas) => within(await canvas.findByRole('region', { name: 'Live-stream destinations (Mona Moderator’s view)' }));
const states = (d: Canvas) => d.getAllByRole('listitem').map((item: HTMLElement) => item.dataset.onairState);

/** 19: the server refuses Twitch's key: Mona's Twitch row stays ready with OpenTalk's reason; the others go live. */
export const KeyRefused: Story = {
  play: async ({ canvas, userEvent }) => {
    const d = await monaDestinations(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Key refused' }));
    await userEvent.click(await d.findByRole('button', { name: 'Go live to all' }, { timeout: 15_000 }));
    await expect(await d.findByRole('alert', {}, { timeout: 30_000 })).toHaveTextContent('The streaming server refused the stream key.');
    await waitFor(() => expect(states(d)).toEqual(['live', 'live', 'ready']), { timeout: 30_000 });
    await expect(d.getAllByRole('listitem')[2]).toHaveTextContent('The streaming server refused the stream key.');
  },
};

/** 19: live to three targets, one dropped: that row says "Dropped" with the reason; the others and LIVE stay. */
export const OneOfThreeDropped: Story = {
  play: async ({ canvas, userEvent }) => {
    const d = await monaDestinations(canvas);
    const mona = within(canvas.getByRole('region', { name: 'Mona Moderator’s screen' }));
    await userEvent.click(await d.findByRole('button', { name: 'Go live to all' }, { timeout: 15_000 }));
    await waitFor(() => expect(states(d)).toEqual(['live', 'live', 'live']), { timeout: 30_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Drop one of three destinations' }));
    await waitFor(() => expect(states(d)).toEqual(['live', 'live', 'dropped']), { timeout: 30_000 });
    const rows = d.getAllByRole('listitem');
    await expect(rows[2]).toHaveTextContent(/Dropped.*The streaming server stopped accepting media\./);
    await expect(rows[0]).not.toHaveTextContent(/stopped accepting/);
    await expect(mona.getByText('LIVE')).toBeVisible();
  },
};

/** 19: live to three targets, then the server ends them: stopped rows and "Stream ended". */
export const StreamEnded: Story = {
  play: async ({ canvas, userEvent }) => {
    const d = await monaDestinations(canvas);
    const mona = within(canvas.getByRole('region', { name: 'Mona Moderator’s screen' }));
    await userEvent.click(await d.findByRole('button', { name: 'Go live to all' }, { timeout: 15_000 }));
    await waitFor(() => expect(states(d)).toEqual(['live', 'live', 'live']), { timeout: 30_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stream ended by the server' }));
    await waitFor(() => expect(states(d)).toEqual(['stopped', 'stopped', 'stopped']), { timeout: 30_000 });
    await expect(mona.getByText('Stream ended')).toBeVisible();
  },
};
