/**
 * The kit's own IndexedDB database for recordings made in this browser: `onair-local-recordings`.
 * Raw IndexedDB, no wrapper (`idb` would add about 1.2 kB for the dozen calls made here).
 *
 * Two object stores: `recordings` (one record per recording: its name, type, times, how much is
 * stored, and whether it finished) and `chunks` (the recorder's pieces as they arrived, keyed by
 * `[recordingId, seq]`). A file is the chunks of a recording in order, so what reached IndexedDB
 * before a crash is a playable file.
 *
 * @packageDocumentation
 */

/**
 * The IndexedDB database the kit keeps local recordings in.
 *
 * @public
 */
export const LOCAL_RECORDINGS_DB = 'onair-local-recordings';
const VERSION = 1;

/**
 * How a local recording ended: `user` (stopped), `storage-full` (the device ran out of room; the
 * part recorded is kept), `source-ended` (the shared screen or the last track ended), `error` (the
 * browser's recorder failed), `interrupted` (the tab closed or crashed; saved on recovery).
 *
 * @public
 */
export type LocalStopReason = 'user' | 'storage-full' | 'source-ended' | 'error' | 'interrupted';

/** @internal One recording's record in IndexedDB. */
export interface StoredRecording {
  readonly id: string;
  readonly name: string;
  readonly meetingId: string | null;
  readonly mimeType: string;
  /** Epoch ms. */
  readonly startedAt: number;
  /** Recorded length (pauses excluded) of what is stored, ms. */
  readonly recordedMs: number;
  readonly bytes: number;
  readonly chunks: number;
  /** `recording` until stopped or recovered. */
  readonly state: 'recording' | 'saved';
  readonly stoppedAt: number | null;
  readonly stopReason: LocalStopReason | null;
}

interface StoredChunk {
  readonly recordingId: string;
  readonly seq: number;
  readonly data: Blob;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
  });
}

const chunkRange = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);

/** @internal The database calls the recorder makes. */
export interface LocalStore {
  begin(recording: StoredRecording): Promise<void>;
  /** Adds one chunk and updates the recording's totals in the same transaction. */
  append(recording: StoredRecording, seq: number, data: Blob): Promise<void>;
  update(recording: StoredRecording): Promise<void>;
  get(id: string): Promise<StoredRecording | undefined>;
  list(): Promise<StoredRecording[]>;
  /** The chunks of `id` in order, as one blob (parts stay on disk). */
  file(id: string, type: string): Promise<Blob>;
  remove(id: string): Promise<void>;
  close(): void;
}

/** @internal Opens (and on first use creates) the database. */
export async function openLocalStore(name: string = LOCAL_RECORDINGS_DB, factory: IDBFactory = indexedDB): Promise<LocalStore> {
  const open = factory.open(name, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('recordings')) db.createObjectStore('recordings', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('chunks')) db.createObjectStore('chunks', { keyPath: ['recordingId', 'seq'] });
  };
  const db = await request(open);
  // Another tab upgrading the schema: let it (this tab's next call reopens).
  db.onversionchange = () => db.close();

  const tx = (stores: string[], mode: IDBTransactionMode) => db.transaction(stores, mode, { durability: 'strict' });

  return {
    async begin(recording) {
      const t = tx(['recordings'], 'readwrite');
      t.objectStore('recordings').put(recording);
      await done(t);
    },
    async append(recording, seq, data) {
      const t = tx(['recordings', 'chunks'], 'readwrite');
      t.objectStore('chunks').put({ recordingId: recording.id, seq, data } satisfies StoredChunk);
      t.objectStore('recordings').put(recording);
      await done(t);
    },
    async update(recording) {
      const t = tx(['recordings'], 'readwrite');
      t.objectStore('recordings').put(recording);
      await done(t);
    },
    async get(id) {
      return (await request(db.transaction('recordings', 'readonly').objectStore('recordings').get(id))) as StoredRecording | undefined;
    },
    async list() {
      return (await request(db.transaction('recordings', 'readonly').objectStore('recordings').getAll())) as StoredRecording[];
    },
    async file(id, type) {
      const chunks = (await request(db.transaction('chunks', 'readonly').objectStore('chunks').getAll(chunkRange(id)))) as StoredChunk[];
      chunks.sort((a, b) => a.seq - b.seq);
      return new Blob(chunks.map((chunk) => chunk.data), { type });
    },
    async remove(id) {
      const t = tx(['recordings', 'chunks'], 'readwrite');
      t.objectStore('chunks').delete(chunkRange(id));
      t.objectStore('recordings').delete(id);
      await done(t);
    },
    close() {
      db.close();
    },
  };
}
