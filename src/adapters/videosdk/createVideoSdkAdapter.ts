import { noCapabilities, type AdapterCapabilities, type OnAirAdapter, type OnAirEventSink } from '../../core/adapter.js';
import type { ParticipantRecordingEvent } from '../../core/events.js';
import type { OnAirError, ParticipantRole } from '../../core/model.js';
import type { RecordingAsset, RecordingsPage, RecordingsQuery, RecordingsSource } from '../../core/recordings.js';
import { RecordingsError } from '../../core/recordings.js';
import type { StartParticipantRecordingInput, VideoSdkClient } from './createVideoSdkClient.js';
import { parseVideoSdkWebhook } from './webhooks.js';

/** A subscribe function: calls `listener` with every webhook (or relay envelope) and returns the unsubscribe. */
export type VideoSdkWebhookSubscribe = (listener: (webhook: unknown) => void) => () => void;

/** The part of `EventSource` the adapter uses (the real one fits). `open`/`error` and `readyState` feed {@link VideoSdkAdapter.connection}. */
export interface EventSourceLike {
  addEventListener(type: 'message' | 'open' | 'error' | 'reset', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message' | 'open' | 'error' | 'reset', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
  /** `0` connecting, `1` open, `2` closed (for good: `EventSource` does not retry after an HTTP error such as 401/403). */
  readonly readyState?: number | undefined;
}

/**
 * The webhook stream's state: `connecting`, `open`, `reconnecting` (the browser retries by itself),
 * `closed` (for good — the server refused the stream, e.g. 401/403, or it is not an event stream;
 * `error` says so in words), `idle` (not connected). A subscribe function counts as `open`: the
 * app owns that connection.
 */
export interface VideoSdkConnectionState {
  readonly status: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Set when `closed`: a readable message for the UI (`code: 'events-closed'`). */
  readonly error: OnAirError | undefined;
}

/** The webhook stream's state as an external store (`useSyncExternalStore(c.subscribe, c.getSnapshot)`). */
export interface VideoSdkConnection {
  getSnapshot(): VideoSdkConnectionState;
  subscribe(listener: () => void): () => void;
}

/** Options of {@link createVideoSdkAdapter}. */
export interface VideoSdkAdapterOptions {
  /** Starts and stops recordings (only `startParticipantRecording`/`stopParticipantRecording` are used). */
  readonly client: Pick<VideoSdkClient, 'startParticipantRecording' | 'stopParticipantRecording'>;
  /** The VideoSDK room (meeting) id; webhooks of other rooms are ignored. */
  readonly roomId: string;
  /**
   * Where webhooks arrive in the browser: the relay's SSE URL (the adapter opens and closes an
   * `EventSource`), an `EventSource` the app opened (the adapter only listens), or a subscribe function.
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
  /** `withCredentials` for the `EventSource` the adapter opens from a URL. Default `false`. */
  readonly withCredentials?: boolean | undefined;
  /** Called for each malformed webhook. Default: a console warning outside production. */
  readonly onInvalidWebhook?: ((issues: string, payload: unknown) => void) | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * A {@link RecordingsSource} of the participant recordings this adapter saw finish. Pass it to
 * `OnAirProvider`'s `recordings`: lists refresh on `participant-recording` stopped/failed events
 * (apps outside the kit listen with `useOnAirEvent('participant-recording', …)`).
 */
export type VideoSdkRecordingsSource = RecordingsSource;

/** What {@link createVideoSdkAdapter} returns: an `OnAirAdapter` plus the recordings it collected. */
export interface VideoSdkAdapter extends OnAirAdapter {
  readonly provider: 'videosdk';
  startParticipantRecording(participantId: string, options?: Readonly<Record<string, unknown>>): Promise<void>;
  stopParticipantRecording(participantId: string): Promise<void>;
  /** Recordings whose `participant-recording-stopped` webhook arrived while connected (feeds `RecordingList`). */
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
  'The recording status feed was refused or closed by the server (signed out, or not allowed in this room?). Recording progress no longer updates: reload to reconnect.';

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
  return (listener) => {
    const owned = typeof events === 'string';
    const source: EventSourceLike | undefined = owned ? new EventSource(events, { withCredentials }) : isEventSourceLike(events) ? events : undefined;
    if (!source) return () => {};
    setStatus(source.readyState === 1 ? 'open' : source.readyState === 2 ? 'closed' : 'connecting');
    const onOpen = (): void => setStatus('open');
    // `EventSource` retries network drops by itself (`readyState` 0); an HTTP error or a wrong
    // content type closes it for good (`readyState` 2).
    const onError = (): void => setStatus(source.readyState === 2 ? 'closed' : 'reconnecting');
    const onMessage = (message: { readonly data: unknown }): void => {
      if (typeof message.data !== 'string') {
        listener(message.data);
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        parsed = message.data;
      }
      listener(parsed);
    };
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
      if (owned) source.close();
    };
  };
}

function fileNameOf(path: string | undefined, url: string | undefined): string | null {
  const from = path ?? url?.split(/[?#]/)[0];
  return from?.split('/').filter(Boolean).pop() ?? null;
}

function createRecordingsSource(roomId: string): { readonly source: VideoSdkRecordingsSource; add(asset: RecordingAsset): void } {
  const assets = new Map<string, RecordingAsset>();
  const sorted = (order: 'asc' | 'desc'): RecordingAsset[] =>
    [...assets.values()].sort((a, b) => ((a.stoppedAt ?? 0) - (b.stoppedAt ?? 0)) * (order === 'asc' ? 1 : -1));
  const source: VideoSdkRecordingsSource = {
    provider: 'videosdk',
    scope: `videosdk:${roomId}`,
    capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
    async listRecordings(query: RecordingsQuery): Promise<RecordingsPage> {
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const perPage = Math.max(1, Math.floor(query.perPage ?? 25));
      const search = query.search?.toLowerCase();
      const items = sorted(query.sortOrder ?? 'desc').filter(
        (a) =>
          (query.meetingId === undefined || a.meetingId === query.meetingId) &&
          (!query.status || query.status.includes(a.status)) &&
          (!search || a.id.toLowerCase().includes(search) || (a.fileName ?? '').toLowerCase().includes(search)),
      );
      return { items: items.slice((page - 1) * perPage, page * perPage), page, perPage, total: items.length };
    },
    async getRecording(id: string): Promise<RecordingAsset> {
      const asset = assets.get(id);
      if (!asset) throw new RecordingsError('The recording was not found.', { kind: 'http', status: 404, provider: 'videosdk' });
      return asset;
    },
  };
  return {
    source,
    add(asset) {
      if (!assets.has(asset.id)) assets.set(asset.id, asset);
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
 */
export function createVideoSdkAdapter(options: VideoSdkAdapterOptions): VideoSdkAdapter {
  const { client, roomId } = options;
  if (typeof roomId !== 'string' || roomId.length === 0) throw new TypeError('createVideoSdkAdapter: roomId is required.');
  const now = options.now ?? Date.now;
  const warn = options.onInvalidWebhook ?? devWarn;
  const connection = createConnection(now);
  /** Last phase rank per participant + session, and the start time of the running cycle. */
  const seen = new Map<string, { rank: number; startedAt: number | null }>();
  // On a relay `reset` the phases seen so far may be stale: forget them so the replayed history
  // (and anything after it) is taken as it comes; the reducer still ignores what it already applied.
  const subscribe = subscribeTo(options.events, options.withCredentials ?? false, connection.set, () => seen.clear());
  const recordings = createRecordingsSource(roomId);
  const capabilities: AdapterCapabilities = { ...noCapabilities, participantRecording: true };

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
      recordings.add({
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
      });
    }
    return true;
  }

  return {
    provider: 'videosdk',
    capabilities,
    recordings: recordings.source,
    connection: { getSnapshot: connection.getSnapshot, subscribe: connection.subscribe },
    connect(sink: OnAirEventSink) {
      const joinedAt = now();
      if (options.localParticipantId !== undefined || options.role !== undefined) {
        sink({ type: 'session-joined', at: joinedAt, localParticipantId: options.localParticipantId, role: options.role });
      }
      for (const [participantId, name] of Object.entries(options.participantNames ?? {})) {
        sink({ type: 'participant-named', at: joinedAt, participantId, name });
      }
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
          if (accept(parsed.event)) sink(parsed.event);
        } catch (error) {
          console.error('[onair] the VideoSDK adapter failed on a webhook', error);
        }
      });
      return () => {
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
  };
}
