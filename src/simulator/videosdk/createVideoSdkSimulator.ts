import type { VideoSdkWebhookSubscribe } from '../../adapters/videosdk/index.js';

/**
 * Delays (ms) between a REST call and each webhook VideoSDK would send.
 *
 * @public
 */
export interface VideoSdkSimulatorDelays {
  /** start → `participant-recording-starting`. Default 300. */
  readonly starting: number;
  /** `starting` → `started`. Default 1 200. */
  readonly started: number;
  /** stop → `stopping`. Default 200. */
  readonly stopping: number;
  /** `stopping` → `stopped` (upload). Default 1 500. */
  readonly stopped: number;
  /** HLS: `hls-started` (encoding) → `hls-playable`. Default 1 500. */
  readonly playable: number;
}

/**
 * Options of {@link createVideoSdkSimulator}.
 *
 * @public
 */
export interface VideoSdkSimulatorOptions {
  /** Default `sim-room-0001`. */
  readonly roomId?: string | undefined;
  /** Who is in the room. Default Ada and Grace. */
  readonly participants?: ReadonlyArray<{ readonly id: string; readonly name: string }> | undefined;
  readonly delays?: Partial<VideoSdkSimulatorDelays> | undefined;
  /** Also hand every webhook to this (e.g. a relay's `publish`). */
  readonly deliver?: ((webhook: unknown) => void) | undefined;
  /**
   * Plays the app's backend route: the relay's webhook URL, secret included, that the route adds to
   * every start (overriding any `webhookUrl` in the request — the browser never sends the secret).
   */
  readonly webhookUrl?: string | undefined;
  /**
   * Posts a recording's webhooks to its webhook URL, as VideoSDK does — e.g.
   * `(url, webhook) => relay.handleWebhook(new Request(url, { method: 'POST', body: JSON.stringify(webhook) }))`.
   * The relay then checks the secret as in production.
   */
  readonly postWebhook?: ((url: string, webhook: unknown) => unknown) | undefined;
  /** Origin of the simulated files' URLs. Default `https://cdn.videosdk.example`. */
  readonly fileBaseUrl?: string | undefined;
  /**
   * A folder URL that serves `onair-sample.webm` (the repo's `public/simulated-media/`): every file
   * URL then points at that real file (the file's path in the query), so a player plays and a
   * download saves media with no network. Without it file URLs point at `fileBaseUrl`.
   */
  readonly sampleMediaUrl?: string | undefined;
  /** The session id in webhooks. */
  readonly sessionId?: string | undefined;
  /**
   * Recordings VideoSDK already stores for the room (earlier sessions), served by
   * `GET /v2/recordings/participant`. Each finished recording is added to them.
   */
  readonly storedRecordings?: readonly VideoSdkStoredRecording[] | undefined;
  /** How many stored recordings of earlier sessions to make up (after `storedRecordings`). Default 0. */
  readonly seedStored?: number | undefined;
  /**
   * The room's webhook subscription (VideoSDK's `webhook.endPoint` given when the room was created):
   * `livestream-*` webhooks go there (VideoSDK's livestream start takes no `webhookUrl`), and `hls-*`
   * ones when the HLS start named none.
   */
  readonly roomWebhookUrl?: string | undefined;
  /**
   * Where the simulated HLS is played from: `{hlsPlaybackUrl}/{hlsId}/index.m3u8` (with playback) and
   * `…/live.m3u8`, answered by {@link VideoSdkSimulator.handle} — 404 until the stream is playable and
   * after it ends, then a live sliding window over the repo's HLS sample segments
   * (`{sampleMediaUrl}/onair-live-{0,1,2}.ts`, looped with discontinuities). Default
   * `https://cdn.videosdk.example/meetings-hls`. In a browser, route it to `handle` (MSW).
   */
  readonly hlsPlaybackUrl?: string | undefined;
}

/**
 * What a simulated streaming platform sees of one RTMP output: `connecting`, `receiving`, `refused`
 * (the platform refused the stream key) or `dropped` (it stopped receiving while the stream goes
 * on). VideoSDK reports none of this — the simulator shows what the platform would.
 *
 * @example
 * ```ts
 * sim.dropOutput(1);
 * sim.outputs.map((o) => o.status); // ["receiving", "dropped", "receiving"]: no webhook says so
 * ```
 *
 * @public
 */
export interface VideoSdkSimulatedOutput {
  /** The output's ingest URL as VideoSDK received it (the stream key is not exposed). */
  readonly url: string;
  /** What the platform sees: connecting, receiving, refused (the key) or dropped. */
  readonly status: 'connecting' | 'receiving' | 'refused' | 'dropped';
}

/**
 * A stored participant recording as VideoSDK's list endpoint returns it.
 *
 * @public
 */
export interface VideoSdkStoredRecording {
  readonly id: string;
  readonly roomId: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly participantName?: string | undefined;
  readonly kind: string;
  readonly fileFormat: string;
  readonly start: string;
  readonly end: string | null;
  readonly mode: 'participant';
  readonly files: ReadonlyArray<{
    readonly filePath: string;
    readonly fileUrl: string;
    readonly type: 'video' | 'audio';
    readonly size: number;
    readonly meta: { readonly format: string; readonly duration: number };
  }>;
  readonly webhook: { readonly totalCount: number; readonly successCount: number; readonly data: readonly unknown[] };
}

/**
 * An in-memory VideoSDK: the participant-recording, RTMP-out and HLS REST endpoints, the webhooks
 * they cause, and the HLS playback itself.
 *
 * @public
 */
export interface VideoSdkSimulator {
  readonly roomId: string;
  readonly sessionId: string;
  readonly participants: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /**
   * Answers `POST …/v2/recordings/participant/start|stop`, `GET …/v2/recordings/participant?roomId&page&perPage`,
   * `GET …/v2/recordings/participant/:id`, `POST …/v2/livestreams/start|end` (`outputs: [{ url, streamKey }]`),
   * `POST …/v2/hls/start|end`, `GET …/v2/hls/:roomId/active` and the HLS playlists under `hlsPlaybackUrl`
   * (give it to `createVideoSdkClient({ fetch })` or `createVideoSdkRoute({ fetch })`); anything else is 404.
   */
  readonly fetch: typeof fetch;
  /** The same, as a request handler (for MSW: `http.all('*\/v2/recordings/participant*', ({ request }) => sim.handle(request))`). */
  handle(request: Request): Promise<Response>;
  /** The recordings VideoSDK stores for the room, oldest first (what the list endpoint serves). */
  readonly stored: readonly VideoSdkStoredRecording[];
  /** The webhook stream, in the shape `createVideoSdkAdapter({ events })` takes. */
  readonly subscribe: VideoSdkWebhookSubscribe;
  /** The next start is refused by the REST API with this message (HTTP 400). */
  failNextStart(message?: string): void;
  /** The next recording is accepted, then fails (`participant-recording-failed` instead of `started`). */
  failNextRecording(): void;
  /**
   * Key refused: the next RTMP start's first output is refused by its platform. With `as: 'webhook'`
   * (default; what VideoSDK does as far as its API reference tells — the start is accepted, the
   * composer cannot connect) VideoSDK answers the start, sends `livestream-starting`, then
   * `livestream-failed`, naming no output and giving no reason. With `as: 'http'` the start itself is
   * refused with HTTP 400 and `message`.
   */
  refuseNextStreamKey(options?: { readonly as?: 'webhook' | 'http' | undefined; readonly message?: string | undefined }): void;
  /**
   * One destination dropped: the output at `index` (default 1: the second of three) stops receiving.
   * VideoSDK sends no webhook for it (none names an output): the stream stays `livestream-started`.
   */
  dropOutput(index?: number): void;
  /** The RTMP outputs of the running stream as their platforms see them (not reported by VideoSDK); a new array on each change. */
  readonly outputs: readonly VideoSdkSimulatedOutput[];
  /** Called whenever {@link VideoSdkSimulator.outputs} changes; returns the unsubscribe. */
  watchOutputs(listener: () => void): () => void;
  /**
   * HLS not ready yet: the running (or next) HLS stays started but not playable — `hls-started` came,
   * `hls-playable` does not, the playlist and the active-HLS read answer 404 — until {@link VideoSdkSimulator.releaseHls}.
   */
  holdHls(): void;
  /** Lets a held HLS become playable (`hls-playable` now, when it is started). */
  releaseHls(): void;
  /** Stream ended: VideoSDK ends the running RTMP out and HLS by itself (`-stopping`, `-stopped`; no stop from the app). */
  endStreams(): void;
  /** Which live streams run: RTMP out and HLS (`playable` once viewers can watch). */
  readonly live: { readonly rtmp: 'off' | 'starting' | 'started' | 'stopping'; readonly hls: 'off' | 'starting' | 'started' | 'playable' | 'stopping' };
  /** Sends a raw webhook (malformed ones included) to the stream. */
  emit(webhook: unknown): void;
  /** Every webhook sent so far. */
  readonly sent: readonly unknown[];
  /** Cancels pending webhooks. */
  close(): void;
}

/**
 * The simulated VideoSDK's default webhook delays (ms): starting 300, started 1 200, stopping 200,
 * stopped 1 500, HLS playable 1 500 after started.
 *
 * @example
 * ```ts
 * import { createVideoSdkSimulator, defaultVideoSdkSimulatorDelays } from 'onair-react/simulator';
 *
 * // A slow upload, to show the "processing" state of a participant recording.
 * const sim = createVideoSdkSimulator({ delays: { stopped: defaultVideoSdkSimulatorDelays.stopped * 4 } });
 * ```
 *
 * @public
 */
export const defaultVideoSdkSimulatorDelays: VideoSdkSimulatorDelays = Object.freeze({ starting: 300, started: 1200, stopping: 200, stopped: 1500, playable: 1500 });

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A simulated VideoSDK room for stories, tests and app teams: REST answers as VideoSDK documents
 * them, and `participant-recording-*` webhooks with realistic timing, with fault switches. Its REST
 * handler also plays the app's backend route: with `webhookUrl` it adds the relay's URL itself, and
 * with `postWebhook` the webhooks go through the relay's secret check as in production.
 *
 * @example
 * ```ts
 * const sim = createVideoSdkSimulator();
 * const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 'sim-token', fetch: sim.fetch });
 * const adapter = createVideoSdkAdapter({ client, roomId: sim.roomId, events: sim.subscribe });
 *
 * // Through a relay: the secret stays on the simulated backend's side.
 * const relay = createWebhookRelay({ secret, authorize });
 * const viaRelay = createVideoSdkSimulator({
 *   webhookUrl: `https://app.example/videosdk/webhook?token=${secret}`,
 *   postWebhook: (url, webhook) => relay.handleWebhook(new Request(url, { method: 'POST', body: JSON.stringify(webhook) })),
 * });
 * ```
 *
 * @public
 */
export function createVideoSdkSimulator(options: VideoSdkSimulatorOptions = {}): VideoSdkSimulator {
  const roomId = options.roomId ?? 'sim-room-0001';
  const sessionId = options.sessionId ?? '6613731342f27f56e4fc4b6d';
  const participants = options.participants ?? [
    { id: 'ada', name: 'Ada Lovelace' },
    { id: 'grace', name: 'Grace Hopper' },
  ];
  const delays = { ...defaultVideoSdkSimulatorDelays, ...options.delays };
  const fileBaseUrl = (options.fileBaseUrl ?? 'https://cdn.videosdk.example').replace(/\/+$/, '');
  const samples = options.sampleMediaUrl?.replace(/\/+$/, '');
  const fileUrl = (file: string): string => (samples === undefined ? `${fileBaseUrl}${file}` : `${samples}/onair-sample.webm?file=${encodeURIComponent(file)}`);
  const listeners = new Set<(webhook: unknown) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const state = new Map<string, 'starting' | 'recording' | 'stopping'>();
  /** The webhook URL each participant's running recording was started with. */
  const hookUrls = new Map<string, string>();
  const sent: unknown[] = [];
  const stored: VideoSdkStoredRecording[] = [...(options.storedRecordings ?? [])];
  /** When each participant's running recording started (ISO). */
  const startedAt = new Map<string, string>();
  let nextStartError: string | undefined;
  let failRecording = false;
  let counter = 0;

  function emit(webhook: unknown, url?: string): void {
    sent.push(webhook);
    options.deliver?.(webhook);
    if (url !== undefined && options.postWebhook) {
      // VideoSDK retries failed deliveries on its own schedule; the simulator just drops them.
      void Promise.resolve()
        .then(() => options.postWebhook?.(url, webhook))
        .catch(() => {});
    }
    for (const listener of [...listeners]) listener(webhook);
  }
  function later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }
  const webhook = (type: string, participantId: string, extra: Record<string, unknown> = {}) => ({
    webhookType: `participant-recording-${type}`,
    data: { meetingId: roomId, sessionId, participantId, fileFormat: 'webm', ...extra },
  });

  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width);
  const storedRecording = (participantId: string, session: string, start: number, end: number, file: string): VideoSdkStoredRecording => ({
    id: `${hex(Math.floor(end / 1000), 8)}${hex(stored.length + 1, 16)}`,
    roomId,
    sessionId: session,
    participantId,
    participantName: participants.find((p) => p.id === participantId)?.name,
    kind: 'audio_video',
    fileFormat: 'webm',
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    mode: 'participant',
    files: [{ filePath: file.replace(/^\//, ''), fileUrl: fileUrl(file), type: 'video', size: Math.round((end - start) * 180), meta: { format: 'webm', duration: Math.round((end - start) / 1000) } }],
    webhook: { totalCount: 5, successCount: 5, data: [] },
  });
  for (let i = options.seedStored ?? 0; i > 0; i -= 1) {
    const participant = participants[i % participants.length]!;
    const end = Date.parse('2026-01-05T10:00:00Z') + (options.seedStored! - i) * 3_600_000;
    const session = `${hex(i, 24)}`;
    stored.push(storedRecording(participant.id, session, end - 600_000, end, `/encoded/videos/${session}-${participant.id}-seed.webm`));
  }

  function list(url: URL): Response {
    const room = url.searchParams.get('roomId');
    const participant = url.searchParams.get('participantId');
    const session = url.searchParams.get('sessionId');
    const page = Math.max(1, Math.floor(Number(url.searchParams.get('page') ?? 1)) || 1);
    const perPage = Math.min(100, Math.max(1, Math.floor(Number(url.searchParams.get('perPage') ?? 20)) || 20));
    const rows = stored
      .filter((r) => (!room || r.roomId === room) && (!participant || r.participantId === participant) && (!session || r.sessionId === session))
      .slice()
      .reverse();
    return json(200, {
      pageInfo: { currentPage: page, perPage, lastPage: Math.max(1, Math.ceil(rows.length / perPage)), total: rows.length },
      data: rows.slice((page - 1) * perPage, page * perPage),
    });
  }

  // ---- Live streaming: RTMP out and HLS ----
  const hlsBase = (options.hlsPlaybackUrl ?? 'https://cdn.videosdk.example/meetings-hls').replace(/\/+$/, '');
  const SEGMENT_SECONDS = 2;
  const SAMPLE_SEGMENTS = 3;
  const WINDOW = 3;
  const segmentUrl = (hlsId: string, index: number): string =>
    samples === undefined ? `${hlsBase}/${hlsId}/segment-${index}.ts` : `${samples}/onair-live-${index % SAMPLE_SEGMENTS}.ts`;
  type RtmpState = 'off' | 'starting' | 'started' | 'stopping';
  type HlsState = 'off' | 'starting' | 'started' | 'playable' | 'stopping';
  let rtmp: RtmpState = 'off';
  let rtmpHook: string | undefined;
  let rtmpRun = 0;
  let outputs: { url: string; key: string; status: VideoSdkSimulatedOutput['status'] }[] = [];
  const outputWatchers = new Set<() => void>();
  /** The platforms' view, one array per change (a stable snapshot for `useSyncExternalStore`). */
  let outputsView: readonly VideoSdkSimulatedOutput[] = [];
  const outputsChanged = (): void => {
    outputsView = outputs.map(({ url, status }) => ({ url, status }));
    for (const listener of [...outputWatchers]) listener();
  };
  let hls: HlsState = 'off';
  let hlsHook: string | undefined;
  let hlsRun = 0;
  let hlsId = '';
  let hlsStart = '';
  let playableAt = 0;
  let hlsHeld = false;
  let refuseKey: { readonly as: 'webhook' | 'http'; readonly message: string } | undefined;

  const liveHook = (type: string, extra: Record<string, unknown> = {}) => ({ webhookType: type, data: { meetingId: roomId, sessionId, ...extra } });
  const hlsUrls = () => ({
    playbackHlsUrl: `${hlsBase}/${hlsId}/index.m3u8`,
    livestreamUrl: `${hlsBase}/${hlsId}/live.m3u8`,
  });
  const hlsStream = () => ({
    sessionId,
    start: hlsStart,
    roomId,
    links: { get_room: `https://api.videosdk.live/v2/rooms/${roomId}`, get_session: `https://api.videosdk.live/v2/sessions/${sessionId}` },
    downstreamUrl: hlsUrls().playbackHlsUrl,
    ...hlsUrls(),
    id: hlsId,
  });
  function makePlayable(run: number): void {
    if (run !== hlsRun || hls !== 'started' || hlsHeld) return;
    hls = 'playable';
    playableAt = Date.now();
    emit(liveHook('hls-playable', { downstreamUrl: hlsUrls().playbackHlsUrl }), hlsHook);
  }
  function stopRtmp(): void {
    if (rtmp === 'off' || rtmp === 'stopping') return;
    rtmp = 'stopping';
    const run = rtmpRun;
    later(delays.stopping, () => {
      if (run !== rtmpRun) return;
      emit(liveHook('livestream-stopping'), rtmpHook);
      later(delays.stopped, () => {
        if (run !== rtmpRun) return;
        rtmp = 'off';
        outputs = [];
        outputsChanged();
        emit(liveHook('livestream-stopped'), rtmpHook);
      });
    });
  }
  function stopHls(): void {
    if (hls === 'off' || hls === 'stopping') return;
    hls = 'stopping';
    const run = hlsRun;
    later(delays.stopping, () => {
      if (run !== hlsRun) return;
      emit(liveHook('hls-stopping'), hlsHook);
      later(delays.stopped, () => {
        if (run !== hlsRun) return;
        hls = 'off';
        emit(liveHook('hls-stopped'), hlsHook);
      });
    });
  }

  /** A live sliding window over the sample segments, looped (a discontinuity where the sample restarts). */
  function playlist(): Response {
    const elapsed = Math.max(0, (Date.now() - playableAt) / 1000);
    const produced = Math.floor(elapsed / SEGMENT_SECONDS) + WINDOW;
    const first = produced - WINDOW;
    const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`, `#EXT-X-MEDIA-SEQUENCE:${first}`];
    lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${first > 0 ? Math.floor((first - 1) / SAMPLE_SEGMENTS) : 0}`);
    for (let i = first; i < produced; i += 1) {
      if (i > first && i % SAMPLE_SEGMENTS === 0) lines.push('#EXT-X-DISCONTINUITY');
      lines.push(`#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`, segmentUrl(hlsId, i));
    }
    return new Response(`${lines.join('\n')}\n`, {
      status: 200,
      headers: { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-store', 'access-control-allow-origin': '*' },
    });
  }

  async function handleLive(request: Request, path: string): Promise<Response | undefined> {
    if (request.method === 'GET') {
      const active = /\/v2\/hls\/([^/]+)\/active$/.exec(path);
      if (!active) return undefined;
      if (!request.headers.get('authorization')) return json(401, { message: 'Unauthorized: token missing' });
      if (decodeURIComponent(active[1]!) !== roomId || hls !== 'playable') return json(404, { message: 'No active HLS found for this room' });
      return json(200, { code: 200, data: { ...hlsStream(), end: null, duration: Math.round((Date.now() - Date.parse(hlsStart)) / 100) / 10 } });
    }
    const action = /\/v2\/(livestreams|hls)\/(start|end)$/.exec(path);
    if (request.method !== 'POST' || !action) return undefined;
    if (!request.headers.get('authorization')) return json(401, { message: 'Unauthorized: token missing' });
    let body: { roomId?: unknown; outputs?: unknown; webhookUrl?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json(400, { message: 'Invalid JSON body' });
    }
    if (body.roomId !== roomId) return json(404, { message: 'Room not found' });
    const hookUrl = options.webhookUrl ?? (typeof body.webhookUrl === 'string' ? body.webhookUrl : undefined) ?? options.roomWebhookUrl;
    if (action[1] === 'livestreams') {
      if (action[2] === 'end') {
        if (rtmp === 'off') return json(400, { message: 'No livestream is running in this room' });
        stopRtmp();
        return json(200, 'Livestream ended successfully');
      }
      const list = Array.isArray(body.outputs) ? body.outputs : [];
      const valid = list.filter(
        (o): o is { url: string; streamKey: string } =>
          typeof o === 'object' && o !== null && typeof (o as { url?: unknown }).url === 'string' && /^rtmps?:\/\//.test((o as { url: string }).url) && typeof (o as { streamKey?: unknown }).streamKey === 'string',
      );
      if (valid.length === 0 || valid.length !== list.length) return json(400, { message: 'outputs must list { url, streamKey } with an rtmp(s) url' });
      if (rtmp !== 'off') return json(400, { message: 'Livestream is already running in this room' });
      const refusal = refuseKey;
      refuseKey = undefined;
      if (refusal?.as === 'http') return json(400, { message: refusal.message });
      rtmp = 'starting';
      rtmpRun += 1;
      const run = rtmpRun;
      rtmpHook = options.webhookUrl ?? options.roomWebhookUrl;
      outputs = valid.map((o, index) => ({ url: o.url, key: o.streamKey, status: refusal && index === 0 ? 'refused' : 'connecting' }));
      outputsChanged();
      later(delays.starting, () => {
        if (run !== rtmpRun) return;
        emit(liveHook('livestream-starting'), rtmpHook);
        later(delays.started, () => {
          if (run !== rtmpRun || rtmp !== 'starting') return;
          if (refusal) {
            rtmp = 'off';
            // The others never received anything: only the refusal stays visible.
            outputs = outputs.filter((o) => o.status === 'refused');
            outputsChanged();
            emit(liveHook('livestream-failed'), rtmpHook);
            return;
          }
          rtmp = 'started';
          outputs = outputs.map((o) => ({ ...o, status: 'receiving' }));
          outputsChanged();
          emit(liveHook('livestream-started'), rtmpHook);
        });
      });
      return json(200, 'Livestream started successfully');
    }
    if (action[2] === 'end') {
      if (hls === 'off') return json(400, { message: 'No HLS is running in this room' });
      stopHls();
      return json(200, 'HLS ended successfully');
    }
    if (hls !== 'off') return json(400, { message: 'HLS is already running in this room' });
    hls = 'starting';
    hlsRun += 1;
    const run = hlsRun;
    hlsHook = hookUrl;
    counter += 1;
    hlsId = `${hex(Math.floor(Date.now() / 1000), 8)}${hex(counter, 16)}`;
    hlsStart = new Date().toISOString();
    later(delays.starting, () => {
      if (run !== hlsRun) return;
      emit(liveHook('hls-starting'), hlsHook);
      later(delays.started, () => {
        if (run !== hlsRun || hls !== 'starting') return;
        hls = 'started';
        emit(liveHook('hls-started', { downstreamUrl: hlsUrls().playbackHlsUrl }), hlsHook);
        later(delays.playable, () => makePlayable(run));
      });
    });
    return json(200, hlsStream());
  }

  async function handle(request: Request): Promise<Response> {
    const requested = new URL(request.url, 'http://sim.local');
    const path = requested.pathname;
    if (request.method === 'GET' && requested.href.startsWith(`${hlsBase}/`)) {
      const media = /\/([^/]+)\/(index|live)\.m3u8$/.exec(requested.href.slice(hlsBase.length));
      if (!media || decodeURIComponent(media[1]!) !== hlsId || hls !== 'playable') return new Response('Not found', { status: 404, headers: { 'access-control-allow-origin': '*' } });
      return playlist();
    }
    const live = await handleLive(request, path);
    if (live) return live;
    if (request.method === 'GET') {
      if (!request.headers.get('authorization')) return json(401, { message: 'Unauthorized: token missing' });
      if (path.endsWith('/v2/recordings/participant')) return list(requested);
      const match = /\/v2\/recordings\/participant\/([^/]+)$/.exec(path);
      const id = match ? decodeURIComponent(match[1]!) : undefined;
      const found = id === undefined ? undefined : stored.find((r) => r.id === id);
      return found ? json(200, found) : json(404, { message: 'Participant recording not found' });
    }
    const command = path.endsWith('/v2/recordings/participant/start') ? 'start' : path.endsWith('/v2/recordings/participant/stop') ? 'stop' : undefined;
    if (request.method !== 'POST' || !command) return json(404, { message: 'Not found' });
    if (!request.headers.get('authorization')) return json(401, { message: 'Unauthorized: token missing' });
    let body: { roomId?: unknown; participantId?: unknown; webhookUrl?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json(400, { message: 'Invalid JSON body' });
    }
    if (body.roomId !== roomId) return json(404, { message: 'Room not found' });
    const participantId = typeof body.participantId === 'string' ? body.participantId : '';
    if (!participants.some((p) => p.id === participantId)) return json(400, { message: 'Participant not found in room' });

    if (command === 'start') {
      if (nextStartError !== undefined) {
        const message = nextStartError;
        nextStartError = undefined;
        return json(400, { message });
      }
      if (state.has(participantId)) return json(400, { message: 'Participant recording is already running' });
      state.set(participantId, 'starting');
      startedAt.set(participantId, new Date().toISOString());
      const url = options.webhookUrl ?? (typeof body.webhookUrl === 'string' ? body.webhookUrl : undefined);
      if (url === undefined) hookUrls.delete(participantId);
      else hookUrls.set(participantId, url);
      const hook = (type: string, extra?: Record<string, unknown>) => emit(webhook(type, participantId, extra), hookUrls.get(participantId));
      const fails = failRecording;
      failRecording = false;
      later(delays.starting, () => {
        hook('starting');
        later(delays.started, () => {
          if (fails) {
            state.delete(participantId);
            hook('failed');
          } else if (state.get(participantId) === 'starting') {
            state.set(participantId, 'recording');
            hook('started');
          }
        });
      });
      return json(200, 'participant recording started successfully');
    }

    if (state.get(participantId) !== 'recording' && state.get(participantId) !== 'starting') {
      return json(400, { message: 'No participant recording is running' });
    }
    state.set(participantId, 'stopping');
    counter += 1;
    const file = `/encoded/videos/${sessionId}-${participantId}-${counter}.webm`;
    const url = hookUrls.get(participantId);
    later(delays.stopping, () => {
      emit(webhook('stopping', participantId), url);
      later(delays.stopped, () => {
        state.delete(participantId);
        const end = Date.now();
        const start = Date.parse(startedAt.get(participantId) ?? '') || end;
        stored.push(storedRecording(participantId, sessionId, start, end, file));
        emit(webhook('stopped', participantId, { fileDetails: [{ filePath: file, fileUrl: fileUrl(file) }] }), url);
      });
    });
    return json(200, 'participant recording stopped successfully');
  }

  return {
    roomId,
    sessionId,
    participants,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => handle(new Request(typeof input === 'string' && input.startsWith('/') ? `http://sim.local${input}` : input, init))) as typeof fetch,
    handle,
    stored,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failNextStart(message = 'Recording is not enabled for this room') {
      nextStartError = message;
    },
    failNextRecording() {
      failRecording = true;
    },
    refuseNextStreamKey(fault = {}) {
      refuseKey = { as: fault.as ?? 'webhook', message: fault.message ?? 'The destination refused the stream key' };
    },
    dropOutput(index = 1) {
      const output = outputs[index];
      if (!output || output.status !== 'receiving') return;
      // What the platform sees; VideoSDK sends nothing (its webhooks name no output).
      outputs = outputs.map((o, i) => (i === index ? { ...o, status: 'dropped' } : o));
      outputsChanged();
    },
    get outputs() {
      return outputsView;
    },
    watchOutputs(listener) {
      outputWatchers.add(listener);
      return () => outputWatchers.delete(listener);
    },
    holdHls() {
      hlsHeld = true;
    },
    releaseHls() {
      hlsHeld = false;
      makePlayable(hlsRun);
    },
    endStreams() {
      stopRtmp();
      stopHls();
    },
    get live() {
      return { rtmp, hls };
    },
    emit,
    sent,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      listeners.clear();
      outputWatchers.clear();
    },
  };
}
