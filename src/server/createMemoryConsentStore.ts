import { CONSENT_GENESIS_HASH, consentChainHash, type ConsentStore, type ConsentStoreRow } from './consentStore.js';

/**
 * A {@link ConsentStore} in this process's memory: for tests, demos and a Storybook playground.
 * Everything is lost when the process ends — production keeps consent in a database
 * (`createPostgresConsentStore`). Appends to one meeting run one after another.
 *
 * @example
 * ```ts
 * import { createConsentLedger, createMemoryConsentStore } from 'onair-react/server';
 *
 * const ledger = createConsentLedger({ store: createMemoryConsentStore() });
 * ```
 *
 * @public
 */
export function createMemoryConsentStore(): ConsentStore {
  const meetings = new Map<string, { rows: ConsentStoreRow[]; head: { seq: number; hash: string } | undefined; queue: Promise<unknown> }>();
  const meeting = (id: string) => {
    let found = meetings.get(id);
    if (!found) meetings.set(id, (found = { rows: [], head: undefined, queue: Promise.resolve() }));
    return found;
  };
  return {
    append(entry) {
      const m = meeting(entry.meetingId);
      const run = m.queue.then(async () => {
        const existing = entry.idempotencyKey === undefined ? undefined : m.rows.find((r) => r.idempotencyKey === entry.idempotencyKey);
        if (existing) return { row: existing, created: false };
        const prevHash = m.head?.hash ?? CONSENT_GENESIS_HASH;
        const row: ConsentStoreRow = {
          meetingId: entry.meetingId,
          seq: (m.head?.seq ?? 0) + 1,
          recordedAt: entry.recordedAt,
          idempotencyKey: entry.idempotencyKey,
          body: entry.body,
          prevHash,
          hash: await consentChainHash(prevHash, entry.body),
        };
        m.rows.push(row);
        m.head = { seq: row.seq, hash: row.hash };
        return { row, created: true };
      });
      m.queue = run.catch(() => undefined);
      return run;
    },
    async list({ meetingId, from, to }) {
      const rows = meetings.get(meetingId)?.rows ?? [];
      const low = from === undefined ? -Infinity : Date.parse(from);
      const high = to === undefined ? Infinity : Date.parse(to);
      return rows.filter((r) => {
        const at = Date.parse(r.recordedAt);
        return at >= low && at < high;
      });
    },
    async head(meetingId) {
      return meetings.get(meetingId)?.head;
    },
  };
}
