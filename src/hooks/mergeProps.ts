import { useCallback, type Ref, type RefCallback, type SyntheticEvent } from 'react';

// Merging the kit's props with a consumer's: class names, event handlers, id lists, refs.

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
