import { memo, type ReactElement } from 'react';
import { formatElapsed } from '../core/format.js';
import { cx } from '../hooks/mergeProps.js';
import { useMaybeOnAirContext } from '../hooks/OnAirContext.js';
import { useElapsedMs, type ElapsedClock } from '../hooks/useElapsedMs.js';

/** Props of {@link ElapsedTime}. */
export interface ElapsedTimeProps extends ElapsedClock {
  readonly className?: string | undefined;
}

/**
 * @internal A ticking `mm:ss` clock. It is the only element that re-renders on a tick, reads its
 * start from state (so it survives remounts) and is plain text: never a timer role or live region.
 *
 * @example
 * ```tsx
 * <ElapsedTime startedAt={session.startedAt} pausedAt={session.pausedAt} pausedMs={session.pausedMs} />
 * ```
 */
export const ElapsedTime = memo(function ElapsedTime({ startedAt, pausedAt, pausedMs, className }: ElapsedTimeProps): ReactElement {
  const ms = useElapsedMs({ startedAt, pausedAt, pausedMs });
  // The provider's locale writes the digits (Arabic-Indic for `ar-EG`); without one, Latin digits.
  const locale = useMaybeOnAirContext()?.locale;
  return (
    <time className={cx('onair-elapsed', className)} dateTime={`PT${Math.floor(ms / 1000)}S`}>
      {formatElapsed(ms, locale)}
    </time>
  );
});
