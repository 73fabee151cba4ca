import { describe, expect, it } from 'vitest';
import { createRealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import { createVideoSdkSimulator } from '../../src/simulator/videosdk/index.js';

const SAMPLES = 'http://127.0.0.1:6006/simulated-media';

describe('the simulators point their links at real sample media (issue 22.2)', () => {
  it('22.2: RealtimeKit: with sampleMediaUrl the video, audio and track links are the sample file of their kind, naming the recording', async () => {
    const backend = createRealtimeKitBackend({ sampleMediaUrl: `${SAMPLES}/` });
    const [id] = backend.seed({ count: 1, meetingId: 'm-1' });
    const body = (await (await backend.handle(new Request(`https://app.example/api/recordings/${id}`))).json()) as {
      data: { download_url: string; audio_download_url: string };
    };
    expect(body.data.download_url).toMatch(new RegExp(`^${SAMPLES}/onair-sample\\.mp4\\?recording=${id}&file=weekly-sync-0001\\.mp4&X-Amz-Expires=\\d+&v=\\d+$`));
    expect(body.data.audio_download_url).toMatch(new RegExp(`^${SAMPLES}/onair-sample\\.m4a\\?recording=${id}&`));
  });

  it('22.2: RealtimeKit: without it links keep the old shape under downloadOrigin', async () => {
    const backend = createRealtimeKitBackend({ downloadOrigin: 'https://files.example' });
    const [id] = backend.seed({ count: 1, meetingId: 'm-1' });
    const body = (await (await backend.handle(new Request(`https://app.example/api/recordings/${id}`))).json()) as { data: { download_url: string } };
    expect(body.data.download_url).toMatch(new RegExp(`^https://files\\.example/${id}/weekly-sync-0001\\.mp4\\?X-Amz-Expires=\\d+&v=\\d+$`));
  });

  it('22.2: VideoSDK: with sampleMediaUrl every stored file URL is the sample WebM', async () => {
    const sim = createVideoSdkSimulator({ sampleMediaUrl: SAMPLES, seedStored: 2 });
    const response = await sim.fetch('https://api.videosdk.live/v2/recordings/participant?roomId=sim-room-0001', { headers: { Authorization: 'a-token' } });
    const body = (await response.json()) as { data: { files: { fileUrl: string }[] }[] };
    expect(body.data).toHaveLength(2);
    for (const recording of body.data) expect(recording.files[0]!.fileUrl).toMatch(new RegExp(`^${SAMPLES}/onair-sample\\.webm\\?file=%2Fencoded%2Fvideos%2F`));
  });
});
