import { describe, expect, it } from 'vitest';
import {
  createVideoSdkAdapter,
  createVideoSdkClient,
  isVideoSdkError,
  parseVideoSdkWebhook,
  toVideoSdkRecordingAsset,
  type VideoSdkError,
  type VideoSdkParticipantRecording,
  type VideoSdkRecordingsQuery,
} from '../../../src/adapters/videosdk/index.js';
import one from '../../fixtures/videosdk/participant-recording.json' with { type: 'json' };
import list from '../../fixtures/videosdk/participant-recordings-list.json' with { type: 'json' };
import started from '../../fixtures/videosdk/participant-recording-started.json' with { type: 'json' };
import stopped from '../../fixtures/videosdk/participant-recording-stopped.json' with { type: 'json' };

interface Seen {
  readonly url: string;
  readonly init: RequestInit;
}

function route(answer: (seen: Seen) => Response | Promise<Response>, seen: Seen[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const entry = { url: String(input), init: init ?? {} };
    seen.push(entry);
    return answer(entry);
  }) as typeof fetch;
}

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function failure(promise: Promise<unknown>): Promise<VideoSdkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isVideoSdkError(error)).toBe(true);
  return error as VideoSdkError;
}

describe('VideoSDK client: one deadline, no foreign redirects, no markup', () => {
  it('times out while the app’s getToken never settles, without sending anything', async () => {
    const seen: Seen[] = [];
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', timeoutMs: 50, getToken: () => new Promise<string>(() => {}), fetch: route(() => json('ok'), seen) });
    const error = await failure(client.startParticipantRecording({ roomId: 'r', participantId: 'p' }));
    expect(error.kind).toBe('timeout');
    expect(seen).toHaveLength(0);
  });

  it('times out while the body never ends', async () => {
    const trickle = () => new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('"participant')) }), { status: 200 });
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', timeoutMs: 50, getToken: () => 't', fetch: route(trickle) });
    expect((await failure(client.stopParticipantRecording({ roomId: 'r', participantId: 'p' }))).kind).toBe('timeout');
  });

  it('shows an HTML error page as its status line', async () => {
    const page = '<html><head><title>502</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 't', fetch: route(() => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } })) });
    const error = await failure(client.startParticipantRecording({ roomId: 'r', participantId: 'p' }));
    expect(error.message).toBe('VideoSDK failed (502 Bad Gateway). Try again.');
    expect(error.status).toBe(502);
  });

  it('still shows VideoSDK’s own short plain-text sentence', async () => {
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 't', fetch: route(() => new Response('Participant not found in room', { status: 400 })) });
    expect((await failure(client.startParticipantRecording({ roomId: 'r', participantId: 'p' }))).message).toBe('Participant not found in room');
  });

  it('does not follow a redirect to another origin with the token', async () => {
    const seen: Seen[] = [];
    const client = createVideoSdkClient({
      baseUrl: 'https://app.example/api/videosdk',
      getToken: () => 'jwt',
      fetch: route(() => new Response(null, { status: 307, headers: { location: 'https://collector.example/v2/recordings/participant/start' } }), seen),
    });
    const error = await failure(client.startParticipantRecording({ roomId: 'r', participantId: 'p' }));
    expect(error.kind).toBe('http');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.init.redirect).toBe('manual');
  });

  it('ignores a relay time outside the Date range (arrival time instead)', () => {
    const parsed = parseVideoSdkWebhook({ at: 1e20, webhook: started }, 1_767_225_600_000);
    expect(parsed.kind === 'event' && parsed.event.at).toBe(1_767_225_600_000);
  });
});

describe('VideoSDK stored participant recordings (REST list and get)', () => {
  it('lists by room with page and perPage, and reads the documented answer', async () => {
    const seen: Seen[] = [];
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 'jwt', fetch: route(() => json(list), seen) });
    const page = await client.listParticipantRecordings({ roomId: 'abcd-efgh-riwb', page: 2, perPage: 5 });
    const url = new URL(seen[0]!.url, 'http://x');
    expect(url.pathname).toBe('/api/videosdk/v2/recordings/participant');
    expect(Object.fromEntries(url.searchParams)).toEqual({ roomId: 'abcd-efgh-riwb', page: '2', perPage: '5' });
    expect(seen[0]!.init.method).toBe('GET');
    expect(new Headers(seen[0]!.init.headers).get('authorization')).toBe('jwt');
    expect(page).toMatchObject({ page: 1, perPage: 20, lastPage: 1, total: 1 });
    const asset = toVideoSdkRecordingAsset(page.items[0]!);
    expect(asset).toMatchObject({
      id: '61d6e834e1326304a9e73dac',
      status: 'ready',
      meetingId: 'abcd-efgh-riwb',
      sessionId: '61d6e823783d6b03a026ac05',
      startedAt: Date.parse('2024-07-18T07:10:30.247Z'),
      stoppedAt: Date.parse('2024-07-18T07:10:55.236Z'),
      durationSeconds: 25,
      fileSize: 21_724_519,
      fileName: 'participant_recording_abcd_1721391498192.webm',
    });
    expect(asset.downloads).toEqual([{ kind: 'video', url: list.data[0]!.files[0]!.fileUrl, label: 'abcd' }]);
  });

  it('gets one recording by id', async () => {
    const seen: Seen[] = [];
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 'jwt', fetch: route(() => json(one), seen) });
    const recording = await client.getParticipantRecording('61d6e834e1326304a9e73dac');
    expect(seen[0]!.url).toBe('/api/videosdk/v2/recordings/participant/61d6e834e1326304a9e73dac');
    expect(recording.id).toBe('61d6e834e1326304a9e73dac');
  });

  it('rejects a list that is not the documented shape as invalid, readably', async () => {
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 'jwt', fetch: route(() => json({ data: 'nope' })) });
    const error = await failure(client.listParticipantRecordings({ roomId: 'r' }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/data/);
  });
});

describe('the VideoSDK adapter’s recordings: stored list merged with webhooks', () => {
  const ROOM = 'jvsg-8rjn-j304';
  const stored = (id: string, file: string, end: string): VideoSdkParticipantRecording => ({
    id,
    roomId: ROOM,
    sessionId: '613731342f27f56e4fc4b6d0',
    participantId: 'abcd',
    start: '2026-01-01T10:00:00.000Z',
    end,
    files: [{ filePath: `encoded/videos/${file}`, fileUrl: `https://cdn.videosdk.live/encoded/videos/${file}` }],
  });

  function setup(rows: VideoSdkParticipantRecording[]) {
    let push: (webhook: unknown) => void = () => {};
    const queries: VideoSdkRecordingsQuery[] = [];
    const client = {
      startParticipantRecording: async () => ({ message: undefined, body: null }),
      stopParticipantRecording: async () => ({ message: undefined, body: null }),
      listParticipantRecordings: async (query: VideoSdkRecordingsQuery = {}) => {
        queries.push(query);
        const perPage = query.perPage ?? 20;
        const page = query.page ?? 1;
        return { items: rows.slice((page - 1) * perPage, page * perPage), page, perPage, lastPage: Math.ceil(rows.length / perPage), total: rows.length };
      },
      getParticipantRecording: async (id: string) => rows.find((r) => r.id === id)!,
    };
    const make = () => {
      const adapter = createVideoSdkAdapter({ client, roomId: ROOM, events: (listener) => ((push = listener), () => {}) });
      adapter.connect(() => {});
      return adapter;
    };
    return { make, push: (w: unknown) => push(w), queries };
  }

  it('shows the stored recordings after a reload (no webhook seen), paged, by room', async () => {
    const rows = [stored('r3', 'c.webm', '2026-01-01T12:00:00Z'), stored('r2', 'b.webm', '2026-01-01T11:00:00Z'), stored('r1', 'a.webm', '2026-01-01T10:30:00Z')];
    const h = setup(rows);
    const page = await h.make().recordings.listRecordings({ page: 2, perPage: 2 });
    expect(h.queries.at(-1)).toEqual({ roomId: ROOM, page: 2, perPage: 2 });
    expect(page.items.map((a) => a.id)).toEqual(['r1']);
    expect(page.total).toBe(3);
    expect((await h.make().recordings.getRecording('r2')).stoppedAt).toBe(Date.parse('2026-01-01T11:00:00Z'));
  });

  it('shows a webhook’s recording until the stored list has it, then only the stored row: no duplicates, same list after a reload', async () => {
    const rows = [stored('r1', 'a.webm', '2026-01-01T10:30:00Z')];
    const h = setup(rows);
    const adapter = h.make();
    h.push({ at: Date.parse('2026-01-01T12:00:00Z'), webhook: stopped });
    const before = await adapter.recordings.listRecordings({});
    expect(before.items).toHaveLength(2);
    expect(before.total).toBe(2);
    // VideoSDK's list catches up: the same file, under the stored id.
    rows.unshift(stored('r-new', '62d148951a1eb20029fc9b05.mp4', '2026-01-01T12:00:01Z'));
    const after = await adapter.recordings.listRecordings({});
    expect(after.items.map((a) => a.id)).toEqual(['r-new', 'r1']);
    expect(after.total).toBe(2);
    const reloaded = await h.make().recordings.listRecordings({});
    expect(reloaded.items).toEqual(after.items);
  });
});
