import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { useState, type ReactElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../src/adapters/realtimekit/index.js';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import type { OnAirAdapter } from '../src/core/adapter.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createRealtimeKitRoute } from '../src/server/createRealtimeKitRoute.js';
import { createRealtimeKitBackend, createRealtimeKitMeeting, realtimeKitHandlers } from '../src/simulator/realtimekit/index.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { mswLoader } from './support/mswWorker.js';
import { SAMPLE_MEDIA_URL } from './support/sampleMedia.js';
import { useStoryTheme } from './support/OnAirStory.js';

const MEETING = 'b7a6c5d4-0000-4000-8000-000000000001';
const baseUrl = '/api/realtimekit/playground';
const backend = createRealtimeKitBackend({ invokeMs: 1_200, uploadMs: 2_000, sampleMediaUrl: SAMPLE_MEDIA_URL });
backend.seed({ count: 2, meetingId: MEETING });

/** The playground's person: the simulator attributes every REST start to this RealtimeKit user. */
const ME = '5a1c0e55-0000-4000-8000-00000000ada1';

// The browser talks to the same route an app deploys (onair-react/server), the simulator stands in for Cloudflare.
const playgroundHandlers = realtimeKitHandlers(backend, {
  baseUrl,
  http,
  through: (fetch) =>
    createRealtimeKitRoute({ accountId: 'playground', appId: 'playground', apiToken: 'simulated-token', basePath: baseUrl, authorize: () => true, fetch }),
});

/**
 * The REST adapter does not know who is looking at the page; a RealtimeKit app does (`meeting.self`).
 * Tell the kit, so a recording this person starts reads "You started this recording" (issue 22.6).
 */
function asParticipant(adapter: OnAirAdapter, localParticipantId: string): OnAirAdapter {
  return {
    ...adapter,
    connect: (sink) => {
      sink({ type: 'session-joined', at: Date.now(), localParticipantId });
      return adapter.connect(sink);
    },
  };
}

const meta = {
  title: 'Meeting playground/RealtimeKit',
  component: RealtimeKitMeeting,
  loaders: [mswLoader],
  parameters: { layout: 'fullscreen' },
  args: { baseUrl },
} satisfies Meta<typeof RealtimeKitMeeting>;
export default meta;
type Story = StoryObj<typeof meta>;

function RealtimeKitMeeting({ baseUrl }: { readonly baseUrl: string }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [client] = useState(() => createRealtimeKitClient({ baseUrl }));
  const [adapter] = useState(() => asParticipant(createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 700, idlePollMs: 5_000 }), ME));
  return (
    <OnAirProvider adapter={adapter} recordings={client} queryClient={queryClient} colorScheme={colorScheme} theme={theme} role="moderator">
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <RecordButton />
          <RecordingIndicator />
        </div>
        <ConsentBanner autoFocus={false} />
        <RecordingList meetingId={MEETING} perPage={5} pollMs={700} />
      </div>
    </OnAirProvider>
  );
}

/**
 * RealtimeKit end to end, resting as a newcomer finds it: two finished recordings, each with Play and
 * its download links (real sample media, `public/simulated-media/`). Press Start recording: the
 * RecordButton starts a recording through the REST API; the adapter's polls drive the indicator; the
 * list shows INVOKED → RECORDING → UPLOADING → UPLOADED and then a link. The `Walkthrough` story walks
 * that path by itself.
 */
export const RealtimeKit: Story = {
  parameters: { msw: { handlers: playgroundHandlers } },
  render: () => <RealtimeKitMeeting baseUrl={baseUrl} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('2 recordings', {}, { timeout: 15_000 });
    // 22.9: nothing starts by itself — the first click is the reader's.
    await expect(canvas.getByRole('button', { name: /start recording/i })).toBeEnabled();
    expect(canvas.getAllByRole('button', { name: /^Play/ })).toHaveLength(2);
  },
};

/**
 * The scripted walk: start a recording, see "You started this recording" (the starter is not asked
 * for consent), stop it, wait for the upload and the third download link.
 */
export const Walkthrough: Story = {
  parameters: { msw: { handlers: playgroundHandlers } },
  render: () => <RealtimeKitMeeting baseUrl={baseUrl} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('2 recordings', {}, { timeout: 15_000 });
    await userEvent.click(await canvas.findByRole('button', { name: /start recording/i }));
    await canvas.findByText('3 recordings', {}, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByText('Recording').length).toBeGreaterThan(0), { timeout: 15_000 });
    // 22.6: the person who pressed Start is told, not asked.
    await canvas.findByText('You started this recording, so you agreed to be recorded.', {}, { timeout: 15_000 });
    expect(canvas.queryByRole('button', { name: 'I agree to be recorded' })).toBeNull();
    const stop = await canvas.findByRole('button', { name: /stop recording/i }, { timeout: 15_000 });
    await userEvent.click(stop);
    await canvas.findByText('Uploading', {}, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByRole('link', { name: /^Download video/ })).toHaveLength(3), { timeout: 20_000 });
  },
};

function RealtimeKitMeetingSdk(): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const [sim] = useState(() => createRealtimeKitMeeting({ delayMs: 600 }));
  const [adapter] = useState(() => createRealtimeKitAdapter({ meeting: sim.meeting }));
  const [viewers, setViewers] = useState(0);
  return (
    <OnAirProvider adapter={adapter} colorScheme={colorScheme} theme={theme}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <RecordButton />
          <RecordingIndicator />
        </div>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <LiveStreamButton />
          <LiveStreamBadge />
        </div>
        <ConsentBanner autoFocus={false} />
        <fieldset style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <legend>Simulated meeting</legend>
          <button type="button" onClick={() => sim.startedElsewhere()}>
            Someone else records
          </button>
          <button
            type="button"
            onClick={() => {
              sim.setViewers(viewers + 1);
              setViewers(viewers + 1);
            }}
          >
            A viewer joins the stream
          </button>
          <button type="button" onClick={() => sim.setPermissions({ canRecord: false, canLivestream: false })}>
            Host takes recording and streaming rights
          </button>
        </fieldset>
      </div>
    </OnAirProvider>
  );
}

/**
 * RealtimeKit with the meeting SDK (`createRealtimeKitAdapter({ meeting })`, a simulated 2.0.2
 * meeting): state pushed by the SDK, no polls; the live stream needs no URL and shows its viewers;
 * a host's change of the preset takes the controls away.
 */
export const MeetingSdk: Story = {
  name: 'RealtimeKit meeting SDK',
  render: () => <RealtimeKitMeetingSdk />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Go live' }));
    await canvas.findByText('LIVE', {}, { timeout: 15_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'A viewer joins the stream' }));
    await canvas.findByText('1 viewer', {}, { timeout: 15_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Someone else records' }));
    await canvas.findByRole('button', { name: /stop recording/i }, { timeout: 15_000 });
  },
};
