import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OnAirEvent } from '../core/events.js';
import { initialOnAirState, type OnAirState } from '../core/model.js';
import { allSlices } from '../core/reduceOnAir.js';
import { composeSlices, LIFECYCLE_TYPES, type OnAirSlice } from '../core/slice.js';
import { createCommandRunner, type CommandRunner } from './runCommand.js';

/**
 * Listener for normalized events, called after the state has taken the event in.
 *
 * @beta
 */
export type OnAirEventListener = (event: OnAirEvent) => void;

/**
 * One meeting's live state: a zustand vanilla store fed only through `dispatch`, plus the stream
 * of events that changed it. Created once per `OnAirProvider`, never as a module singleton.
 *
 * @beta
 */
export interface OnAirStore {
  /** The zustand store; read it with `useStore(store.state, selector)`. */
  readonly state: StoreApi<OnAirState>;
  /** Feeds one event through the reducer, then tells event listeners. Never throws. */
  dispatch(event: OnAirEvent): void;
  /** Listens to every dispatched event; returns the unsubscribe function. */
  subscribeEvents(listener: OnAirEventListener): () => void;
  /**
   * Registers slices of the state (idempotent: a slice already registered is skipped). A slice that
   * arrives late first takes in the events of its types dispatched since the meeting was joined
   * (the last {@link REPLAY_LIMIT} of them), so nothing an adapter sent before a hook mounted is lost.
   */
  addSlices(slices: readonly OnAirSlice[]): void;
  /**
   * @internal The meeting's one command runner: every command on its way (recordings, streams,
   * participant recordings, consent) holds a slot here, with its timeout, confirmation and rollback.
   */
  readonly commands: CommandRunner;
}

/**
 * How many recent events a store keeps for a slice registered late (see `OnAirStore.addSlices`).
 *
 * @beta
 */
export const REPLAY_LIMIT = 500;

/**
 * Creates a store for one meeting that reduces every event with every slice (`reduceOnAir`).
 *
 * @example
 * ```ts
 * const store = createOnAirStore();
 * store.dispatch({ type: 'recording-started', at: Date.now() });
 * store.state.getState().recordings.default?.status; // "recording"
 * ```
 *
 * @beta
 */
export function createOnAirStore(initial: OnAirState = initialOnAirState): OnAirStore {
  return createSlicedStore(allSlices, initial);
}

/** `reduce()`, or `fallback` (the state as it was) when a slice threw. */
function guarded(reduce: () => OnAirState, fallback: OnAirState): OnAirState {
  try {
    return reduce();
  } catch (error) {
    console.error('[onair] a state slice threw; the state is unchanged', error);
    return fallback;
  }
}

/**
 * Creates a store for one meeting that reduces events with `slices` and those registered later
 * (`addSlices`): an app bundles only the slices its adapter and hooks use. `OnAirProvider` uses it.
 *
 * @example
 * ```ts
 * const store = createSlicedStore([recordingSlice]);
 * store.dispatch({ type: 'recording-started', at: Date.now() });
 * store.addSlices([rosterSlice]);
 * ```
 *
 * @internal
 */
export function createSlicedStore(slices: readonly OnAirSlice[], initial: OnAirState = initialOnAirState): OnAirStore {
  const state = createStore<OnAirState>()(() => initial);
  const listeners = new Set<OnAirEventListener>();
  const registered: OnAirSlice[] = [];
  let reduce = composeSlices(registered);
  // Recent events since the meeting was joined, for a slice registered late.
  let recent: OnAirEvent[] = [];
  const store: OnAirStore = {
    state,
    commands: createCommandRunner(state),
    dispatch(event) {
      const previous = state.getState();
      // The kit's slices never throw; a slice of the app's own must not break the adapter either.
      const next = guarded(() => reduce(previous, event), previous);
      if (next !== previous) state.setState(next, true);
      const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
      if (type === 'session-left') recent = [];
      else if (typeof type === 'string' && !LIFECYCLE_TYPES.has(type)) {
        recent.push(event);
        if (recent.length > REPLAY_LIMIT * 2) recent = recent.slice(-REPLAY_LIMIT);
      }
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // A listener's bug must not stop other listeners or the adapter.
          console.error('[onair] an event listener threw', error);
        }
      }
    },
    subscribeEvents(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    addSlices(added) {
      const fresh = (Array.isArray(added) ? added : []).filter(
        (slice: OnAirSlice | undefined, index) =>
          typeof slice?.reduce === 'function' && Array.isArray(slice.types) && !registered.includes(slice) && added.indexOf(slice) === index,
      );
      if (fresh.length === 0) return;
      registered.push(...fresh);
      reduce = composeSlices(registered);
      const replay = composeSlices(fresh);
      const previous = state.getState();
      const next = guarded(() => recent.slice(-REPLAY_LIMIT).reduce(replay, previous), previous);
      if (next !== previous) state.setState(next, true);
    },
  };
  store.addSlices(slices);
  return store;
}
