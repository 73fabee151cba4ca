import type { OnAirError, RecordingStatus } from '../core/model.js';
import { captureThisTab, LOCAL_RECORDING_TYPES, mixStreams, pickType, unsupportedReason, type Capture } from './capture.js';
import type { LocalRecordingAnnouncement } from './announcements.js';
import { LOCAL_RECORDINGS_DB, openLocalStore, type LocalStopReason, type LocalStore, type StoredRecording } from './localStore.js';
import { withWebmDuration } from './webmDuration.js';

/**
 * What `navigator.storage.estimate()` answers (bytes).
 *
 * @public
 */
export interface StorageEstimateLike {
  readonly usage?: number | undefined;
  readonly quota?: number | undefined;
}

/**
 * Options of {@link createLocalRecorder}. Give `streams` (the call's tracks), `getStream`, or
 * neither (then the recorder asks for this tab through the screen-share picker).
 *
 * @public
 */
export interface LocalRecorderOptions {
  /** The streams to record: every live audio track is mixed into one, the first live video track is recorded. A function is read at each start. */
  readonly streams?: readonly MediaStream[] | (() => readonly MediaStream[]) | undefined;
  /** Your own stream, asked for at each start (its tracks are stopped when the recording ends). */
  readonly getStream?: (() => Promise<MediaStream>) | undefined;
  /** Names the files and the announcements. */
  readonly meetingId?: string | undefined;
  /** A readable meeting name for file names ("Weekly sync" → `weekly-sync-2026-12-07-14-02.webm`). */
  readonly meetingName?: string | undefined;
  /** The local participant's id, sent along in announcements. */
  readonly participantId?: string | undefined;
  /** Tells the others in the meeting (wire it to your data channel: Daily `call.sendAppMessage(a, '*')`). A local recording is a recording. */
  readonly announce?: ((announcement: LocalRecordingAnnouncement) => void) | undefined;
  /** How often the browser hands over a piece to store, ms. Default 2 000: a crash loses at most about this much. */
  readonly timesliceMs?: number | undefined;
  /** Container/codec choices, best first. Default {@link LOCAL_RECORDING_TYPES}. */
  readonly mimeTypes?: readonly string[] | undefined;
  /** Video bitrate asked of the browser's recorder (bits per second); the browser's default otherwise. */
  readonly videoBitsPerSecond?: number | undefined;
  /** Audio bitrate asked of the browser's recorder (bits per second). */
  readonly audioBitsPerSecond?: number | undefined;
  /** The storage estimate to plan with. Default `navigator.storage.estimate()`. */
  readonly estimate?: (() => Promise<StorageEstimateLike>) | undefined;
  /** Refuse to start with less free storage than this. Default 50 MB. */
  readonly minFreeBytes?: number | undefined;
  /** Stop (keeping what is recorded) when free storage falls below this. Default 20 MB. */
  readonly reserveBytes?: number | undefined;
  /** Warn when the free storage lasts less than this many seconds at the current rate. Default 300. */
  readonly warnSeconds?: number | undefined;
  /** Ask before the page is left while recording (`beforeunload`). Default `true`. */
  readonly confirmLeave?: boolean | undefined;
  /** The IndexedDB database. Default {@link LOCAL_RECORDINGS_DB}. */
  readonly databaseName?: string | undefined;
}

/**
 * A recording stored in this browser.
 *
 * @public
 */
export interface LocalRecording {
  readonly id: string;
  /** The file name to save it under (`weekly-sync-2026-12-07-14-02.webm`). */
  readonly fileName: string;
  readonly meetingId: string | null;
  readonly mimeType: string;
  /** Epoch ms. */
  readonly startedAt: number;
  /** Recorded length without pauses, ms (of what is stored, for an interrupted recording). */
  readonly durationMs: number;
  readonly bytes: number;
  /** `recording` while unfinished (running here, or interrupted); `saved` once stopped or recovered. */
  readonly state: 'recording' | 'saved';
  readonly stopReason: LocalStopReason | null;
}

/**
 * Free storage as last estimated.
 *
 * @public
 */
export interface LocalStorageState {
  readonly usage: number;
  readonly quota: number;
  readonly free: number;
  /** Free storage lasts less than `warnSeconds` at the current rate. */
  readonly low: boolean;
}

/**
 * The recorder's state, for a UI (read it with `subscribe`/`getState`, or `useLocalRecording`).
 *
 * @public
 */
export interface LocalRecorderState {
  /** `false` when the browser cannot record; `unsupportedReason` says why. */
  readonly supported: boolean;
  readonly unsupportedReason: string | undefined;
  readonly status: RecordingStatus;
  readonly recordingId: string | undefined;
  readonly startedAt: number | undefined;
  readonly pausedAt: number | undefined;
  readonly pausedMs: number;
  /** Bytes stored of the running recording. */
  readonly bytes: number;
  readonly mimeType: string | undefined;
  readonly storage: LocalStorageState | undefined;
  /** Why the last recording ended. */
  readonly stopReason: LocalStopReason | undefined;
  readonly error: OnAirError | undefined;
  /** The last recording saved by `stop` (or a stop of its own). */
  readonly lastSaved: LocalRecording | undefined;
  /** Counts changes to the stored recordings (a list re-reads when it changes). */
  readonly revision: number;
}

/**
 * The local recorder: start, pause, resume, stop; the recordings it stored; and the interrupted
 * ones to recover or discard.
 *
 * @public
 */
export interface LocalRecorder {
  /** The current state (a new object on every change: safe for `useSyncExternalStore`). */
  getState(): LocalRecorderState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Starts recording. Rejects (and sets `error`) when the browser cannot, storage is short, or capture is refused. */
  start(): Promise<void>;
  /** Pauses the running recording (the paused time is left out of the file and the clock). */
  pause(): Promise<void>;
  /** Resumes a paused recording. */
  resume(): Promise<void>;
  /** Stops and saves. Resolves with the saved recording (`undefined` when nothing ran). */
  stop(): Promise<LocalRecording | undefined>;
  /** Saved recordings, newest first. */
  recordings(): Promise<LocalRecording[]>;
  /** Recordings that were running when their tab closed or crashed (none of this tab's, none another tab is still making). */
  recoverable(): Promise<LocalRecording[]>;
  /** Saves an interrupted recording with what reached storage. */
  recover(id: string): Promise<LocalRecording | undefined>;
  /** Deletes a recording (interrupted or saved) and its data. */
  discard(id: string): Promise<void>;
  /** The recording's file, its duration written (WebM). */
  file(id: string): Promise<Blob | undefined>;
  /** Stops a running recording and closes the database. */
  dispose(): Promise<void>;
}

const LOCK_PREFIX = 'onair-local-recording:';

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'meeting'
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A file name from the meeting and the start time, in local time: `weekly-sync-2026-12-07-14-02.webm`.
 *
 * @example
 * ```ts
 * import { localFileName } from 'onair-react/local';
 *
 * localFileName('Weekly sync', Date.now(), 'video/webm'); // "weekly-sync-2026-12-07-14-02.webm"
 * ```
 *
 * @public
 */
export function localFileName(meeting: string | undefined, startedAt: number, mimeType: string): string {
  const d = new Date(startedAt);
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}-${pad(d.getMinutes())}`;
  const ext = mimeType.includes('mp4') ? 'mp4' : 'webm';
  return `${slug(meeting ?? 'meeting')}-${stamp}.${ext}`;
}

function toPublic(r: StoredRecording): LocalRecording {
  return {
    id: r.id,
    fileName: r.name,
    meetingId: r.meetingId,
    mimeType: r.mimeType,
    startedAt: r.startedAt,
    durationMs: r.recordedMs,
    bytes: r.bytes,
    state: r.state,
    stopReason: r.stopReason,
  };
}

function error(code: string, message: string): OnAirError {
  return { code, message, command: 'start-recording', at: Date.now() };
}

const formatMb = (bytes: number) => `${Math.max(0, Math.round(bytes / 1e6))} MB`;

/** The lock names held by any tab of this origin (Web Locks), or `undefined` where there are none. */
async function heldLocks(): Promise<Set<string> | undefined> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  const snapshot = await locks.query();
  return new Set((snapshot.held ?? []).map((lock) => lock.name ?? ''));
}

/**
 * Records the meeting in this browser, storing it piece by piece in IndexedDB as it goes, so a
 * closed tab or a crash loses at most the last few seconds; the next page load offers the
 * interrupted recording (`recoverable()`), and `recover(id)` saves it. Files get their duration
 * written (seekable WebM), a name from the meeting and time, and storage is watched: a warning
 * before it runs out, a clean stop when it does.
 *
 * @example
 * ```ts
 * import { createLocalRecorder } from 'onair-react/local';
 *
 * const recorder = createLocalRecorder({
 *   streams: () => [localStream, ...remoteStreams],
 *   meetingName: 'Weekly sync',
 *   announce: (message) => call.sendAppMessage(message, '*'),
 * });
 * await recorder.start();
 * const saved = await recorder.stop();
 * const file = saved && (await recorder.file(saved.id));
 * ```
 *
 * @public
 */
export function createLocalRecorder(options: LocalRecorderOptions = {}): LocalRecorder {
  const types = options.mimeTypes ?? LOCAL_RECORDING_TYPES;
  const timeslice = options.timesliceMs ?? 2000;
  const minFree = options.minFreeBytes ?? 50e6;
  const reserve = options.reserveBytes ?? 20e6;
  const warnSeconds = options.warnSeconds ?? 300;
  const estimate =
    options.estimate ??
    (async (): Promise<StorageEstimateLike> =>
      typeof navigator !== 'undefined' && navigator.storage?.estimate ? navigator.storage.estimate() : {});
  const reason = unsupportedReason(types);

  let state: LocalRecorderState = {
    supported: reason === undefined,
    unsupportedReason: reason,
    status: 'idle',
    recordingId: undefined,
    startedAt: undefined,
    pausedAt: undefined,
    pausedMs: 0,
    bytes: 0,
    mimeType: undefined,
    storage: undefined,
    stopReason: undefined,
    error: undefined,
    lastSaved: undefined,
    revision: 0,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<LocalRecorderState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  };

  let storePromise: Promise<LocalStore> | undefined;
  const store = () => (storePromise ??= openLocalStore(options.databaseName ?? LOCAL_RECORDINGS_DB));

  // The running recording.
  let recorder: MediaRecorder | undefined;
  let capture: Capture | undefined;
  let record: StoredRecording | undefined;
  let seq = 0;
  let writes: Promise<void> = Promise.resolve();
  let releaseLock: (() => void) | undefined;
  let stopping: Promise<LocalRecording | undefined> | undefined;
  let pendingReason: LocalStopReason = 'user';

  const elapsed = (now = Date.now()) =>
    state.startedAt === undefined ? 0 : Math.max(0, now - state.startedAt - state.pausedMs - (state.pausedAt === undefined ? 0 : now - state.pausedAt));

  const announce = (what: LocalRecordingAnnouncement['state']) => {
    if (!options.announce || !record) return;
    try {
      options.announce({
        type: 'onair-local-recording',
        state: what,
        recordingId: record.id,
        startedAt: record.startedAt,
        at: Date.now(),
        ...(options.participantId === undefined ? {} : { participantId: options.participantId }),
      });
    } catch {
      // The app's channel failing must not stop the recording.
    }
  };

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older browsers show the prompt only for a non-empty returnValue.
    event.returnValue = '';
  };

  async function checkStorage(): Promise<LocalStorageState | undefined> {
    let answer: StorageEstimateLike;
    try {
      answer = await estimate();
    } catch {
      return undefined;
    }
    if (typeof answer.quota !== 'number' || typeof answer.usage !== 'number') return undefined;
    const free = Math.max(0, answer.quota - answer.usage);
    const seconds = elapsed() / 1000;
    const rate = seconds > 1 ? state.bytes / seconds : 0;
    const low = free < reserve * 2 || (rate > 0 && free / rate < warnSeconds);
    return { usage: answer.usage, quota: answer.quota, free, low };
  }

  function stopFor(why: LocalStopReason): void {
    if (!recorder || recorder.state === 'inactive') return;
    pendingReason = why;
    void finish();
  }

  function onChunk(data: Blob): void {
    if (!record || data.size === 0) return;
    const current = record;
    const n = seq++;
    const next: StoredRecording = { ...current, recordedMs: elapsed(), bytes: current.bytes + data.size, chunks: n + 1 };
    record = next;
    set({ bytes: next.bytes });
    writes = writes
      .then(async () => {
        const db = await store();
        await db.append(next, n, data);
        const storage = await checkStorage();
        if (storage) {
          set({ storage });
          if (storage.free < reserve) stopFor('storage-full');
        }
      })
      .catch((cause: unknown) => {
        const full = cause instanceof DOMException && cause.name === 'QuotaExceededError';
        set({ error: error(full ? 'storage-full' : 'storage-failed', full ? 'The device ran out of storage; the recording stopped.' : `Could not store the recording: ${String((cause as Error)?.message ?? cause)}`) });
        stopFor(full ? 'storage-full' : 'error');
      });
  }

  async function finish(): Promise<LocalRecording | undefined> {
    if (stopping) return stopping;
    const mr = recorder;
    if (!mr) return undefined;
    stopping = (async () => {
      set({ status: 'stopping' });
      if (mr.state !== 'inactive') {
        const stopped = new Promise<void>((resolve) => mr.addEventListener('stop', () => resolve(), { once: true }));
        mr.stop();
        await stopped;
      }
      await writes;
      const end = Date.now();
      const last = record!;
      const saved: StoredRecording = { ...last, state: 'saved', stoppedAt: end, stopReason: pendingReason };
      let result: LocalRecording | undefined;
      try {
        await (await store()).update(saved);
        result = toPublic(saved);
      } catch {
        result = undefined;
      }
      announce('stopped');
      capture?.release();
      releaseLock?.();
      if (typeof window !== 'undefined') window.removeEventListener('beforeunload', onBeforeUnload);
      recorder = undefined;
      capture = undefined;
      record = undefined;
      releaseLock = undefined;
      stopping = undefined;
      set({
        status: 'idle',
        recordingId: undefined,
        startedAt: undefined,
        pausedAt: undefined,
        pausedMs: 0,
        stopReason: pendingReason,
        lastSaved: result,
        revision: state.revision + 1,
      });
      return result;
    })();
    return stopping;
  }

  async function start(): Promise<void> {
    if (state.status !== 'idle' && state.status !== 'error') return;
    if (!state.supported) {
      const e = error('unsupported', state.unsupportedReason ?? 'This browser cannot record.');
      set({ error: e, status: 'idle' });
      throw new Error(e.message);
    }
    set({ status: 'starting', error: undefined, stopReason: undefined, bytes: 0 });
    const fail = (e: OnAirError): never => {
      capture?.release();
      capture = undefined;
      set({ status: 'idle', error: e });
      throw new Error(e.message);
    };
    const storage = await checkStorage();
    if (storage) set({ storage });
    if (storage && storage.free < minFree)
      fail(error('storage-full', `Not enough free storage on this device to record (${formatMb(storage.free)} free, ${formatMb(minFree)} needed).`));
    try {
      if (options.getStream) {
        const stream = await options.getStream();
        capture = mixStreams([stream], [stream]);
      } else if (options.streams) {
        const streams = typeof options.streams === 'function' ? options.streams() : options.streams;
        capture = mixStreams(streams);
      } else {
        capture = await captureThisTab();
      }
    } catch (cause) {
      fail(error('capture-refused', `Nothing to record: ${String((cause as Error)?.message ?? cause)}`));
    }
    const cap = capture!;
    if (cap.stream.getTracks().length === 0) fail(error('no-tracks', 'Nothing to record: the streams have no live audio or video track.'));
    const mimeType = pickType(types, cap.video !== undefined);
    if (!mimeType) fail(error('unsupported', 'This browser cannot record these tracks in a supported file type.'));
    let mr: MediaRecorder;
    try {
      mr = new MediaRecorder(cap.stream, {
        mimeType: mimeType!,
        ...(options.videoBitsPerSecond === undefined ? {} : { videoBitsPerSecond: options.videoBitsPerSecond }),
        ...(options.audioBitsPerSecond === undefined ? {} : { audioBitsPerSecond: options.audioBitsPerSecond }),
      });
    } catch (cause) {
      return fail(error('recorder-failed', `The browser's recorder refused: ${String((cause as Error)?.message ?? cause)}`));
    }
    const startedAt = Date.now();
    const id = `${startedAt.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const type = mr.mimeType || mimeType!;
    const fresh: StoredRecording = {
      id,
      name: localFileName(options.meetingName ?? options.meetingId, startedAt, type),
      meetingId: options.meetingId ?? null,
      mimeType: type,
      startedAt,
      recordedMs: 0,
      bytes: 0,
      chunks: 0,
      state: 'recording',
      stoppedAt: null,
      stopReason: null,
    };
    try {
      await (await store()).begin(fresh);
    } catch (cause) {
      fail(error('storage-failed', `Could not open storage on this device: ${String((cause as Error)?.message ?? cause)}`));
    }
    record = fresh;
    seq = 0;
    writes = Promise.resolve();
    pendingReason = 'user';
    recorder = mr;
    // Held while recording: another tab (or this one after a reload) knows the recording is alive.
    if (typeof navigator !== 'undefined' && navigator.locks) {
      await new Promise<void>((held) => {
        void navigator.locks.request(LOCK_PREFIX + id, () => {
          held();
          return new Promise<void>((release) => (releaseLock = release));
        });
      });
    }
    mr.addEventListener('dataavailable', (event) => onChunk(event.data));
    mr.addEventListener('error', () => {
      set({ error: { code: 'recorder-failed', message: 'The browser stopped recording.', at: Date.now() } });
      stopFor('error');
    });
    cap.video?.addEventListener('ended', () => stopFor('source-ended'), { once: true });
    mr.start(timeslice);
    if (options.confirmLeave !== false && typeof window !== 'undefined') window.addEventListener('beforeunload', onBeforeUnload);
    set({ status: 'recording', recordingId: id, startedAt, pausedAt: undefined, pausedMs: 0, mimeType: type, revision: state.revision + 1 });
    announce('started');
  }

  async function pause(): Promise<void> {
    if (!recorder || state.status !== 'recording') return;
    recorder.pause();
    set({ status: 'paused', pausedAt: Date.now() });
    announce('paused');
  }

  async function resume(): Promise<void> {
    if (!recorder || state.status !== 'paused') return;
    recorder.resume();
    const now = Date.now();
    set({ status: 'recording', pausedMs: state.pausedMs + (state.pausedAt === undefined ? 0 : now - state.pausedAt), pausedAt: undefined });
    announce('resumed');
  }

  async function listAll(): Promise<StoredRecording[]> {
    return (await (await store()).list()).sort((a, b) => b.startedAt - a.startedAt);
  }

  async function recoverable(): Promise<LocalRecording[]> {
    const all = await listAll();
    const held = await heldLocks();
    return all
      .filter((r) => r.state === 'recording' && r.id !== record?.id && !held?.has(LOCK_PREFIX + r.id))
      .map(toPublic);
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    pause,
    resume,
    stop: () => {
      pendingReason = 'user';
      return finish();
    },
    async recordings() {
      return (await listAll()).filter((r) => r.state === 'saved').map(toPublic);
    },
    recoverable,
    async recover(id) {
      if (!(await recoverable()).some((r) => r.id === id)) return undefined;
      const db = await store();
      const found = await db.get(id);
      if (!found) return undefined;
      const saved: StoredRecording = { ...found, state: 'saved', stoppedAt: found.startedAt + found.recordedMs, stopReason: 'interrupted' };
      await db.update(saved);
      set({ revision: state.revision + 1 });
      return toPublic(saved);
    },
    async discard(id) {
      if (id === record?.id) return;
      await (await store()).remove(id);
      set({ revision: state.revision + 1 });
    },
    async file(id) {
      const db = await store();
      const found = await db.get(id);
      if (!found) return undefined;
      const blob = await db.file(id, found.mimeType);
      return found.mimeType.includes('webm') ? withWebmDuration(blob, found.recordedMs) : blob;
    },
    async dispose() {
      if (recorder) await finish();
      listeners.clear();
      const db = storePromise;
      storePromise = undefined;
      (await db?.catch(() => undefined))?.close();
    },
  };
}
