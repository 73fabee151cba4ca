import type {
  InstanceOptions,
  LiveStreamEndpointsOptions,
  OnAirAdapter,
  StartLiveStreamOptions,
  StartRecordingOptions,
  UpdateLayoutOptions,
} from '../core/adapter.js';
import { DEFAULT_INSTANCE_ID, type OnAirCommand, type OnAirError, type OnAirState } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { selectLiveStreamSession, selectRecordingSession } from '../core/selectors.js';
import type { OnAirStore } from './createOnAirStore.js';
import type { CommandSpec } from './runCommand.js';

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
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

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
  const now = options.now ?? Date.now;
  const runner = store.commands;

  function run(
    command: OnAirCommand,
    instanceId: string | undefined,
    call: (() => Promise<void> | void) | undefined,
    spec: Pick<CommandSpec, 'begin' | 'outcome' | 'failure' | 'rollback'>,
  ): Promise<void> {
    return runner.run({
      ...spec,
      key: [command, instanceId ?? DEFAULT_INSTANCE_ID],
      command,
      call,
      timeoutMs,
      reject: (error) => new OnAirCommandError(error, command),
    });
  }

  /**
   * A command that changes a running session without changing its status (layout, endpoints): no
   * state to wait for, so it settles with the provider's answer. One request per command and
   * instance at a time; a failure rejects with a readable {@link OnAirCommandError}.
   */
  const adjust = (command: OnAirCommand, instanceId: string | undefined, call: (() => Promise<void>) | undefined): Promise<void> =>
    run(command, instanceId, call, {});

  const recordingFailed = (id: string | undefined) => (error: OnAirError) =>
    store.dispatch({ type: 'recording-request-failed', instanceId: id, error, at: now() });
  const streamFailed = (id: string | undefined) => (error: OnAirError) =>
    store.dispatch({ type: 'live-stream-request-failed', instanceId: id, error, at: now() });

  /** Without an instance id, a command aims at the session the UI shows (the provider may have named it). */
  const targetRecording = (id: string | undefined): string | undefined =>
    id ?? selectRecordingSession(store.state.getState())?.instanceId;
  const targetStream = (id: string | undefined): string | undefined =>
    id ?? selectLiveStreamSession(store.state.getState())?.instanceId;

  const recording = (state: OnAirState, id: string | undefined) => ownValue(state.recordings, id ?? DEFAULT_INSTANCE_ID);
  const stream = (state: OnAirState, id: string | undefined) => ownValue(state.liveStreams, id ?? DEFAULT_INSTANCE_ID);

  /** For a start without an instance id the provider may answer with its own id: any running session counts. */
  const anyRecordingRuns = (state: OnAirState): boolean =>
    Object.values(state.recordings).some((s) => s.status === 'recording' || s.status === 'paused');
  const anyStreamRuns = (state: OnAirState): boolean =>
    Object.values(state.liveStreams).some((s) => s.status === 'live' || s.status === 'interrupted');

  return {
    startRecording(opts = {}) {
      const id = opts.instanceId;
      let began = false;
      return run('start-recording', id, adapter?.startRecording && (() => adapter.startRecording?.(opts)), {
        begin: () => {
          began = true;
          store.dispatch({ type: 'recording-requested', command: 'start-recording', instanceId: id, at: now() });
        },
        outcome: (state) => {
          const session = recording(state, id);
          if (session && (session.status === 'recording' || session.status === 'paused')) return 'done';
          if (!began) return 'waiting';
          // The provider may answer with its own instance id; an error since the request means it failed.
          if (id === undefined && !session && !state.recordingError && anyRecordingRuns(state)) return 'done';
          if (!session) return 'failed';
          return 'waiting';
        },
        rollback: recordingFailed(id),
        failure: (state) => state.recordingError,
      });
    },
    stopRecording(opts = {}) {
      const id = targetRecording(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      let began = false;
      return run('stop-recording', id, adapter?.stopRecording && (() => adapter.stopRecording?.(forward)), {
        begin: () => {
          began = true;
          store.dispatch({ type: 'recording-requested', command: 'stop-recording', instanceId: id, at: now() });
        },
        outcome: (state) => {
          const session = recording(state, id);
          if (!session) return 'done';
          if (began && session.status !== 'stopping') return 'failed';
          return 'waiting';
        },
        rollback: recordingFailed(id),
        failure: (state) => recording(state, id)?.error,
      });
    },
    pauseRecording(opts = {}) {
      const id = targetRecording(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      return run('pause-recording', id, adapter?.pauseRecording && (() => adapter.pauseRecording?.(forward)), {
        begin: () => store.dispatch({ type: 'recording-requested', command: 'pause-recording', instanceId: id, at: now() }),
        outcome: (state) => {
          const session = recording(state, id);
          if (!session) return 'failed';
          if (session.status === 'paused') return 'done';
          return session.pending === 'pause-recording' ? 'waiting' : 'failed';
        },
        rollback: recordingFailed(id),
        failure: (state) => recording(state, id)?.error ?? state.recordingError,
      });
    },
    resumeRecording(opts = {}) {
      const id = targetRecording(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      return run('resume-recording', id, adapter?.resumeRecording && (() => adapter.resumeRecording?.(forward)), {
        begin: () => store.dispatch({ type: 'recording-requested', command: 'resume-recording', instanceId: id, at: now() }),
        outcome: (state) => {
          const session = recording(state, id);
          if (!session) return 'failed';
          if (session.status === 'recording') return 'done';
          return session.pending === 'resume-recording' ? 'waiting' : 'failed';
        },
        rollback: recordingFailed(id),
        failure: (state) => recording(state, id)?.error ?? state.recordingError,
      });
    },
    startLiveStream(opts) {
      const id = opts.instanceId;
      let began = false;
      return run('start-live-stream', id, adapter?.startLiveStream && (() => adapter.startLiveStream?.(opts)), {
        begin: () => {
          began = true;
          store.dispatch({ type: 'live-stream-requested', command: 'start-live-stream', instanceId: id, at: now() });
        },
        outcome: (state) => {
          const session = stream(state, id);
          if (session && (session.status === 'live' || session.status === 'interrupted')) return 'done';
          if (!began) return 'waiting';
          if (id === undefined && !session && !state.liveStreamError && anyStreamRuns(state)) return 'done';
          if (!session) return 'failed';
          return 'waiting';
        },
        rollback: streamFailed(id),
        failure: (state) => state.liveStreamError,
      });
    },
    stopLiveStream(opts = {}) {
      const id = targetStream(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      let began = false;
      return run('stop-live-stream', id, adapter?.stopLiveStream && (() => adapter.stopLiveStream?.(forward)), {
        begin: () => {
          began = true;
          store.dispatch({ type: 'live-stream-requested', command: 'stop-live-stream', instanceId: id, at: now() });
        },
        outcome: (state) => {
          const session = stream(state, id);
          if (!session) return 'done';
          if (began && session.status !== 'stopping') return 'failed';
          return 'waiting';
        },
        rollback: streamFailed(id),
        failure: (state) => stream(state, id)?.error,
      });
    },
    updateRecording(opts) {
      const id = targetRecording(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      return adjust('update-recording', id, adapter?.updateRecording && (() => adapter.updateRecording!(forward)));
    },
    updateLiveStream(opts) {
      const id = targetStream(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      return adjust('update-live-stream', id, adapter?.updateLiveStream && (() => adapter.updateLiveStream!(forward)));
    },
    addLiveStreamEndpoints(opts) {
      const id = targetStream(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      return adjust('add-live-stream-endpoints', id, adapter?.addLiveStreamEndpoints && (() => adapter.addLiveStreamEndpoints!(forward)));
    },
    removeLiveStreamEndpoints(opts) {
      const id = targetStream(opts.instanceId);
      const forward = { ...opts, instanceId: id === DEFAULT_INSTANCE_ID ? undefined : id };
      const remove = adapter?.removeLiveStreamEndpoints;
      return adjust(
        'remove-live-stream-endpoints',
        id,
        remove &&
          (async () => {
            await remove.call(adapter, forward);
            // Daily confirms a removal by no event: the accepted call is the confirmation.
            store.dispatch({ type: 'live-stream-endpoints-removed', instanceId: id, endpoints: opts.endpoints, at: now() });
          }),
      );
    },
    dispose() {
      runner.dispose();
    },
  };
}
