import type {
  InstanceOptions,
  LiveStreamEndpointsOptions,
  OnAirAdapter,
  StartLiveStreamOptions,
  StartRecordingOptions,
  UpdateLayoutOptions,
} from '../core/adapter.js';
import type { OnAirEvent } from '../core/events.js';
import { DEFAULT_INSTANCE_ID, type OnAirCommand, type OnAirError, type OnAirState } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { selectLiveStreamSession, selectRecordingSession } from '../core/selectors.js';
import type { OnAirStore } from './createOnAirStore.js';
import type { CommandOutcome } from './runCommand.js';

/**
 * An action that failed, with the reason the UI shows: `message` is readable, `code` the provider's
 * (or the kit's) error code, `command` the command that failed.
 *
 * @example
 * ```tsx
 * import { OnAirCommandError, useRecording } from 'onair-react';
 *
 * function StartButton() {
 *   const { start } = useRecording();
 *   const onClick = async () => {
 *     try {
 *       await start();
 *     } catch (error) {
 *       if (error instanceof OnAirCommandError) console.warn(error.command, error.code, error.message);
 *     }
 *   };
 *   return <button onClick={onClick}>Record</button>;
 * }
 * ```
 *
 * @public
 */
export class OnAirCommandError extends Error {
  /** The error code (`insufficient_permissions`, `timeout` …). */
  readonly code: string;
  /** The command that failed (`start-recording` …). */
  readonly command: OnAirCommand;
  constructor(error: OnAirError, command: OnAirCommand) {
    super(error.message);
    this.name = 'OnAirCommandError';
    this.code = error.code;
    this.command = command;
  }
}

/**
 * The commands hooks expose. Each resolves when the provider confirmed the outcome.
 *
 * @beta
 */
export interface OnAirActions {
  startRecording(options?: StartRecordingOptions): Promise<void>;
  stopRecording(options?: InstanceOptions): Promise<void>;
  pauseRecording(options?: InstanceOptions): Promise<void>;
  resumeRecording(options?: InstanceOptions): Promise<void>;
  startLiveStream(options: StartLiveStreamOptions): Promise<void>;
  stopLiveStream(options?: InstanceOptions): Promise<void>;
  /** Changes the running recording's layout (adapters with `capabilities.updateRecording`). Resolves when the provider accepted it. */
  updateRecording(options: UpdateLayoutOptions): Promise<void>;
  /** Changes the running live stream's layout (adapters with `capabilities.updateLiveStream`). */
  updateLiveStream(options: UpdateLayoutOptions): Promise<void>;
  /** Adds endpoints to the running live stream (adapters with `capabilities.liveStreamEndpoints`). */
  addLiveStreamEndpoints(options: LiveStreamEndpointsOptions): Promise<void>;
  /** Removes endpoints from the running live stream (adapters with `capabilities.liveStreamEndpoints`). */
  removeLiveStreamEndpoints(options: LiveStreamEndpointsOptions): Promise<void>;
  /** Stops waiting for outstanding commands (on unmount). */
  dispose(): void;
}

export interface OnAirActionsOptions {
  /** How long to wait for the provider to confirm a command before giving up. Default 30 s. */
  readonly commandTimeoutMs?: number | undefined;
}

/** What the actions read of a recording or live-stream session. */
type Session = { readonly status: string; readonly pending?: OnAirCommand | undefined; readonly error?: OnAirError | undefined };
/** `true` for a running recording (`recording`, `paused`) or live stream (`live`, `interrupted`). */
/** The adapter methods an action calls, named after its command. */
type AdapterMethod = 'startRecording' | 'stopRecording' | 'pauseRecording' | 'resumeRecording' | 'startLiveStream' | 'stopLiveStream' | 'updateRecording' | 'updateLiveStream' | 'addLiveStreamEndpoints';
const runs = (status: string): boolean => status === 'recording' || status === 'paused' || status === 'live' || status === 'interrupted';

/**
 * Binds an adapter's commands to a store: each action records the request, calls the provider,
 * and resolves or rejects on the outcome events. Calling an action again while the same command
 * waits returns the same promise (a double click sends one start). Every command goes through the
 * store's one command runner (`store.commands`).
 */
export function createOnAirActions(
  store: OnAirStore,
  adapter: OnAirAdapter | undefined,
  options: OnAirActionsOptions = {},
): OnAirActions {
  const timeoutMs = options.commandTimeoutMs ?? 30_000;
  const runner = store.commands;

  /** Recording commands name a recording (`start-recording`, `update-recording` …); the others a live stream. */
  const isRecording = (command: OnAirCommand): boolean => command.endsWith('recording');
  const sessions = (state: OnAirState, command: OnAirCommand): Readonly<Record<string, Session>> =>
    isRecording(command) ? state.recordings : state.liveStreams;
  const kindError = (state: OnAirState, command: OnAirCommand): OnAirError | undefined =>
    isRecording(command) ? state.recordingError : state.liveStreamError;

  /**
   * One command through the store's runner. With an `outcome`, the store's state confirms it (after
   * the optimistic `*-requested`; a refusal or timeout dispatches `*-request-failed`); without one
   * (layout, endpoints: no status changes) the provider's answer settles it.
   */
  function run(
    command: OnAirCommand,
    id: string | undefined,
    call: (() => Promise<void> | void) | undefined,
    outcome?: (session: Session | undefined, state: OnAirState, began: boolean) => CommandOutcome,
    failure?: (session: Session | undefined, state: OnAirState) => OnAirError | undefined,
  ): Promise<void> {
    let began = false;
    const session = (state: OnAirState): Session | undefined => ownValue(sessions(state, command), id ?? DEFAULT_INSTANCE_ID);
    const recording = isRecording(command);
    return runner.run({
      key: [command, id ?? DEFAULT_INSTANCE_ID],
      command,
      call,
      timeoutMs,
      ...(outcome && {
        begin: () => {
          began = true;
          store.dispatch({ type: recording ? 'recording-requested' : 'live-stream-requested', command, instanceId: id, at: Date.now() } as OnAirEvent);
        },
        outcome: (state: OnAirState) => outcome(session(state), state, began),
        failure: (state: OnAirState) => failure?.(session(state), state),
        rollback: (error: OnAirError) =>
          store.dispatch({ type: recording ? 'recording-request-failed' : 'live-stream-request-failed', instanceId: id, error, at: Date.now() }),
      }),
    });
  }

  /** A start: done when the session runs. The provider may answer a start without an instance id with its own id: any running session then counts, unless an error came since the request. */
  const start = (command: OnAirCommand, id: string | undefined, call: (() => Promise<void> | void) | undefined) =>
    run(
      command,
      id,
      call,
      (session, state, began) =>
        session && runs(session.status)
          ? 'done'
          : !began
            ? 'waiting'
            : id === undefined && !session && !kindError(state, command) && Object.values(sessions(state, command)).some((s) => runs(s.status))
              ? 'done'
              : session
                ? 'waiting'
                : 'failed',
      (_, state) => kindError(state, command),
    );
  /** A stop: done when the session is gone; failed when it left `stopping` for anything else. */
  const stop: typeof start = (command, id, call) =>
    run(command, id, call, (session, _, began) => (!session ? 'done' : began && session.status !== 'stopping' ? 'failed' : 'waiting'), (session) => session?.error);
  /** A pause or resume: done at `paused` / `recording`; failed once the session no longer waits for this command. */
  const toggle: typeof start = (command, id, call) =>
    run(
      command,
      id,
      call,
      (session) =>
        !session
          ? 'failed'
          : session.status === (command === 'pause-recording' ? 'paused' : 'recording')
            ? 'done'
            : session.pending === command
              ? 'waiting'
              : 'failed',
      (session, state) => session?.error ?? state.recordingError,
    );

  /** Without an instance id, a command aims at the session the UI shows (the provider may have named it). */
  const target = (command: OnAirCommand, id: string | undefined): string | undefined =>
    id ?? (isRecording(command) ? selectRecordingSession : selectLiveStreamSession)(store.state.getState())?.instanceId;
  /** The options passed on to the provider, aimed at `id` (the kit's `default` means "the provider's only one"). */
  const aim = <T extends InstanceOptions>(opts: T, id: string | undefined): T => ({ ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id });

  /**
   * The action of `command`, calling the adapter method of the same name (`stop-live-stream` →
   * `stopLiveStream`). A start passes the app's options as they are; the others aim at the shown
   * session when the app names none.
   */
  const action =
    (command: OnAirCommand, shape: typeof start = run, aimed = true) =>
    (opts: InstanceOptions = {}): Promise<void> => {
      const id = aimed ? target(command, opts.instanceId) : opts.instanceId;
      const name = command.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) as AdapterMethod;
      const call = adapter?.[name] as ((options: InstanceOptions) => Promise<void> | void) | undefined;
      return shape(command, id, call && (() => call.call(adapter, aimed ? aim(opts, id) : opts)));
    };

  return {
    startRecording: action('start-recording', start, false),
    stopRecording: action('stop-recording', stop),
    pauseRecording: action('pause-recording', toggle),
    resumeRecording: action('resume-recording', toggle),
    startLiveStream: action('start-live-stream', start, false),
    stopLiveStream: action('stop-live-stream', stop),
    updateRecording: action('update-recording'),
    updateLiveStream: action('update-live-stream'),
    addLiveStreamEndpoints: action('add-live-stream-endpoints'),
    removeLiveStreamEndpoints(opts) {
      const id = target('remove-live-stream-endpoints', opts.instanceId);
      const remove = adapter?.removeLiveStreamEndpoints;
      return run(
        'remove-live-stream-endpoints',
        id,
        remove &&
          (async () => {
            await remove.call(adapter, aim(opts, id));
            // Daily confirms a removal by no event: the accepted call is the confirmation.
            store.dispatch({ type: 'live-stream-endpoints-removed', instanceId: id, endpoints: opts.endpoints, at: Date.now() });
          }),
      );
    },
    dispose() {
      runner.dispose();
    },
  };
}
