import { http, HttpResponse, passthrough, type RequestHandler } from 'msw';
import { SAMPLE_MEDIA_URL } from './sampleMedia.js';

/**
 * The RealtimeKit playground's stand-in for Cloudflare Stream's HLS origin: a LIVE playlist over the
 * three 2-second MPEG-TS segments `public/simulated-media/onair-live-{0,1,2}.ts` (H.264 + AAC, made by
 * scripts/make-sample-media.mjs; the VideoSDK playground plays the same files), looping with
 * `#EXT-X-DISCONTINUITY` and sliding a segment every 2 seconds. While the provider's HLS is not
 * ready (or the stream failed) the playlist answers 404; once the broadcast ended it is closed with
 * `#EXT-X-ENDLIST`. Only the playlists go through MSW; the segments are static files.
 */

/** Where the simulated playback URLs live (same origin as the story, so no CORS question). */
export const SIMULATED_LIVE_ORIGIN = new URL(
  `${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}simulated-live`,
  globalThis.location?.href ?? 'http://localhost/',
).href;

const SEGMENTS = 3;
const SECONDS = 2;
/** Segments in the live window. */
const WINDOW = 4;
/** Segments there the moment the stream is playable (a player can start at once). */
const HEAD_START = 2;

export type SimulatedPlayback = { readonly state: 'not-ready' | 'live' | 'ended' | 'gone'; readonly liveSince: number | undefined } | undefined;

function playlist(liveSince: number, ended: boolean): string {
  const newest = HEAD_START - 1 + Math.max(0, Math.floor((Date.now() - liveSince) / (SECONDS * 1000)));
  const first = Math.max(0, newest - WINDOW + 1);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SECONDS}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Discontinuities (one per loop) that slid out of the window before `first`.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${first > 0 ? Math.floor((first - 1) / SEGMENTS) : 0}`,
  ];
  for (let i = first; i <= newest; i += 1) {
    if (i > 0 && i % SEGMENTS === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXTINF:${SECONDS}.000000,`, `${SAMPLE_MEDIA_URL}/onair-live-${i % SEGMENTS}.ts`);
  }
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** The MSW handler for playlists under {@link SIMULATED_LIVE_ORIGIN}; `stateOf` says where the stream of a URL is. */
export function simulatedLivePlayback(stateOf: (url: string) => SimulatedPlayback): RequestHandler {
  return http.get(`${SIMULATED_LIVE_ORIGIN}/*`, ({ request }) => {
    if (!new URL(request.url).pathname.endsWith('.m3u8')) return passthrough();
    const playback = stateOf(request.url);
    if (!playback || playback.liveSince === undefined || playback.state === 'not-ready' || playback.state === 'gone') {
      return new HttpResponse('The stream is not available.', { status: 404, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
    }
    return new HttpResponse(playlist(playback.liveSince, playback.state === 'ended'), {
      headers: { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-store' },
    });
  });
}
