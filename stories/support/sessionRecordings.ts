import type { OnAirAdapter } from '../../src/core/adapter.js';
import type { RecordingAsset, RecordingsSource } from '../../src/core/recordings.js';
import { asset, memoryRecordings } from './memoryRecordings.js';
import { SAMPLE_MEDIA_URL } from './sampleMedia.js';

/**
 * For a playground whose provider has no recordings REST in the kit (Daily, OpenTalk): the adapter
 * as given, watched, and a recordings source that gains a ready recording — playable sample media
 * (`public/simulated-media/`) — each time a recording of the meeting stops. So the record → list →
 * play path can be tried there too (issue 22.9).
 */
export function sessionRecordings(
  adapter: OnAirAdapter,
  options: { readonly meetingId: string; readonly format: 'mp4' | 'webm'; readonly seed?: readonly RecordingAsset[] },
): { readonly adapter: OnAirAdapter; readonly recordings: RecordingsSource } {
  const items: RecordingAsset[] = [...(options.seed ?? [])];
  const started = new Map<string, number>();
  const add = (instance: string, startedAt: number, stoppedAt: number) => {
    const n = items.length + 1;
    const fileName = `${options.meetingId}-${String(n).padStart(3, '0')}.${options.format}`;
    items.unshift(
      sessionAsset({ id: `${options.meetingId}-${n}-${instance}`, meetingId: options.meetingId, fileName, startedAt, stoppedAt, format: options.format }),
    );
  };
  return {
    adapter: {
      ...adapter,
      connect: (sink) =>
        adapter.connect((event) => {
          const instance = ('instanceId' in event && typeof event.instanceId === 'string' ? event.instanceId : undefined) ?? 'default';
          if (event.type === 'recording-started') started.set(instance, event.startedAt ?? event.at);
          if (event.type === 'recording-stopped' && started.has(instance)) {
            add(instance, started.get(instance)!, event.at);
            started.delete(instance);
          }
          sink(event);
        }),
    },
    recordings: memoryRecordings(() => items, undefined, `memory://${options.meetingId}`),
  };
}

/** A ready recording whose video link is the sample file of `format`. */
export function sessionAsset(fields: {
  readonly id: string;
  readonly meetingId: string;
  readonly fileName: string;
  readonly startedAt: number;
  readonly stoppedAt: number;
  readonly format: 'mp4' | 'webm';
}): RecordingAsset {
  return asset({
    id: fields.id,
    status: 'ready',
    meetingId: fields.meetingId,
    fileName: fields.fileName,
    startedAt: fields.startedAt,
    stoppedAt: fields.stoppedAt,
    durationSeconds: Math.max(1, Math.round((fields.stoppedAt - fields.startedAt) / 1000)),
    fileSize: fields.format === 'mp4' ? 52_116 : 84_273,
    downloads: [{ kind: 'video', url: `${SAMPLE_MEDIA_URL}/onair-sample.${fields.format}?recording=${encodeURIComponent(fields.id)}` }],
  });
}
