import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, useSyncExternalStore, type ReactElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { LiveStreamDestinations } from '../src/components/LiveStreamDestinations.js';
import { LiveStreamPlayer } from '../src/components/LiveStreamPlayer.js';
import { useLiveStream } from '../src/hooks/useLiveStream.js';
import { VIDEOSDK_RTMP_INSTANCE, type VideoSdkClient, type VideoSdkLiveStreamDestination } from '../src/adapters/videosdk/index.js';
import type { VideoSdkSimulator } from '../src/simulator/videosdk/index.js';
import { mswLoader } from './support/mswWorker.js';
import { ParticipantRecordButton } from '../src/components/ParticipantRecordButton.js';
import { ParticipantRecordingIndicator } from '../src/components/ParticipantRecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { useStoryMeeting, useStoryTheme } from './support/OnAirStory.js';
import { STORY_DESTINATIONS, videoSdkHlsHandlers, videoSdkMeeting, type VideoSdkStoryHandle } from './support/videoSdkMeeting.js';
import './support/playground.css';

const meta = {
  title: 'Meeting playground/VideoSDK',
  component: VideoSdkPlayground,
  loaders: [mswLoader],
  parameters: {
    onair: { meeting: () => videoSdkMeeting({ viaRelay: true, seedStored: 1, delays: { starting: 150, started: 500, stopping: 150, stopped: 600, playable: 1_500 } }) },
    // The simulated HLS playback (a live playlist over the repo's sample segments) is answered in the page.
    msw: { handlers: videoSdkHlsHandlers },
  },
} satisfies Meta<typeof VideoSdkPlayground>;
export default meta;
type Story = StoryObj<typeof meta>;

function VideoSdkPlayground(): ReactElement {
  const handle = useStoryMeeting<VideoSdkStoryHandle>();
  const { colorScheme, theme } = useStoryTheme();
  if (!handle) return <p>No meeting</p>;
  const { adapter, sim, client } = handle;
  return (
    <OnAirProvider adapter={adapter} recordings={adapter.recordings} colorScheme={colorScheme} theme={theme}>
      <div style={{ display: 'grid', gap: '1rem', maxWidth: 720 }}>
        <h2 style={{ margin: 0, fontSize: '1.1rem' }}>VideoSDK room {sim.roomId} — webhooks through the relay</h2>
        <ParticipantRecordingIndicator />
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.75rem' }}>
          {sim.participants.map((p) => (
            <li key={p.id} style={{ display: 'flex', alignItems: 'flex-start', gap: '1rem', flexWrap: 'wrap' }}>
              <span style={{ minWidth: '8rem', fontWeight: 600 }}>{p.name}</span>
              <ParticipantRecordButton participantId={p.id} size="sm" />
            </li>
          ))}
        </ul>
        <RecordingList />
        <LiveSection sim={sim} client={client} />
      </div>
    </OnAirProvider>
  );
}

const OUTPUT_STATUS: Record<VideoSdkSimulator['outputs'][number]['status'], string> = {
  connecting: 'connecting',
  receiving: 'receiving',
  refused: 'refused the stream key',
  dropped: 'stopped receiving',
};

/** What the platforms see of each destination: the simulator's side, not reported by VideoSDK. */
function PlatformView({ sim }: { sim: VideoSdkSimulator }): ReactElement {
  const outputs = useSyncExternalStore(
    (listener) => sim.watchOutputs(listener),
    () => sim.outputs,
  );
  return (
    <section aria-labelledby="vsdk-platforms" style={{ fontSize: '0.9rem' }}>
      <h3 id="vsdk-platforms" style={{ margin: '0.25rem 0', fontSize: '0.95rem' }}>
        What the platforms see (simulated)
      </h3>
      <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
        {STORY_DESTINATIONS.map((destination) => {
          const output = outputs.find((o) => o.url === destination.url);
          return (
            <li key={destination.id}>
              {destination.name}: {output ? OUTPUT_STATUS[output.status] : 'not streaming'}
            </li>
          );
        })}
      </ul>
      <p style={{ margin: '0.25rem 0 0' }}>
        VideoSDK does not report this: its <code>livestream-*</code> webhooks name no destination and{' '}
        <code>livestream-failed</code> gives no reason, so a dropped destination leaves the stream LIVE here. Check the
        platform’s own dashboard.
      </p>
    </section>
  );
}

/** HLS: started but not playable yet is its own state (the player waits for the stream). */
function HlsNote(): ReactElement | null {
  const hls = useLiveStream({ instanceId: 'hls' });
  if (hls.status === 'starting' && hls.playbackUrl) return <p role="note">HLS is encoding — not playable yet.</p>;
  return null;
}

/**
 * The destinations the app's route holds, read through the browser's client
 * (`GET /api/videosdk/v2/livestreams/destinations`: ids and names, never a URL or key).
 */
function useHeldDestinations(client: VideoSdkClient): { readonly list?: readonly VideoSdkLiveStreamDestination[]; readonly error?: string } {
  const [state, setState] = useState<{ readonly list?: readonly VideoSdkLiveStreamDestination[]; readonly error?: string }>({});
  useEffect(() => {
    const controller = new AbortController();
    client.listLiveStreamDestinations({ signal: controller.signal }).then(
      (list) => setState({ list }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error: error instanceof Error ? error.message : 'The destinations could not be read.' });
      },
    );
    return () => controller.abort();
  }, [client]);
  return state;
}

/** The manager over the route's destinations, on VideoSDK's RTMP stream (not the HLS beside it). */
function HeldDestinations({ client }: { client: VideoSdkClient }): ReactElement {
  const held = useHeldDestinations(client);
  if (held.error !== undefined) return <p role="alert">Could not list your server’s destinations: {held.error}</p>;
  // Never render the manager without `destinations`: it would offer the browser-entered key form.
  if (held.list === undefined) return <p role="status">Reading your server’s destinations…</p>;
  return (
    <LiveStreamDestinations
      size="sm"
      instanceId={VIDEOSDK_RTMP_INSTANCE}
      destinations={held.list}
      aria-label="RTMP destinations"
      labels={{
        destinationsGoLive: `Go live to ${held.list.length} destinations`,
        endLiveStream: 'End RTMP live stream',
        destinationsHeldByServer:
          'Stream keys are kept on your server. VideoSDK reports no status per destination: every row follows the one RTMP stream.',
      }}
    />
  );
}

/** RTMP out to the server-held destinations (listed by the route), HLS with a player, and the simulator's fault switches. */
function LiveSection({ sim, client }: { sim: VideoSdkSimulator; client: VideoSdkClient }): ReactElement {
  const [held, setHeld] = useState(false);
  const [note, setNote] = useState('');
  const fault = (text: string, act: () => void) => () => {
    act();
    setNote(text);
  };
  return (
    <section aria-labelledby="vsdk-live" style={{ display: 'grid', gap: '0.75rem', borderTop: '1px solid var(--onair-border)', paddingTop: '0.75rem' }}>
      {/* Heading levels fit the manager's own h2: Live (2) › RTMP, platforms, HLS (3). */}
      <h2 id="vsdk-live" style={{ margin: 0, fontSize: '1rem' }}>
        Live
      </h2>
      <div role="group" aria-labelledby="vsdk-rtmp" style={{ display: 'grid', gap: '0.5rem' }}>
        <h3 id="vsdk-rtmp" style={{ margin: 0, fontSize: '0.95rem' }}>
          RTMP out to your server’s destinations
        </h3>
        <p style={{ margin: 0, fontSize: '0.9rem' }}>
          Your server holds the destinations with their stream keys; this page reads their ids and names from it and names the ids only.
        </p>
        <LiveStreamBadge instanceId={VIDEOSDK_RTMP_INSTANCE} />
        <HeldDestinations client={client} />
        <PlatformView sim={sim} />
      </div>
      <div role="group" aria-labelledby="vsdk-hls" style={{ display: 'grid', gap: '0.5rem' }}>
        <h3 id="vsdk-hls" style={{ margin: 0, fontSize: '0.95rem' }}>
          HLS for viewers
        </h3>
        <LiveStreamBadge instanceId="hls" />
        <LiveStreamButton
          instanceId="hls"
          labels={{ goLive: 'Start HLS', endLiveStream: 'Stop HLS', startingLiveStream: 'Starting HLS…', stoppingLiveStream: 'Stopping HLS…', liveStreamControls: 'HLS stream' }}
        />
        <HlsNote />
        <LiveStreamPlayer instanceId="hls" retryDelayMs={1_000} style={{ maxWidth: 480 }} />
      </div>
      <fieldset className="pg-panel pg-faults" style={{ margin: 0 }}>
        <legend>Simulated faults</legend>
        <button type="button" className="pg-fault" onClick={fault('The next RTMP start: its first destination refuses the stream key.', () => sim.refuseNextStreamKey())}>
          Refuse the next stream key
        </button>
        <button type="button" className="pg-fault" onClick={fault('Twitch stopped receiving. VideoSDK sends no webhook about it.', () => sim.dropOutput(1))}>
          Drop Twitch (one of three)
        </button>
        <button
          type="button"
          className="pg-fault"
          aria-pressed={held}
          onClick={() => {
            if (held) sim.releaseHls();
            else sim.holdHls();
            setHeld(!held);
            setNote(held ? 'HLS may become playable.' : 'HLS will start but stay not playable until released.');
          }}
        >
          Hold HLS not ready
        </button>
        <button type="button" className="pg-fault" onClick={fault('VideoSDK ended the streams (no stop from this page).', () => sim.endStreams())}>
          End the streams (VideoSDK)
        </button>
      </fieldset>
      <p role="status" style={{ margin: 0, fontSize: '0.9rem' }}>
        {note}
      </p>
    </section>
  );
}

/**
 * The whole path, resting as a newcomer finds it: one recording of an earlier session to play or
 * download (real sample media), and a Record button per participant. Recording goes through REST
 * start/stop via the app's backend route (`createVideoSdkRoute`: it mints the token and adds the
 * relay's webhookUrl — without it no webhook would come back) to the VideoSDK simulator, its webhooks
 * posted into a real `createWebhookRelay` running in the page, streamed back as SSE to the adapter,
 * and the finished file in `RecordingList`. The `Walkthrough` story walks it by itself.
 */
export const VideoSDK: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    // 22.9: nothing starts by itself — the first click is the reader's.
    await expect(await canvas.findByRole('button', { name: 'Record Ada Lovelace' })).toBeEnabled();
    await expect(await canvas.findByRole('button', { name: /^Play/ }, { timeout: 15_000 })).toBeEnabled();
    expect(canvas.queryByText('You are being recorded')).toBeNull();
    // The RTMP destinations come from the route's list (ids and names), ready, with no key form.
    const manager = await rtmpManager(await rtmpGroup(canvas));
    for (const name of ['YouTube', 'Twitch', 'Facebook Live']) await expect(rowOf(manager, name)).toHaveAttribute('data-onair-state', 'ready');
    expect(manager.queryByLabelText('Stream key')).toBeNull();
  },
};

/** The scripted walk: record Ada, stop, and her file appears in the list. */
export const Walkthrough: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Record Ada Lovelace' }));
    await expect(await canvas.findByText('You are being recorded', {}, { timeout: 15_000 })).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop recording Ada Lovelace' }, { timeout: 15_000 }));
    await expect(await canvas.findByRole('link', { name: 'Download recording of Ada Lovelace' }, { timeout: 15_000 })).toBeVisible();
  },
};

const rtmpGroup = async (canvas: ReturnType<typeof within>) => within(await canvas.findByRole('group', { name: /^RTMP out to/ }));
/** The destinations manager (rows, Go live, End) in the RTMP group, once the route's list has come. */
const rtmpManager = async (rtmp: ReturnType<typeof within>) => within(await rtmp.findByRole('region', { name: 'RTMP destinations' }, { timeout: 15_000 }));
const rowOf = (manager: ReturnType<typeof within>, name: string) => manager.getAllByRole('listitem').find((item: HTMLElement) => item.textContent?.includes(name));
const hlsControls = async (canvas: ReturnType<typeof within>) => within(await canvas.findByRole('group', { name: 'HLS stream' }));
const playerState = (player: HTMLElement) => player.getAttribute('data-onair-state');

/**
 * Key refused: the first destination's platform refuses the stream key. VideoSDK accepts the start,
 * then sends `livestream-failed` (no destination, no reason): the controls are usable again and say
 * what to check.
 */
export const LiveKeyRefused: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Refuse the next stream key' }));
    const rtmp = await rtmpGroup(canvas);
    const manager = await rtmpManager(rtmp);
    await userEvent.click(await manager.findByRole('button', { name: 'Go live to 3 destinations' }));
    const alert = await manager.findByRole('alert', {}, { timeout: 30_000 });
    await expect(alert).toHaveTextContent(/Check each destination’s server URL and stream key/);
    await expect(await manager.findByRole('button', { name: 'Go live to 3 destinations' })).toBeEnabled();
    await expect(rtmp.getByText('YouTube: refused the stream key')).toBeVisible();
    await expect(rtmp.getAllByText('Live stream failed')[0]).toBeVisible();
    // RTMP's failure is RTMP's: the HLS controls beside it stay clean.
    const hls = await hlsControls(canvas);
    await expect(hls.queryByRole('alert')).toBeNull();
    await expect(hls.getByRole('button', { name: 'Start HLS' })).toBeEnabled();
  },
};

/**
 * One of three destinations dropped: Twitch stops receiving. VideoSDK reports nothing about it, so
 * the stream stays LIVE and every row of the destinations manager (they follow the one RTMP stream)
 * says Live — the panel says so; only the (simulated) platform side shows the drop.
 */
export const LiveDestinationDropped: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas, canvasElement }) => {
    const rtmp = await rtmpGroup(canvas);
    const manager = await rtmpManager(rtmp);
    await userEvent.click(await manager.findByRole('button', { name: 'Go live to 3 destinations' }));
    await expect(await rtmp.findByText('LIVE', {}, { timeout: 30_000 })).toBeVisible();
    await expect(await rtmp.findByText('Twitch: receiving')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Drop Twitch (one of three)' }));
    await expect(await rtmp.findByText('Twitch: stopped receiving')).toBeVisible();
    await expect(rtmp.getByText('YouTube: receiving')).toBeVisible();
    await expect(rtmp.getByText('LIVE')).toBeVisible();
    // VideoSDK names no output: every row follows the one RTMP stream, Twitch's too, and the panel says so.
    for (const name of ['YouTube', 'Twitch', 'Facebook Live']) await expect(rowOf(manager, name)).toHaveAttribute('data-onair-state', 'live');
    await expect(manager.getByText(/VideoSDK reports no status per destination/)).toBeVisible();
    await expect(manager.getByRole('button', { name: 'End RTMP live stream' })).toBeEnabled();
    // The keys stay on the (simulated) server: not in the page, not in its announcements.
    const page = canvasElement.ownerDocument.body.innerHTML;
    for (const destination of STORY_DESTINATIONS) expect(page).not.toContain(destination.streamKey);
  },
};

/** Holds HLS "not ready", starts it, and waits for the encoding note and the waiting player. */
async function startHlsNotReady(canvas: ReturnType<typeof within>): Promise<{ hls: ReturnType<typeof within>; player: HTMLElement }> {
  await userEvent.click(await canvas.findByRole('button', { name: 'Hold HLS not ready' }));
  const hls = await hlsControls(canvas);
  await userEvent.click(await hls.findByRole('button', { name: 'Start HLS' }));
  await expect(await canvas.findByText('HLS is encoding — not playable yet.', {}, { timeout: 30_000 })).toBeVisible();
  const player = await canvas.findByRole('region', { name: 'Live stream' });
  await waitFor(() => expect(playerState(player)).toBe('starting'), { timeout: 30_000 });
  await expect(within(player).getByText('Waiting for the stream…')).toBeVisible();
  return { hls, player };
}

/**
 * HLS not ready yet, resting there: VideoSDK started encoding (`hls-started`, the URL is known) but
 * sent no `hls-playable`; the active-HLS read and the playlist answer 404. The badge says going live,
 * the player waits.
 */
export const LiveHlsNotReady: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    await startHlsNotReady(canvas);
  },
};

/**
 * HLS not ready yet, then playing: started (encoding) but not playable — the stream is "starting"
 * with its URL known and the player waits — then playable, and the player plays the simulated HLS
 * (the repo's sample segments, looped as a live window).
 */
export const LiveHlsPlaying: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    const { hls, player } = await startHlsNotReady(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Hold HLS not ready' }));
    await waitFor(() => expect(playerState(player)).toBe('live'), { timeout: 60_000 });
    const video = player.querySelector('video');
    await waitFor(() => expect(video?.currentTime ?? 0).toBeGreaterThan(0.5), { timeout: 60_000 });
    await expect(await hls.findByRole('button', { name: 'Stop HLS' })).toBeEnabled();
  },
};

/**
 * Stream ended by VideoSDK: RTMP out and HLS run, then VideoSDK ends both (no stop from this page).
 * The badges leave LIVE, the destination rows say stopped, the player says the stream has ended, and
 * both can start again.
 */
export const LiveStreamEnded: Story = {
  render: () => <VideoSdkPlayground />,
  play: async ({ canvas }) => {
    const rtmp = await rtmpGroup(canvas);
    const manager = await rtmpManager(rtmp);
    const hls = await hlsControls(canvas);
    await userEvent.click(await manager.findByRole('button', { name: 'Go live to 3 destinations' }));
    await userEvent.click(await hls.findByRole('button', { name: 'Start HLS' }));
    const player = await canvas.findByRole('region', { name: 'Live stream' });
    await waitFor(() => expect(playerState(player)).toBe('live'), { timeout: 60_000 });
    await expect(await rtmp.findByText('LIVE', {}, { timeout: 30_000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'End the streams (VideoSDK)' }));
    await waitFor(() => expect(playerState(player)).toBe('ended'), { timeout: 30_000 });
    await expect(within(player).getByText('The stream has ended.')).toBeVisible();
    // The RTMP badge is no longer LIVE (its ended wording is the badge's own), and the rows say stopped.
    await waitFor(() => expect(rtmp.queryByText('LIVE')).toBeNull(), { timeout: 30_000 });
    for (const name of ['YouTube', 'Twitch', 'Facebook Live']) await waitFor(() => expect(rowOf(manager, name)).toHaveAttribute('data-onair-state', 'stopped'), { timeout: 30_000 });
    await expect(await manager.findByRole('button', { name: 'Go live to 3 destinations' })).toBeEnabled();
    await expect(await hls.findByRole('button', { name: 'Start HLS' }, { timeout: 30_000 })).toBeEnabled();
  },
};
