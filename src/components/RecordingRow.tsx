import { memo, type ReactNode } from 'react';
import { formatBytes, formatElapsed } from '../core/format.js';
import type { recordingListLabels } from '../core/labels.js';
import { ownValue } from '../core/records.js';
import { DEVICE_STORAGE_TYPE, recordingFileUrl, type RecordingAsset, type RecordingDownload, type RecordingReason } from '../core/recordings.js';
import type { RecordingLinkState } from '../hooks/useRecordings.js';

/**
 * A download link that may be offered: an `http(s)` URL that has not expired (nor is about to).
 *
 * @public
 */
export interface RecordingLink {
  readonly kind: RecordingDownload['kind'];
  /** A layer's name for track recordings. */
  readonly label: string | undefined;
  /** The checked URL (through `safeHttpUrl`): safe to put in `href`. */
  readonly href: string;
}

const NO_LINKS: readonly RecordingLink[] = [];

/**
 * The links of `asset` that can be offered now: none unless its links are fresh (`linkState`
 * `fresh`: not expired or within the expiry margin), and only `http:`/`https:` URLs.
 */
export function offeredLinks(asset: RecordingAsset, linkState: RecordingLinkState): readonly RecordingLink[] {
  if (linkState !== 'fresh') return NO_LINKS;
  return asset.downloads.flatMap((download) => {
    const href = recordingFileUrl(asset, download.url);
    return href ? [{ kind: download.kind, label: download.label, href }] : [];
  });
}

/** Props of {@link RecordingRow}. */
export interface RecordingRowProps {
  readonly asset: RecordingAsset;
  readonly linkState: RecordingLinkState;
  readonly labels: typeof recordingListLabels;
  readonly dateFormat: Intl.DateTimeFormat;
  readonly locale: string | undefined;
  /** Extra controls at the end of the row. */
  readonly actions?: ReactNode;
}

function why(reason: RecordingReason | null, labels: typeof recordingListLabels): { who: string; why: string } | undefined {
  if (!reason) return undefined;
  const who = reason.callerName ?? (reason.callerType === 'organization' ? labels.recordingByApp : '');
  const text = reason.reason ? (ownValue(labels.recordingReasons, reason.reason) ?? reason.reason.toLowerCase().replace(/_/g, ' ')) : '';
  if (!who && !text) return undefined;
  return { who, why: text };
}

/**
 * One recording of `RecordingList`: name, status, start time, duration, size, who started and
 * stopped it and why, and its download links — only `http(s)` links that have not expired.
 */
export const RecordingRow = memo(function RecordingRow({ asset, linkState, labels, dateFormat, locale, actions }: RecordingRowProps) {
  const name = asset.fileName || labels.recordingUntitled;
  const started = asset.startedAt ?? asset.invokedAt;
  const started_ = why(asset.startReason, labels);
  const stopped = why(asset.stopReason, labels);
  const links = offeredLinks(asset, linkState).map(({ kind, label, href }) => {
    const action = kind === 'video' ? labels.downloadVideo : kind === 'audio' ? labels.downloadAudio : labels.downloadTrack(label ?? '');
    return (
      <a key={`${kind}:${href}`} className="onair-rl-link" href={href} rel="noopener noreferrer" download aria-label={labels.downloadOf(action, name)}>
        {action}
      </a>
    );
  });
  return (
    <li className="onair-rl-row" data-onair-state={asset.status}>
      <div className="onair-rl-head">
        <span className="onair-rl-name">{name}</span>
        <span className="onair-rl-status" data-onair-state={asset.status}>
          {ownValue(labels.assetStatus, asset.status) ?? asset.status}
        </span>
      </div>
      <p className="onair-rl-meta">
        {started !== null ? (
          <span>
            <span className="onair-rl-key">{labels.recordingStartedAt} </span>
            <time dateTime={new Date(started).toISOString()}>{dateFormat.format(started)}</time>
          </span>
        ) : null}
        {asset.durationSeconds !== null ? (
          <span>
            <span className="onair-rl-key">{labels.recordingDuration} </span>
            <time dateTime={`PT${Math.max(0, Math.floor(asset.durationSeconds))}S`}>{formatElapsed(asset.durationSeconds * 1000, locale)}</time>
          </span>
        ) : null}
        {asset.storage?.type === DEVICE_STORAGE_TYPE ? <span className="onair-rl-device">{labels.storedOnDevice}</span> : null}
        {asset.fileSize !== null ? (
          <span>
            <span className="onair-rl-key">{labels.recordingSize} </span>
            {formatBytes(asset.fileSize, locale)}
          </span>
        ) : null}
      </p>
      {started_ || stopped ? (
        <p className="onair-rl-why">
          {started_ ? <span>{labels.recordingStartedByWhy(started_.who, started_.why)}</span> : null}
          {stopped ? <span>{labels.recordingStoppedByWhy(stopped.who, stopped.why)}</span> : null}
        </p>
      ) : null}
      <div className="onair-rl-actions">
        {links}
        {linkState === 'refreshing' ? <span className="onair-rl-note">{labels.linkRefreshing}</span> : null}
        {linkState === 'expired' ? <span className="onair-rl-note">{labels.linkExpired}</span> : null}
        {linkState === 'none' && asset.status === 'ready' && asset.storage ? <span className="onair-rl-note">{labels.linkStoredElsewhere}</span> : null}
        {actions}
      </div>
    </li>
  );
});
