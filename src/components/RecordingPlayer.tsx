import { forwardRef, useEffect, useId, useRef, type HTMLAttributes, type ReactElement } from 'react';
import { recordingPlayerLabels } from '../core/labels.js';
import type { RecordingAsset, RecordingsSource } from '../core/recordings.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useRecordingPlayer, type RecordingMediaKind, type UseRecordingPlayerResult } from '../hooks/useRecordingPlayer.js';

/**
 * Props of {@link RecordingPlayer}; native `<div>` attributes go to the root.
 *
 * @public
 */
export interface RecordingPlayerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, OnAirComponentProps {
  /** The stored recording (a `RecordingList` row, `useRecordings().items[i]`, `useRecordingDetails(id).data`). */
  readonly recording: RecordingAsset;
  /** `dialog` (default): a modal dialog; `inline`: the player opens below the button. */
  readonly mode?: 'dialog' | 'inline' | undefined;
  /** Which file to play. Default: video when there is one, else audio. */
  readonly kind?: RecordingMediaKind | undefined;
  /** A recordings source other than the provider's. */
  readonly source?: RecordingsSource | undefined;
  /** Refresh a link this long before it expires (ms). */
  readonly linkMarginMs?: number | undefined;
}

/**
 * A play button for a ready recording that opens an accessible player — a modal `<dialog>` (or an
 * inline region) with a native `<video>`/`<audio>` — playing only the recording's checked link
 * (http(s), not expired; refreshed while playing). Nothing is fetched or loaded until the button is
 * pressed; Escape or the close button closes it and focus returns to the button. Renders nothing for a
 * recording that is not ready or has no video/audio file. `RecordingList` shows one in each ready row.
 *
 * @example
 * ```tsx
 * import { RecordingPlayer, useRecordings } from 'onair-react';
 *
 * function Latest() {
 *   const { items } = useRecordings({ perPage: 1 });
 *   return items[0] ? <RecordingPlayer recording={items[0]} mode="inline" /> : null;
 * }
 * ```
 *
 * @public
 */
export const RecordingPlayer = forwardRef<HTMLDivElement, RecordingPlayerProps>(function RecordingPlayer(props, ref) {
  const { recording, mode = 'dialog', kind, source, linkMarginMs, ...rootInput } = props;
  const { labels, root } = useRootProps(rootInput, { className: 'onair-player', labels: recordingPlayerLabels, ref });
  const player = useRecordingPlayer(recording, { kind, source, linkMarginMs });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const titleId = useId();
  const name = recording.fileName || labels.recordingUntitled;

  // Focus goes back to the play button when the player closes (not on first render).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !player.isOpen) triggerRef.current?.focus();
    wasOpen.current = player.isOpen;
  }, [player.isOpen]);

  if (!player.playable) return null;
  return (
    <div {...root({ state: player.status, 'data-onair-mode': mode })}>
      <button
        ref={triggerRef}
        type="button"
        className="onair-rl-button onair-player-trigger"
        aria-label={labels.downloadOf(labels.playRecording, name)}
        aria-haspopup={mode === 'dialog' ? 'dialog' : undefined}
        aria-expanded={player.isOpen}
        aria-controls={player.isOpen ? panelId : undefined}
        onClick={player.isOpen ? player.close : player.open}
      >
        <span className="onair-player-icon" aria-hidden="true" />
        {labels.playRecording}
      </button>
      {player.isOpen ? (
        mode === 'dialog' ? (
          <PlayerDialog id={panelId} titleId={titleId} name={name} player={player} labels={labels} />
        ) : (
          <div id={panelId} role="region" aria-labelledby={titleId} className="onair-player-inline">
            <PlayerBody titleId={titleId} name={name} player={player} labels={labels} autoFocus />
          </div>
        )
      ) : null}
    </div>
  );
});

type PlayerLabels = typeof recordingPlayerLabels;

interface BodyProps {
  readonly titleId: string;
  readonly name: string;
  readonly player: UseRecordingPlayerResult;
  readonly labels: PlayerLabels;
  readonly autoFocus?: boolean;
}

/** A modal `<dialog>`: focus stays inside, Escape closes it (through `cancel`), the page behind is inert. */
function PlayerDialog({ id, ...body }: BodyProps & { readonly id: string }): ReactElement {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { close } = body.player;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return undefined;
    if (!dialog.open) {
      try {
        dialog.showModal();
      } catch {
        dialog.setAttribute('open', '');
      }
    }
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      id={id}
      className="onair-player-dialog"
      aria-labelledby={body.titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={(event) => {
        // Escape from any control inside (also when a script or assistive tool sends the key).
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
    >
      <PlayerBody {...body} />
    </dialog>
  );
}

function PlayerBody({ titleId, name, player, labels, autoFocus }: BodyProps): ReactElement {
  const mediaRef = useRef<HTMLMediaElement | null>(null);
  const { ref } = player.mediaProps;
  useEffect(() => {
    if (autoFocus) mediaRef.current?.focus();
  }, [autoFocus]);
  const media = {
    ...player.mediaProps,
    ref: (node: HTMLMediaElement | null) => {
      mediaRef.current = node;
      ref(node);
    },
    className: 'onair-player-media',
    'aria-labelledby': titleId,
    // Mounted while open (a refreshed link continues in the same element), shown once there is something to play.
    hidden: player.status === 'loading' || player.status === 'unavailable' || (player.status === 'failed' && !player.src),
  };
  const note =
    player.status === 'loading' ? labels.playerLoading
    : player.status === 'refreshing' ? labels.playerRefreshing
    : undefined;
  const problem = player.status === 'failed' ? labels.playerFailed : player.status === 'unavailable' ? labels.playerUnavailable : undefined;
  return (
    <>
      <div className="onair-player-head">
        <h2 id={titleId} className="onair-player-title">
          {name}
        </h2>
        <button type="button" className="onair-rl-button onair-player-close" onClick={player.close}>
          {labels.playerClose}
        </button>
      </div>
      {player.kind === 'audio' ? <audio {...media} /> : <video {...media} playsInline />}
      <p className="onair-player-note" role="status">
        {note}
      </p>
      {problem ? (
        <p className="onair-player-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}
