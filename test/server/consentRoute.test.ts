// createConsentRoute on a real loopback http server (through toNodeHandler): answers recorded once
// per idempotency key, cross-site posts refused before authorize, authorize before the ledger,
// exports with the chain's verification (issue 21, "A consent ledger").
import { afterEach, describe, expect, it } from 'vitest';
import {
  createConsentLedger,
  createConsentRoute,
  createMemoryConsentStore,
  type ConsentIdentity,
  type ConsentRouteOptions,
  type ConsentRouteTarget,
  type ConsentStore,
} from '../../src/server/index.js';
import { serveRoute, type RouteServer } from './support/routeServer.js';

const BASE = '/api/consent';
let server: RouteServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: { store?: ConsentStore; authorize?: ConsentRouteOptions['authorize']; allowedOrigins?: ConsentRouteOptions['allowedOrigins'] } = {}) {
  const store = options.store ?? createMemoryConsentStore();
  const ledger = createConsentLedger({ store });
  const decisions: ConsentRouteTarget[] = [];
  const route = createConsentRoute({
    ledger,
    basePath: BASE,
    allowedOrigins: options.allowedOrigins,
    maxBodyBytes: 2048,
    authorize: (request, target) => {
      decisions.push(target);
      if (options.authorize) return options.authorize(request, target);
      if (request.headers.get('authorization') === 'moderator') return true;
      if (target.action === 'export') return false;
      return request.headers.get('authorization') === 'member';
    },
  });
  server = await serveRoute(route);
  return { ledger, decisions, origin: server.origin };
}

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ meetingId: 'm1', recordingId: 'r1', participantId: 'ada', participantName: 'Ada', decision: 'agreed', notice: { id: 'n', version: '2', locale: 'en' }, source: 'banner', idempotencyKey: 'k1', ...over });

const post = (origin: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${origin}${BASE}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, authorization: 'member', ...init.headers },
    body: init.body ?? body(),
  });

describe('21 ledger createConsentRoute', () => {
  it('21 ledger: records an answer once per idempotency key (a retry answers the same record)', async () => {
    const { ledger, decisions, origin } = await setup();
    const first = await post(origin);
    expect(first.status).toBe(200);
    const { entry } = (await first.json()) as { entry: { seq: number; participantId: string; notice: unknown; hash: string } };
    expect(entry).toMatchObject({ seq: 1, participantId: 'ada', notice: { id: 'n', version: '2', locale: 'en' } });
    const retry = await post(origin);
    expect(((await retry.json()) as { entry: { hash: string } }).entry.hash).toBe(entry.hash);
    expect(await ledger.list({ meetingId: 'm1' })).toHaveLength(1);
    expect(decisions[0]).toEqual({ action: 'answer', meetingId: 'm1', participantId: 'ada' });
  });

  it('21 ledger: an identity from authorize replaces the participant the browser named', async () => {
    const identity: ConsentIdentity = { participantId: 'session-user-7', participantName: 'Grace (from the session)' };
    const { ledger, origin } = await setup({ authorize: (_request, target) => (target.action === 'answer' ? identity : false) });
    const response = await post(origin, { body: body({ participantId: 'someone-else', participantName: 'Mallory', extra: 'dropped' }) });
    expect(response.status).toBe(200);
    const [entry] = await ledger.list({ meetingId: 'm1' });
    expect(entry).toMatchObject({ participantId: 'session-user-7', participantName: 'Grace (from the session)' });
    expect(entry).not.toHaveProperty('extra');
  });

  it('21 ledger: cross-site posts are refused before authorize and before anything is recorded', async () => {
    const { ledger, decisions, origin } = await setup();
    expect((await post(origin, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await post(origin, { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const noOrigin = await fetch(`${origin}${BASE}/answers`, { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', authorization: 'member' }, body: body() });
    expect(noOrigin.status).toBe(403);
    expect(decisions).toEqual([]);
    expect(await ledger.list({ meetingId: 'm1' })).toEqual([]);
  });

  it('21 ledger: allowedOrigins lets the app’s own front end post from another origin', async () => {
    const { origin } = await setup({ allowedOrigins: ['https://app.example'] });
    expect((await post(origin, { headers: { origin: 'https://app.example' } })).status).toBe(200);
    expect((await post(origin)).status).toBe(403);
  });

  it('21 ledger: refused answers leave the ledger untouched (403 not allowed, 413 too large, 400 malformed or no key)', async () => {
    const { ledger, origin } = await setup();
    expect((await post(origin, { headers: { authorization: 'stranger' } })).status).toBe(403);
    expect((await post(origin, { body: body({ participantName: 'x'.repeat(4000) }) })).status).toBe(413);
    const malformed = await post(origin, { body: body({ decision: 'maybe' }) });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toMatch(/decision/);
    expect((await post(origin, { body: body({ idempotencyKey: undefined }) })).status).toBe(400);
    expect((await post(origin, { body: '[1,2]' })).status).toBe(400);
    expect((await post(origin, { body: body({ meetingId: '__proto__' }) })).status).toBe(200);
    expect(await ledger.list({ meetingId: 'm1' })).toEqual([]);
  });

  it('21 ledger: a failing store answers 503 (the browser retries with the same key)', async () => {
    const broken: ConsentStore = { ...createMemoryConsentStore(), append: () => Promise.reject(new Error('connection refused')) };
    const { origin } = await setup({ store: broken });
    const response = await post(origin);
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('connection refused');
  });

  it('21 ledger: export for those authorize allows, JSON and CSV, with the chain’s verification', async () => {
    const { origin } = await setup();
    await post(origin);
    await post(origin, { body: body({ participantId: 'grace', decision: 'declined', idempotencyKey: 'k2' }) });
    const forbidden = await fetch(`${origin}${BASE}/export?meetingId=m1&format=json`, { headers: { authorization: 'member' } });
    expect(forbidden.status).toBe(403);

    const json = await fetch(`${origin}${BASE}/export?meetingId=m1&format=json`, { headers: { authorization: 'moderator' } });
    expect(json.status).toBe(200);
    expect(json.headers.get('onair-chain-ok')).toBe('true');
    const document = (await json.json()) as { verification: { ok: boolean; count: number }; records: { decision: string }[] };
    expect(document.verification).toMatchObject({ ok: true, count: 2 });
    expect(document.records.map((r) => r.decision)).toEqual(['agreed', 'declined']);

    const csv = await fetch(`${origin}${BASE}/export?meetingId=m1&format=csv`, { headers: { authorization: 'moderator' } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="consent-m1.csv"');
    expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(3);

    expect((await fetch(`${origin}${BASE}/export?meetingId=m1&format=xml`, { headers: { authorization: 'moderator' } })).status).toBe(400);
    expect((await fetch(`${origin}${BASE}/export?meetingId=m1&from=yesterday`, { headers: { authorization: 'moderator' } })).status).toBe(400);
  });

  it('21 ledger: an export of a tampered chain says where it breaks', async () => {
    const inner = createMemoryConsentStore();
    // The database changed under the ledger: the second record now reads "agreed".
    const tampered: ConsentStore = {
      ...inner,
      list: async (query) => (await inner.list(query)).map((row) => (row.seq === 2 ? { ...row, body: row.body.replace('"declined"', '"agreed"') } : row)),
    };
    const { origin } = await setup({ store: tampered });
    await post(origin);
    await post(origin, { body: body({ decision: 'declined', idempotencyKey: 'k2' }) });
    const csv = await fetch(`${origin}${BASE}/export?meetingId=m1&format=csv`, { headers: { authorization: 'moderator' } });
    expect(csv.headers.get('onair-chain-ok')).toBe('false');
    expect(csv.headers.get('onair-chain-broken-at')).toBe('2');
  });

  it('21 ledger: other paths and methods are 404; options are checked at creation', async () => {
    const { origin } = await setup();
    expect((await fetch(`${origin}${BASE}/answers`)).status).toBe(404);
    expect((await fetch(`${origin}${BASE}/export`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' })).status).toBe(404);
    expect((await fetch(`${origin}/elsewhere/answers`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: body() })).status).toBe(404);
    const ledger = createConsentLedger({ store: createMemoryConsentStore() });
    expect(() => createConsentRoute({ ledger, basePath: BASE } as unknown as ConsentRouteOptions)).toThrow(/authorize/);
    expect(() => createConsentRoute({ ledger, basePath: 'api', authorize: () => true })).toThrow(/basePath/);
    expect(() => createConsentRoute({ ledger, basePath: BASE, authorize: () => true, allowedOrigins: ['https://a.example/path'] })).toThrow(/allowedOrigins/);
  });
});
