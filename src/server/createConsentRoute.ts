import type { ConsentLedger, ConsentRecordInput } from './createConsentLedger.js';
import { checkAllowedOrigins, checkBasePath, jsonResponse, own, pathUnder, readJsonBody, refuseCrossSite, type AllowedOrigins } from './routeSupport.js';

/**
 * What {@link ConsentRouteOptions.authorize} decides about: a participant's `answer` in a meeting,
 * or an `export` of a meeting's records (moderators, admins, auditors).
 *
 * @public
 */
export interface ConsentRouteTarget {
  readonly action: 'answer' | 'export';
  readonly meetingId: string;
  /** The participant the answer names (`answer` only), as the browser sent it. */
  readonly participantId: string | undefined;
}

/**
 * Who the caller is, as the app's session knows it: returned by `authorize` for an `answer`, it
 * replaces the participant the browser named (so nobody can answer for someone else).
 *
 * @public
 */
export interface ConsentIdentity {
  readonly participantId: string;
  readonly participantName?: string | undefined;
}

/**
 * Options of {@link createConsentRoute}.
 *
 * @public
 */
export interface ConsentRouteOptions {
  readonly ledger: ConsentLedger;
  /**
   * Runs before the ledger is touched. `true` allows; a {@link ConsentIdentity} allows and records
   * that participant instead of the one in the body (recommended for `answer`); anything else
   * answers 403.
   */
  readonly authorize: (request: Request, target: ConsentRouteTarget) => boolean | ConsentIdentity | Promise<boolean | ConsentIdentity>;
  /** Where the route is mounted: `POST {basePath}/answers`, `GET {basePath}/export`. */
  readonly basePath: string;
  /** Origins that may post answers. Default: only the route's own origin. */
  readonly allowedOrigins?: AllowedOrigins | undefined;
  /** Largest answer body, in bytes (413 above). Default 4 KiB. */
  readonly maxBodyBytes?: number | undefined;
}

function fail(status: number, message: string): Response {
  return jsonResponse({ message }, status);
}

const FIELDS = ['meetingId', 'recordingId', 'participantId', 'participantName', 'decision', 'notice', 'source', 'idempotencyKey'] as const;

function isIdentity(value: unknown): value is ConsentIdentity {
  return typeof value === 'object' && value !== null && typeof (value as ConsentIdentity).participantId === 'string';
}

/**
 * A Fetch-standard route in front of a {@link ConsentLedger}:
 *
 * - `POST {basePath}/answers` with a JSON answer (`meetingId`, `recordingId`, `participantId`,
 *   `participantName`, `decision`, `notice`, `source`, and the required `idempotencyKey`) → 200
 *   with the kept `entry` (the record already kept under that key when it is a retry). Refused cross-site first (415 unless
 *   `application/json`, 403 from an origin not allowed), body capped (413), then `authorize`, then
 *   the ledger; a malformed answer is 400.
 * - `GET {basePath}/export?meetingId=…&format=json|csv[&from=…&to=…]` → the export, after
 *   `authorize` said yes for `export`. The chain's verification comes in the JSON document and,
 *   for both formats, in the headers `onair-chain-ok` (`true`/`false`) and `onair-chain-broken-at`.
 *
 * Anything else is 404; a failing store is 503 (the browser's client retries with the same key).
 *
 * @example
 * ```ts
 * // app/api/consent/[...path]/route.ts (Next.js)
 * import { createConsentLedger, createConsentRoute, createPostgresConsentStore } from 'onair-react/server';
 * import pg from 'pg';
 *
 * const ledger = createConsentLedger({ store: createPostgresConsentStore({ client: new pg.Pool() }) });
 * const route = createConsentRoute({
 *   ledger,
 *   basePath: '/api/consent',
 *   authorize: async (request, { action, meetingId }) => {
 *     const session = await sessionOf(request);
 *     if (!session?.meetings.includes(meetingId)) return false;
 *     if (action === 'export') return session.isModerator;
 *     return { participantId: session.userId, participantName: session.displayName };
 *   },
 * });
 * export { route as GET, route as POST };
 *
 * // Browser: <OnAirProvider consentLedger={{ url: '/api/consent/answers', meetingId }} …>
 * ```
 *
 * @public
 */
export function createConsentRoute(options: ConsentRouteOptions): (request: Request) => Promise<Response> {
  const ledger = options?.ledger;
  if (!ledger || typeof ledger.append !== 'function') throw new TypeError('createConsentRoute: `ledger` is required (createConsentLedger({ store })).');
  if (typeof options.authorize !== 'function') throw new TypeError('createConsentRoute: `authorize(request, { action, meetingId })` is required.');
  const basePath = checkBasePath('createConsentRoute', options.basePath);
  const allowed = checkAllowedOrigins('createConsentRoute', options.allowedOrigins);
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024;

  async function answer(request: Request): Promise<Response> {
    const refused = refuseCrossSite(request, allowed, fail);
    if (refused) return refused;
    const body = await readJsonBody(request, maxBodyBytes, fail);
    if (body instanceof Response) return body;
    const meetingId = own(body, 'meetingId');
    const participantId = own(body, 'participantId');
    if (typeof meetingId !== 'string' || meetingId === '') return fail(400, 'meetingId is required.');
    if (typeof own(body, 'idempotencyKey') !== 'string') return fail(400, 'idempotencyKey is required (one per answer, reused on retries).');
    const decision = await options.authorize(request, { action: 'answer', meetingId, participantId: typeof participantId === 'string' ? participantId : undefined });
    if (decision !== true && !isIdentity(decision)) return fail(403, 'Not allowed.');
    // Only the documented fields go to the ledger; the time is the server's.
    const record = Object.fromEntries(FIELDS.map((key) => [key, own(body, key)])) as unknown as ConsentRecordInput;
    const input: ConsentRecordInput = isIdentity(decision)
      ? { ...record, participantId: decision.participantId, participantName: decision.participantName ?? record.participantName }
      : record;
    let entry;
    try {
      entry = await ledger.append(input);
    } catch (error) {
      if (error instanceof TypeError) return fail(400, error.message);
      return fail(503, 'The consent could not be recorded. Try again.');
    }
    return jsonResponse({ entry });
  }

  async function exportRecords(request: Request, url: URL): Promise<Response> {
    const meetingId = url.searchParams.get('meetingId');
    const format = url.searchParams.get('format') ?? 'json';
    if (!meetingId) return fail(400, 'meetingId is required.');
    if (format !== 'json' && format !== 'csv') return fail(400, 'format must be json or csv.');
    const decision = await options.authorize(request, { action: 'export', meetingId, participantId: undefined });
    if (decision !== true && !isIdentity(decision)) return fail(403, 'Not allowed.');
    const from = url.searchParams.get('from') ?? undefined;
    const to = url.searchParams.get('to') ?? undefined;
    let text: string;
    let verification;
    try {
      [text, verification] = await Promise.all([ledger.export({ meetingId, format, from, to }), ledger.verify(meetingId)]);
    } catch (error) {
      if (error instanceof TypeError) return fail(400, error.message);
      return fail(503, 'The consent records could not be read. Try again.');
    }
    const headers = new Headers({
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'onair-chain-ok': String(verification.ok),
      'access-control-expose-headers': 'onair-chain-ok, onair-chain-broken-at',
    });
    if (verification.brokenAt !== undefined) headers.set('onair-chain-broken-at', String(verification.brokenAt));
    if (format === 'csv') headers.set('content-disposition', `attachment; filename="consent-${meetingId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80)}.csv"`);
    return new Response(text, { status: 200, headers });
  }

  return async function consentRoute(request: Request): Promise<Response> {
    try {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return fail(404, 'Not found');
      }
      const rest = pathUnder(url.pathname, basePath);
      const method = request.method.toUpperCase();
      if (rest === '/answers' && method === 'POST') return await answer(request);
      if (rest === '/export' && method === 'GET') return await exportRecords(request, url);
      return fail(404, 'Not found');
    } catch {
      return fail(500, 'The consent route failed.');
    }
  };
}
