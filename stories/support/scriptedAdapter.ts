import {
  noCapabilities,
  type AdapterCapabilities,
  type OnAirAdapter,
  type OnAirEventSink,
} from '../../src/core/adapter.js';
import type { OnAirEvent } from '../../src/core/events.js';

/** Events to emit on connect: a list, or a function of the connect time (for "started 65 s ago"). */
export type Script = readonly OnAirEvent[] | ((now: number) => readonly OnAirEvent[]);

/** Options of {@link createScriptedAdapter}. */
export interface ScriptedAdapterOptions {
  readonly capabilities?: Partial<AdapterCapabilities> | undefined;
  /** Emitted, in order, on every connect. */
  readonly script?: Script | undefined;
  /** How long commands take before the outcome event (ms). Default 300. */
  readonly delayMs?: number | undefined;
  /** `true`: commands never answer (a story frozen in "starting"). */
  readonly hang?: boolean | undefined;
}

/** A scripted adapter: {@link OnAirAdapter} plus a way to push events and make the next command fail. */
export interface ScriptedAdapter extends OnAirAdapter {
  /** Sends an event to the connected provider (no-op before connect). */
  emit(event: OnAirEvent): void;
  /** The next command rejects with this message. */
  failNext(message: string): void;
  /** How many times each command was called. */
  readonly calls: Record<string, number>;
}

/** Every recording and live-stream capability on, pause included. */
export const allCapabilities: AdapterCapabilities = {
  ...noCapabilities,
  startRecording: true,
  stopRecording: true,
  pauseRecording: true,
  resumeRecording: true,
  startLiveStream: true,
  stopLiveStream: true,
};

/** Daily-like capabilities: start/stop and live streaming, no pause. */
export const dailyLikeCapabilities: AdapterCapabilities = { ...allCapabilities, pauseRecording: false, resumeRecording: false };

/**
 * A tiny in-memory adapter for deterministic stories and tests: emits `script` on connect and answers
 * commands with the matching provider events after `delayMs`.
 */
export function createScriptedAdapter(options: ScriptedAdapterOptions = {}): ScriptedAdapter {
  const delay = options.delayMs ?? 300;
  let sink: OnAirEventSink | undefined;
  let failure: string | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const calls: Record<string, number> = {};

  const later = (events: (at: number) => OnAirEvent[]): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      for (const event of events(Date.now())) sink?.(event);
    }, delay);
    timers.add(timer);
  };
  const command =
    (name: string, outcome: (at: number, instanceId: string | undefined) => OnAirEvent[]) =>
    async (opts?: { readonly instanceId?: string | undefined }): Promise<void> => {
      calls[name] = (calls[name] ?? 0) + 1;
      if (failure !== undefined) {
        const message = failure;
        failure = undefined;
        throw new Error(message);
      }
      if (!options.hang) later((at) => outcome(at, opts?.instanceId));
    };

  return {
    provider: 'scripted',
    capabilities: { ...dailyLikeCapabilities, ...options.capabilities },
    calls,
    connect(next) {
      sink = next;
      const script = typeof options.script === 'function' ? options.script(Date.now()) : (options.script ?? []);
      for (const event of script) next(event);
      return () => {
        sink = undefined;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
      };
    },
    emit(event) {
      sink?.(event);
    },
    failNext(message) {
      failure = message;
    },
    startRecording: command('startRecording', (at) => [{ type: 'recording-started', at, startedBy: 'local' }]),
    stopRecording: command('stopRecording', (at, instanceId) => [{ type: 'recording-stopped', at, instanceId }]),
    pauseRecording: command('pauseRecording', (at) => [{ type: 'recording-paused', at }]),
    resumeRecording: command('resumeRecording', (at) => [{ type: 'recording-resumed', at }]),
    startLiveStream: command('startLiveStream', (at) => [
      { type: 'live-stream-started', at },
      { type: 'live-stream-updated', at, state: 'connected' },
    ]),
    stopLiveStream: command('stopLiveStream', (at) => [{ type: 'live-stream-stopped', at }]),
  };
}

/** A readable error for scripts. */
export function scriptError(message: string, code = 'provider-error') {
  return { code, message, at: Date.now() };
}
