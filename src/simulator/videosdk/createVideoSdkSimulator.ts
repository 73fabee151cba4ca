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
 * An in-memory VideoSDK: the participant-recording REST endpoints and the webhooks they cause.
 *
 * @public
 */
export interface VideoSdkSimulator {
  readonly roomId: string;
  readonly sessionId: string;
  readonly participants: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /**
   * Answers `POST …/v2/recordings/participant/start|stop`, `GET …/v2/recordings/participant?roomId&page&perPage`
   * and `GET …/v2/recordings/participant/:id` (give it to `createVideoSdkClient({ fetch })`); anything else is 404.
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
  /** Sends a raw webhook (malformed ones included) to the stream. */
  emit(webhook: unknown): void;
  /** Every webhook sent so far. */
  readonly sent: readonly unknown[];
  /** Cancels pending webhooks. */
  close(): void;
}

/**
 * The simulated VideoSDK's default webhook delays (ms): starting 300, started 1 200, stopping 200,
 * stopped 1 500.
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
export const defaultVideoSdkSimulatorDelays: VideoSdkSimulatorDelays = Object.freeze({ starting: 300, started: 1200, stopping: 200, stopped: 1500 });

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

  async function handle(request: Request): Promise<Response> {
    const requested = new URL(request.url, 'http://sim.local');
    const path = requested.pathname;
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
    emit,
    sent,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      listeners.clear();
    },
  };
}
