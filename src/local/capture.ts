/**
 * What the local recorder records: the app's streams (audio tracks mixed through Web Audio, one
 * video track) or this tab (`getDisplayMedia` with `preferCurrentTab`), and which container the
 * browser can write.
 *
 * @packageDocumentation
 */

/**
 * Container and codec choices, best first: WebM VP9/Opus (Chromium, Firefox), VP8, any WebM, then
 * MP4 (Safari; Chromium from 126 too).
 *
 * @public
 */
export const LOCAL_RECORDING_TYPES: readonly string[] = Object.freeze([
  'video/webm;codecs=vp9,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm',
  'video/mp4;codecs=avc1,mp4a.40.2',
  'video/mp4',
]);

const AUDIO_ONLY_TYPES: readonly string[] = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'];

/**
 * Why this browser cannot record locally, or `undefined` when it can.
 *
 * @internal
 */
export function unsupportedReason(types: readonly string[]): string | undefined {
  if (typeof MediaRecorder === 'undefined') return 'It has no MediaRecorder.';
  if (typeof indexedDB === 'undefined') return 'It has no IndexedDB to keep a recording in.';
  if (!types.some((type) => MediaRecorder.isTypeSupported(type))) return 'It records none of the file types the kit writes (WebM, MP4).';
  return undefined;
}

/** @internal The first type of `types` the browser records, audio-only types when there is no video. */
export function pickType(types: readonly string[], hasVideo: boolean): string | undefined {
  const candidates = hasVideo ? types : [...types.filter((t) => t.startsWith('audio/')), ...AUDIO_ONLY_TYPES];
  return candidates.find((type) => MediaRecorder.isTypeSupported(type));
}

/** @internal The stream to record and how to let go of what the capture opened. */
export interface Capture {
  readonly stream: MediaStream;
  /** The video track whose end ends the recording (the shared tab or screen). */
  readonly video: MediaStreamTrack | undefined;
  release(): void;
}

/**
 * One stream from several: the first live video track, every live audio track mixed into one
 * through an `AudioContext` (a `MediaRecorder` records one audio track).
 *
 * @internal
 */
export function mixStreams(streams: readonly MediaStream[], owned: readonly MediaStream[] = []): Capture {
  const tracks = streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live');
  const video = tracks.find((t) => t.kind === 'video');
  const audio = tracks.filter((t) => t.kind === 'audio');
  let context: AudioContext | undefined;
  const out: MediaStreamTrack[] = video ? [video] : [];
  if (audio.length > 0) {
    context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    for (const track of audio) context.createMediaStreamSource(new MediaStream([track])).connect(destination);
    out.push(...destination.stream.getAudioTracks());
    // A context created without a user gesture may start suspended; recording is the gesture's follow-up.
    void context.resume().catch(() => undefined);
  }
  return {
    stream: new MediaStream(out),
    video,
    release() {
      for (const s of owned) for (const t of s.getTracks()) t.stop();
      void context?.close().catch(() => undefined);
    },
  };
}

/** @internal This tab, through the screen-share picker (`preferCurrentTab` where the browser has it). */
export async function captureThisTab(): Promise<Capture> {
  const options = { video: true, audio: true, preferCurrentTab: true, selfBrowserSurface: 'include' } as DisplayMediaStreamOptions;
  const stream = await navigator.mediaDevices.getDisplayMedia(options);
  return mixStreams([stream], [stream]);
}
