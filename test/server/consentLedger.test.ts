// The consent ledger (issue 21, "A consent ledger"): one suite run against PGlite (Postgres in
// WASM), a real PostgreSQL server this file starts itself (Debian's `postgresql`, a throwaway data
// directory on a free loopback port, stopped afterwards), and the in-memory store.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgres, startPostgres, type PostgresProcess } from '../../scripts/postgres.mjs';
import {
  CONSENT_GENESIS_HASH,
  consentChainHash,
  createConsentLedger,
  createMemoryConsentStore,
  createPostgresConsentStore,
  type ConsentLedger,
  type ConsentRecordInput,
  type ConsentStore,
  type SqlClientLike,
} from '../../src/server/index.js';

const NO_POSTGRES =
  'No PostgreSQL server binaries (initdb, pg_ctl): run `node scripts/ensure.mjs --postgres` (installs Debian\u2019s postgresql as root) or set POSTGRES_BIN to the directory holding them.';

interface Backend {
  readonly name: string;
  /** A fresh store (the SQL ones on the shared database, under their own table prefix). */
  store(prefix: string): ConsentStore;
  /** Runs SQL directly (tamper tests); undefined for the memory store. */
  readonly sql: SqlClientLike | undefined;
}

let pglite: PGlite | undefined;
let server: PostgresProcess | undefined;
let pool: pg.Pool | undefined;

beforeAll(async () => {
  pglite = new PGlite();
  await pglite.waitReady;
  const bin = findPostgres();
  if (!bin) throw new Error(NO_POSTGRES);
  server = await startPostgres(bin, Number(process.env.ONAIR_POSTGRES_PORT) || undefined);
  pool = new pg.Pool({ connectionString: server.url, max: 8 });
}, 180_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
  await pglite?.close();
}, 120_000);

const backends: Backend[] = [
  { name: 'PGlite', store: (prefix) => createPostgresConsentStore({ client: pglite!, tablePrefix: prefix }), get sql() { return pglite; } },
  { name: 'PostgreSQL server', store: (prefix) => createPostgresConsentStore({ client: pool!, tablePrefix: prefix }), get sql() { return pool; } },
  { name: 'memory', store: () => createMemoryConsentStore(), sql: undefined },
];

let counter = 0;
const unique = (name: string) => `${name}_${Date.now().toString(36)}_${(counter += 1)}`;

const answer = (meetingId: string, over: Partial<ConsentRecordInput> = {}): ConsentRecordInput => ({
  meetingId,
  recordingId: 'rec-1',
  participantId: 'ada',
  participantName: 'Ada Lovelace',
  decision: 'agreed',
  notice: { id: 'recording-notice', version: '3', locale: 'en' },
  source: 'banner',
  ...over,
});

describe.each(backends)('21 ledger consent ledger on $name', (backend) => {
  let ledger: ConsentLedger;
  let prefix: string;
  let clock = Date.parse('2026-12-07T10:00:00.000Z');
  beforeAll(async () => {
    prefix = unique('t');
    ledger = createConsentLedger({ store: backend.store(prefix), now: () => clock });
    // Creates the tables (a slow first statement on a busy machine), so tests time only themselves.
    await ledger.verify('warm-up');
  }, 120_000);

  it('21 ledger: each answer is a record chained to the one before, timed by the server clock', async () => {
    const meetingId = unique('m');
    clock = Date.parse('2026-12-07T10:00:00.000Z');
    const first = await ledger.append(answer(meetingId));
    clock += 1_000;
    const second = await ledger.append(answer(meetingId, { participantId: 'grace', participantName: 'Grace Hopper', decision: 'declined' }));
    clock += 1_000;
    const third = await ledger.append(answer(meetingId, { decision: 'withdrawn', source: 'provider' }));

    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3]);
    expect(first.recordedAt).toBe('2026-12-07T10:00:00.000Z');
    expect(third.recordedAt).toBe('2026-12-07T10:00:02.000Z');
    expect(first.prevHash).toBe(CONSENT_GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(third.prevHash).toBe(second.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ participantId: 'grace', participantName: 'Grace Hopper', decision: 'declined', notice: { id: 'recording-notice', version: '3', locale: 'en' } });

    const listed = await ledger.list({ meetingId });
    expect(listed).toEqual([first, second, third]);
    expect(await ledger.verify(meetingId)).toEqual({ ok: true, count: 3, head: third.hash });
  });

  it('21 ledger: the same idempotency key answers the record already kept (a retried click adds nothing)', async () => {
    const meetingId = unique('m');
    const once = await ledger.append(answer(meetingId, { idempotencyKey: 'answer-1' }));
    const again = await ledger.append(answer(meetingId, { idempotencyKey: 'answer-1', decision: 'declined' }));
    expect(again).toEqual(once);
    const other = await ledger.append(answer(meetingId, { idempotencyKey: 'answer-2' }));
    expect(other.seq).toBe(2);
    // Keys are per meeting.
    const elsewhere = await ledger.append(answer(unique('m'), { idempotencyKey: 'answer-1' }));
    expect(elsewhere.seq).toBe(1);
    expect((await ledger.list({ meetingId })).map((e) => e.idempotencyKey)).toEqual(['answer-1', 'answer-2']);
  });

  it('21 ledger: concurrent appends to one meeting keep one unbroken chain; a key sent ten times at once is kept once', async () => {
    const meetingId = unique('m');
    const appended = await Promise.all(Array.from({ length: 40 }, (_, i) => ledger.append(answer(meetingId, { participantId: `p${i}`, idempotencyKey: `k${i}` }))));
    expect(new Set(appended.map((e) => e.seq)).size).toBe(40);
    const racing = await Promise.all(Array.from({ length: 10 }, () => ledger.append(answer(meetingId, { participantId: 'late', idempotencyKey: 'same-click' }))));
    expect(new Set(racing.map((e) => e.seq))).toEqual(new Set([41]));
    const verification = await ledger.verify(meetingId);
    expect(verification).toMatchObject({ ok: true, count: 41 });
    const listed = await ledger.list({ meetingId });
    expect(listed.map((e) => e.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  });

  it('21 ledger: list and export take a time range (from inclusive, to exclusive)', async () => {
    const meetingId = unique('m');
    for (let minute = 0; minute < 5; minute += 1) {
      clock = Date.parse(`2026-12-07T11:0${minute}:00.000Z`);
      await ledger.append(answer(meetingId, { participantId: `p${minute}` }));
    }
    const range = await ledger.list({ meetingId, from: '2026-12-07T11:01:00Z', to: new Date('2026-12-07T11:03:00Z') });
    expect(range.map((e) => e.participantId)).toEqual(['p1', 'p2']);
    const json = JSON.parse(await ledger.export({ meetingId, format: 'json', from: Date.parse('2026-12-07T11:03:00Z') })) as {
      verification: { ok: boolean; count: number };
      records: { participantId: string }[];
      from: string;
    };
    expect(json.records.map((r) => r.participantId)).toEqual(['p3', 'p4']);
    // The chain is verified whole, whatever the range.
    expect(json.verification).toMatchObject({ ok: true, count: 5 });
    expect(json.from).toBe('2026-12-07T11:03:00.000Z');
  });

  it('21 ledger: CSV export has one row per record and neutralizes spreadsheet formulas in names', async () => {
    const meetingId = unique('m');
    await ledger.append(answer(meetingId, { participantName: '=HYPERLINK("http://evil.example","x")' }));
    await ledger.append(answer(meetingId, { participantId: '__proto__', participantName: 'Dr. "Quote", Jr.', notice: undefined, recordingId: undefined }));
    const csv = await ledger.export({ meetingId, format: 'csv' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,recorded_at,meeting_id,recording_id,participant_id,participant_name,decision,notice_id,notice_version,notice_locale,source,idempotency_key,prev_hash,hash');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",agreed,recording-notice,3,en,banner,,${CONSENT_GENESIS_HASH},`);
    expect(lines[2]).toMatch(/^2,[^,]+,[^,]+,,__proto__,"Dr\. ""Quote"", Jr\.",agreed,,,,banner,,[0-9a-f]{64},[0-9a-f]{64}$/);
  });

  it('21 ledger: malformed answers are refused; ids from outside may be any string', async () => {
    const meetingId = unique('m');
    await expect(ledger.append({ ...answer(meetingId), decision: 'maybe' as 'agreed' })).rejects.toThrow(TypeError);
    await expect(ledger.append(answer(meetingId, { participantId: 'bad\u0000id' }))).rejects.toThrow(/control characters/);
    await expect(ledger.append(answer(meetingId, { participantName: 'x'.repeat(300) }))).rejects.toThrow(TypeError);
    await expect(ledger.append(answer(''))).rejects.toThrow(/meetingId/);
    const odd = await ledger.append(answer('constructor', { participantId: '__proto__', participantName: '🙂 Zoë' }));
    expect(odd).toMatchObject({ meetingId: 'constructor', participantId: '__proto__', participantName: '🙂 Zoë' });
    expect(await ledger.verify('constructor')).toMatchObject({ ok: true });
    expect(await ledger.verify(unique('never'))).toEqual({ ok: true, count: 0, head: null });
  });

  it('21 ledger: the hash is sha256(prevHash + "\\n" + canonical body), the same in SQL and in JavaScript', async () => {
    const meetingId = unique('m');
    const entry = await ledger.append(answer(meetingId, { participantName: 'Ünïcødé 名前' }));
    const body = JSON.stringify({
      v: 1,
      recordedAt: entry.recordedAt,
      meetingId,
      recordingId: 'rec-1',
      participantId: 'ada',
      participantName: 'Ünïcødé 名前',
      decision: 'agreed',
      notice: { id: 'recording-notice', version: '3', locale: 'en' },
      source: 'banner',
      idempotencyKey: null,
    });
    expect(entry.hash).toBe(await consentChainHash(CONSENT_GENESIS_HASH, body));
    // Web Crypto (Workers, Deno, browsers) gives the same as Node's synchronous hash used here.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${CONSENT_GENESIS_HASH}\n${body}`)));
    expect(entry.hash).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
  });

  if (backend.sql) {
    const sql = () => backend.sql!;
    const records = () => `${prefix}_records`;
    const threeRecords = async () => {
      const meetingId = unique('m');
      for (const participantId of ['ada', 'grace', 'linus']) await ledger.append(answer(meetingId, { participantId }));
      expect(await ledger.verify(meetingId)).toMatchObject({ ok: true, count: 3 });
      return meetingId;
    };

    it('21 ledger tamper: a changed answer breaks the chain at that record', async () => {
      const meetingId = await threeRecords();
      await sql().query(`UPDATE ${records()} SET body = replace(body, '"agreed"', '"declined"') WHERE meeting_id = $1 AND seq = 2`, [meetingId]);
      expect(await ledger.verify(meetingId)).toMatchObject({ ok: false, brokenAt: 2, reason: 'changed' });
    });

    it('21 ledger tamper: a changed time column (what range queries read) breaks the chain at that record', async () => {
      const meetingId = await threeRecords();
      await sql().query(`UPDATE ${records()} SET recorded_at = recorded_at - interval '1 day' WHERE meeting_id = $1 AND seq = 3`, [meetingId]);
      expect(await ledger.verify(meetingId)).toMatchObject({ ok: false, brokenAt: 3, reason: 'changed' });
    });

    it('21 ledger tamper: a row recomputed to look valid still breaks the link of the next one', async () => {
      const meetingId = await threeRecords();
      const { rows } = await sql().query(`SELECT body, prev_hash FROM ${records()} WHERE meeting_id = $1 AND seq = 1`, [meetingId]);
      const row = rows[0] as { body: string; prev_hash: string };
      const forged = row.body.replace('"agreed"', '"declined"');
      await sql().query(`UPDATE ${records()} SET body = $2, hash = $3 WHERE meeting_id = $1 AND seq = 1`, [meetingId, forged, await consentChainHash(row.prev_hash, forged)]);
      expect(await ledger.verify(meetingId)).toMatchObject({ ok: false, brokenAt: 2, reason: 'changed' });
    });

    it('21 ledger tamper: a deleted record is found (middle: missing; last: truncated)', async () => {
      const middle = await threeRecords();
      await sql().query(`DELETE FROM ${records()} WHERE meeting_id = $1 AND seq = 2`, [middle]);
      expect(await ledger.verify(middle)).toMatchObject({ ok: false, brokenAt: 2, reason: 'missing' });
      const last = await threeRecords();
      await sql().query(`DELETE FROM ${records()} WHERE meeting_id = $1 AND seq = 3`, [last]);
      expect(await ledger.verify(last)).toMatchObject({ ok: false, brokenAt: 3, reason: 'truncated', count: 2 });
      // The export still carries the records, with the verdict.
      const json = JSON.parse(await ledger.export({ meetingId: last, format: 'json' })) as { verification: { ok: boolean }; records: unknown[] };
      expect(json.verification.ok).toBe(false);
      expect(json.records).toHaveLength(2);
    });

    it('21 ledger: the schema is created on first use with a version row; a second store on it starts at once', async () => {
      const fresh = unique('s');
      const [a, b] = [backend.store(fresh), backend.store(fresh)];
      // Two stores creating the same tables at the same moment (two processes starting).
      await Promise.all([createConsentLedger({ store: a }).verify('x'), createConsentLedger({ store: b }).verify('x')]);
      const { rows } = await sql().query('SELECT version FROM onair_schema_versions WHERE component = $1', [`consent-ledger:${fresh}`]);
      expect(rows).toEqual([{ version: 1 }]);
      const entry = await createConsentLedger({ store: b }).append(answer('m'));
      expect(entry.seq).toBe(1);
    });
  }
});

describe('21 ledger createPostgresConsentStore options', () => {
  it('refuses a client without query and a table prefix that is not an identifier', () => {
    expect(() => createPostgresConsentStore({ client: {} as SqlClientLike })).toThrow(/query/);
    expect(() => createPostgresConsentStore({ client: { query: async () => ({ rows: [] }) }, tablePrefix: 'x; DROP TABLE y' })).toThrow(/tablePrefix/);
    expect(() => createConsentLedger({} as never)).toThrow(/store/);
  });
});
