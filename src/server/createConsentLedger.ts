import { CONSENT_GENESIS_HASH, consentChainHash, type ConsentStore, type ConsentStoreRow } from './consentStore.js';

/**
 * A participant's answer: agreed to be recorded, declined, or withdrew an earlier "yes".
 *
 * @public
 */
export type ConsentDecision = 'agreed' | 'declined' | 'withdrawn';

/**
 * Where an answer came from: the kit's `ConsentBanner`, the provider's own consent echo (OpenTalk),
 * or the app.
 *
 * @public
 */
export type ConsentSource = 'banner' | 'provider' | 'app';

/**
 * The notice a participant answered: the app's id for it, its version, and the locale shown.
 *
 * @public
 */
export interface ConsentNoticeRef {
  readonly id: string;
  readonly version: string;
  readonly locale?: string | undefined;
}

/**
 * What {@link ConsentLedger.append} takes. The ledger adds the time (its own clock) and the chain.
 *
 * @public
 */
export interface ConsentRecordInput {
  readonly meetingId: string;
  /** The recording (or consent round) the answer is for. */
  readonly recordingId?: string | undefined;
  readonly participantId: string;
  readonly participantName?: string | undefined;
  readonly decision: ConsentDecision;
  readonly notice?: ConsentNoticeRef | undefined;
  readonly source?: ConsentSource | undefined;
  /** Makes the append idempotent per meeting: the same key answers the record already kept. */
  readonly idempotencyKey?: string | undefined;
}

/**
 * A kept record: the input (absent fields as `null`), its place in the meeting's chain and time.
 *
 * @public
 */
export interface ConsentLedgerEntry {
  readonly seq: number;
  /** ISO 8601, the server's clock. */
  readonly recordedAt: string;
  readonly meetingId: string;
  readonly recordingId: string | null;
  readonly participantId: string;
  readonly participantName: string | null;
  readonly decision: ConsentDecision;
  readonly notice: { readonly id: string; readonly version: string; readonly locale: string | null } | null;
  readonly source: ConsentSource | null;
  readonly idempotencyKey: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Why a chain failed verification: a record whose content or link does not match (`changed`), a
 * gap in the sequence (`missing`), or records gone from its end (`truncated`).
 *
 * @public
 */
export type ConsentChainBreak = 'changed' | 'missing' | 'truncated';

/**
 * What {@link ConsentLedger.verify} finds.
 *
 * @public
 */
export interface ConsentVerification {
  readonly ok: boolean;
  /** Records read. */
  readonly count: number;
  /** The last record's hash (keep it elsewhere to detect a chain rewritten as a whole). */
  readonly head: string | null;
  /** The `seq` of the first record that breaks the chain. */
  readonly brokenAt?: number | undefined;
  readonly reason?: ConsentChainBreak | undefined;
}

/**
 * A time range of records, inclusive `from`, exclusive `to` (a `Date`, epoch milliseconds or ISO 8601).
 *
 * @public
 */
export interface ConsentListQuery {
  readonly meetingId: string;
  readonly from?: Date | number | string | undefined;
  readonly to?: Date | number | string | undefined;
}

/**
 * What {@link ConsentLedger.export} takes.
 *
 * @public
 */
export interface ConsentExportQuery extends ConsentListQuery {
  readonly format: 'json' | 'csv';
}

/**
 * The append-only, hash-chained record of who agreed to which notice, when.
 *
 * @public
 */
export interface ConsentLedger {
  /** Keeps an answer (or returns the one kept under its `idempotencyKey`). Throws a `TypeError` on malformed input. */
  append(record: ConsentRecordInput): Promise<ConsentLedgerEntry>;
  /** A meeting's records in chain order, optionally in a time range. */
  list(query: ConsentListQuery): Promise<readonly ConsentLedgerEntry[]>;
  /** Re-computes the meeting's whole chain and says whether it is intact, and where not. */
  verify(meetingId: string): Promise<ConsentVerification>;
  /**
   * The records as a document for moderators and auditors: `json` (an object with `meetingId`,
   * `exportedAt`, `verification` and `records`) or `csv` (one header row, spreadsheet formulas
   * neutralized).
   */
  export(query: ConsentExportQuery): Promise<string>;
}

/**
 * Options of {@link createConsentLedger}.
 *
 * @public
 */
export interface ConsentLedgerOptions {
  readonly store: ConsentStore;
  /** The clock (tests). Default `Date.now`. */
  readonly now?: (() => number) | undefined;
}

const DECISIONS: readonly string[] = ['agreed', 'declined', 'withdrawn'];
const SOURCES: readonly string[] = ['banner', 'provider', 'app'];
// C0 controls (NUL included, which Postgres text cannot hold) and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function text(name: string, value: unknown, max: number, optional: true): string | null;
function text(name: string, value: unknown, max: number, optional: false): string;
function text(name: string, value: unknown, max: number, optional: boolean): string | null {
  if (value === undefined || value === null) {
    if (optional) return null;
    throw new TypeError(`consent record: \`${name}\` is required.`);
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > max || CONTROL.test(value)) {
    throw new TypeError(`consent record: \`${name}\` must be a non-empty string of at most ${max} characters without control characters.`);
  }
  return value;
}

function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

type EntryBody = Omit<ConsentLedgerEntry, 'seq' | 'prevHash' | 'hash'>;

/** Validates an untrusted record into the fixed shape that is serialized (key order fixed). */
function normalize(input: unknown, recordedAt: string): EntryBody {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('consent record: must be an object.');
  const decision = own(input, 'decision');
  if (typeof decision !== 'string' || !DECISIONS.includes(decision)) throw new TypeError('consent record: `decision` must be "agreed", "declined" or "withdrawn".');
  const source = own(input, 'source');
  if (source !== undefined && source !== null && (typeof source !== 'string' || !SOURCES.includes(source))) {
    throw new TypeError('consent record: `source` must be "banner", "provider" or "app".');
  }
  const rawNotice = own(input, 'notice');
  let notice: EntryBody['notice'] = null;
  if (rawNotice !== undefined && rawNotice !== null) {
    if (typeof rawNotice !== 'object' || Array.isArray(rawNotice)) throw new TypeError('consent record: `notice` must be `{ id, version, locale? }`.');
    const version = own(rawNotice, 'version');
    notice = {
      id: text('notice.id', own(rawNotice, 'id'), 200, false),
      version: text('notice.version', typeof version === 'number' && Number.isFinite(version) ? String(version) : version, 64, false),
      locale: text('notice.locale', own(rawNotice, 'locale'), 35, true),
    };
  }
  return {
    recordedAt,
    meetingId: text('meetingId', own(input, 'meetingId'), 256, false),
    recordingId: text('recordingId', own(input, 'recordingId'), 256, true),
    participantId: text('participantId', own(input, 'participantId'), 256, false),
    participantName: text('participantName', own(input, 'participantName'), 256, true),
    decision: decision as ConsentDecision,
    notice,
    source: (source ?? null) as ConsentSource | null,
    idempotencyKey: text('idempotencyKey', own(input, 'idempotencyKey'), 128, true),
  };
}

/** The canonical serialization the hash covers: a fixed key order, version 1. */
function serialize(body: EntryBody): string {
  return JSON.stringify({
    v: 1,
    recordedAt: body.recordedAt,
    meetingId: body.meetingId,
    recordingId: body.recordingId,
    participantId: body.participantId,
    participantName: body.participantName,
    decision: body.decision,
    notice: body.notice === null ? null : { id: body.notice.id, version: body.notice.version, locale: body.notice.locale },
    source: body.source,
    idempotencyKey: body.idempotencyKey,
  });
}

/** The entry a stored row stands for, or `undefined` when its body is not one the ledger wrote. */
function entryOf(row: ConsentStoreRow): ConsentLedgerEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || own(parsed, 'v') !== 1) return undefined;
  const recordedAt = own(parsed, 'recordedAt');
  if (typeof recordedAt !== 'string') return undefined;
  let body: EntryBody;
  try {
    body = normalize(parsed, recordedAt);
  } catch {
    return undefined;
  }
  return { seq: row.seq, ...body, prevHash: row.prevHash, hash: row.hash };
}

function toIso(name: string, value: Date | number | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) throw new TypeError(`consent ledger: \`${name}\` is not a time.`);
  return new Date(time).toISOString();
}

const CSV_COLUMNS = [
  'seq',
  'recorded_at',
  'meeting_id',
  'recording_id',
  'participant_id',
  'participant_name',
  'decision',
  'notice_id',
  'notice_version',
  'notice_locale',
  'source',
  'idempotency_key',
  'prev_hash',
  'hash',
] as const;

/** One CSV cell: quoted when needed, and a leading `= + - @` (a spreadsheet formula) neutralized with `'`. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let cell = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csvRow(e: ConsentLedgerEntry): string {
  return [
    e.seq,
    e.recordedAt,
    e.meetingId,
    e.recordingId,
    e.participantId,
    e.participantName,
    e.decision,
    e.notice?.id ?? null,
    e.notice?.version ?? null,
    e.notice?.locale ?? null,
    e.source,
    e.idempotencyKey,
    e.prevHash,
    e.hash,
  ]
    .map(csvCell)
    .join(',');
}

/**
 * The consent ledger: every answer an append-only record, chained per meeting (each record carries
 * the hash of the one before, `sha256(prevHash + "\n" + canonical JSON)`), so a changed or deleted
 * row is found by {@link ConsentLedger.verify}. The time is the server's clock, never the
 * browser's. Mount {@link createConsentRoute} in front of it for browsers and moderators.
 *
 * What it proves: that the records kept have not been edited, removed or reordered since they were
 * written. A chain rewritten as a whole (every hash recomputed by someone with write access) is
 * only caught against a copy of `verify().head` kept elsewhere.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'; // or: new pg.Pool({ connectionString })
 * import { createConsentLedger, createPostgresConsentStore } from 'onair-react/server';
 *
 * const ledger = createConsentLedger({ store: createPostgresConsentStore({ client: new PGlite('./consent-data') }) });
 * await ledger.append({ meetingId: 'm1', participantId: 'ada', decision: 'agreed', notice: { id: 'rec', version: '3', locale: 'en' }, idempotencyKey: crypto.randomUUID() });
 * const { ok, brokenAt } = await ledger.verify('m1');
 * const csv = await ledger.export({ meetingId: 'm1', format: 'csv' });
 * ```
 *
 * @public
 */
export function createConsentLedger(options: ConsentLedgerOptions): ConsentLedger {
  const store = options?.store;
  if (!store || typeof store.append !== 'function' || typeof store.list !== 'function' || typeof store.head !== 'function') {
    throw new TypeError('createConsentLedger: `store` is required (createPostgresConsentStore({ client }) or createMemoryConsentStore()).');
  }
  const now = options.now ?? Date.now;

  async function list(query: ConsentListQuery): Promise<readonly ConsentLedgerEntry[]> {
    const meetingId = text('meetingId', query?.meetingId, 256, false);
    const rows = await store.list({ meetingId, from: toIso('from', query.from), to: toIso('to', query.to) });
    const entries: ConsentLedgerEntry[] = [];
    for (const row of rows) {
      const entry = entryOf(row);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  async function verify(meetingId: string): Promise<ConsentVerification> {
    const id = text('meetingId', meetingId, 256, false);
    const [rows, head] = await Promise.all([store.list({ meetingId: id }), store.head(id)]);
    let prev = CONSENT_GENESIS_HASH;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      const broken = (reason: ConsentChainBreak, at = row.seq): ConsentVerification => ({ ok: false, count: rows.length, head: head?.hash ?? null, brokenAt: at, reason });
      if (row.seq !== i + 1) return broken(row.seq > i + 1 ? 'missing' : 'changed', i + 1);
      const entry = entryOf(row);
      if (
        row.prevHash !== prev ||
        entry === undefined ||
        entry.meetingId !== id ||
        Date.parse(entry.recordedAt) !== Date.parse(row.recordedAt) ||
        (entry.idempotencyKey ?? undefined) !== row.idempotencyKey ||
        (await consentChainHash(row.prevHash, row.body)) !== row.hash
      ) {
        return broken('changed');
      }
      prev = row.hash;
    }
    const last = rows.at(-1);
    if ((head?.seq ?? 0) !== (last?.seq ?? 0) || (last !== undefined && head?.hash !== last.hash)) {
      return { ok: false, count: rows.length, head: head?.hash ?? null, brokenAt: (last?.seq ?? 0) + 1, reason: 'truncated' };
    }
    return { ok: true, count: rows.length, head: last?.hash ?? null };
  }

  return {
    async append(record) {
      const body = normalize(record, new Date(now()).toISOString());
      const { row } = await store.append({ meetingId: body.meetingId, idempotencyKey: body.idempotencyKey ?? undefined, recordedAt: body.recordedAt, body: serialize(body) });
      const entry = entryOf(row);
      if (!entry) throw new Error('consent ledger: the store answered a record the ledger cannot read.');
      return entry;
    },
    list,
    verify,
    async export(query) {
      const format = query?.format;
      if (format !== 'json' && format !== 'csv') throw new TypeError('consent ledger: `format` must be "json" or "csv".');
      if (format === 'csv') return [CSV_COLUMNS.join(','), ...(await list(query)).map(csvRow)].join('\r\n') + '\r\n';
      const [entries, verification] = await Promise.all([list(query), verify(query.meetingId)]);
      return JSON.stringify({
        meetingId: query.meetingId,
        exportedAt: new Date(now()).toISOString(),
        from: toIso('from', query.from) ?? null,
        to: toIso('to', query.to) ?? null,
        verification,
        records: entries,
      });
    },
  };
}
