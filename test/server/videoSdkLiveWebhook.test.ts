// Issue 19: the relay's webhookUrl reaches VideoSDK with HLS starts (its HLS start takes one), never
// with livestream starts (VideoSDK's RTMP start documents none: livestream-* go to the room's webhook),
// and never back to the browser.
import { describe, expect, it } from 'vitest';
import { createVideoSdkRoute } from '../../src/server/index.js';

const HOOK = 'https://app.example/videosdk/webhook?token=relay-secret-0123456789abcdef';

describe('VideoSDK route, live starts and the relay', () => {
  it('19: an HLS start carries the relay’s webhookUrl to VideoSDK; a livestream start does not; no answer carries it', async () => {
    const sent: Array<{ path: string; body: Record<string, unknown> }> = [];
    const route = createVideoSdkRoute({
      apiKey: 'k',
      secret: 'videosdk-project-secret-0123456789',
      basePath: '/api/videosdk',
      authorize: () => true,
      webhookUrl: HOOK,
      destinations: [{ id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'yt-key-0001' }],
      fetch: async (input, init) => {
        const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
        sent.push({ path: new URL(String(input)).pathname, body });
        return Response.json({ echo: body });
      },
    });
    const post = (path: string, body: unknown) =>
      route(new Request(`https://app.example/api/videosdk${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const hls = await post('/v2/hls/start', { roomId: 'r1' });
    const rtmp = await post('/v2/livestreams/start', { roomId: 'r1', destinations: ['youtube'] });
    expect(sent).toEqual([
      { path: '/v2/hls/start', body: { roomId: 'r1', webhookUrl: HOOK } },
      { path: '/v2/livestreams/start', body: { roomId: 'r1', outputs: [{ url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'yt-key-0001' }] } },
    ]);
    for (const answer of [await hls.text(), await rtmp.text()]) {
      expect(answer).not.toContain('relay-secret');
      expect(answer).not.toContain('yt-key-0001');
    }
  });
});
