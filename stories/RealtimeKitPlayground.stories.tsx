import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { http, type RequestHandler } from 'msw';
import { useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../src/adapters/realtimekit/index.js';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import type { OnAirAdapter } from '../src/core/adapter.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createRealtimeKitRoute } from '../src/server/createRealtimeKitRoute.js';
import {
  createRealtimeKitBackend,
  createRealtimeKitMeeting,
  realtimeKitHandlers,
  type RealtimeKitBackend,
  type SimulatedRealtimeKitMeeting,
} from '../src/simulator/realtimekit/index.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { LiveStreamPlayer } from '../src/components/LiveStreamPlayer.js';
import { useLiveStream } from '../src/hooks/useLiveStream.js';
import { SIMULATED_LIVE_ORIGIN, simulatedLivePlayback } from './support/simulatedLivePlayback.js';
import { mswLoader } from './support/mswWorker.js';
import { SAMPLE_MEDIA_URL } from './support/sampleMedia.js';
import { useStoryTheme } from './support/OnAirStory.js';
import './support/playground.css';

const MEETING = 'b7a6c5d4-0000-4000-8000-000000000001';
const baseUrl = '/api/realtimekit/playground';

/** The playground's person: the simulator attributes every REST start to this RealtimeKit user. */
const ME = '5a1c0e55-0000-4000-8000-00000000ada1';

/** One simulated RealtimeKit (recordings and the meeting's livestream) behind the route an app deploys, at its own base URL. */
interface RestWorld {
  readonly baseUrl: string;
  readonly backend: RealtimeKitBackend;
  readonly handlers: readonly RequestHandler[];
}

function restWorld(base: string): RestWorld {
  // HLS is "not ready" for the first 2.5 s of every stream (INVOKED), as RealtimeKit's takes a moment.
  const backend = createRealtimeKitBackend({ invokeMs: 1_200, uploadMs: 2_000, sampleMediaUrl: SAMPLE_MEDIA_URL, livestreamInvokeMs: 2_500, playbackOrigin: `${SIMULATED_LIVE_ORIGIN}/rest${base.replace(/\//g, '-')}` });
  backend.seed({ count: 2, meetingId: MEETING });
  // The browser talks to the same route an app deploys (onair-react/server), the simulator stands in for Cloudflare.
  const handlers = realtimeKitHandlers(backend, {
    baseUrl: base,
    http,
    through: (fetch) =>
      createRealtimeKitRoute({ accountId: 'playground', appId: 'playground', apiToken: 'simulated-token', basePath: base, authorize: () => true, fetch }),
  });
  return { baseUrl: base, backend, handlers: [...handlers, simulatedLivePlayback((url) => backend.playback(url))] };
}

const playground = restWorld(baseUrl);
const playgroundHandlers = playground.handlers;

/** A world per live story (its own base URL: a Docs page renders every story at once), fresh on each load. */
function liveWorld(name: string): RestWorld & { readonly loader: () => Promise<Record<string, never>> } {
  const world = restWorld(`${baseUrl}-${name}`);
  return {
    ...world,
    // Each load of the story starts from a meeting that is not live.
    loader: async () => {
      world.backend.reset();
      world.backend.seed({ count: 2, meetingId: MEETING });
      return {};
    },
  };
}

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
  args: { world: playground },
} satisfies Meta<typeof RealtimeKitMeeting>;
export default meta;
type Story = StoryObj<typeof meta>;

/** What "one of three destinations dropped" means here: nothing — said in both live sections. */
const NO_DESTINATIONS =
  'One of three destinations dropped: does not apply to RealtimeKit. It streams to one playback URL of its own (HLS) and has no RTMP outputs that could drop one by one.';

/**
 * The live section of a playground: go live, the badge (with the viewer count where the path gives
 * one), a player that really plays the simulated HLS, and the simulator's switches.
 */
function LiveSection({ path, faults, notes }: { readonly path: string; readonly faults: ReactNode; readonly notes: readonly string[] }): ReactElement {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h2 id={headingId} style={{ margin: 0, fontSize: '1.1rem' }}>
        Live stream ({path})
      </h2>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <LiveStreamButton />
        <LiveStreamBadge />
      </div>
      <LiveStreamPlayer style={{ maxWidth: 480 }} retryDelayMs={1_000} />
      <fieldset className="pg-panel pg-faults" style={{ margin: 0 }}>
        <legend>Simulated RealtimeKit live stream</legend>
        {faults}
      </fieldset>
      {notes.map((note) => (
        <p key={note} style={{ margin: 0, maxWidth: '65ch' }}>
          {note}
        </p>
      ))}
    </section>
  );
}

function RealtimeKitMeeting({ world }: { readonly world: RestWorld }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [client] = useState(() => createRealtimeKitClient({ baseUrl: world.baseUrl }));
  const [adapter] = useState(() => asParticipant(createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 700, idlePollMs: 5_000 }), ME));
  const sim = world.backend;
  return (
    <OnAirProvider adapter={adapter} recordings={client} queryClient={queryClient} colorScheme={colorScheme} theme={theme} role="moderator">
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <RecordButton />
          <RecordingIndicator />
        </div>
        <ConsentBanner autoFocus={false} />
        <RecordingList meetingId={MEETING} perPage={5} pollMs={700} />
        <LiveSection
          path="REST"
          faults={
            <>
              <button type="button" className="pg-fault" onClick={() => sim.delayNextLivestream(20_000)}>
                HLS not ready yet
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.endLivestream(MEETING)}>
                Provider ends the stream
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.errorLivestream(MEETING)}>
                Stream fails (ERRORED)
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.failNext('unauthorized', { endpoint: 'livestream-start' })}>
                Key refused
              </button>
            </>
          }
          notes={[
            'HLS not ready yet: the next stream stays INVOKED for 20 s and its playback URL answers 404 meanwhile. Key refused: on this path no stream key passes through the browser — RealtimeKit makes its own ingest key and the route strips it from every answer — so the key that can be refused is the route’s Cloudflare API token: the next start is answered 401 “Authentication error”.',
            NO_DESTINATIONS,
          ]}
        />
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
  render: () => <RealtimeKitMeeting world={playground} />,
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
  render: () => <RealtimeKitMeeting world={playground} />,
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

/** The viewers' player (its region is named "Live stream"; the section around it has its own name). */
const playerOf = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Live stream' });
/** The player's state, polled generously: real HLS over a busy machine. */
async function playerState(canvasElement: HTMLElement, state: string, timeout = 60_000): Promise<void> {
  await waitFor(() => expect(playerOf(canvasElement)).toHaveAttribute('data-onair-state', state), { timeout });
}

/** A REST live story: its own simulated world (a meeting that is not live at each load), rendered with the live section. */
function restLiveStory(key: string, name: string, play: NonNullable<Story['play']>): Story {
  const world = liveWorld(key);
  return {
    name,
    args: { world },
    loaders: [mswLoader, world.loader],
    parameters: { msw: { handlers: world.handlers } },
    render: () => <RealtimeKitMeeting world={world} />,
    play,
  };
}

/** Presses Go live and waits for the badge's LIVE. */
async function goLive(canvas: ReturnType<typeof within>, liveTimeout: number): Promise<void> {
  await userEvent.click(await canvas.findByRole('button', { name: 'Go live' }, { timeout: 15_000 }));
  await canvas.findByText('LIVE', {}, { timeout: liveTimeout });
}

/**
 * RealtimeKit goes live through REST (no meeting SDK): Go live posts the meeting's livestream through
 * the route; RealtimeKit answers INVOKED (the player waits for HLS), then LIVE — the player plays the
 * simulated playback URL.
 */
export const LiveRest: Story = restLiveStory('live', 'Live (REST): live', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await goLive(canvas, 30_000);
  await playerState(canvasElement, 'live');
  expect(canvas.getByRole('button', { name: 'End live stream' })).toBeEnabled();
});

/** HLS not ready yet (REST): the stream stays INVOKED for 20 s; the badge says "Going live…" and the player waits. */
export const LiveRestHlsNotReady: Story = restLiveStory('hls', 'Live (REST): HLS not ready yet', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'HLS not ready yet' }, { timeout: 15_000 }));
  await userEvent.click(canvas.getByRole('button', { name: 'Go live' }));
  await waitFor(() => expect(within(playerOf(canvasElement)).getByRole('status')).toHaveTextContent('Waiting for the stream…'), { timeout: 30_000 });
  await playerState(canvasElement, 'starting');
  expect(canvas.queryByText('LIVE')).toBeNull();
});

/** Stream ended (REST): RealtimeKit's active read answers IDLE after live; the player says the stream has ended. */
export const LiveRestEnded: Story = restLiveStory('ended', 'Live (REST): ended by the provider', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await goLive(canvas, 30_000);
  await userEvent.click(canvas.getByRole('button', { name: 'Provider ends the stream' }));
  await playerState(canvasElement, 'ended');
  await waitFor(() => expect(within(playerOf(canvasElement)).getByRole('status')).toHaveTextContent('The stream has ended.'), { timeout: 30_000 });
  await expect(await canvas.findByRole('button', { name: 'Go live' }, { timeout: 30_000 })).toBeEnabled();
});

/** ERRORED (REST): the stream fails; the button says why and is usable again. */
export const LiveRestErrored: Story = restLiveStory('errored', 'Live (REST): ERRORED', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await goLive(canvas, 30_000);
  await userEvent.click(canvas.getByRole('button', { name: 'Stream fails (ERRORED)' }));
  await canvas.findAllByText('RealtimeKit reports that the live stream failed.', {}, { timeout: 30_000 });
  await expect(canvas.getByRole('button', { name: 'Go live' })).toBeEnabled();
});

/** Key refused (REST): Cloudflare refuses the start (401, the route's API token); the reason shows and Go live stays usable. */
export const LiveRestKeyRefused: Story = restLiveStory('refused', 'Live (REST): key refused', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Key refused' }, { timeout: 15_000 }));
  await userEvent.click(canvas.getByRole('button', { name: 'Go live' }));
  await canvas.findAllByText('Authentication error', {}, { timeout: 30_000 });
  await expect(canvas.getByRole('button', { name: 'Go live' })).toBeEnabled();
  expect(canvas.queryByText('LIVE')).toBeNull();
});

/** The meeting-SDK simulation each SDK story renders, for its playback URL's handler. */
const sdkMeetings = new Map<string, SimulatedRealtimeKitMeeting>();
const sdkPlaybackHandlers = [simulatedLivePlayback((url) => sdkMeetings.get(new URL(url).pathname.split('/').at(-3) ?? '')?.playback())];

/** The simulated SDK's own word for its live stream (`meeting.livestream.state`), shown beside its switches. */
function SdkLiveState({ sim }: { readonly sim: SimulatedRealtimeKitMeeting }): ReactElement {
  const [state, setState] = useState(sim.meeting.livestream.state);
  useEffect(() => {
    const update = (next: string) => setState(next);
    sim.meeting.livestream.on('livestreamUpdate', update);
    return () => void sim.meeting.livestream.off('livestreamUpdate', update);
  }, [sim]);
  return <output style={{ alignSelf: 'center' }}>The SDK says: {state}</output>;
}

/** Manual ingestion (an encoder such as OBS sends the stream with RealtimeKit's key): a second start. */
function ManualIngestionButton(): ReactElement {
  const live = useLiveStream();
  return (
    <button type="button" className="pg-fault" disabled={!live.can.start} onClick={() => void live.start({ providerOptions: { manualIngestion: true } }).catch(() => {})}>
      Go live from an encoder
    </button>
  );
}

function RealtimeKitMeetingSdk({ name = 'sdk' }: { readonly name?: string }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const [sim] = useState(() => {
    const meeting = createRealtimeKitMeeting({ delayMs: 600, playbackUrl: `${SIMULATED_LIVE_ORIGIN}/${name}/manifest/video.m3u8` });
    sdkMeetings.set(name, meeting);
    return meeting;
  });
  const [adapter] = useState(() => createRealtimeKitAdapter({ meeting: sim.meeting }));
  const [viewers, setViewers] = useState(0);
  return (
    <OnAirProvider adapter={adapter} colorScheme={colorScheme} theme={theme}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <RecordButton />
          <RecordingIndicator />
        </div>
        <ConsentBanner autoFocus={false} />
        <fieldset className="pg-panel pg-faults" style={{ margin: 0 }}>
          <legend>Simulated meeting</legend>
          <button type="button" className="pg-fault" onClick={() => sim.startedElsewhere()}>
            Someone else records
          </button>
          <button type="button" className="pg-fault" onClick={() => sim.setPermissions({ canRecord: false, canLivestream: false })}>
            Host takes recording and streaming rights
          </button>
        </fieldset>
        <LiveSection
          path="meeting SDK"
          faults={
            <>
              <button
                type="button"
                className="pg-fault"
                onClick={() => {
                  sim.setViewers(viewers + 1);
                  setViewers(viewers + 1);
                }}
              >
                A viewer joins the stream
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.delayNextPlayback(20_000)}>
                HLS not ready yet
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.endedByProvider()}>
                Provider ends the stream
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.erroredByProvider()}>
                Stream fails
              </button>
              <ManualIngestionButton />
              <button type="button" className="pg-fault" onClick={() => sim.ingestionConnected()}>
                Encoder connects
              </button>
              <button type="button" className="pg-fault" onClick={() => sim.refuseIngestion()}>
                Key refused
              </button>
              <SdkLiveState sim={sim} />
            </>
          }
          notes={[
            'HLS not ready yet: the SDK says LIVESTREAMING but the playback URL answers 404 for 20 s; the player keeps asking. Stream fails: the SDK (2.0.2) reports a failed stream as IDLE without a reason, so it reads as the stream’s end. Key refused: the only stream key here is RealtimeKit’s manual-ingestion key — go live from an encoder (WAITING_ON_MANUAL_INGESTION), then the encoder’s push with that key is refused and the stream ends before it went live.',
            NO_DESTINATIONS,
          ]}
        />
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
  parameters: { msw: { handlers: sdkPlaybackHandlers } },
  render: () => <RealtimeKitMeetingSdk name="sdk" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await goLive(canvas, 15_000);
    await userEvent.click(canvas.getByRole('button', { name: 'A viewer joins the stream' }));
    await canvas.findAllByText('1 viewer', {}, { timeout: 15_000 });
    await playerState(canvasElement, 'live');
    await userEvent.click(canvas.getByRole('button', { name: 'Someone else records' }));
    await canvas.findByRole('button', { name: /stop recording/i }, { timeout: 15_000 });
  },
};

/** HLS not ready yet (meeting SDK): the SDK already says LIVESTREAMING; the player waits for the playlist. */
export const MeetingSdkHlsNotReady: Story = {
  name: 'RealtimeKit meeting SDK: HLS not ready yet',
  parameters: { msw: { handlers: sdkPlaybackHandlers } },
  render: () => <RealtimeKitMeetingSdk name="sdk-hls" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'HLS not ready yet' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Go live' }));
    await canvas.findByText('LIVE', {}, { timeout: 15_000 });
    await playerState(canvasElement, 'starting');
    await expect(within(playerOf(canvasElement)).getByRole('status')).toHaveTextContent('Waiting for the stream…');
  },
};

/** Stream ended (meeting SDK): the server stops the stream; the player says it has ended. */
export const MeetingSdkEnded: Story = {
  name: 'RealtimeKit meeting SDK: ended by the provider',
  parameters: { msw: { handlers: sdkPlaybackHandlers } },
  render: () => <RealtimeKitMeetingSdk name="sdk-ended" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await goLive(canvas, 15_000);
    await playerState(canvasElement, 'live');
    await userEvent.click(canvas.getByRole('button', { name: 'Provider ends the stream' }));
    await playerState(canvasElement, 'ended');
    await expect(canvas.getByRole('button', { name: 'Go live' })).toBeEnabled();
  },
};

/**
 * A failed stream (meeting SDK): 2.0.2 turns `erroredLivestream` into `IDLE` with no reason, so the
 * kit can only show the stream's end — said in the notes, not hidden.
 */
export const MeetingSdkErrored: Story = {
  name: 'RealtimeKit meeting SDK: stream fails',
  parameters: { msw: { handlers: sdkPlaybackHandlers } },
  render: () => <RealtimeKitMeetingSdk name="sdk-errored" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await goLive(canvas, 15_000);
    await userEvent.click(canvas.getByRole('button', { name: 'Stream fails' }));
    await playerState(canvasElement, 'ended');
    await expect(canvas.getByText('The SDK says: IDLE')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Go live' })).toBeEnabled();
  },
};

/**
 * Key refused (meeting SDK): going live from an encoder waits for manual ingestion; the encoder's
 * push with RealtimeKit's stream key is refused, and the stream ends before it went live — said.
 */
export const MeetingSdkKeyRefused: Story = {
  name: 'RealtimeKit meeting SDK: key refused',
  parameters: { msw: { handlers: sdkPlaybackHandlers } },
  render: () => <RealtimeKitMeetingSdk name="sdk-refused" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Go live from an encoder' }));
    await canvas.findByText('The SDK says: WAITING_ON_MANUAL_INGESTION', {}, { timeout: 15_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Key refused' }));
    await canvas.findAllByText('The live stream ended before it went live.', {}, { timeout: 15_000 });
    await expect(canvas.getByRole('button', { name: 'Go live' })).toBeEnabled();
  },
};
