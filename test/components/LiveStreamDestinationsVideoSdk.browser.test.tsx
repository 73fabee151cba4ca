// Issue 19: VideoSDK's server-held RTMP destinations in the destinations manager. The page learns
// them from the app's route (`listLiveStreamDestinations()` → `GET …/v2/livestreams/destinations`,
// ids and names only), and the rows follow VideoSDK's RTMP stream (instance `rtmp`) — not the HLS
// stream that runs beside it. The whole path is real: client → createVideoSdkRoute → simulated
// VideoSDK → webhooks → createWebhookRelay → SSE → adapter (the playground's own wiring).
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { LiveStreamButton } from '../../src/components/LiveStreamButton.js';
import { LiveStreamDestinations } from '../../src/components/LiveStreamDestinations.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { STORY_DESTINATIONS, videoSdkMeeting, type VideoSdkMeetingOptions, type VideoSdkStoryHandle } from '../../stories/support/videoSdkMeeting.js';

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

const POLL = { timeout: 20_000 };
const row = (name: string) => page.getByRole('listitem').filter({ hasText: name });

async function renderVideoSdk(destinations?: VideoSdkMeetingOptions['destinations']) {
  const meeting = videoSdkMeeting({ viaRelay: true, destinations, delays: { starting: 50, started: 150, stopping: 50, stopped: 150, playable: 200 } });
  disposers.push(() => meeting.dispose?.());
  const handle = meeting.handle as VideoSdkStoryHandle;
  const listed = await handle.client.listLiveStreamDestinations();
  const screen = await render(
    <OnAirProvider adapter={meeting.adapter} colorScheme="light">
      <LiveStreamDestinations instanceId="rtmp" destinations={listed} />
      <LiveStreamButton instanceId="hls" labels={{ goLive: 'Start HLS', endLiveStream: 'Stop HLS' }} />
    </OnAirProvider>,
  );
  return { ...handle, destinations: listed, screen };
}

describe('19: VideoSDK destinations held by the route, in the manager', () => {
  it('19: the list comes from the route — the three ids and names, no URL or key in the page', async () => {
    const { destinations } = await renderVideoSdk();
    expect(destinations).toEqual(STORY_DESTINATIONS.map(({ id, name }) => ({ id, name })));
    for (const { name } of STORY_DESTINATIONS) await expect.element(row(name)).toHaveAttribute('data-onair-state', 'ready');
    await expect.element(page.getByLabelText('Stream key')).not.toBeInTheDocument();
    const html = document.body.outerHTML;
    for (const { url, streamKey } of STORY_DESTINATIONS) {
      expect(html).not.toContain(streamKey);
      expect(html).not.toContain(url);
    }
  });

  it('19: with instanceId "rtmp", HLS running beside it leaves the rows ready; Go live starts RTMP to every listed id; End ends RTMP only', async () => {
    const { sim } = await renderVideoSdk();
    await page.getByRole('button', { name: 'Start HLS' }).click();
    await expect.poll(() => sim.live.hls, POLL).toBe('playable');
    await expect.element(page.getByRole('button', { name: 'Stop HLS' }), POLL).toBeVisible();
    // HLS is live; the RTMP destinations are not.
    for (const { name } of STORY_DESTINATIONS) await expect.element(row(name)).toHaveAttribute('data-onair-state', 'ready');
    await page.getByRole('button', { name: 'Go live to all' }).click();
    for (const { name } of STORY_DESTINATIONS) await expect.element(row(name), POLL).toHaveAttribute('data-onair-state', 'live');
    expect(sim.outputs.map((output) => output.url)).toEqual(STORY_DESTINATIONS.map((d) => d.url));
    await page.getByRole('button', { name: 'End live stream' }).click();
    await expect.poll(() => sim.live.rtmp, POLL).toBe('off');
    for (const { name } of STORY_DESTINATIONS) await expect.element(row(name), POLL).toHaveAttribute('data-onair-state', 'stopped');
    expect(sim.live.hls).toBe('playable');
    await expect.element(page.getByRole('button', { name: 'Stop HLS' })).toBeVisible();
  });

  it('19: hostile ids from the route (hls, __proto__, constructor) are plain rows: HLS does not light the "hls" row; Go live sends all three', async () => {
    const hostile = [
      { id: 'hls', name: 'Named hls', url: 'rtmp://ingest.example/hls', streamKey: 'hostile-key-hls-0001' },
      { id: '__proto__', name: 'Named proto', url: 'rtmp://ingest.example/proto', streamKey: 'hostile-key-proto-0002' },
      { id: 'constructor', name: 'Named ctor', url: 'rtmp://ingest.example/ctor', streamKey: 'hostile-key-ctor-0003' },
    ];
    const { sim, destinations } = await renderVideoSdk(hostile);
    expect(destinations).toEqual(hostile.map(({ id, name }) => ({ id, name })));
    await page.getByRole('button', { name: 'Start HLS' }).click();
    await expect.poll(() => sim.live.hls, POLL).toBe('playable');
    for (const { name } of hostile) await expect.element(row(name)).toHaveAttribute('data-onair-state', 'ready');
    await page.getByRole('button', { name: 'Go live to all' }).click();
    for (const { name } of hostile) await expect.element(row(name), POLL).toHaveAttribute('data-onair-state', 'live');
    expect(sim.outputs.map((output) => output.url)).toEqual(hostile.map((d) => d.url));
    for (const { streamKey } of hostile) expect(document.body.outerHTML).not.toContain(streamKey);
  });
});
