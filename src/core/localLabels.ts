/**
 * Strings of `LocalRecordingNotice` (`onair-react/local`), English. Every one is replaceable
 * through the component's `labels` prop.
 *
 * @example
 * ```tsx
 * import { LocalRecordingNotice, localRecordingLabels } from 'onair-react/local';
 *
 * localRecordingLabels.interrupted('14:02', '12 min'); // "Recording from 14:02 (12 min) was interrupted"
 * <LocalRecordingNotice labels={{ save: 'Behalten', discard: 'Verwerfen' }} />;
 * ```
 *
 * @public
 */
export const localRecordingLabels = Object.freeze({
  /** Name of the notice region. */
  title: 'Recording on this device',
  unsupported: (reason: string) => `This browser cannot record on this device. ${reason}`,
  storageLow: (free: string) => `Storage on this device is running low (${free} left). The recording stops by itself before it runs out; the part recorded is kept.`,
  stoppedStorageFull: 'The recording stopped: this device ran out of storage. The part recorded is saved.',
  stoppedSourceEnded: 'The recording stopped: the shared screen or tab ended. The part recorded is saved.',
  stoppedError: 'The recording stopped because the browser’s recorder failed. The part recorded is saved.',
  interrupted: (time: string, duration: string) => `Recording from ${time} (${duration}) was interrupted`,
  save: 'Save',
  discard: 'Discard',
  saved: (name: string) => `Saved ${name}`,
  minutes: (count: number) => `${count} min`,
  seconds: (count: number) => `${count} s`,
  dismiss: 'Dismiss',
});

/**
 * The strings of `LocalRecordingNotice`.
 *
 * @public
 */
export type LocalRecordingLabels = { readonly [K in keyof typeof localRecordingLabels]: (typeof localRecordingLabels)[K] };
