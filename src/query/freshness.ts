import type { RecordingAsset } from '../core/recordings.js';
import { isActiveAssetStatus } from '../core/recordings.js';
import { isExpired } from '../core/url.js';

/**
 * How often a recording that still changes is polled (ms), unless `pollMs` says otherwise.
 *
 * @example
 * ```tsx
 * import { RecordingList } from 'onair-react';
 * import { DEFAULT_POLL_MS } from 'onair-react/advanced';
 *
 * <RecordingList pollMs={DEFAULT_POLL_MS * 2} />;
 * ```
 *
 * @beta
 */
export const DEFAULT_POLL_MS = 3_000;
/**
 * A download link this close to its expiry (ms) counts as expired: it is refreshed before it is offered.
 *
 * @example
 * ```ts
 * import { isExpired, type RecordingAsset } from 'onair-react';
 * import { LINK_EXPIRY_MARGIN_MS } from 'onair-react/advanced';
 *
 * const linkUsable = (asset: RecordingAsset) => !isExpired(asset.downloadExpiresAt, Date.now(), LINK_EXPIRY_MARGIN_MS);
 * ```
 *
 * @beta
 */
export const LINK_EXPIRY_MARGIN_MS = 60_000;

/**
 * `true` when the asset has download links that expired or expire within `marginMs`
 * (default {@link LINK_EXPIRY_MARGIN_MS}).
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query';
 * import { onAirKeys, type RecordingAsset, type RecordingsSource } from 'onair-react';
 * import { hasStaleLinks } from 'onair-react/advanced';
 *
 * function refreshIfStale(queryClient: QueryClient, source: RecordingsSource, asset: RecordingAsset) {
 *   if (hasStaleLinks(asset, Date.now())) void queryClient.invalidateQueries({ queryKey: onAirKeys.recordingDetail(source.scope, asset.id) });
 * }
 * ```
 *
 * @beta
 */
export function hasStaleLinks(asset: RecordingAsset, now: number, marginMs = LINK_EXPIRY_MARGIN_MS): boolean {
  return asset.downloads.length > 0 && asset.downloadExpiresAt !== null && isExpired(asset.downloadExpiresAt, now, marginMs);
}

/** Milliseconds until the soonest link among `assets` needs refreshing; `undefined` when none will. */
export function msUntilLinkRefresh(assets: readonly RecordingAsset[], now: number, marginMs = LINK_EXPIRY_MARGIN_MS): number | undefined {
  let soonest: number | undefined;
  for (const asset of assets) {
    if (asset.downloads.length === 0 || asset.downloadExpiresAt === null) continue;
    let due = asset.downloadExpiresAt - marginMs - now;
    // Already inside the margin but not yet expired: a server may re-sign only expired links, so
    // ask again right after the real expiry.
    if (due <= 0) due = asset.downloadExpiresAt - now + 50;
    if (due > 0 && (soonest === undefined || due < soonest)) soonest = due;
  }
  return soonest;
}

/**
 * The `refetchInterval` for data holding `assets`: poll while any is `invoked`/`recording`/`paused`/
 * `uploading`; otherwise refetch once when the soonest download link reaches its expiry margin
 * (unless `marginMs` is `false`: lists refresh stale links through the details instead); otherwise never.
 */
export function refetchIntervalFor(
  assets: readonly RecordingAsset[],
  now: number,
  pollMs = DEFAULT_POLL_MS,
  marginMs: number | false = LINK_EXPIRY_MARGIN_MS,
): number | false {
  if (assets.some((asset) => isActiveAssetStatus(asset.status))) return pollMs;
  if (marginMs === false) return false;
  const due = msUntilLinkRefresh(assets, now, marginMs);
  // Timers beyond ~24.8 days overflow; a refetch a day early is harmless.
  return due === undefined ? false : Math.min(Math.max(due, 250), 2 ** 31 - 1);
}
