import { participantRecordingSlice } from '../../core/participantRecordingSlice.js';
import { rosterSlice } from '../../core/rosterSlice.js';
import { liveStreamSlice } from '../../core/liveStreamSlice.js';
import type { OnAirSlice } from '../../core/slice.js';
import {
  noCapabilities,
  type AdapterCapabilities,
  type InstanceOptions,
  type OnAirAdapter,
  type OnAirEventSink,
  type StartLiveStreamOptions,
} from '../../core/adapter.js';
import type { ParticipantRecordingEvent } from '../../core/events.js';
import type { OnAirError, ParticipantRole } from '../../core/model.js';
import type { RecordingAsset, RecordingsCallOptions, RecordingsPage, RecordingsQuery, RecordingsSource } from '../../core/recordings.js';
import { readTimestamp, RecordingsError } from '../../core/recordings.js';
import { fileKeys, toVideoSdkRecordingAsset, type VideoSdkParticipantRecording } from './recordings.js';
import type { StartParticipantRecordingInput, VideoSdkClient } from './createVideoSdkClient.js';
import { parseVideoSdkWebhook } from './webhooks.js';
import { openEventStream } from '../eventStream.js';
import { createVideoSdkLiveStreams, type VideoSdkLiveClient } from './liveStreams.js';

/**
 * A subscribe function: calls `listener` with every webhook (or relay envelope) and returns the unsubscribe.
 *
 * @public
 */
export type VideoSdkWebhookSubscribe = (listener: (webhook: unknown) => void) => () => void;

/**
 * The part of `EventSource` the adapter uses (the real one fits). `open`/`error` and `readyState` feed {@link VideoSdkAdapter.connection}.
 *
 * @public
 */
export interface EventSourceLike {
  addEventListener(type: 'message' | 'open' | 'error' | 'reset', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message' | 'open' | 'error' | 'reset', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
  /** `0` connecting, `1` open, `2` closed (for good: `EventSource` does not retry after an HTTP error such as 401/403 or a proxy's 502). */
  readonly readyState?: number | undefined;
}

/**
 * The webhook stream's state: `connecting`, `open`, `reconnecting` (the browser retries by itself, or
 * — for a stream opened from a URL that had been open — the adapter opens a new one with backoff,
 * resuming after the last event), `closed` (for good — the server refused the first connection, e.g.
 * 401/403, or it is not an event stream, or reconnecting failed 8 times in a row; `error` says so in
 * words), `idle` (not connected). A subscribe function counts as `open`: the app owns that connection.
 *
 * @public
 */
export interface VideoSdkConnectionState {
  readonly status: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Set when `closed`: a readable message for the UI (`code: 'events-closed'`). */
  readonly error: OnAirError | undefined;
}

/**
 * The webhook stream's state as an external store (`useSyncExternalStore(c.subscribe, c.getSnapshot)`).
 *
 * @public
 */
export interface VideoSdkConnection {
  getSnapshot(): VideoSdkConnectionState;
  subscribe(listener: () => void): () => void;
}

/**
 * Options of {@link createVideoSdkAdapter}.
 *
 * @public
 */
export interface VideoSdkAdapterOptions {
  /**
   * Starts and stops recordings; with `listParticipantRecordings` / `getParticipantRecording` (what
   * `createVideoSdkClient` returns has both) the adapter's `recordings` also show the room's stored
   * recordings, so a reload shows the same list. With `startLiveStream`/`stopLiveStream` (RTMP out)
   * and `startHls`/`stopHls`/`getActiveHls` (HLS) — `createVideoSdkClient` has them all — the adapter
   * goes live too: see {@link VideoSdkAdapter}.
   */
  readonly client: Pick<VideoSdkClient, 'startParticipantRecording' | 'stopParticipantRecording'> &
    Partial<Pick<VideoSdkClient, 'listParticipantRecordings' | 'getParticipantRecording'>> &
    VideoSdkLiveClient;
  /** The VideoSDK room (meeting) id; webhooks of other rooms are ignored. */
  readonly roomId: string;
  /**
   * Where webhooks arrive in the browser: the relay's SSE URL (the adapter opens and closes an
   * `EventSource`, and opens a new one with backoff and the last event id — `lastEventId` query
   * parameter — when the browser gives up on a stream that had been open, e.g. after a proxy's 502
   * during a deploy), an `EventSource` the app opened (the adapter only listens), or a subscribe function.
   */
  readonly events: string | EventSourceLike | VideoSdkWebhookSubscribe;
  /**
   * Sent with every start (`fileFormat`, `bucketDirPath`). Leave `webhookUrl` out in the browser:
   * the app's backend route adds it with the relay's secret (see `createVideoSdkClient`).
   */
  readonly recordingDefaults?: Omit<StartParticipantRecordingInput, 'roomId' | 'participantId'> | undefined;
  /** The local participant's VideoSDK id: `ParticipantRecordingIndicator` then shows "You are being recorded" to them. */
  readonly localParticipantId?: string | undefined;
  /** The local participant's role as the app knows it (moderators record others). */
  readonly role?: ParticipantRole | undefined;
  /** Display names by participant id, for "Record Ada" (VideoSDK `participant-joined` webhooks add more). */
  readonly participantNames?: Readonly<Record<string, string>> | undefined;
  /**
   * Read the room's running HLS when connecting (`GET /v2/hls/{roomId}/active`, the client's
   * `getActiveHls`): a page opened while HLS already plays shows it live with its playback URL. A 404
   * (none, or not playable yet) shows nothing. Default `false` (no request at mount).
   */
  readonly readActiveHls?: boolean | undefined;
  /** `withCredentials` for the `EventSource` the adapter opens from a URL. Default `false`. */
  readonly withCredentials?: boolean | undefined;
  /** Called for each malformed webhook. Default: a console warning outside production. */
  readonly onInvalidWebhook?: ((issues: string, payload: unknown) => void) | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * A {@link RecordingsSource} of the room's participant recordings: VideoSDK's stored list (paged,
 * through the client's `listParticipantRecordings`) merged, without duplicates, with the recordings
 * this adapter saw finish. Pass it to `OnAirProvider`'s `recordings`: lists refresh on
 * `participant-recording` stopped/failed events (apps outside the kit listen with
 * `useOnAirEvent('participant-recording', …)`).
 *
 * @public
 */
export type VideoSdkRecordingsSource = RecordingsSource;

/**
 * What {@link createVideoSdkAdapter} returns: an `OnAirAdapter` plus the recordings it collected.
 *
 * Live streaming runs as two independent instances, started and stopped on their own, so an app can
 * run RTMP out, HLS, or both:
 * - **RTMP out** (`instanceId: 'rtmp'`, {@link VIDEOSDK_RTMP_INSTANCE}): `startLiveStream({ endpoints })`
 *   names destination ids your `createVideoSdkRoute` holds with their URL and key
 *   (`POST /v2/livestreams/start`); stop is `/v2/livestreams/end`. VideoSDK cannot change outputs while live
 *   and names no output in its webhooks: there is no per-destination status and no
 *   `addLiveStreamEndpoints`. A raw `rtmpUrl` is refused (keys stay on the server).
 * - **HLS** (`instanceId: 'hls'`, {@link VIDEOSDK_HLS_INSTANCE}): `startLiveStream({ instanceId: 'hls' })`
 *   (`/v2/hls/start`). Its `playbackUrl` (from the start answer, `hls-started`/`hls-playable` and, with
 *   `readActiveHls`, the active-HLS read on connect) feeds `LiveStreamPlayer`. Between `hls-started` and `hls-playable`
 *   the stream is `starting` with its URL known: the player waits ("not ready yet").
 *
 * Without an `instanceId`, a start with `endpoints` is RTMP out and one without is HLS.
 * `livestream-failed` / `hls-failed` end the stream with a readable error (VideoSDK sends no reason).
 *
 * @example
 * ```tsx
 * const adapter = createVideoSdkAdapter({ client, roomId, events: `/videosdk/events?roomId=${roomId}` });
 * <OnAirProvider adapter={adapter}>
 *   <LiveStreamButton instanceId="rtmp" endpoints={['youtube', 'twitch']} />
 *   <LiveStreamBadge instanceId="rtmp" />
 *   <LiveStreamButton instanceId="hls" labels={{ goLive: 'Start HLS', endLiveStream: 'Stop HLS' }} />
 *   <LiveStreamPlayer instanceId="hls" />
 * </OnAirProvider>
 * // Or from code: both at once.
 * await Promise.all([
 *   adapter.startLiveStream({ instanceId: 'rtmp', endpoints: ['youtube'] }),
 *   adapter.startLiveStream({ instanceId: 'hls' }),
 * ]);
 * ```
 *
 * @public
 */
export interface VideoSdkAdapter extends OnAirAdapter {
  readonly provider: 'videosdk';
  startParticipantRecording(participantId: string, options?: Readonly<Record<string, unknown>>): Promise<void>;
  stopParticipantRecording(participantId: string): Promise<void>;
  /** Starts RTMP out (`endpoints`: destination ids) or HLS (`instanceId: 'hls'`); resolves when VideoSDK accepted. */
  startLiveStream(options: StartLiveStreamOptions): Promise<void>;
  /** Stops RTMP out (`instanceId: 'rtmp'`) or HLS (`'hls'`); without an id, whatever this adapter knows runs. */
  stopLiveStream(options?: InstanceOptions): Promise<void>;
  /** The room's stored recordings, merged with those whose `participant-recording-stopped` webhook arrived while connected (feeds `RecordingList`). */
  readonly recordings: VideoSdkRecordingsSource;
  /**
   * The webhook stream's state, so the UI can say when recording progress no longer arrives.
   *
   * @example
   * ```tsx
   * const { error } = useSyncExternalStore(adapter.connection.subscribe, adapter.connection.getSnapshot);
   * {error && <p role="alert">{error.message}</p>}
   * ```
   */
  readonly connection: VideoSdkConnection;
}

const RANK = { starting: 0, started: 1, stopping: 2, stopped: 3, failed: 3 } as const;

function devWarn(issues: string, payload: unknown): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV;
  if (env === 'production') return;
  console.warn(`[onair] dropped a malformed VideoSDK webhook: ${issues}`, payload);
}

function isEventSourceLike(value: unknown): value is EventSourceLike {
  return typeof value === 'object' && value !== null && typeof (value as EventSourceLike).addEventListener === 'function';
}

const CLOSED_MESSAGE =
  'The recording status feed was refused or closed by the server (signed out, not allowed in this room, or unreachable?). Recording progress no longer updates: reload to reconnect.';

type ConnectionStatus = VideoSdkConnectionState['status'];

function subscribeTo(
  events: VideoSdkAdapterOptions['events'],
  withCredentials: boolean,
  setStatus: (status: ConnectionStatus) => void,
  onReset: () => void,
): VideoSdkWebhookSubscribe {
  if (typeof events === 'function') {
    return (listener) => {
      setStatus('open');
      return events(listener);
    };
  }
  const parse = (data: unknown): unknown => {
    if (typeof data !== 'string') return data;
    try {
      return JSON.parse(data);
    } catch {
      return data;
    }
  };
  if (typeof events === 'string') {
    // The adapter's own EventSource: kept open across deploys and outages (see openEventStream).
    return (listener) => openEventStream(events, { withCredentials }, { onStatus: setStatus, onMessage: (data) => listener(parse(data)), onReset });
  }
  return (listener) => {
    const source: EventSourceLike | undefined = isEventSourceLike(events) ? events : undefined;
    if (!source) return () => {};
    setStatus(source.readyState === 1 ? 'open' : source.readyState === 2 ? 'closed' : 'connecting');
    const onOpen = (): void => setStatus('open');
    // `EventSource` retries network drops by itself (`readyState` 0); an HTTP error or a wrong
    // content type closes it for good (`readyState` 2).
    const onError = (): void => setStatus(source.readyState === 2 ? 'closed' : 'reconnecting');
    const onMessage = (message: { readonly data: unknown }): void => listener(parse(message.data));
    // The relay's `reset`: what this page missed is no longer kept, the history that follows is all there is.
    const onResetEvent = (): void => onReset();
    source.addEventListener('message', onMessage);
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    source.addEventListener('reset', onResetEvent);
    return () => {
      source.removeEventListener('reset', onResetEvent);
      source.removeEventListener('message', onMessage);
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
    };
  };
}

function fileNameOf(path: string | undefined, url: string | undefined): string | null {
  const from = path ?? url?.split(/[?#]/)[0];
  return from?.split('/').filter(Boolean).pop() ?? null;
}

/** What the adapter remembers of a recording it saw finish through a webhook. */
interface LiveRecording {
  readonly asset: RecordingAsset;
  readonly participantId: string;
  readonly keys: readonly string[];
}

/** Within this distance (ms) a stored recording without files and a webhook of the same participant and session are one recording. */
const SAME_RECORDING_WINDOW_MS = 5 * 60_000;

function matches(live: LiveRecording, stored: VideoSdkParticipantRecording): boolean {
  const storedKeys = fileKeys(stored.files ?? stored.fileDetails ?? []);
  if (live.keys.length > 0 && storedKeys.length > 0) return storedKeys.some((key) => live.keys.includes(key));
  if (!stored.participantId || stored.participantId !== live.participantId) return false;
  if (!stored.sessionId || stored.sessionId !== live.asset.sessionId) return false;
  const end = readTimestamp(stored.end);
  return end === null || live.asset.stoppedAt === null || Math.abs(end - live.asset.stoppedAt) <= SAME_RECORDING_WINDOW_MS;
}

type RecordingsClient = Partial<Pick<VideoSdkClient, 'listParticipantRecordings' | 'getParticipantRecording'>>;

/**
 * The adapter's recordings: VideoSDK's stored list (`GET /v2/recordings/participant`, when the client
 * has it) merged with the recordings whose `stopped`/`failed` webhook arrived while the page was open.
 * A webhook's recording shows on page 1 until the stored list has it (matched by file name, else by
 * participant, session and end time), then only the stored row shows: no duplicates, and a reload
 * shows the same list.
 */
function createRecordingsSource(roomId: string, client: RecordingsClient): { readonly source: VideoSdkRecordingsSource; add(asset: LiveRecording): void } {
  const live = new Map<string, LiveRecording>();
  const byTime = (order: 'asc' | 'desc') => (a: RecordingAsset, b: RecordingAsset) =>
    ((a.stoppedAt ?? a.startedAt ?? 0) - (b.stoppedAt ?? b.startedAt ?? 0)) * (order === 'asc' ? 1 : -1);
  const keep = (query: RecordingsQuery, search: string | undefined) => (a: RecordingAsset) =>
    (!query.status || query.status.includes(a.status)) &&
    (!search || a.id.toLowerCase().includes(search) || (a.fileName ?? '').toLowerCase().includes(search) || a.downloads.some((d) => (d.label ?? '').toLowerCase().includes(search)));

  const source: VideoSdkRecordingsSource = {
    provider: 'videosdk',
    scope: `videosdk:${roomId}`,
    capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
    async listRecordings(query: RecordingsQuery, call?: RecordingsCallOptions): Promise<RecordingsPage> {
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const perPage = Math.max(1, Math.floor(query.perPage ?? 25));
      const order = query.sortOrder ?? 'desc';
      const search = query.search?.toLowerCase();
      const room = query.meetingId ?? roomId;
      const seen = [...live.values()].filter((r) => r.asset.meetingId === room);
      if (!client.listParticipantRecordings) {
        const items = seen.map((r) => r.asset).filter(keep(query, search)).sort(byTime(order));
        return { items: items.slice((page - 1) * perPage, page * perPage), page, perPage, total: items.length };
      }
      const stored = await client.listParticipantRecordings({ roomId: room, page, perPage }, { signal: call?.signal });
      // A webhook's recording that the stored list now has is that row from here on.
      for (const item of stored.items) {
        for (const [id, recording] of live) if (matches(recording, item)) live.delete(id);
      }
      const pending = page === 1 ? [...live.values()].filter((r) => r.asset.meetingId === room).map((r) => r.asset) : [];
      const rows = stored.items.map(toVideoSdkRecordingAsset);
      const items = (order === 'desc' ? [...pending.sort(byTime(order)), ...rows] : [...rows, ...pending.sort(byTime(order))]).filter(keep(query, search));
      return { items, page, perPage, total: stored.total + [...live.values()].filter((r) => r.asset.meetingId === room).length };
    },
    async getRecording(id: string, call?: RecordingsCallOptions): Promise<RecordingAsset> {
      const seen = live.get(id);
      if (seen) return seen.asset;
      if (client.getParticipantRecording) return toVideoSdkRecordingAsset(await client.getParticipantRecording(id, { signal: call?.signal }));
      throw new RecordingsError('The recording was not found.', { kind: 'http', status: 404, provider: 'videosdk' });
    },
  };
  return {
    source,
    add(recording) {
      if (!live.has(recording.asset.id)) live.set(recording.asset.id, recording);
    },
  };
}

function createConnection(now: () => number): VideoSdkConnection & { set(status: ConnectionStatus): void } {
  let state: VideoSdkConnectionState = { status: 'idle', error: undefined };
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(status) {
      if (status === state.status) return;
      state = { status, error: status === 'closed' ? { code: 'events-closed', message: CLOSED_MESSAGE, at: now() } : undefined };
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * The VideoSDK adapter: individual participant recording. Commands go through the REST client;
 * progress arrives as `participant-recording-*` webhooks that the app's relay
 * (`onair-react/server`) streams to the browser. Webhooks are validated; other rooms' and other
 * types are ignored, malformed ones dropped with a warning — it never throws. Out-of-order and
 * duplicate webhooks are safe (a phase earlier than one already seen for the same participant and
 * session is dropped; the reducer ignores anything older than what it applied).
 *
 * @example
 * ```tsx
 * // Start/stop go to the app's backend, which adds the relay's webhookUrl (the secret stays there).
 * const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken });
 * const adapter = createVideoSdkAdapter({ client, roomId, events: `/videosdk/events?roomId=${roomId}` });
 * <OnAirProvider adapter={adapter} recordings={adapter.recordings}>
 *   <ParticipantRecordButton participantId="ada" name="Ada" />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export function createVideoSdkAdapter(options: VideoSdkAdapterOptions): VideoSdkAdapter {
  const { client, roomId } = options;
  if (typeof roomId !== 'string' || roomId.length === 0) throw new TypeError('createVideoSdkAdapter: roomId is required.');
  const now = options.now ?? Date.now;
  const warn = options.onInvalidWebhook ?? devWarn;
  const connection = createConnection(now);
  /** Last phase rank per participant + session, and the start time of the running cycle. */
  const seen = new Map<string, { rank: number; startedAt: number | null }>();
  /** The sink of the current connection (for what the relay's `reset` tells). */
  let current: OnAirEventSink | undefined;
  // On a relay `reset` the phases seen so far may be stale: forget them so the replayed history
  // (and anything after it) is taken as it comes; the reducer still ignores what it already applied.
  // Recordings that finished meanwhile are in no replayed webhook: `state-seeded` (with no seeds: no
  // live state changes) makes the query layer fetch the lists again.
  const live = createVideoSdkLiveStreams(client, roomId, now, options.readActiveHls === true);
  const subscribe = subscribeTo(options.events, options.withCredentials ?? false, connection.set, () => {
    seen.clear();
    live.reset();
    current?.({ type: 'state-seeded', at: now() });
  });
  const recordings = createRecordingsSource(roomId, client);
  const capabilities: AdapterCapabilities = {
    ...noCapabilities,
    participantRecording: true,
    startLiveStream: live.rtmp || live.hls,
    stopLiveStream: live.rtmp || live.hls,
    // RTMP out and HLS at once; neither takes a URL from the browser (destination ids / VideoSDK's own HLS).
    multipleInstances: live.rtmp && live.hls,
    liveStreamUrl: false,
  };
  const slices: readonly OnAirSlice[] = live.rtmp || live.hls ? [participantRecordingSlice, rosterSlice, liveStreamSlice] : [participantRecordingSlice, rosterSlice];

  function accept(event: ParticipantRecordingEvent): boolean {
    const key = `${event.participantId}\u0000${event.sessionId ?? ''}`;
    const rank = RANK[event.phase];
    const last = seen.get(key);
    // Only a `starting` after an ended cycle (or a start from this browser) opens a new one: a late
    // `started` after `stopped` is a delayed duplicate, not a new recording.
    const newCycle = !last || (event.phase === 'starting' && last.rank === 3);
    if (!newCycle && last && rank <= last.rank) return false;
    const startedAt = event.phase === 'started' ? event.at : newCycle ? null : (last?.startedAt ?? null);
    seen.set(key, { rank, startedAt });
    if (event.phase === 'stopped' || event.phase === 'failed') {
      const urls = (event.files ?? []).filter((f) => typeof f.url === 'string' && f.url.length > 0);
      const first = event.files?.[0];
      const asset: RecordingAsset = {
        id: `${event.sessionId ?? 'session'}:${event.participantId}:${event.at}`,
        status: event.phase === 'stopped' ? 'ready' : 'failed',
        providerStatus: event.phase === 'stopped' ? 'participant-recording-stopped' : 'participant-recording-failed',
        fileName: fileNameOf(first?.path, first?.url),
        meetingId: roomId,
        meetingTitle: null,
        sessionId: event.sessionId ?? null,
        invokedAt: null,
        startedAt,
        stoppedAt: event.at,
        durationSeconds: startedAt !== null ? Math.max(0, Math.round((event.at - startedAt) / 1000)) : null,
        fileSize: null,
        downloads: urls.map((f) => ({ kind: 'video' as const, url: f.url as string, label: event.participantId })),
        downloadExpiresAt: null,
        startReason: null,
        stopReason: null,
        storage: first?.path ? { type: null, bucket: null, region: null, path: first.path } : null,
      };
      recordings.add({
        asset,
        participantId: event.participantId,
        keys: fileKeys((event.files ?? []).map((f) => ({ filePath: f.path, fileUrl: f.url }))),
      });
    }
    return true;
  }

  return {
    provider: 'videosdk',
    capabilities,
    slices,
    recordings: recordings.source,
    connection: { getSnapshot: connection.getSnapshot, subscribe: connection.subscribe },
    connect(sink: OnAirEventSink) {
      current = sink;
      const joinedAt = now();
      if (options.localParticipantId !== undefined || options.role !== undefined) {
        sink({ type: 'session-joined', at: joinedAt, localParticipantId: options.localParticipantId, role: options.role });
      }
      for (const [participantId, name] of Object.entries(options.participantNames ?? {})) {
        sink({ type: 'participant-named', at: joinedAt, participantId, name });
      }
      const disconnectLive = live.connect(sink);
      const unsubscribe = subscribe((payload) => {
        try {
          const parsed = parseVideoSdkWebhook(payload, now());
          if (parsed.kind === 'invalid') {
            warn(parsed.issues, payload);
            return;
          }
          if (parsed.kind === 'other' || parsed.roomId !== roomId) return;
          if (parsed.kind === 'roster') {
            sink(parsed.event);
            return;
          }
          if (parsed.kind === 'live') {
            live.accept(parsed, sink);
            return;
          }
          if (accept(parsed.event)) sink(parsed.event);
        } catch (error) {
          console.error('[onair] the VideoSDK adapter failed on a webhook', error);
        }
      });
      return () => {
        if (current === sink) current = undefined;
        disconnectLive();
        unsubscribe();
        connection.set('idle');
      };
    },
    async startParticipantRecording(participantId, extra = {}) {
      // A start from here opens a new cycle whatever came before.
      for (const key of [...seen.keys()]) if (key.startsWith(`${participantId}\u0000`)) seen.delete(key);
      await client.startParticipantRecording({ ...options.recordingDefaults, ...extra, roomId, participantId });
    },
    async stopParticipantRecording(participantId) {
      await client.stopParticipantRecording({ roomId, participantId });
    },
    startLiveStream: (liveOptions) => live.start(liveOptions),
    stopLiveStream: (liveOptions) => live.stop(liveOptions),
  };
}
