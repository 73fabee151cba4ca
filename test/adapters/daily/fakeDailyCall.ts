import { createDailyAdapter, type DailyCallLike, type DailyLikeEventName, type DailyLikeHandler } from '../../../src/adapters/daily/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';

/** A stand-in for Daily's call object: keeps handlers, records commands, lets a test emit payloads. */
export function fakeDailyCall(init: { meetingState?: string; participants?: Record<string, unknown>; withUpdates?: boolean; room?: () => unknown } = {}) {
  const handlers = new Map<string, Set<DailyLikeHandler>>();
  const calls: { method: string; args: unknown[] }[] = [];
  let failWith: unknown;
  const record =
    (method: string) =>
    (...args: unknown[]): void => {
      calls.push({ method, args });
      if (failWith !== undefined) {
        const error = failWith;
        failWith = undefined;
        throw error;
      }
    };
  const call: DailyCallLike = {
    on(event: DailyLikeEventName, handler: DailyLikeHandler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return call;
    },
    off(event: DailyLikeEventName, handler: DailyLikeHandler) {
      handlers.get(event)?.delete(handler);
      return call;
    },
    startRecording: record('startRecording'),
    stopRecording: record('stopRecording'),
    startLiveStreaming: record('startLiveStreaming'),
    stopLiveStreaming: record('stopLiveStreaming'),
    ...(init.withUpdates
      ? {
          updateRecording: record('updateRecording'),
          updateLiveStreaming: record('updateLiveStreaming'),
          addLiveStreamingEndpoints: record('addLiveStreamingEndpoints'),
          removeLiveStreamingEndpoints: record('removeLiveStreamingEndpoints'),
        }
      : {}),
    meetingState: () => init.meetingState ?? 'new',
    participants: () => init.participants ?? {},
    ...(init.room ? { room: init.room } : {}),
  };
  return {
    call,
    calls,
    /** Delivers a payload to every handler of its `action` (as Daily does). */
    emit(payload: unknown) {
      const action = typeof payload === 'object' && payload !== null ? (payload as { action?: unknown }).action : undefined;
      const key = typeof action === 'string' ? action : 'recording-started';
      for (const handler of [...(handlers.get(key) ?? [])]) handler(payload);
    },
    /** Delivers a payload under an explicit event name (for payloads without `action`). */
    emitAs(event: string, payload: unknown) {
      for (const handler of [...(handlers.get(event) ?? [])]) handler(payload);
    },
    handlerCount: () => [...handlers.values()].reduce((n, set) => n + set.size, 0),
    failNextCall(error: unknown) {
      failWith = error;
    },
  };
}

/** Connects an adapter to a fake call; collects events and folds them through the real reducer. */
export function connectedDailyAdapter(init: Parameters<typeof fakeDailyCall>[0] = {}, options: Parameters<typeof createDailyAdapter>[1] = {}) {
  const fake = fakeDailyCall(init);
  let clock = 1_000;
  const adapter = createDailyAdapter(fake.call, { now: () => (clock += 10), ...options });
  const events: OnAirEvent[] = [];
  let state: OnAirState = initialOnAirState;
  const disconnect = adapter.connect((event) => {
    events.push(event);
    state = reduceOnAir(state, event);
  });
  return { ...fake, adapter, events, disconnect, state: () => state };
}
