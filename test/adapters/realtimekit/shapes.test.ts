import { describe, expect, it } from 'vitest';
import { createRealtimeKitClient, isRealtimeKitError, type RealtimeKitError } from '../../../src/adapters/realtimekit/index.js';
import { hasStaleLinks } from '../../../src/query/freshness.js';
import details from '../../fixtures/realtimekit/recording-details.json' with { type: 'json' };
import expiryEmpty from '../../fixtures/realtimekit/details-expiry-empty.json' with { type: 'json' };
import expiryMs from '../../fixtures/realtimekit/details-expiry-epoch-ms.json' with { type: 'json' };
import expirySeconds from '../../fixtures/realtimekit/details-expiry-epoch-seconds.json' with { type: 'json' };
import expiryNotADate from '../../fixtures/realtimekit/details-expiry-not-a-date.json' with { type: 'json' };
import expiryOutOfRange from '../../fixtures/realtimekit/details-expiry-out-of-range.json' with { type: 'json' };
import storageEcho from '../../fixtures/realtimekit/details-storage-echo.json' with { type: 'json' };
import noData from '../../fixtures/realtimekit/start-no-data.json' with { type: 'json' };
import layers from '../../fixtures/realtimekit/track-recording-layers.json' with { type: 'json' };

interface Seen {
  readonly url: string;
  readonly init: RequestInit;
}

const BASE = 'https://app.example/api/realtimekit';
const ID = '97440c6a-140b-40a9-9499-b23fd7a3868a';

/** A `fetch` playing the app's backend route: answers each request with `answer`, remembers it. */
function route(answer: (seen: Seen) => Response | Promise<Response>, seen: Seen[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const entry = { url: String(input), init: init ?? {} };
    seen.push(entry);
    return answer(entry);
  }) as typeof fetch;
}

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function failure(promise: Promise<unknown>): Promise<RealtimeKitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRealtimeKitError(error)).toBe(true);
  return error as RealtimeKitError;
}

describe('RealtimeKit answers without `data` (optional in Cloudflare’s SDK types)', () => {
  it('start, control and track resolve with null (accepted, no details) instead of failing as invalid', async () => {
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(noData)) });
    await expect(client.startRecording({ meetingId: 'm-1' })).resolves.toBeNull();
    await expect(client.stopRecording(ID)).resolves.toBeNull();
    await expect(client.pauseRecording(ID)).resolves.toBeNull();
    await expect(client.startTrackRecording({ meetingId: 'm-1' })).resolves.toBeNull();
    await expect(client.getActiveRecording('m-1')).resolves.toBeNull();
  });

  it('get-one without data is "no such recording" (404, no-data), not an invalid answer', async () => {
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(noData)) });
    const error = await failure(client.getRecording(ID));
    expect(error).toMatchObject({ kind: 'http', status: 404, code: 'no-data' });
    expect(error.permanent).toBe(true);
  });
});

describe('RealtimeKit download expiry', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const read = async (body: unknown) => createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(body)) }).getRecording(ID);

  it('reads numeric epoch expiries, in seconds and in milliseconds', async () => {
    expect((await read(expirySeconds)).downloadExpiresAt).toBe(4_092_850_522_000);
    expect((await read(expiryMs)).downloadExpiresAt).toBe(4_092_850_522_000);
    expect(hasStaleLinks(await read(expirySeconds), now)).toBe(false);
  });

  it.each([
    ['"not-a-date"', expiryNotADate],
    ['""', expiryEmpty],
    ['a date beyond the Date range', expiryOutOfRange],
  ])('counts an unreadable expiry (%s) as expired', async (_name, body) => {
    const asset = await read(body);
    expect(asset.downloadExpiresAt).not.toBeNull();
    expect(hasStaleLinks(asset, now)).toBe(true);
  });

  it('keeps a missing expiry as "does not expire"', async () => {
    const body = { success: true, data: { ...details.data, download_url_expiry: null } };
    const asset = await read(body);
    expect(asset.downloadExpiresAt).toBeNull();
    expect(hasStaleLinks(asset, now)).toBe(false);
  });
});

describe('RealtimeKit times', () => {
  it('reads numeric times and ignores those outside the Date range instead of rendering them', async () => {
    const body = { success: true, data: { ...details.data, invoked_time: 1_756_044_922, started_time: 1e20, stopped_time: '+275760-09-14T00:00:00.000Z' } };
    const asset = await createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(body)) }).getRecording(ID);
    expect(asset.invokedAt).toBe(1_756_044_922_000);
    expect(asset.startedAt).toBeNull();
    expect(asset.stoppedAt).toBeNull();
  });
});

describe('RealtimeKit track recordings with layered download URLs', () => {
  it('offers every file of every layer, labelled by layer and track', async () => {
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(layers)) });
    const asset = (await client.startTrackRecording({ meetingId: 'm-1' }))!;
    expect(asset.downloads).toEqual([
      { kind: 'track', url: 'https://rtk-recordings.example.r2.cloudflarestorage.com/c0ffee00/default/user-123.webm', label: 'default · user-123' },
      { kind: 'track', url: 'https://rtk-recordings.example.r2.cloudflarestorage.com/c0ffee00/default/user-456.webm', label: 'default · user-456' },
      { kind: 'track', url: 'https://rtk-recordings.example.r2.cloudflarestorage.com/c0ffee00/interviewer/user-789.webm', label: 'interviewer · user-789' },
    ]);
  });

  it('keeps the file of a track whatever its id (`__proto__`, `constructor` …)', async () => {
    const body =
      '{"success":true,"data":{"recording":{"id":"x","status":"UPLOADED","download_url":[{"layer_name":"toString","download_urls":{"__proto__":{"download_url":"https://a.example/p.webm"},"constructor":{"download_url":"https://a.example/c.webm"},"hasOwnProperty":"https://a.example/h.webm"}}]}}}';
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => new Response(body, { status: 200 })) });
    const asset = (await client.startTrackRecording({ meetingId: 'm-1' }))!;
    expect(asset.downloads.map((d) => d.label)).toEqual(['toString · __proto__', 'toString · constructor', 'toString · hasOwnProperty']);
  });
});

describe('RealtimeKit storage secrets', () => {
  it('sends no key containing "secret" in any case, nor other credentials, in a start', async () => {
    const seen: Seen[] = [];
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(details), seen) });
    await client.startRecording({
      meetingId: 'm-1',
      providerOptions: {
        storage_config: { type: 'aws', bucket: 'b', region: 'eu', access_key: 'A', secret: 's', secret_key: 'k', Secret: 'S', SECRET_ACCESS_KEY: 'K', nested: { clientSecret: 'x', keep: 1 } },
      },
    });
    const sent = seen[0]!.init.body as string;
    expect(sent).not.toMatch(/secret|access_key/i);
    expect(JSON.parse(sent).storage_config).toEqual({ type: 'aws', bucket: 'b', region: 'eu', nested: { keep: 1 } });
  });

  it('keeps nothing of an echoed storage config but type, bucket, region and path', async () => {
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json(storageEcho)) });
    const asset = await client.getRecording(ID);
    expect(asset.storage).toEqual({ type: 'aws', bucket: 'acme-recordings', region: 'us-east-1', path: 'meetings/' });
    expect(JSON.stringify(asset)).not.toMatch(/secret|AKIA/i);
  });
});

describe('RealtimeKit client: redirects, HTML pages and the whole-call timeout', () => {
  it('never follows a redirect to another origin with the app’s headers', async () => {
    const seen: Seen[] = [];
    const client = createRealtimeKitClient({
      baseUrl: BASE,
      headers: { 'X-CSRF-Token': 'app-csrf' },
      fetch: route(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/steal' } }), seen),
    });
    const error = await failure(client.getRecording(ID));
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect(error.message).toMatch(/another site/);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.init.redirect).toBe('manual');
  });

  it('follows a same-origin redirect, keeping method and headers', async () => {
    const seen: Seen[] = [];
    const client = createRealtimeKitClient({
      baseUrl: BASE,
      headers: { 'X-CSRF-Token': 'app-csrf' },
      fetch: route(({ url }) => (url.endsWith('/moved') ? json(details) : new Response(null, { status: 307, headers: { location: '/api/realtimekit/moved' } })), seen),
    });
    expect((await client.getRecording(ID)).id).toBe(ID);
    expect(seen.map((s) => s.url)).toEqual([`${BASE}/recordings/${ID}`, 'https://app.example/api/realtimekit/moved']);
    expect(new Headers(seen[1]!.init.headers).get('x-csrf-token')).toBe('app-csrf');
  });

  it('refuses the browser’s opaque redirect (its target cannot be checked)', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => opaque) });
    const error = await failure(client.getRecording(ID));
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/redirect/);
  });

  it('turns an HTML error page into a short status line, never markup', async () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>';
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } })) });
    const error = await failure(client.listRecordings({}));
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message).not.toMatch(/</);
    const ok = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => new Response(page, { status: 200, headers: { 'content-type': 'text/html' } })) });
    const unreadable = await failure(ok.listRecordings({}));
    expect(unreadable.kind).toBe('invalid-response');
    expect(unreadable.message).not.toMatch(/</);
  });

  it('an HTML page inside a JSON error message is not shown either', async () => {
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: route(() => json({ success: false, error: { code: 500, message: '<html><body>oops</body></html>' } }, 500)) });
    const error = await failure(client.listRecordings({}));
    expect(error.message).toBe('The recordings service failed (500 Internal Server Error). Try again.');
  });

  it('times out while the app’s headers function never settles', async () => {
    let calls = 0;
    const client = createRealtimeKitClient({
      baseUrl: BASE,
      timeoutMs: 50,
      headers: () => new Promise<HeadersInit>(() => {}),
      fetch: route(() => {
        calls += 1;
        return json(details);
      }),
    });
    const error = await failure(client.getRecording(ID));
    expect(error.kind).toBe('timeout');
    expect(calls).toBe(0);
  });

  it('times out while the body trickles and never ends', async () => {
    const trickle = (): Response =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"success":true,'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const client = createRealtimeKitClient({ baseUrl: BASE, timeoutMs: 50, fetch: route(trickle) });
    const error = await failure(client.getRecording(ID));
    expect(error.kind).toBe('timeout');
  });
});
