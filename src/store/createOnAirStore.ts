import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OnAirEvent } from '../core/events.js';
import { initialOnAirState, type OnAirState } from '../core/model.js';
import { reduceOnAir } from '../core/reduceOnAir.js';
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
   * @internal The meeting's one command runner: every command on its way (recordings, streams,
   * participant recordings, consent) holds a slot here, with its timeout, confirmation and rollback.
   */
  readonly commands: CommandRunner;
}

/**
 * Creates a store for one meeting.
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
  const state = createStore<OnAirState>()(() => initial);
  const listeners = new Set<OnAirEventListener>();
  return {
    state,
    commands: createCommandRunner(state),
    dispatch(event) {
      const previous = state.getState();
      const next = reduceOnAir(previous, event);
      if (next !== previous) state.setState(next, true);
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
  };
}
