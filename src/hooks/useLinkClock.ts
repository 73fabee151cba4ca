import { useEffect, useState } from 'react';
import type { RecordingAsset } from '../core/recordings.js';
import { msUntilLinkRefresh } from '../query/freshness.js';

/**
 * A clock for download-link expiry: returns "now", and re-renders once when the soonest link among
 * `assets` reaches its expiry margin (no ticking timer while nothing expires).
 */
export function useLinkClock(assets: readonly RecordingAsset[], marginMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const due = msUntilLinkRefresh(assets, Date.now(), marginMs);
    if (due === undefined) return undefined;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(due + 5, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [assets, marginMs, tick]);
  // Read at render: data that arrives already expired must count as expired at once.
  return Date.now();
}
