// Synthetic media without devices (stories and tests): a canvas whose whole picture is a grey level that steps up by
// STEP every second (the seconds counter a seek can read back from a frame) with the frame number
// written on it, and a Web Audio oscillator. Works in the Vitest page and in the crash-test frame.

/** Grey levels per second of the picture. */
export const STEP = 20;

export interface Synthetic {
  readonly stream: MediaStream;
  /** Restarts the seconds counter (call right after the recording starts). */
  reset(): void;
  stop(): void;
}

export function syntheticStream(doc: Document = document, { audio: withAudio = true, noise = false } = {}): Synthetic {
  const canvas = doc.createElement('canvas');
  canvas.width = 160;
  canvas.height = 120;
  const g = canvas.getContext('2d')!;
  let t0 = performance.now();
  let frame = 0;
  const draw = () => {
    const second = Math.floor((performance.now() - t0) / 1000);
    const level = Math.min(255, second * STEP);
    g.fillStyle = `rgb(${level},${level},${level})`;
    g.fillRect(0, 0, canvas.width, canvas.height);
    // Noise (benchmarks): random blocks the encoder cannot compress away, so chunks are full-sized.
    if (noise) {
      for (let y = 0; y < canvas.height; y += 8) {
        for (let x = 0; x < canvas.width; x += 8) {
          g.fillStyle = `hsl(${Math.floor(Math.random() * 360)} 80% 50%)`;
          g.fillRect(x, y, 8, 8);
        }
      }
    }
    g.fillStyle = level > 120 ? '#000' : '#fff';
    g.font = '12px monospace';
    g.fillText(`frame ${frame++}`, 4, 14);
  };
  draw();
  const timer = setInterval(draw, 40);
  const video = canvas.captureStream(25);
  // An AudioContext runs only after a user gesture in its page: the crash-test frame records video only.
  const audio = withAudio ? new AudioContext() : undefined;
  const osc = audio?.createOscillator();
  const destination = audio?.createMediaStreamDestination();
  if (osc && destination) {
    osc.frequency.value = 440;
    osc.connect(destination);
    osc.start();
  }
  return {
    stream: new MediaStream([...video.getVideoTracks(), ...(destination?.stream.getAudioTracks() ?? [])]),
    reset() {
      t0 = performance.now();
    },
    stop() {
      clearInterval(timer);
      for (const track of video.getTracks()) track.stop();
      osc?.stop();
      void audio?.close().catch(() => undefined);
    },
  };
}

/** Loads `blob` into a <video> and waits for its metadata (duration). */
export async function loadVideo(blob: Blob): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  document.body.append(video);
  const loaded = new Promise<void>((resolve, reject) => {
    video.addEventListener('loadedmetadata', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error(`video error ${video.error?.code} ${video.error?.message}`)), { once: true });
  });
  video.src = URL.createObjectURL(blob);
  await loaded;
  return video;
}

/** Seeks and reads the picture's seconds counter from the frame shown there. */
export async function secondsShownAt(video: HTMLVideoElement, time: number): Promise<number> {
  const seeked = new Promise<void>((resolve) => video.addEventListener('seeked', () => resolve(), { once: true }));
  video.currentTime = time;
  await seeked;
  // The frame decoded for the new position is ready when a video frame callback runs, or shortly after.
  await new Promise<void>((resolve) => {
    if ('requestVideoFrameCallback' in video) {
      const timer = setTimeout(resolve, 1000);
      video.requestVideoFrameCallback(() => {
        clearTimeout(timer);
        resolve();
      });
    } else setTimeout(resolve, 300);
  });
  const canvas = document.createElement('canvas');
  canvas.width = 16;
  canvas.height = 16;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  // The bottom-right corner: far from the frame number.
  g.drawImage(video, 120, 80, 40, 40, 0, 0, 16, 16);
  const [r] = g.getImageData(8, 8, 1, 1).data;
  return Math.round((r ?? 0) / STEP);
}
