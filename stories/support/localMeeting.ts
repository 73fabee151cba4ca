// A meeting with recording on this device for stories: a scripted cloud provider beside a real local
// recorder (MediaRecorder + IndexedDB in the story's browser) fed by a synthetic canvas stream, each
// story in a database of its own.
import { createLocalRecorder, createLocalRecordingAdapter, createLocalRecordingsSource, type LocalRecorder, type LocalRecorderOptions } from '../../src/local.js';
import type { RecordingsSource } from '../../src/core/recordings.js';
import { openLocalStore, type StoredRecording } from '../../src/local/localStore.js';
import { createScriptedAdapter, dailyLikeCapabilities } from './scriptedAdapter.js';
import type { StoryMeeting } from './OnAirStory.js';
import { syntheticStream } from './syntheticStream.js';

export interface LocalMeetingHandle {
  readonly recorder: LocalRecorder;
  readonly recordings: RecordingsSource;
}

export interface LocalMeetingOptions {
  /** Recorder options over the story defaults. */
  readonly recorder?: Partial<LocalRecorderOptions> | undefined;
  /** Then: start (and maybe pause) the recording. */
  readonly then?: 'record' | 'pause' | undefined;
  /** Interrupted recordings to leave in the database first (what a crashed tab leaves). */
  readonly interrupted?: ReadonlyArray<Pick<StoredRecording, 'name' | 'startedAt' | 'recordedMs'>> | undefined;
  /** A cloud provider beside it (default `true`). */
  readonly cloud?: boolean | undefined;
}

export function localMeeting(options: LocalMeetingOptions = {}): () => StoryMeeting {
  return () => {
    const databaseName = `onair-story-${Math.random().toString(36).slice(2)}`;
    const synthetic = syntheticStream(document, { audio: false });
    const recorder = createLocalRecorder({
      streams: [synthetic.stream],
      meetingName: 'Design review',
      databaseName,
      timesliceMs: 1000,
      confirmLeave: false,
      ...options.recorder,
    });
    const base = options.cloud === false ? undefined : createScriptedAdapter({ capabilities: dailyLikeCapabilities, delayMs: 600 });
    const adapter = createLocalRecordingAdapter({ recorder, adapter: base });
    const recordings = createLocalRecordingsSource(recorder);
    void (async () => {
      if (options.interrupted?.length) {
        const db = await openLocalStore(databaseName);
        for (const [index, r] of options.interrupted.entries()) {
          await db.begin({ ...r, id: `interrupted-${index}`, meetingId: null, mimeType: 'video/webm', bytes: 0, chunks: 0, state: 'recording', stoppedAt: null, stopReason: null });
        }
        db.close();
        // Tell the UI the stored recordings changed (a page load finds them the same way).
        await recorder.discard('none');
      }
      if (options.then) {
        await recorder.start().catch(() => undefined);
        if (options.then === 'pause') await recorder.pause();
      }
    })();
    const handle: LocalMeetingHandle = { recorder, recordings };
    return {
      adapter,
      handle,
      dispose: () => {
        void recorder.dispose().then(() => indexedDB.deleteDatabase(databaseName));
        synthetic.stop();
      },
    };
  };
}
