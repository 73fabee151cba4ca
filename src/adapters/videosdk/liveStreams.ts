import type { InstanceOptions, OnAirEventSink, StartLiveStreamOptions } from '../../core/adapter.js';
import type { OnAirEvent } from '../../core/events.js';
import { safeHttpUrl } from '../../core/url.js';
import type { VideoSdkClient } from './createVideoSdkClient.js';
import type { ParsedVideoSdkWebhook, VideoSdkLivePhase } from './webhooks.js';

/**
 * The instance id of VideoSDK's RTMP out (`/v2/livestreams/start`, to destinations your server holds)
 * in the kit's state: `useLiveStream({ instanceId: VIDEOSDK_RTMP_INSTANCE })`,
 * `<LiveStreamButton instanceId="rtmp" endpoints={['youtube']} />`.
 *
 * @example
 * ```tsx
 * import { VIDEOSDK_RTMP_INSTANCE } from 'onair-react/videosdk';
 *
 * <LiveStreamButton instanceId={VIDEOSDK_RTMP_INSTANCE} endpoints={['youtube', 'twitch']} />
 * ```
 *
 * @public
 */
export const VIDEOSDK_RTMP_INSTANCE = 'rtmp';

/**
 * The instance id of VideoSDK's HLS (`/v2/hls/start`; viewers watch its playback URL in
 * `LiveStreamPlayer`) in the kit's state. It runs beside RTMP out, started and stopped on its own.
 *
 * @example
 * ```tsx
 * import { VIDEOSDK_HLS_INSTANCE } from 'onair-react/videosdk';
 *
 * <LiveStreamButton instanceId={VIDEOSDK_HLS_INSTANCE} labels={{ goLive: 'Start HLS', endLiveStream: 'Stop HLS' }} />
 * <LiveStreamPlayer instanceId={VIDEOSDK_HLS_INSTANCE} />
 * ```
 *
 * @public
 */
export const VIDEOSDK_HLS_INSTANCE = 'hls';

type Stream = typeof VIDEOSDK_RTMP_INSTANCE | typeof VIDEOSDK_HLS_INSTANCE;

/**
 * The live calls of the REST client the adapter uses; each is optional (a client without them streams nothing).
 *
 * @example
 * ```ts
 * const live: VideoSdkLiveClient = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken });
 * ```
 *
 * @public
 */
export type VideoSdkLiveClient = Partial<Pick<VideoSdkClient, 'startLiveStream' | 'stopLiveStream' | 'startHls' | 'stopHls' | 'getActiveHls'>>;

type LiveWebhook = Extract<ParsedVideoSdkWebhook, { kind: 'live' }>;

const RANK: Readonly<Record<VideoSdkLivePhase, number>> = { starting: 0, started: 1, playable: 2, stopping: 3, stopped: 4, failed: 4 };

const FAILED: Readonly<Record<Stream, string>> = {
  rtmp: 'VideoSDK could not stream to the destinations (livestream-failed; VideoSDK gives no reason). Check each destination’s server URL and stream key, then go live again.',
  hls: 'VideoSDK’s HLS stream failed (hls-failed; VideoSDK gives no reason). Start HLS again.',
};

/** The playback URL of an HLS answer (`HlsStream`, or `{ data: HlsStream }`), when `http(s)`. */
function playbackUrlOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const inner = typeof record.data === 'object' && record.data !== null ? (record.data as Record<string, unknown>) : record;
  return safeHttpUrl(inner.playbackHlsUrl) ?? safeHttpUrl(inner.downstreamUrl) ?? safeHttpUrl(inner.livestreamUrl);
}

function unknownStream(): Error {
  return new Error('VideoSDK has two live streams: "rtmp" (RTMP out to your server’s destinations) and "hls" (viewers in LiveStreamPlayer). Pass one of them as instanceId.');
}

/**
 * The live half of the VideoSDK adapter: RTMP out and HLS as two instances (`rtmp`, `hls`), their
 * commands through the client and their `livestream-*` / `hls-*` webhooks as `live-stream-*` events.
 * It keeps only what the protocol needs: the last phase seen per stream (duplicates and late
 * deliveries are dropped) and which streams it believes open (so a webhook about a stream this page
 * did not start opens it as `starting`).
 */
export function createVideoSdkLiveStreams(client: VideoSdkLiveClient, roomId: string, now: () => number, readActive: boolean) {
  const seen = new Map<Stream, number>();
  const open = new Set<Stream>();
  const rtmp = typeof client.startLiveStream === 'function' && typeof client.stopLiveStream === 'function';
  const hls = typeof client.startHls === 'function' && typeof client.stopHls === 'function';
  /** The connected stores (normally one); a webhook's events go to the connection it arrived on. */
  const sinks = new Set<OnAirEventSink>();
  let emit = (event: OnAirEvent): void => {
    for (const sink of sinks) sink(event);
  };
  /**
   * Opens the stream as `starting` (or `live`) when the state has none: started on another page, or
   * before this one loaded, or a start from here the kit gave up on. A seed never overrides a stream
   * the state has, so it is sent on the first webhook of each stream (`first`) as well.
   */
  const opened = (stream: Stream, at: number, status: 'starting' | 'live', first = false): void => {
    if (open.has(stream) && !first) return;
    open.add(stream);
    emit({ type: 'state-seeded', at, liveStreams: [{ instanceId: stream, status, startedAt: status === 'live' ? at : undefined }] });
  };
  const playback = (stream: Stream, at: number, url: string | undefined): void => {
    if (url !== undefined) emit({ type: 'live-stream-info', at, instanceId: stream, playbackUrl: url });
  };

  function streamOf(options: { readonly instanceId?: string | undefined; readonly endpoints?: readonly string[] | undefined }): Stream | undefined {
    const id = options.instanceId;
    if (id === VIDEOSDK_RTMP_INSTANCE || id === VIDEOSDK_HLS_INSTANCE) return id;
    if (id !== undefined && id !== '' && id !== 'default') return undefined;
    return Array.isArray(options.endpoints) && options.endpoints.length > 0 ? VIDEOSDK_RTMP_INSTANCE : VIDEOSDK_HLS_INSTANCE;
  }

  return {
    rtmp,
    hls,
    connect(next: OnAirEventSink): () => void {
      sinks.add(next);
      // A late joiner: an HLS stream that already plays (the read answers 404 when none runs — or,
      // says the issue, while it is not playable yet: then the webhooks tell).
      if (readActive && typeof client.getActiveHls === 'function') {
        client.getActiveHls(roomId).then(
          (active) => {
            if (!sinks.has(next)) return;
            const url = active.playbackHlsUrl ?? active.downstreamUrl ?? active.livestreamUrl;
            if (url === undefined && active.id === undefined) return;
            const at = now();
            withSink(next, () => {
              opened(VIDEOSDK_HLS_INSTANCE, at, 'live');
              playback(VIDEOSDK_HLS_INSTANCE, at, url);
            });
          },
          () => {
            // 404 (no HLS, or not playable yet), or the read is not allowed: nothing to show.
          },
        );
      }
      return () => {
        sinks.delete(next);
      };
    },
    /** The relay's `reset`: what was seen may be stale. */
    reset(): void {
      seen.clear();
    },
    accept(webhook: LiveWebhook, sink: OnAirEventSink): void {
      withSink(sink, () => acceptOn(webhook));
    },
    async start(options: StartLiveStreamOptions): Promise<void> {
      return start(options);
    },
    async stop(options: InstanceOptions = {}): Promise<void> {
      return stop(options);
    },
  };

  /** Runs `fn` with its events going to `sink` only. */
  function withSink(sink: OnAirEventSink, fn: () => void): void {
    const all = emit;
    emit = sink;
    try {
      fn();
    } finally {
      emit = all;
    }
  }

  function acceptOn(webhook: LiveWebhook): void {
    const stream: Stream = webhook.stream;
    const rank = RANK[webhook.phase];
    const last = seen.get(stream);
    // Only a `starting` after an ended stream opens a new one: a late `started` after `stopped` is a duplicate.
    const newCycle = last === undefined || (webhook.phase === 'starting' && last === 4);
    if (!newCycle && rank <= last) return;
    seen.set(stream, rank);
    const { at } = webhook;
    switch (webhook.phase) {
      case 'starting':
        opened(stream, at, 'starting', newCycle);
        return;
      case 'started':
        if (stream === VIDEOSDK_RTMP_INSTANCE) {
          open.add(stream);
          emit({ type: 'live-stream-started', at, instanceId: stream });
          return;
        }
        // HLS encoding began: the URL is known, viewers cannot watch yet ("not ready": `starting`).
        opened(stream, at, 'starting', newCycle);
        playback(stream, at, webhook.playbackUrl);
        return;
      case 'playable':
        open.add(stream);
        emit({ type: 'live-stream-started', at, instanceId: stream });
        playback(stream, at, webhook.playbackUrl);
        return;
      case 'stopping':
        emit({ type: 'live-stream-stopping', at, instanceId: stream });
        return;
      case 'stopped':
        open.delete(stream);
        emit({ type: 'live-stream-stopped', at, instanceId: stream });
        return;
      case 'failed':
        open.delete(stream);
        emit({
          type: 'live-stream-error',
          at,
          instanceId: stream,
          error: { code: 'live-stream-failed', message: webhook.reason ? `${FAILED[stream]} VideoSDK: ${webhook.reason}` : FAILED[stream], at },
        });
        return;
    }
  }

  async function start(options: StartLiveStreamOptions): Promise<void> {
    const stream = streamOf(options);
    if (stream === undefined) throw unknownStream();
    if (stream === VIDEOSDK_RTMP_INSTANCE) {
      if (!rtmp || !client.startLiveStream) throw new Error('This VideoSDK client cannot start RTMP out (no startLiveStream).');
      if (options.rtmpUrl !== undefined) {
        throw new Error(
          'VideoSDK streams to destinations your server holds (createVideoSdkRoute `destinations`): name their ids in `endpoints`. A stream URL or key never goes through the browser.',
        );
      }
      const ids = Array.isArray(options.endpoints) ? options.endpoints.filter((id): id is string => typeof id === 'string' && id.length > 0) : [];
      if (ids.length === 0) throw new Error('Name at least one destination (its id on your server) to go live with VideoSDK.');
      seen.delete(stream);
      open.add(stream);
      try {
        await client.startLiveStream({ roomId, destinations: ids });
      } catch (error) {
        open.delete(stream);
        throw error;
      }
      return;
    }
    if (!hls || !client.startHls) throw new Error('This VideoSDK client cannot start HLS (no startHls).');
    seen.delete(stream);
    open.add(stream);
    try {
      const answer = await client.startHls({ roomId });
      // VideoSDK's answer carries the playback URL; it plays once `hls-playable` says so.
      playback(stream, now(), playbackUrlOf(answer.body));
    } catch (error) {
      open.delete(stream);
      throw error;
    }
  }

  async function stop(options: InstanceOptions): Promise<void> {
    const id = options.instanceId;
    let streams: Stream[];
    if (id === VIDEOSDK_RTMP_INSTANCE || id === VIDEOSDK_HLS_INSTANCE) streams = [id];
    else if (id === undefined || id === '' || id === 'default') streams = open.size > 0 ? [...open] : [rtmp ? VIDEOSDK_RTMP_INSTANCE : VIDEOSDK_HLS_INSTANCE];
    else throw unknownStream();
    for (const stream of streams) {
      if (stream === VIDEOSDK_RTMP_INSTANCE) await client.stopLiveStream?.({ roomId });
      else await client.stopHls?.({ roomId });
    }
  }
}
