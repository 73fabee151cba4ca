import { useEffect, useState } from 'react';
import { recordingElapsedMs } from '../core/selectors.js';

/**
 * The timing fields {@link useElapsedMs} reads.
 *
 * @public
 */
export interface ElapsedClock {
  /** Epoch ms the clock started; the clock reads zero without it. */
  readonly startedAt: number | undefined;
  /** Epoch ms the current pause began; the clock stands still while set. */
  readonly pausedAt?: number | undefined;
  /** Milliseconds of earlier pauses, not counted. */
  readonly pausedMs?: number | undefined;
}

/**
 * Milliseconds since `startedAt` without paused time, ticking once a second on the second.
 * Only the component calling it re-renders on a tick, so put it in the smallest component that
 * shows the time. The value comes from the start time, so it survives remounts.
 *
 * @example
 * ```tsx
 * function Clock({ startedAt }: { startedAt: number }) {
 *   return <span>{formatElapsed(useElapsedMs({ startedAt }))}</span>;
 * }
 * ```
 *
 * @public
 */
export function useElapsedMs({ startedAt, pausedAt, pausedMs = 0 }: ElapsedClock): number {
  const [now, setNow] = useState(() => Date.now());
  const running = startedAt !== undefined && pausedAt === undefined;
  useEffect(() => {
    if (!running) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const current = Date.now();
      setNow(current);
      const phase = (current - (startedAt ?? current) - pausedMs) % 1000;
      timer = setTimeout(tick, 1000 - (phase < 0 ? phase + 1000 : phase) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [running, startedAt, pausedMs]);
  return recordingElapsedMs({ startedAt, pausedAt, pausedMs }, now);
}
