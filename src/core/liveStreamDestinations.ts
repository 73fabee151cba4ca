/**
 * Where a browser-entered live-stream destination goes: a streaming platform whose ingest server is
 * known (filled in), or any RTMP(S) server.
 *
 * @public
 */
export type LiveStreamPlatform = 'youtube' | 'twitch' | 'facebook' | 'linkedin' | 'kick' | 'custom';

/**
 * A platform's preset: its name, its ingest server (empty where each stream gets its own, LinkedIn
 * and custom), and what its stream keys look like.
 *
 * @public
 */
export interface LiveStreamPlatformPreset {
  /** The preset's key. */
  readonly platform: LiveStreamPlatform;
  /** What the person sees ("Facebook Live"). */
  readonly name: string;
  /** The ingest server to fill in; `''`: the person enters it. */
  readonly server: string;
  /** `rtmps:` only (Facebook, LinkedIn, Kick take RTMPS), or `rtmp:` and `rtmps:`. */
  readonly secureOnly: boolean;
  /** The shape of a stream key, where the platform documents one. */
  readonly keyPattern?: RegExp | undefined;
}

/**
 * The presets, in the order a form lists them. Ingest servers as the platforms publish them
 * (YouTube Live, Twitch's global ingest, Facebook Live's RTMPS endpoint, Kick's IVS ingest).
 *
 * @example
 * ```ts
 * import { LIVE_STREAM_PLATFORMS } from 'onair-react';
 *
 * LIVE_STREAM_PLATFORMS.find((p) => p.platform === 'youtube')?.server; // 'rtmp://a.rtmp.youtube.com/live2'
 * ```
 *
 * @public
 */
export const LIVE_STREAM_PLATFORMS: readonly LiveStreamPlatformPreset[] = Object.freeze([
  { platform: 'youtube', name: 'YouTube', server: 'rtmp://a.rtmp.youtube.com/live2', secureOnly: false, keyPattern: /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3,4}$/ },
  { platform: 'twitch', name: 'Twitch', server: 'rtmp://live.twitch.tv/app', secureOnly: false, keyPattern: /^live_[0-9]+_[A-Za-z0-9]+$/ },
  { platform: 'facebook', name: 'Facebook Live', server: 'rtmps://live-api-s.facebook.com:443/rtmp', secureOnly: true },
  { platform: 'linkedin', name: 'LinkedIn Live', server: '', secureOnly: true },
  { platform: 'kick', name: 'Kick', server: 'rtmps://fa723fc1b171.global-contribute.live-video.net/app', secureOnly: true, keyPattern: /^sk_[A-Za-z0-9_-]+$/ },
  { platform: 'custom', name: 'Custom RTMP(S)', server: '', secureOnly: false },
] satisfies LiveStreamPlatformPreset[]);

/**
 * Why a destination cannot be used: `server` (missing, not an `rtmp(s)://` URL, or `rtmp://`
 * where the platform takes RTMPS only) · `key` (missing, or not shaped like the platform's keys).
 *
 * @public
 */
export type LiveStreamDestinationProblem = 'server-missing' | 'server-invalid' | 'server-insecure' | 'key-missing' | 'key-invalid';

/**
 * Checks a destination the person entered. Never echoes the key.
 *
 * @example
 * ```ts
 * validateLiveStreamDestination('twitch', 'rtmp://live.twitch.tv/app', 'nope'); // 'key-invalid'
 * ```
 *
 * @public
 */
export function validateLiveStreamDestination(platform: LiveStreamPlatform, server: string, key: string): LiveStreamDestinationProblem | undefined {
  const preset = LIVE_STREAM_PLATFORMS.find((p) => p.platform === platform);
  const trimmed = server.trim();
  if (trimmed === '') return 'server-missing';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'server-invalid';
  }
  if (url.protocol !== 'rtmp:' && url.protocol !== 'rtmps:') return 'server-invalid';
  if (url.hostname === '' || url.username !== '' || url.password !== '') return 'server-invalid';
  if (preset?.secureOnly && url.protocol !== 'rtmps:') return 'server-insecure';
  const k = key.trim();
  if (k === '') return 'key-missing';
  if (/\s|\//.test(k) || (preset?.keyPattern && !preset.keyPattern.test(k))) return 'key-invalid';
  return undefined;
}

/**
 * The RTMP URL a provider takes (server + `/` + key).
 *
 * @example
 * ```ts
 * rtmpUrlOf('rtmp://live.twitch.tv/app/', 'live_1_abc'); // 'rtmp://live.twitch.tv/app/live_1_abc'
 * ```
 *
 * @public
 */
export function rtmpUrlOf(server: string, key: string): string {
  return `${server.trim().replace(/\/+$/, '')}/${encodeURIComponent(key.trim())}`;
}

