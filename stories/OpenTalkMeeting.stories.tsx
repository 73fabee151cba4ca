import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type ReactElement } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { createOpenTalkAdapter } from '../src/adapters/opentalk/index.js';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import { ConsentRoster } from '../src/components/ConsentRoster.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import type { OnAirAdapter } from '../src/core/adapter.js';
import type { ParticipantRole } from '../src/core/model.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createOpenTalkRoom, type OpenTalkRoom } from '../src/simulator/index.js';
import { useStoryTheme } from './support/OnAirStory.js';

interface MeetingProps {
  /** Which generation the simulated server speaks. */
  readonly protocol: 'legacy' | 'intermediate' | 'current' | 'roomserver';
  /** The role the guest's app claims (the server still decides). */
  readonly guestAppRole?: ParticipantRole | undefined;
}

interface Screen {
  readonly adapter: OnAirAdapter;
  readonly name: string;
  readonly label: string;
}

function buildMeeting(protocol: MeetingProps['protocol']): { room: OpenTalkRoom; host: Screen; guest: Screen } {
  const room = createOpenTalkRoom({ protocol, latencyMs: 120, recorderDelayMs: 900 });
  const host = room.connect({ id: 'p-mona', name: 'Mona Moderator', role: 'moderator' });
  const guest = room.connect({ id: 'p-gus', name: 'Gus Guest', role: 'guest' });
  return {
    room,
    host: { adapter: createOpenTalkAdapter(host, { participantId: 'p-mona' }), name: 'Mona Moderator', label: 'Moderator' },
    guest: { adapter: createOpenTalkAdapter(guest, { participantId: 'p-gus' }), name: 'Gus Guest', label: 'Guest' },
  };
}

function ParticipantScreen(props: { screen: Screen; role?: ParticipantRole | undefined }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const { screen } = props;
  return (
    <OnAirProvider adapter={screen.adapter} role={props.role} colorScheme={colorScheme} theme={theme}>
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
        <RecordingIndicator />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.6rem', alignItems: 'flex-start' }}>
          <RecordButton confirmStop={false} />
          {/* OpenTalk streams to destinations configured on the server, named by target id. */}
          <LiveStreamButton endpoints={['target-channel']} />
        </div>
        <ConsentBanner />
        <ConsentRoster headingLevel={3} aria-label={`Recording consent (${screen.name}’s view)`} />
      </section>
    </OnAirProvider>
  );
}

/** Two people on one simulated OpenTalk room, each with their own `OnAirProvider` and adapter. */
function OpenTalkMeeting(props: MeetingProps): ReactElement {
  const [meeting] = useState(() => buildMeeting(props.protocol));
  useEffect(() => () => meeting.room.dispose(), [meeting]);
  return (
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
