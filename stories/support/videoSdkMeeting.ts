// VideoSDK meetings for stories: the simulator behind a real client and adapter, optionally through
// the backend half an app deploys, running in the page (both are web-standard): the browser client
// calls `createVideoSdkRoute` (which mints the token, adds the relay's webhookUrl and checks
// `authorize`), the route calls the simulated VideoSDK, whose webhooks go into a real
// `createWebhookRelay`; its SSE Response is read here the way EventSource would read it over the
// network. The browser side (client, adapter) never sees the VideoSDK secret or the relay's.
import {
  createVideoSdkAdapter,
  createVideoSdkClient,
  type VideoSdkAdapter,
  type VideoSdkClient,
  type VideoSdkWebhookSubscribe,
} from '../../src/adapters/videosdk/index.js';
import type { ParticipantRole } from '../../src/core/model.js';
import { http, HttpResponse } from 'msw';
import { createVideoSdkRoute, createWebhookRelay, type WebhookRelay } from '../../src/server/index.js';
import { SAMPLE_MEDIA_URL } from './sampleMedia.js';
import { createVideoSdkSimulator, type VideoSdkSimulator, type VideoSdkSimulatorDelays } from '../../src/simulator/videosdk/index.js';
import type { StoryMeeting } from './OnAirStory.js';

export interface VideoSdkStoryHandle {
  readonly sim: VideoSdkSimulator;
  readonly adapter: VideoSdkAdapter;
  /** The browser's client of the app's route (`listLiveStreamDestinations()` reads the held destinations). */
  readonly client: VideoSdkClient;
  readonly relay: WebhookRelay | undefined;
}

export interface VideoSdkMeetingOptions {
  /** Webhooks delivered on connect, in order (deterministic states). */
  readonly script?: readonly unknown[] | undefined;
  readonly role?: ParticipantRole | undefined;
  readonly delays?: Partial<VideoSdkSimulatorDelays> | undefined;
  /** Route webhooks through an in-page relay (handleEvents → SSE stream → adapter). */
  readonly viaRelay?: boolean | undefined;
  /** Recordings of earlier sessions VideoSDK already stores (playable sample media). Default 0. */
  readonly seedStored?: number | undefined;
  /** The RTMP destinations the simulated route holds. Default {@link STORY_DESTINATIONS}. */
  readonly destinations?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly url: string; readonly streamKey: string }> | undefined;
}

export const SIM_ROOM = 'sim-room-0001';
/** Held by the simulated backend and the relay only — what an app keeps in its server's environment. */
const BACKEND_RELAY_SECRET = 'story-relay-secret-0123456789';

/**
 * The three RTMP destinations the app's backend holds (`createVideoSdkRoute({ destinations })`): the
 * page names their ids and shows their names; URLs and keys stay in the route (here: in the page's
 * simulated backend, never rendered).
 */
export const STORY_DESTINATIONS = [
  { id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'yt-story-key-0001' },
  { id: 'twitch', name: 'Twitch', url: 'rtmps://live.twitch.tv/app', streamKey: 'live_story_twitch_key' },
  { id: 'facebook', name: 'Facebook Live', url: 'rtmps://live-api-s.facebook.com:443/rtmp', streamKey: 'FB-story-key-0003' },
] as const;

/**
 * Where the simulated VideoSDK's HLS plays from: a same-origin path no file answers; the playground's
 * MSW handler ({@link videoSdkHlsHandlers}) hands it to the simulator, which serves a live playlist
 * over the repo's HLS sample (`public/simulated-media/onair-live-*.ts`) once the stream is playable.
 */
export const SIM_HLS_URL = new URL(
  `${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}videosdk-hls`,
  globalThis.location?.href ?? 'http://localhost/',
).href;

/** The simulators of the stories on the page (a Docs page renders several). */
const liveSims = new Set<VideoSdkSimulator>();

/** MSW handlers for the simulated HLS playback (`parameters.msw.handlers` with `mswLoader`). */
export const videoSdkHlsHandlers = [
  http.get(`${SIM_HLS_URL}/*`, async ({ request }) => {
    for (const sim of liveSims) {
      const answer = await sim.handle(request);
      if (answer.ok) return answer;
    }
    return new HttpResponse('Not found', { status: 404 });
  }),
];

/** Reads an SSE Response body and calls `listener` with each message's parsed data. */
function readSse(response: Response, listener: (data: unknown) => void, signal: AbortSignal): void {
  const body = response.body;
  if (!body) return;
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer
            .slice(0, cut)
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          buffer = buffer.slice(cut + 2);
          if (data) listener(JSON.parse(data));
        }
      }
    } catch {
      // cancelled
    }
  })();
}

function relaySubscribe(relay: WebhookRelay, roomId: string): VideoSdkWebhookSubscribe {
  return (listener) => {
    const controller = new AbortController();
    void relay
      .handleEvents(new Request(`https://app.example/videosdk/events?roomId=${roomId}`, { signal: controller.signal }))
      .then((response) => readSse(response, listener, controller.signal));
    return () => controller.abort();
  };
}

/** Builds the story's meeting (for `parameters.onair.meeting`). */
export function videoSdkMeeting(options: VideoSdkMeetingOptions = {}): StoryMeeting {
  const relay = options.viaRelay
    ? createWebhookRelay({ secret: BACKEND_RELAY_SECRET, authorize: () => true, heartbeatMs: 60_000 })
    : undefined;
  const sim = createVideoSdkSimulator({
    roomId: SIM_ROOM,
    sampleMediaUrl: SAMPLE_MEDIA_URL,
    seedStored: options.seedStored,
    delays: options.delays ?? { starting: 250, started: 900, stopping: 200, stopped: 1200 },
    hlsPlaybackUrl: SIM_HLS_URL,
    // The room's webhook subscription (set when the app created the room): `livestream-*` come there.
    roomWebhookUrl: relay ? `https://app.example/videosdk/webhook?token=${BACKEND_RELAY_SECRET}` : undefined,
    // VideoSDK posts each webhook to the start's webhookUrl (which the route added); the relay checks the secret.
    postWebhook: relay
      ? (url, webhook) =>
          relay.handleWebhook(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webhook) }))
      : undefined,
  });
  // The app's backend route, as deployed (`app/api/videosdk/[...path]/route.ts`), in front of the simulator.
  const route = relay
    ? createVideoSdkRoute({
        apiKey: 'sim-api-key',
        secret: 'sim-videosdk-secret-0123456789',
        basePath: '/api/videosdk',
        authorize: () => true,
        webhookUrl: `https://app.example/videosdk/webhook?token=${BACKEND_RELAY_SECRET}`,
        destinations: options.destinations ?? STORY_DESTINATIONS,
        fetch: sim.fetch,
      })
    : undefined;
  const backendFetch = route
    ? (((input: RequestInfo | URL, init?: RequestInit) =>
        route(new Request(typeof input === 'string' && input.startsWith('/') ? `https://app.example${input}` : input, init))) as typeof fetch)
    : sim.fetch;
  // Browser side: start/stop go to the app's backend route (`baseUrl`), with no webhookUrl.
  const client = createVideoSdkClient({ getToken: () => 'app-session', fetch: backendFetch, baseUrl: '/api/videosdk' });
  const script = options.script ?? [];
  const events: VideoSdkWebhookSubscribe = relay
    ? relaySubscribe(relay, SIM_ROOM)
    : (listener) => {
        script.forEach((webhook, index) => listener({ at: index + 1, webhook }));
        return sim.subscribe(listener);
      };
  const adapter = createVideoSdkAdapter({
    client,
    roomId: SIM_ROOM,
    events,
    localParticipantId: 'ada',
    role: options.role ?? 'moderator',
    // A page opened while HLS plays shows it (the simulated room answers 404 until then).
    readActiveHls: true,
    participantNames: Object.fromEntries(sim.participants.map((p) => [p.id, p.name])),
  });
  const handle: VideoSdkStoryHandle = { sim, adapter, client, relay };
  liveSims.add(sim);
  return {
    adapter,
    handle,
    dispose: () => {
      liveSims.delete(sim);
      sim.close();
      relay?.close();
    },
  };
}

/** A documented-shape webhook for the simulated room. */
export function videoSdkWebhook(type: 'starting' | 'started' | 'stopping' | 'stopped' | 'failed', participantId: string, extra: Record<string, unknown> = {}) {
  return {
    webhookType: `participant-recording-${type}`,
    data: { meetingId: SIM_ROOM, sessionId: '6613731342f27f56e4fc4b6d', participantId, ...extra },
  };
}
