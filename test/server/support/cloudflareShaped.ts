// The simulated RealtimeKit backend cut to what Cloudflare's own types promise, for the route tests.
import type { RealtimeKitBackend } from '../../../src/simulator/realtimekit/index.js';

/**
 * The simulator as Cloudflare's types describe the API (`cloudflare` 7.3
 * `resources/realtime-kit/recordings.d.ts`, `sessions.d.ts`): `meeting` only on list items
 * (`RecordingGetRecordingsResponse.Data.meeting`), never on details, active, start, control or track
 * answers; `GET /sessions/{session_id}` answers `{ success, data: { id, associated_id } }`
 * (`SessionGetSessionDetailsResponse`).
 */
export function cloudflareShaped(backend: RealtimeKitBackend): (request: Request) => Promise<Response> {
  const meetingOfSession = new Map<string, string>();
  const note = (record: unknown): void => {
    const r = record as { session_id?: unknown; meeting?: { id?: unknown } } | null;
    if (r && typeof r.session_id === 'string' && typeof r.meeting?.id === 'string') meetingOfSession.set(r.session_id, r.meeting.id);
  };
  return async (request) => {
    const url = new URL(request.url);
    const session = /\/sessions\/([^/]+)$/.exec(url.pathname);
    if (session) {
      const meeting = meetingOfSession.get(decodeURIComponent(session[1]!));
      return meeting
        ? Response.json({ success: true, data: { id: decodeURIComponent(session[1]!), associated_id: meeting, meeting_display_name: 'Weekly sync' } })
        : Response.json({ success: false, error: { code: 404, message: 'Session not found' } }, { status: 404 });
    }
    const answer = await backend.handle(request);
    const json = (await answer.json().catch(() => undefined)) as { data?: unknown } | undefined;
    if (!json) return new Response(null, { status: answer.status });
    const isList = request.method === 'GET' && url.pathname.endsWith('/recordings');
    for (const record of Array.isArray(json.data) ? json.data : [json.data, (json.data as { recording?: unknown } | undefined)?.recording]) {
      note(record);
      if (!isList && record && typeof record === 'object') delete (record as { meeting?: unknown }).meeting;
    }
    return Response.json(json, { status: answer.status });
  };
}

