import { useEffect, useRef } from 'react';
import type { OnAirEvent, OnAirEventOf, OnAirEventType } from '../core/events.js';
import { useOnAirContext } from './OnAirContext.js';

/**
 * Calls `handler` for every normalized event of `type` (or of every type with `'*'`), after the
 * state has taken it in. The handler may change between renders without resubscribing.
 *
 * @example
 * ```tsx
 * useOnAirEvent('recording-error', (event) => toast(event.error.message));
 * ```
 *
 * @public
 */
export function useOnAirEvent<T extends OnAirEventType>(type: T, handler: (event: OnAirEventOf<T>) => void): void;
/**
 * Calls `handler` for every normalized event, whatever its type (`'*'`).
 *
 * @public
 */
export function useOnAirEvent(type: '*', handler: (event: OnAirEvent) => void): void;
export function useOnAirEvent(type: OnAirEventType | '*', handler: (event: never) => void): void {
  const { store } = useOnAirContext();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      store.subscribeEvents((event) => {
        if (type === '*' || event.type === type) (latest.current as (event: OnAirEvent) => void)(event);
      }),
    [store, type],
  );
}
