import { CONSENT_GENESIS_HASH, type ConsentStore, type ConsentStoreRow } from './consentStore.js';

/**
 * Anything that runs one SQL statement with `$1…` parameters and answers its rows: a `pg` `Pool`
 * or `Client`, or a PGlite instance.
 *
 * @public
 */
export interface SqlClientLike {
  query(text: string, params?: unknown[]): Promise<{ readonly rows: readonly unknown[] }>;
}

/**
 * Options of {@link createPostgresConsentStore}.
 *
 * @public
 */
export interface PostgresConsentStoreOptions {
  /** `new pg.Pool({ connectionString })`, a `pg.Client`, or `new PGlite(dataDir)`. */
  readonly client: SqlClientLike;
  /**
   * Prefix of the tables (`<prefix>_records`, `<prefix>_heads`, and the shared
   * `onair_schema_versions`). Lower-case letters, digits and `_`. Default `onair_consent`.
   */
  readonly tablePrefix?: string | undefined;
}

/** The schema version this code writes; `onair_schema_versions` remembers which one a database has. */
const SCHEMA_VERSION = 1;

interface RawRow {
  readonly meeting_id: string;
  readonly seq: number | string | bigint;
  readonly recorded_at: Date | string;
  readonly idempotency_key: string | null;
  readonly body: string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly created?: boolean;
}

function toRow(raw: RawRow): ConsentStoreRow {
  const at = raw.recorded_at instanceof Date ? raw.recorded_at : new Date(raw.recorded_at);
  return {
    meetingId: raw.meeting_id,
    seq: Number(raw.seq),
    recordedAt: Number.isNaN(at.getTime()) ? String(raw.recorded_at) : at.toISOString(),
    idempotencyKey: raw.idempotency_key ?? undefined,
    body: raw.body,
    prevHash: raw.prev_hash,
    hash: raw.hash,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * A {@link ConsentStore} on PostgreSQL (11 or newer) through `pg`, or on PGlite — the same SQL.
 * Tables are created on first use (`<prefix>_records`, `<prefix>_heads`), and the schema's version
 * is kept in `onair_schema_versions` for later migrations.
 *
 * Each append is **one statement**, so it is atomic on a `pg` Pool (where consecutive `query`
 * calls may run on different connections, so `BEGIN`…`COMMIT` across calls cannot be relied on)
 * as much as on one connection or PGlite. The statement advances the meeting's head row with
 * `INSERT … ON CONFLICT DO UPDATE` — Postgres locks that row and computes the new hash from its
 * newest committed version, so concurrent appends to one meeting queue on the row and each links
 * to the one before (a plain read of the last record would see a snapshot taken before the wait,
 * and two appends could fork the chain) — and inserts the record from what the head returns. The
 * hash is computed in SQL (`sha256`, built in since PostgreSQL 11). A second append racing with
 * the same idempotency key fails on the unique index, rolls back entirely, and is retried once to
 * answer the record the first one kept. Appends to different meetings do not wait for each other.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createConsentLedger, createPostgresConsentStore } from 'onair-react/server';
 *
 * const store = createPostgresConsentStore({ client: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * export const ledger = createConsentLedger({ store });
 *
 * // Development, tests, a demo — Postgres in WASM, no server:
 * // import { PGlite } from '@electric-sql/pglite';
 * // createPostgresConsentStore({ client: new PGlite('./.consent') })
 * ```
 *
 * @public
 */
export function createPostgresConsentStore(options: PostgresConsentStoreOptions): ConsentStore {
  const client = options?.client;
  if (!client || typeof client.query !== 'function') {
    throw new TypeError('createPostgresConsentStore: `client` must have query(text, params) (a pg Pool or Client, or PGlite).');
  }
  const prefix = options.tablePrefix ?? 'onair_consent';
  if (typeof prefix !== 'string' || !/^[a-z_][a-z0-9_]{0,39}$/.test(prefix)) {
    throw new TypeError('createPostgresConsentStore: `tablePrefix` must be lower-case letters, digits and _ (at most 40).');
  }
  const records = `${prefix}_records`;
  const heads = `${prefix}_heads`;
  const component = `consent-ledger:${prefix}`;

  // One DO block: a single statement, so it runs in one transaction on whichever connection a
  // Pool picks; the advisory lock keeps two processes starting at once from creating twice.
  const schema = `DO $onair$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('onair_schema_versions'));
  CREATE TABLE IF NOT EXISTS onair_schema_versions (
    component text PRIMARY KEY,
    version integer NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  );
  IF NOT EXISTS (SELECT 1 FROM onair_schema_versions WHERE component = '${component}' AND version >= ${SCHEMA_VERSION}) THEN
    CREATE TABLE IF NOT EXISTS ${heads} (
      meeting_id text PRIMARY KEY,
      seq bigint NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${records} (
      meeting_id text NOT NULL,
      seq bigint NOT NULL,
      recorded_at timestamptz NOT NULL,
      idempotency_key text,
      body text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (meeting_id, seq)
    );
    CREATE UNIQUE INDEX IF NOT EXISTS ${records}_idempotency ON ${records} (meeting_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ${records}_time ON ${records} (meeting_id, recorded_at);
    INSERT INTO onair_schema_versions (component, version) VALUES ('${component}', ${SCHEMA_VERSION})
      ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, applied_at = now();
  END IF;
END
$onair$`;

  let ready: Promise<void> | undefined;
  const ensure = (): Promise<void> => {
    ready ??= client.query(schema).then(
      () => undefined,
      (error: unknown) => {
        ready = undefined; // try again on the next call
        throw error;
      },
    );
    return ready;
  };

  const columns = 'meeting_id, seq, recorded_at, idempotency_key, body, prev_hash, hash';
  const hashOf = (prev: string) => `encode(sha256(convert_to(${prev} || E'\\n' || $4::text, 'UTF8')), 'hex')`;
  // $1 meeting, $2 idempotency key (or null), $3 recorded at, $4 body.
  const appendSql = `WITH existing AS (
  SELECT ${columns}, false AS created FROM ${records} WHERE meeting_id = $1::text AND idempotency_key = $2::text
), head AS (
  INSERT INTO ${heads} AS h (meeting_id, seq, prev_hash, hash)
  SELECT $1::text, 1, '${CONSENT_GENESIS_HASH}', ${hashOf(`'${CONSENT_GENESIS_HASH}'`)}
  WHERE NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT (meeting_id) DO UPDATE SET seq = h.seq + 1, prev_hash = h.hash, hash = ${hashOf('h.hash')}
  RETURNING seq, prev_hash, hash
), inserted AS (
  INSERT INTO ${records} (${columns})
  SELECT $1::text, seq, $3::timestamptz, $2::text, $4::text, prev_hash, hash FROM head
  RETURNING ${columns}, true AS created
)
SELECT * FROM inserted UNION ALL SELECT * FROM existing`;

  return {
    async append(entry) {
      await ensure();
      const params = [entry.meetingId, entry.idempotencyKey ?? null, entry.recordedAt, entry.body];
      for (let attempt = 0; ; attempt += 1) {
        try {
          const { rows } = await client.query(appendSql, params);
          const raw = rows[0] as RawRow | undefined;
          if (!raw) throw new Error('createPostgresConsentStore: the append answered no row.');
          return { row: toRow(raw), created: raw.created === true };
        } catch (error) {
          // Another append with this idempotency key committed first: read its record.
          if (attempt < 2 && isUniqueViolation(error) && entry.idempotencyKey !== undefined) continue;
          throw error;
        }
      }
    },
    async list({ meetingId, from, to }) {
      await ensure();
      const { rows } = await client.query(
        `SELECT ${columns} FROM ${records} WHERE meeting_id = $1::text AND ($2::timestamptz IS NULL OR recorded_at >= $2::timestamptz) AND ($3::timestamptz IS NULL OR recorded_at < $3::timestamptz) ORDER BY seq`,
        [meetingId, from ?? null, to ?? null],
      );
      return rows.map((raw) => toRow(raw as RawRow));
    },
    async head(meetingId) {
      await ensure();
      const { rows } = await client.query(`SELECT seq, hash FROM ${heads} WHERE meeting_id = $1::text`, [meetingId]);
      const raw = rows[0] as { seq: number | string | bigint; hash: string } | undefined;
      return raw ? { seq: Number(raw.seq), hash: raw.hash } : undefined;
    },
  };
}
