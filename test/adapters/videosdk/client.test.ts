import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVideoSdkClient, isVideoSdkError, type VideoSdkError } from '../../../src/adapters/videosdk/index.js';
import documentedBody from '../../fixtures/videosdk/start-participant-recording-request.json';

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>, seen: Seen[] = []): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const entry = { url: String(url), init: init ?? {} };
    seen.push(entry);
    return answer(entry);
  }) as typeof fetch;
}

describe('createVideoSdkClient', () => {
  it('posts the documented start body with the token as Authorization (no prefix)', async () => {
    const seen: Seen[] = [];
    const client = createVideoSdkClient({
      getToken: () => 'jwt-from-app-backend',
      fetch: fakeFetch(() => new Response(JSON.stringify('participant recording started successfully'), { status: 200 }), seen),
    });
    const result = await client.startParticipantRecording(documentedBody);
    expect(seen[0]!.url).toBe('https://api.videosdk.live/v2/recordings/participant/start');
    expect(seen[0]!.init.method).toBe('POST');
    expect(new Headers(seen[0]!.init.headers).get('authorization')).toBe('jwt-from-app-backend');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual(documentedBody);
    expect(result.message).toBe('participant recording started successfully');
  });

  it('posts stop with roomId and participantId to the app’s base URL, defaulting fileFormat on start', async () => {
    const seen: Seen[] = [];
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk/', getToken: async () => 't', fetch: fakeFetch(() => new Response(null, { status: 200 }), seen) });
    await client.startParticipantRecording({ roomId: 'r', participantId: 'p' });
    await client.stopParticipantRecording({ roomId: 'r', participantId: 'p' });
    expect(seen.map((s) => s.url)).toEqual(['/api/videosdk/v2/recordings/participant/start', '/api/videosdk/v2/recordings/participant/stop']);
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ roomId: 'r', participantId: 'p', fileFormat: 'webm' });
    expect(JSON.parse(seen[1]!.init.body as string)).toEqual({ roomId: 'r', participantId: 'p' });
  });

  it('rejects with a typed http error carrying the provider message and status', async () => {
    const client = createVideoSdkClient({
      getToken: () => 't',
      fetch: fakeFetch(() => new Response(JSON.stringify({ statusCode: 400, message: 'Participant not found in room.' }), { status: 400 })),
    });
    const error = await client.startParticipantRecording({ roomId: 'r', participantId: 'p' }).catch((e: unknown) => e);
    expect(isVideoSdkError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 400, message: 'Participant not found in room.', provider: 'videosdk', request: 'POST /v2/recordings/participant/start' });
    expect((error as VideoSdkError).permanent).toBe(true);
  });

  it('says why in its own words when the body is empty', async () => {
    const client = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(() => new Response('', { status: 401 })) });
    await expect(client.stopParticipantRecording({ roomId: 'r', participantId: 'p' })).rejects.toMatchObject({ kind: 'http', status: 401, message: expect.stringMatching(/token/) });
  });

  it('reports network failures, timeouts and aborts as such', async () => {
    const failing = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(() => Promise.reject(new TypeError('fetch failed'))) });
    await expect(failing.startParticipantRecording({ roomId: 'r', participantId: 'p' })).rejects.toMatchObject({ kind: 'network', status: 0 });

    const hanging = (async (_url: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const slow = createVideoSdkClient({ getToken: () => 't', fetch: hanging, timeoutMs: 20 });
    await expect(slow.startParticipantRecording({ roomId: 'r', participantId: 'p' })).rejects.toMatchObject({ kind: 'timeout' });

    const controller = new AbortController();
    const pending = createVideoSdkClient({ getToken: () => 't', fetch: hanging }).stopParticipantRecording({ roomId: 'r', participantId: 'p' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    const before = new AbortController();
    before.abort();
    await expect(slow.startParticipantRecording({ roomId: 'r', participantId: 'p' }, { signal: before.signal })).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('fails clearly when the app cannot give a token, and validates ids', async () => {
    const client = createVideoSdkClient({ getToken: () => Promise.reject(new Error('401 from /token')), fetch: fakeFetch(() => new Response('')) });
    await expect(client.startParticipantRecording({ roomId: 'r', participantId: 'p' })).rejects.toMatchObject({ kind: 'network', message: /token/ });
    await expect(client.startParticipantRecording({ roomId: '', participantId: 'p' })).rejects.toThrow(/roomId/);
  });

  describe('the relay webhook secret never leaves from a browser or straight to VideoSDK', () => {
    afterEach(() => vi.unstubAllGlobals());
    const ok = () => new Response(null, { status: 200 });
    const withSecret = 'https://app.example/videosdk/webhook?token=relay-secret-0123456789';

    it('refuses a webhookUrl carrying the secret parameter towards the public API, before any request', async () => {
      const seen: Seen[] = [];
      const client = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(ok, seen) });
      await expect(client.startParticipantRecording({ roomId: 'r', participantId: 'p', webhookUrl: withSecret })).rejects.toThrow(
        /webhookUrl carries the relay's webhook secret \("token" parameter\).*forge webhooks.*backend/,
      );
      await expect(
        createVideoSdkClient({ baseUrl: 'https://api.videosdk.live/', getToken: () => 't', fetch: fakeFetch(ok, seen) }).startParticipantRecording({
          roomId: 'r',
          participantId: 'p',
          webhookUrl: 'https://app.example/hook?x=1&token=s',
        }),
      ).rejects.toThrow(TypeError);
      expect(seen).toHaveLength(0);
      // A webhook URL without the secret is fine.
      await client.startParticipantRecording({ roomId: 'r', participantId: 'p', webhookUrl: 'https://app.example/videosdk/webhook' });
      expect(seen).toHaveLength(1);
    });

    it('takes the name of the secret parameter', async () => {
      const seen: Seen[] = [];
      const client = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(ok, seen), webhookSecretParam: 'relayKey' });
      await expect(client.startParticipantRecording({ roomId: 'r', participantId: 'p', webhookUrl: 'https://app.example/w?relayKey=s' })).rejects.toThrow(/"relayKey" parameter/);
      await client.startParticipantRecording({ roomId: 'r', participantId: 'p', webhookUrl: 'https://app.example/w?token=not-the-relay' });
      expect(seen).toHaveLength(1);
    });

    it('lets the app’s backend send it: a server-side client, or a browser client’s backend route', async () => {
      const seen: Seen[] = [];
      await createVideoSdkClient({ serverSide: true, getToken: () => 't', fetch: fakeFetch(ok, seen) }).startParticipantRecording({
        roomId: 'r',
        participantId: 'p',
        webhookUrl: withSecret,
      });
      expect(JSON.parse(seen[0]!.init.body as string)).toMatchObject({ webhookUrl: withSecret });
    });

    it('refuses it in a browser whatever the baseUrl and serverSide say', async () => {
      vi.stubGlobal('document', {});
      const seen: Seen[] = [];
      for (const options of [{ baseUrl: '/api/videosdk' }, { serverSide: true }]) {
        const client = createVideoSdkClient({ ...options, getToken: () => 't', fetch: fakeFetch(ok, seen) });
        await expect(client.startParticipantRecording({ roomId: 'r', participantId: 'p', webhookUrl: withSecret })).rejects.toThrow(/in the browser/);
      }
      expect(seen).toHaveLength(0);
    });
  });
});

describe('19: listLiveStreamDestinations', () => {
  it('19: GET {baseUrl}/v2/livestreams/destinations with the token; gives { id, name } only — never a url or key a misconfigured server let through', async () => {
    const seen: Seen[] = [];
    const body = {
      data: [
        { id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'leaked-key-1234' },
        { id: 'twitch', name: 'Twitch' },
      ],
    };
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 'app-session', fetch: fakeFetch(() => Response.json(body), seen) });
    const listed = await client.listLiveStreamDestinations();
    expect(seen[0]!.url).toBe('/api/videosdk/v2/livestreams/destinations');
    expect(seen[0]!.init.method).toBe('GET');
    expect(new Headers(seen[0]!.init.headers).get('authorization')).toBe('app-session');
    expect(listed).toEqual([
      { id: 'youtube', name: 'YouTube' },
      { id: 'twitch', name: 'Twitch' },
    ]);
    expect(JSON.stringify(listed)).not.toContain('leaked-key-1234');
    expect(JSON.stringify(listed)).not.toContain('rtmp://');
  });

  it('19: hostile entries: any string id is kept as data (__proto__, constructor), malformed and repeated ids are dropped, a missing name shows the id', async () => {
    const body = JSON.parse(
      '{"data":[{"id":"__proto__","name":"Proto"},{"id":"constructor","name":"Ctor"},{"id":"","name":"Empty"},{"id":7,"name":"Number"},null,"youtube",{"id":"constructor","name":"Again"},{"id":"kick"}]}',
    );
    const client = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(() => Response.json(body)) });
    const listed = await client.listLiveStreamDestinations();
    expect(listed).toEqual([
      { id: '__proto__', name: 'Proto' },
      { id: 'constructor', name: 'Ctor' },
      { id: 'kick', name: 'kick' },
    ]);
    expect(Object.getPrototypeOf(listed[0])).toBe(Object.prototype);
  });

  it('19: an answer without a data list is an invalid-response error; a refusal is an http error with its status', async () => {
    const odd = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(() => Response.json({ data: { youtube: 'YouTube' } })) });
    const invalid = await odd.listLiveStreamDestinations().catch((error: VideoSdkError) => error);
    expect(isVideoSdkError(invalid) && invalid.kind).toBe('invalid-response');
    const refused = createVideoSdkClient({ getToken: () => 't', fetch: fakeFetch(() => Response.json({ message: 'Forbidden' }, { status: 403 })) });
    const error = await refused.listLiveStreamDestinations().catch((e: VideoSdkError) => e);
    expect(isVideoSdkError(error) && [error.kind, error.status]).toEqual(['http', 403]);
  });
});
