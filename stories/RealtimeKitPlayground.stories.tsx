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
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createRealtimeKitRoute } from '../src/server/createRealtimeKitRoute.js';
import { createRealtimeKitBackend, createRealtimeKitMeeting, realtimeKitHandlers } from '../src/simulator/realtimekit/index.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { mswLoader } from './support/mswWorker.js';
import { useStoryTheme } from './support/OnAirStory.js';

const MEETING = 'b7a6c5d4-0000-4000-8000-000000000001';
const baseUrl = '/api/realtimekit/playground';
const backend = createRealtimeKitBackend({ invokeMs: 1_200, uploadMs: 2_000 });
backend.seed({ count: 2, meetingId: MEETING });

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
  const [adapter] = useState(() => createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 700, idlePollMs: 5_000 }));
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
 * RealtimeKit end to end: RecordButton starts a recording through the REST API; the adapter's polls
 * drive the indicator; the list shows INVOKED → RECORDING → UPLOADING → UPLOADED and then a link.
 */
export const RealtimeKit: Story = {
  parameters: {
    msw: {
      // The browser talks to the same route an app deploys (onair-react/server), the simulator stands in for Cloudflare.
      handlers: realtimeKitHandlers(backend, {
        baseUrl,
        http,
        through: (fetch) =>
          createRealtimeKitRoute({ accountId: 'playground', appId: 'playground', apiToken: 'simulated-token', basePath: baseUrl, authorize: () => true, fetch }),
      }),
    },
  },
  render: () => <RealtimeKitMeeting baseUrl={baseUrl} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('2 recordings', {}, { timeout: 15_000 });
    await userEvent.click(await canvas.findByRole('button', { name: /start recording/i }));
    await canvas.findByText('3 recordings', {}, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByText('Recording').length).toBeGreaterThan(0), { timeout: 15_000 });
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
