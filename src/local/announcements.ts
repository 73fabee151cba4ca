import type { OnAirEvent } from '../core/events.js';

/**
 * What a local recorder tells the others in the meeting through the app's data channel.
 *
 * @public
 */
export interface LocalRecordingAnnouncement {
  readonly type: 'onair-local-recording';
  readonly state: 'started' | 'paused' | 'resumed' | 'stopped';
  readonly recordingId: string;
  /** Epoch ms the recording started. */
  readonly startedAt: number;
  /** Epoch ms of this announcement. */
  readonly at: number;
  /** Who records, when the recorder was given `participantId`. */
  readonly participantId?: string | undefined;
}

/**
 * The instance id under which another participant's local recording shows: `local:<participant>`.
 *
 * @internal
 */
export const remoteLocalInstance = (from: string) => `local:${from}`;

const STATES = new Set(['started', 'paused', 'resumed', 'stopped']);

/**
 * Turns a message received on the app's data channel (Daily `app-message` `data`) into the kit's
 * event, when it is a local-recording announcement; `undefined` for any other message (so every
 * received message can be passed). `from` is who sent it, as your channel knows it (Daily
 * `fromId`): it wins over what the message claims. Another participant's local recording then shows
 * in `RecordingIndicator` and asks for consent in `ConsentBanner`, like a cloud recording.
 *
 * @example
 * ```ts
 * import { localRecordingEvent } from 'onair-react/local';
 *
 * call.on('app-message', (e) => {
 *   const event = localRecordingEvent(e?.data, e?.fromId);
 *   if (event) sink(event); // an adapter's sink; createLocalRecordingAdapter({ listen }) does this for you
 * });
 * ```
 *
 * @public
 */
export function localRecordingEvent(message: unknown, from: string | undefined): OnAirEvent | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== 'onair-local-recording' || typeof m.state !== 'string' || !STATES.has(m.state)) return undefined;
  const who = typeof from === 'string' && from !== '' ? from : typeof m.participantId === 'string' && m.participantId !== '' ? m.participantId : undefined;
  if (who === undefined) return undefined;
  const instanceId = remoteLocalInstance(who);
  const at = Date.now();
  switch (m.state) {
    case 'started': {
      const startedAt = typeof m.startedAt === 'number' && Number.isFinite(m.startedAt) && m.startedAt <= at ? m.startedAt : at;
      return { type: 'recording-started', instanceId, at, recordingType: 'local', local: true, startedBy: who, startedAt };
    }
    case 'paused':
      return { type: 'recording-paused', instanceId, at };
    case 'resumed':
      return { type: 'recording-resumed', instanceId, at };
    default:
      return { type: 'recording-stopped', instanceId, at };
  }
}
