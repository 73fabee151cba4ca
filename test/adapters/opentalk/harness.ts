// One OpenTalk adapter on a fake signaling connection, with the kit's reducer behind it: what the
// OpenTalk unit tests drive (feed server messages, read what the adapter sent, emitted and the state).
import { createOpenTalkAdapter } from '../../../src/adapters/opentalk/index.js';
import type { OpenTalkIncomingMessage, OpenTalkOutgoingMessage, OpenTalkProtocol } from '../../../src/adapters/opentalk/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { initialOnAirState, type OnAirState, type ParticipantRole } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import { selectMyConsent } from '../../../src/core/selectors.js';

/** The local participant of the fixtures (`current.json` and the others). */
export const A1 = '00000000-0000-0000-0000-0000000000a1';

export interface OpenTalkHarnessOptions {
  readonly participantId?: string;
  readonly protocol?: OpenTalkProtocol;
  readonly role?: ParticipantRole;
}

export function openTalkHarness(options: OpenTalkHarnessOptions = {}) {
  const listeners = new Set<(m: OpenTalkIncomingMessage) => void>();
  const sent: OpenTalkOutgoingMessage[] = [];
  const warnings: string[] = [];
  const adapter = createOpenTalkAdapter(
    {
      send: (m) => void sent.push(m),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    {
      participantId: options.participantId ?? A1,
      protocol: options.protocol,
      role: options.role,
      onWarning: (message) => void warnings.push(message),
      now: () => 1_000,
    },
  );
  const events: OnAirEvent[] = [];
  let state: OnAirState = initialOnAirState;
  const disconnect = adapter.connect((event) => {
    events.push(event);
    state = reduceOnAir(state, event);
  });
  return {
    adapter,
    sent,
    events,
    warnings,
    disconnect,
    state: () => state,
    /** The local participant's consent as `useConsent` reads it (`'local'` until the adapter says who I am). */
    mine: () => selectMyConsent(state, state.localParticipantId ?? 'local'),
    feed: (...messages: unknown[]) => {
      for (const m of messages) for (const l of [...listeners]) l(m as OpenTalkIncomingMessage);
    },
    listenerCount: () => listeners.size,
    /** A second sink (a remounted provider): a fresh store fed only by the replay. */
    reconnect: () => {
      let replayed: OnAirState = initialOnAirState;
      const seen: OnAirEvent[] = [];
      adapter.connect((e) => {
        seen.push(e);
        replayed = reduceOnAir(replayed, e);
      });
      return { state: () => replayed, events: seen };
    },
  };
}
