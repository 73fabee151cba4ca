import { useCallback, useMemo, useState, type Ref, type RefCallback, type SyntheticEvent } from 'react';
import type { OnAirLabels } from '../core/labels.js';
import type { OnAirError } from '../core/model.js';
import type { OnAirTheme } from '../core/theme.js';
import { useMaybeOnAirContext } from './OnAirContext.js';

/**
 * Control size.
 *
 * @example
 * ```tsx
 * <RecordButton size="lg" />
 * ```
 */
export type OnAirSize = 'sm' | 'md' | 'lg';

/**
 * Visual weight: `solid` (filled), `subtle` (tinted surface), `ghost` (no background until hovered).
 *
 * @example
 * ```tsx
 * <LiveStreamBadge variant="subtle" />
 * ```
 */
export type OnAirVariant = 'solid' | 'subtle' | 'ghost';

/**
 * Props every OnAir component takes besides its element's own attributes.
 *
 * @example
 * ```tsx
 * <RecordingIndicator theme={{ recording: 'crimson' }} labels={{ recMark: 'AUFN' }} size="sm" variant="ghost" />
 * ```
 */
export interface OnAirComponentProps {
  /** Theme tokens for this component only (inline `--onair-*` variables on its root). */
  readonly theme?: OnAirTheme | undefined;
  /** Replacement strings, merged over the provider's `labels`. */
  readonly labels?: Partial<OnAirLabels> | undefined;
  /** Default `md`. */
  readonly size?: OnAirSize | undefined;
  /** Default `solid`. */
  readonly variant?: OnAirVariant | undefined;
}

/** Joins class names, skipping empty ones. */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * Calls the consumer's handler first, then the kit's — unless the consumer called
 * `event.preventDefault()` (the Radix convention), which skips the kit's behaviour.
 */
export function composeEventHandlers<E extends SyntheticEvent>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

/** Joins space-separated id lists (`aria-describedby`), skipping empty parts. */
export function joinIds(...ids: ReadonlyArray<string | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined.length > 0 ? joined : undefined;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** One ref callback that feeds two refs (the consumer's and the kit's own). */
export function useMergedRefs<T>(a: Ref<T> | undefined, b: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (value: T | null) => {
      assignRef(a, value);
      assignRef(b, value);
    },
    [a, b],
  );
}

/**
 * One component's labels: its own English `defaults` (a part such as `recordButtonLabels`), then the
 * provider's `labels`, then the component's `labels` prop. Only the part a component imports ends
 * up in an app's bundle.
 */
export function useLabels<D extends Partial<OnAirLabels>>(defaults: D, overrides: Partial<OnAirLabels> | undefined): D {
  const base = useMaybeOnAirContext()?.labels;
  return useMemo(() => (base || overrides ? { ...defaults, ...base, ...overrides } : defaults), [defaults, base, overrides]);
}

/** An error the user can dismiss; a new error (another `at` or message) shows again. */
export function useDismissableError(error: OnAirError | undefined): {
  readonly error: OnAirError | undefined;
  readonly dismiss: () => void;
} {
  const [dismissed, setDismissed] = useState<OnAirError | undefined>(undefined);
  const dismiss = useCallback(() => setDismissed(error), [error]);
  const visible = error && !(dismissed && dismissed.at === error.at && dismissed.message === error.message) ? error : undefined;
  return { error: visible, dismiss };
}

/** A promise handler that ignores the rejection: the error shows from state. */
export const ignoreRejection = (): void => {};
