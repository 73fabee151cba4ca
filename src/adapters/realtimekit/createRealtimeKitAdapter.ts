import { liveStreamSlice } from '../../core/liveStreamSlice.js';
import { recordingSlice } from '../../core/recordingSlice.js';
import { safeHttpUrl } from '../../core/url.js';
import { rosterSlice } from '../../core/rosterSlice.js';
import { noCapabilities, type InstanceOptions, type OnAirAdapter, type OnAirEventSink, type StartLiveStreamOptions, type StartRecordingOptions } from '../../core/adapter.js';
import type { OnAirEvent, RecordingSeed } from '../../core/events.js';
import type { RecordingAsset, RecordingControlAction, RecordingsSource } from '../../core/recordings.js';
import { createMeetingAdapter, REALTIMEKIT_MAX_RECORDING_MS } from './meetingAdapter.js';
import type { RealtimeKitMeetingLike } from './meetingTypes.js';
import type { RealtimeKitClient, RealtimeKitLivestream, RealtimeKitStartLivestreamOptions } from './createRealtimeKitClient.js';
import { openEventStream } from '../eventStream.js';

/**
 * Options of {@link createRealtimeKitAdapter}: the meeting SDK's `meeting` (state pushed), or the
 * REST `client` with the `meetingId` (state polled).
 *
 * @public
 */
export type RealtimeKitAdapterOptions = RealtimeKitMeetingAdapterOptions | RealtimeKitRestAdapterOptions;

/**
 * Options of {@link createRealtimeKitAdapter} on the meeting SDK (`@cloudflare/realtimekit` 2.x):
 * the browser's `meeting` pushes every recording's and the live stream's state, and its preset
 * says who may record and stream. Nothing is polled.
 *
 * @public
 */
export interface RealtimeKitMeetingAdapterOptions {
  /** The meeting of `RealtimeKitClient.init()` (or anything of its shape, such as the simulator's). */
  readonly meeting: RealtimeKitMeetingLike;
  /**
   * The REST client, optional: lists and download links go through it as `OnAirProvider`'s
   * `recordings`. The adapter uses it for one thing: to stop, pause or resume one recording of
   * several (the SDK 2.0.2's per-recording calls do nothing for a recording in the state they expect).
   */
  readonly client?: Partial<Pick<RecordingsSource, 'controlRecording'>> | undefined;
  /** Unused on this path (the meeting knows itself); accepted so the same options object fits both paths. */
  readonly meetingId?: string | undefined;
  /** Start another recording while one runs (RealtimeKit `allowMultiple`). Default `false`: the SDK refuses a second. */
  readonly allowMultiple?: boolean | undefined;
}

/**
 * Options of {@link createRealtimeKitAdapter} on the REST API (no meeting SDK in the page).
 *
 * @public
 */
export interface RealtimeKitRestAdapterOptions {
  /** Not on this path: give `meeting` for the SDK path. */
  readonly meeting?: undefined;
  /** The recordings client (`createRealtimeKitClient`) — or any source with active-recording, start and control. */
  readonly client: Pick<RecordingsSource, 'scope' | 'getActiveRecording' | 'startRecording' | 'controlRecording'> &
    Partial<Pick<RecordingsSource, 'getRecording' | 'listRecordings'>> &
    Partial<Pick<RealtimeKitClient, 'startLivestream' | 'stopLivestream' | 'getActiveLivestream'>>;
  /** The RealtimeKit meeting this screen shows. */
  readonly meetingId: string;
  /**
   * Ignored. The adapter no longer touches a query cache: each active-recording read (poll or
   * command answer) is an `active-recording-read` event, which `OnAirProvider` keeps in the
   * `useActiveRecording` cache entry of its `recordings` source.
   *
   * @deprecated Drop it; pass the same client as `recordings` to `OnAirProvider` (see README, "Migrating from 0.1").
   */
  readonly queryClient?: unknown;
  /** Poll interval while a recording is invoked, running, paused or stopping. Default 2 000 ms. */
  readonly activePollMs?: number | undefined;
  /** Poll interval while nothing records (someone else may start). Default 10 000 ms; 0 turns idle polling off. */
  readonly idlePollMs?: number | undefined;
  /** Start-recording body options used for every start (RealtimeKit `video_config`, `max_seconds` …). */
  readonly startOptions?: Readonly<Record<string, unknown>> | undefined;
  /**
   * RealtimeKit webhooks pushed to this page (the relay of `onair-react/server` with
   * `signature: { provider: 'realtimekit' }`): its SSE URL, an `EventSource`, or a subscribe
   * function. A `recording.*` or `livestreaming.*` webhook of this meeting (or the relay's `reset`)
   * refreshes at once — the livestream too, which is otherwise read only while it starts or runs;
   * while the stream is open, idle polling slows to `pushedIdlePollMs` — polling stays the fallback.
   */
  readonly events?: string | RealtimeKitEventSourceLike | ((listener: (webhook: unknown) => void) => () => void) | undefined;
  /** Idle poll interval while `events` is connected. Default 60 000 ms. */
  readonly pushedIdlePollMs?: number | undefined;
  /**
   * Body of every livestream start (`name`, `video_config { width, height }` — Cloudflare's
   * `LivestreamStartLivestreamingAMeetingParams`); a start's `providerOptions` of the same names win.
   */
  readonly livestreamOptions?: RealtimeKitStartLivestreamOptions | undefined;
  /**
   * Go live through the meeting's livestream endpoints (when the client has them). Default `true`;
   * `false` for a recordings-only page: no live controls, and no livestream read at connect (one
   * `GET …/active-livestream`, a 404 while nobody streams).
   */
  readonly livestream?: boolean | undefined;
}

/**
 * The part of `EventSource` the RealtimeKit adapter uses (the real one fits).
 *
 * @public
 */
export interface RealtimeKitEventSourceLike {
  addEventListener(type: 'message' | 'open' | 'error' | 'reset', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message' | 'open' | 'error' | 'reset', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
  readonly readyState?: number | undefined;
}

/**
 * What a pushed webhook (relay envelope `{ at, webhook }` or raw) says changed in `meetingId`: a
 * recording (`recording.*`), the livestream (`livestreaming.*`), or nothing for this page.
 */
function pushKind(payload: unknown, meetingId: string): 'recording' | 'livestream' | undefined {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const body = (value as { webhook?: unknown } | null)?.webhook ?? value;
  if (typeof body !== 'object' || body === null) return undefined;
  const { event, meeting, recording, meetingId: topMeetingId } = body as { event?: unknown; meeting?: { id?: unknown }; recording?: { meetingId?: unknown }; meetingId?: unknown };
  if (typeof event !== 'string') return undefined;
  const kind = event.startsWith('recording.') ? 'recording' : event.startsWith('livestreaming.') ? 'livestream' : undefined;
  if (kind === undefined) return undefined;
  return meeting?.id === meetingId || recording?.meetingId === meetingId || topMeetingId === meetingId ? kind : undefined;
}

type Known = { readonly id: string; readonly status: RecordingAsset['status'] } | null;

/** Running recordings read per poll: enough for every one RealtimeKit lets a meeting run at once. */
const RUNNING_PAGE = 25;

/**
 * The live recording (and, with the meeting SDK, live-stream) state of a RealtimeKit meeting for
 * `RecordButton`, `RecordingIndicator` and `LiveStreamBadge`.
 *
 * **Meeting SDK** (`{ meeting }`, `@cloudflare/realtimekit` 2.x in the page): `meeting.recording`
 * and `meeting.livestream` push their state — every recording is its own instance (keyed by its
 * id), the live stream carries its viewer count and playback URL — and `meeting.self.permissions`
 * (`canRecord`, `canLivestream`) decides who sees the controls. No REST poll; give the REST client
 * to `OnAirProvider` as `recordings` for the list and download links.
 *
 * **REST** (`{ client, meetingId }`): from the active-recording endpoint and the start / pause /
 * resume / stop calls. RealtimeKit has no browser push for recordings then, so the adapter polls — quickly while a recording runs, slowly
 * (or not at all) otherwise — and turns each change into one normalized event. Every answer it
 * reads is also an `active-recording-read` event: `OnAirProvider` keeps it as the active recording
 * of its `recordings` source (same `scope`), so `useActiveRecording` shares the adapter's reads.
 * With a client that has the livestream calls (`createRealtimeKitClient`'s), it also goes live:
 * `startLiveStream` / `stopLiveStream` through the meeting's livestream endpoints, the state from the
 * active-livestream read — polled only while the stream is INVOKED (starting) or LIVE — with its
 * playback URL for `LiveStreamPlayer`; no destination to give (`capabilities.liveStreamUrl: false`).
 *
 * @example
 * ```tsx
 * // In a page that holds the meeting of `RealtimeKitClient.init()`:
 * const sdkAdapter = createRealtimeKitAdapter({ meeting });
 * // Without the SDK, REST only:
 * const client = createRealtimeKitClient({ baseUrl: '/api/realtimekit' });
 * const adapter = createRealtimeKitAdapter({ client, meetingId });
 * <OnAirProvider adapter={adapter} recordings={client}>
 *   <RecordButton /> <RecordingIndicator /> <RecordingList meetingId={meetingId} />
 *   <LiveStreamButton /> <LiveStreamBadge /> <LiveStreamPlayer />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export function createRealtimeKitAdapter(options: RealtimeKitAdapterOptions): OnAirAdapter {
  if (options.meeting !== undefined) return createMeetingAdapter(options);
  return createRestAdapter(options);
}

function createRestAdapter(options: RealtimeKitRestAdapterOptions): OnAirAdapter {
  const { client, meetingId } = options;
  const activePollMs = options.activePollMs ?? 2_000;
  const pollIdle = options.idlePollMs ?? 10_000;
  const pushedIdlePollMs = options.pushedIdlePollMs ?? 60_000;
  /** Whether webhooks are pushed right now (the stream is open): idle polling slows down then. */
  let pushed = false;
  let sink: OnAirEventSink | undefined;
  let known: Known = null;
  let seeded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let generation = 0;

  const emit = (event: OnAirEvent): void => sink?.(event);

  /**
   * The meeting's livestream as last reported (protocol state): `null` when none starts or runs.
   * Read through `client.getActiveLivestream` once at connect (someone may be live already), after
   * each livestream command and on "Check again", and then on every poll only while it is `INVOKED`
   * or `LIVE` — an idle meeting's livestream is not polled.
   */
  let live: { readonly status: 'INVOKED' | 'LIVE'; readonly playbackUrl: string | undefined } | null = null;
  /** Read the livestream on the next poll even though none is known to run. */
  let liveCheck = false;
  let liveSeeded = false;
  const canReadLive = options.livestream !== false && typeof client.getActiveLivestream === 'function';

  /** Turns RealtimeKit's word on the livestream into events, only for what changed. */
  function applyLive(stream: RealtimeKitLivestream | null): void {
    const at = Date.now();
    const seeding = !liveSeeded;
    liveSeeded = true;
    // A status word the kit does not know changes nothing.
    if (stream && stream.status === undefined) return;
    const before = live;
    const status = stream?.status;
    if (stream && (status === 'INVOKED' || status === 'LIVE')) {
      if (status === 'INVOKED') {
        // Someone's start (ours is already pending: a seed never overrides what is open).
        if (!before) emit({ type: 'state-seeded', at, liveStreams: [{ status: 'starting' }] });
      } else if (before?.status !== 'LIVE') {
        emit(seeding ? { type: 'state-seeded', at, liveStreams: [{ status: 'live' }] } : { type: 'live-stream-started', at });
      }
      // Only an http(s) URL reaches the player (checked again: the client may be the app's own).
      const playbackUrl = safeHttpUrl(stream.playbackUrl);
      if (playbackUrl !== undefined && playbackUrl !== before?.playbackUrl) emit({ type: 'live-stream-info', at, playbackUrl });
      live = { status, playbackUrl: playbackUrl ?? before?.playbackUrl };
      return;
    }
    live = null;
    if (!before) return;
    if (stream && status === 'ERRORED') {
      emit({ type: 'live-stream-error', at, error: { code: 'livestream-errored', message: stream.errorMessage ?? 'RealtimeKit reports that the live stream failed.', at } });
    } else {
      // IDLE, or no active livestream (404): the stream that was starting or live has ended.
      emit({ type: 'live-stream-stopped', at });
    }
  }

  /** Reads the livestream when one is known to start or run (or a read is due); `undefined`: not read. */
  async function readLive(signal: AbortSignal): Promise<RealtimeKitLivestream | null | undefined> {
    if (!client.getActiveLivestream || !canReadLive || (live === null && !liveCheck)) return undefined;
    liveCheck = false;
    try {
      return await client.getActiveLivestream(meetingId, { signal });
    } catch {
      // A failed read changes nothing; the next poll asks again.
      liveCheck = live === null;
      return undefined;
    }
  }

  /**
   * Recordings of the meeting that run besides the one on the default instance (RealtimeKit
   * `allow_multiple_recordings`): each is its own instance, keyed by its recording id, with the
   * status last read (protocol state: what changed is what the adapter reports).
   */
  const others = new Map<string, RecordingAsset['status']>();

  /**
   * Reads what runs. With a list endpoint, the running recordings of the meeting, newest first and
   * enough per page to see every one (the active-recording endpoint names one, and answers 404 when
   * none runs — a browser logs every 404, and idle polls would log one every `idlePollMs`). The
   * recording of the default instance is the one known to run, else the oldest one not tracked as
   * another instance; the rest are `others`.
   */
  async function readActive(signal: AbortSignal): Promise<RecordingAsset | null> {
    if (client.listRecordings) {
      const page = await client.listRecordings({ meetingId, status: ['invoked', 'recording', 'paused'], perPage: RUNNING_PAGE, sortOrder: 'desc' }, { signal });
      const items = page.items;
      const primary = (known ? items.find((item) => item.id === known?.id) : undefined) ?? [...items].reverse().find((item) => !others.has(item.id)) ?? null;
      pendingOthers = items.filter((item) => item !== primary);
      return primary;
    }
    return client.getActiveRecording ? client.getActiveRecording(meetingId, { signal }) : Promise.resolve(null);
  }

  /** The other running recordings of the last list read, applied with the answer it came with. */
  let pendingOthers: readonly RecordingAsset[] | undefined;

  /** Events for the other running recordings: new ones start (or seed), changes pause / resume, gone ones stop. */
  function applyOthers(items: readonly RecordingAsset[], at: number, seeds: RecordingSeed[] | undefined): void {
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.id);
      const before = others.get(item.id);
      if (before === item.status) continue;
      others.set(item.id, item.status);
      const instanceId = item.id;
      const startedBy = item.startReason?.callerId ?? undefined;
      if (before === undefined) {
        if (seeds) {
          seeds.push({ instanceId, recordingId: item.id, recordingType: 'cloud', startedBy, startedAt: item.startedAt ?? item.invokedAt ?? undefined, status: item.status === 'invoked' ? 'starting' : item.status === 'paused' ? 'paused' : 'recording' });
        } else if (item.status === 'invoked') emit({ type: 'recording-starting', at, instanceId, startedBy });
        else {
          emit({ type: 'recording-started', at, instanceId, recordingId: item.id, recordingType: 'cloud', startedBy, startedAt: item.startedAt ?? undefined });
          if (item.status === 'paused') emit({ type: 'recording-paused', at, instanceId });
        }
        named(item, at);
      } else if (item.status === 'paused') emit({ type: 'recording-paused', at, instanceId });
      else if (item.status === 'recording') emit(before === 'paused' ? { type: 'recording-resumed', at, instanceId } : { type: 'recording-started', at, instanceId, recordingId: item.id, recordingType: 'cloud', startedBy, startedAt: item.startedAt ?? undefined });
    }
    for (const id of [...others.keys()]) {
      if (seen.has(id)) continue;
      others.delete(id);
      emit({ type: 'recording-stopped', at, instanceId: id, recordingId: id });
    }
  }

  /**
   * Reports what the active-recording endpoint answers now, before the events derived from it: the
   * query layer keeps it (no cache, no query key here — an adapter only translates).
   */
  function read(recording: RecordingAsset | null): void {
    // A source with neither endpoint read nothing: there is no answer to report.
    if (!client.getActiveRecording && !client.listRecordings) return;
    emit({ type: 'active-recording-read', at: Date.now(), scope: client.scope, meetingId, recording });
  }

  /** Turns the latest known recording into events, only for what changed. */
  function apply(asset: RecordingAsset | null): void {
    const at = Date.now();
    const previous = known;
    const running = asset && (asset.status === 'invoked' || asset.status === 'recording' || asset.status === 'paused');
    const otherItems = pendingOthers;
    pendingOthers = undefined;
    if (!seeded) {
      seeded = true;
      const seeds: RecordingSeed[] = [];
      if (running) {
        known = { id: asset.id, status: asset.status };
        seeds.push({
          status: asset.status === 'invoked' ? 'starting' : asset.status === 'paused' ? 'paused' : 'recording',
          recordingId: asset.id,
          recordingType: 'cloud',
          startedBy: asset.startReason?.callerId ?? undefined,
          startedAt: asset.startedAt ?? asset.invokedAt ?? undefined,
        });
      }
      if (otherItems) applyOthers(otherItems, at, seeds);
      if (seeds.length > 0) emit({ type: 'state-seeded', at, recordings: seeds });
      if (running) {
        named(asset, at);
        return;
      }
    } else if (otherItems) applyOthers(otherItems, at, undefined);
    if (!asset || !running) {
      if (previous && previous.status !== 'uploading' && previous.status !== 'ready' && previous.status !== 'failed') {
        if (asset && asset.id === previous.id && asset.status === 'failed') {
          emit({
            type: 'recording-error',
            at,
            error: {
              code: 'recording-errored',
              message: asset.stopReason?.reason === 'INTERNAL_ERROR' ? 'The recording failed on the server.' : 'The recording failed.',
              at,
            },
          });
        } else {
          emit({ type: 'recording-stopped', at, recordingId: previous.id });
        }
      }
      known = asset && previous && asset.id === previous.id ? { id: asset.id, status: asset.status } : null;
      return;
    }
    const sameRecording = previous && previous.id === asset.id;
    const wasRunning = sameRecording && (previous.status === 'recording' || previous.status === 'paused');
    if (previous && !sameRecording && previous.status !== 'ready' && previous.status !== 'failed' && previous.status !== 'uploading') {
      emit({ type: 'recording-stopped', at, recordingId: previous.id });
    }
    if (asset.status === 'invoked') {
      if (!sameRecording) {
        emit({ type: 'recording-starting', at, startedBy: asset.startReason?.callerId ?? undefined });
      }
    } else if (!wasRunning) {
      emit({
        type: 'recording-started',
        at,
        recordingId: asset.id,
        recordingType: 'cloud',
        startedBy: asset.startReason?.callerId ?? undefined,
        startedAt: asset.startedAt ?? undefined,
      });
      named(asset, at);
      if (asset.status === 'paused') emit({ type: 'recording-paused', at });
    } else if (previous.status !== asset.status) {
      emit({ type: asset.status === 'paused' ? 'recording-paused' : 'recording-resumed', at });
    }
    known = { id: asset.id, status: asset.status };
  }

  function named(asset: RecordingAsset, at: number): void {
    const caller = asset.startReason;
    if (caller?.callerId && caller.callerName) emit({ type: 'participant-named', at, participantId: caller.callerId, name: caller.callerName });
  }

  function schedule(ms: number): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!sink || ms <= 0) return;
    timer = setTimeout(() => void poll(), ms);
  }

  async function poll(): Promise<void> {
    const mine = generation;
    controller?.abort();
    controller = new AbortController();
    let next = pushed && pollIdle > 0 ? Math.max(pollIdle, pushedIdlePollMs) : pollIdle;
    const stream = await readLive(controller.signal);
    if (mine !== generation) return;
    if (stream !== undefined) applyLive(stream);
    try {
      let asset = await readActive(controller.signal);
      // A command answered meanwhile (or the page disconnected): this older answer is dropped, unreported.
      if (mine !== generation) {
        pendingOthers = undefined;
        return;
      }
      read(asset);
      // The running recording left the active endpoint: its details say whether it ended or failed.
      if (!asset && known && (known.status === 'invoked' || known.status === 'recording' || known.status === 'paused') && client.getRecording) {
        asset = await client.getRecording(known.id, { signal: controller.signal }).catch(() => null);
        if (mine !== generation) return;
      }
      apply(asset);
    } catch {
      // A failed poll changes nothing; the next one retries (commands report their own errors).
      if (mine !== generation) return;
    }
    if ((known && known.status !== 'ready' && known.status !== 'failed') || others.size > 0 || live !== null || liveCheck) next = activePollMs;
    schedule(next);
  }

  /** Applies a livestream command's answer; a poll in flight (older than the command) is dropped. */
  function settleLive(stream: RealtimeKitLivestream | null): void {
    generation += 1;
    controller?.abort();
    controller = undefined;
    if (stream && stream.status !== undefined) applyLive(stream);
    else liveCheck = true;
    schedule(activePollMs);
  }

  /**
   * Applies the answer of a command. A poll in flight read the state before the command (a pause
   * would flicker back to recording): it is aborted and its answer ignored. The answer is reported
   * as what the active-recording endpoint now answers (the recording while it runs, else none):
   * the query layer puts it in place of any older answer, cached or in flight.
   */
  function settle(asset: RecordingAsset): void {
    generation += 1;
    controller?.abort();
    controller = undefined;
    const running = asset.status === 'invoked' || asset.status === 'recording' || asset.status === 'paused';
    read(running ? asset : null);
    apply(asset);
    schedule(activePollMs);
  }

  /** Reads the outcome of a command whose answer had no recording: poll now (a poll in flight may predate the command). */
  function refresh(): void {
    generation += 1;
    controller?.abort();
    controller = undefined;
    void poll();
  }

  /** Listens to `options.events`: a recording push of this meeting (or a `reset`) polls now. */
  function subscribePushes(): () => void {
    const events = options.events;
    if (events === undefined) return () => {};
    const pollNow = (): void => {
      if (sink) void poll();
    };
    /** A relay reset may have skipped anything: the livestream is read too. */
    const resetNow = (): void => {
      liveCheck = canReadLive;
      pollNow();
    };
    const onPayload = (payload: unknown): void => {
      const kind = pushKind(payload, meetingId);
      // A livestream webhook (someone went live, the stream ended): read the livestream now, even while idle.
      if (kind === 'livestream') liveCheck = canReadLive;
      if (kind) pollNow();
    };
    if (typeof events === 'function') {
      pushed = true;
      return events(onPayload);
    }
    const onOpen = (): void => {
      pushed = true;
    };
    const onError = (): void => {
      // Down: polling takes over at its usual pace (and catches up at once).
      if (pushed) pollNow();
      pushed = false;
    };
    if (typeof events === 'string') {
      // The adapter's own EventSource, opened again (backoff, last event id) when the browser gives
      // up on a stream that had been open — a proxy's 502 during a deploy (see openEventStream).
      return openEventStream(events, {}, {
        onStatus: (status) => (status === 'open' ? onOpen() : onError()),
        onMessage: onPayload,
        onReset: resetNow,
      });
    }
    const source = events;
    pushed = source.readyState === 1;
    const onMessage = (message: { readonly data: unknown }): void => onPayload(message.data);
    source.addEventListener('message', onMessage);
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    source.addEventListener('reset', resetNow);
    return () => {
      source.removeEventListener('message', onMessage);
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
      source.removeEventListener('reset', resetNow);
    };
  }

  async function control(action: RecordingControlAction, instanceId?: string): Promise<void> {
    if (!client.controlRecording) throw new Error('This recordings source cannot control recordings.');
    if (instanceId !== undefined && others.has(instanceId)) {
      // Another of the meeting's recordings: its answer (or the next poll) reports the outcome.
      await client.controlRecording(instanceId, action);
      refresh();
      return;
    }
    let id = known?.id;
    if (!id) {
      const active = await readActive(new AbortController().signal);
      read(active);
      apply(active);
      id = active?.id;
    }
    if (!id) throw new Error('No recording runs in this meeting.');
    const asset = await client.controlRecording(id, action);
    // An answer without `data` (optional in Cloudflare's types) still means the action was taken:
    // the next poll reads the outcome, now.
    if (asset) settle(asset);
    else refresh();
  }

  // RealtimeKit ends a recording at `max_seconds` (24 h when the start names none).
  const maxSeconds = options.startOptions?.max_seconds;
  const canStartLive = canReadLive && typeof client.startLivestream === 'function';
  const canStopLive = canReadLive && typeof client.stopLivestream === 'function';
  return {
    provider: 'realtimekit',
    maxDurationMs: typeof maxSeconds === 'number' && maxSeconds > 0 ? maxSeconds * 1000 : REALTIMEKIT_MAX_RECORDING_MS,
    slices: canReadLive ? [recordingSlice, liveStreamSlice, rosterSlice] : [recordingSlice, rosterSlice],
    capabilities: {
      ...noCapabilities,
      startRecording: Boolean(client.startRecording),
      stopRecording: Boolean(client.controlRecording),
      pauseRecording: Boolean(client.controlRecording),
      resumeRecording: Boolean(client.controlRecording),
      // Only with the livestream read: without it the kit could not tell when the stream goes live.
      startLiveStream: canStartLive && canReadLive,
      stopLiveStream: canStopLive && canReadLive,
      // RealtimeKit streams to its own playback URL: there is no destination to give.
      liveStreamUrl: false,
    },
    connect(nextSink) {
      generation += 1;
      sink = nextSink;
      known = null;
      seeded = false;
      others.clear();
      live = null;
      liveSeeded = false;
      liveCheck = canReadLive;
      void poll();
      const unsubscribe = subscribePushes();
      return () => {
        unsubscribe();
        pushed = false;
        generation += 1;
        sink = undefined;
        controller?.abort();
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      };
    },
    async startRecording(start?: StartRecordingOptions) {
      if (!client.startRecording) throw new Error('This recordings source cannot start recordings.');
      const asset = await client.startRecording({
        meetingId,
        providerOptions: { ...options.startOptions, ...start?.providerOptions },
      });
      seeded = true;
      if (asset) settle(asset);
      else refresh();
    },
    stopRecording: (opts?: InstanceOptions) => control('stop', opts?.instanceId),
    pauseRecording: (opts?: InstanceOptions) => control('pause', opts?.instanceId),
    resumeRecording: (opts?: InstanceOptions) => control('resume', opts?.instanceId),
    async startLiveStream(start: StartLiveStreamOptions) {
      if (!client.startLivestream || !canStartLive) throw new Error('This RealtimeKit client cannot start a live stream.');
      const extra = start.providerOptions ?? {};
      const body: RealtimeKitStartLivestreamOptions = {
        ...options.livestreamOptions,
        ...(typeof extra.name === 'string' ? { name: extra.name } : {}),
        ...(typeof extra.video_config === 'object' && extra.video_config !== null ? { video_config: extra.video_config as RealtimeKitStartLivestreamOptions['video_config'] } : {}),
      };
      // A refused start (4xx/5xx) rejects here with RealtimeKit's reason: the button is usable again.
      const stream = await client.startLivestream(meetingId, body);
      liveSeeded = true;
      if (stream?.status === 'ERRORED') throw new Error(stream.errorMessage ?? 'RealtimeKit could not start the live stream.');
      settleLive(stream);
    },
    async stopLiveStream() {
      if (!client.stopLivestream || !canStopLive) throw new Error('This RealtimeKit client cannot stop a live stream.');
      await client.stopLivestream(meetingId);
      // The outcome is what the active read answers now (IDLE or none: stopped).
      settleLive(null);
      void poll();
    },
    /** "Check again": reads the active recording (and the livestream) now (an older poll in flight is dropped). */
    async refresh() {
      if (!sink) return;
      liveCheck = canReadLive;
      generation += 1;
      controller?.abort();
      controller = undefined;
      await poll();
    },
  };
}
