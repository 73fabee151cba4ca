import { forwardRef, useCallback, useEffect, useId, useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import type { RecordingAssetStatus } from '../core/model.js';
import type { RecordingAsset, RecordingsSortOrder, RecordingsSource } from '../core/recordings.js';
import { cx } from '../hooks/mergeProps.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useMaybeOnAirContext } from '../hooks/OnAirContext.js';
import { useRecordings, type RecordingLinkState, type UseRecordingsResult } from '../hooks/useRecordings.js';
import { offeredLinks, RecordingRow, type RecordingLink } from './RecordingRow.js';
import { WindowedRows } from './RecordingListWindow.js';
import { recordingListLabels } from '../core/labels.js';
import { RecordingPlayer } from './RecordingPlayer.js';

export type { RecordingLink };

/**
 * What a custom row renderer receives.
 *
 * @public
 */
export interface RecordingRowContext {
  readonly linkState: RecordingLinkState;
  /**
   * The download links this row may offer: only `http:`/`https:` URLs, and none while the links
   * expired or are being refreshed. A custom row renders these — never `asset.downloads`, whose URLs
   * are the provider's unchecked strings and may have expired.
   */
  readonly links: readonly RecordingLink[];
  /** The row the list would render; return it to keep it, or wrap it. */
  readonly defaultRow: ReactNode;
}

/**
 * Props of {@link RecordingList}; native `<section>` attributes go to the root.
 *
 * @public
 */
export interface RecordingListProps extends Omit<HTMLAttributes<HTMLElement>, 'children'>, OnAirComponentProps {
  /** Only this meeting's recordings. */
  readonly meetingId?: string | undefined;
  /** Rows per page (server paging). Default 25. */
  readonly perPage?: number | undefined;
  /** Controlled page (1-based). */
  readonly page?: number | undefined;
  /** Initial page when uncontrolled. Default 1. */
  readonly defaultPage?: number | undefined;
  readonly onPageChange?: ((page: number) => void) | undefined;
  readonly status?: readonly RecordingAssetStatus[] | undefined;
  readonly search?: string | undefined;
  readonly sortOrder?: RecordingsSortOrder | undefined;
  /** Another source than the provider's `recordings`. */
  readonly source?: RecordingsSource | undefined;
  /** Extra controls per row (a "Share" or "Delete" button …). */
  readonly renderActions?: ((asset: RecordingAsset) => ReactNode) | undefined;
  /**
   * Replace or wrap a whole row; it must render an `<li>`. For download links use `context.links`
   * (checked: `http(s)` only, not expired), not `asset.downloads`.
   */
  readonly renderRow?: ((asset: RecordingAsset, context: RecordingRowContext) => ReactNode) | undefined;
  /**
   * A play button on each ready recording with a video or audio file, opening a `RecordingPlayer`:
   * `dialog` (default) or `inline`; `false` for none. Nothing is loaded until it is pressed.
   */
  readonly preview?: 'dialog' | 'inline' | false | undefined;
  /** The heading; `false` hides it visually (it still names the region). Default: the `recordingsTitle` label. */
  readonly heading?: ReactNode | false | undefined;
  /** Level of the heading element. Default 2. */
  readonly headingLevel?: 2 | 3 | 4 | 5 | 6 | undefined;
  /** Poll interval while a recording changes. Default 3 000 ms. */
  readonly pollMs?: number | undefined;
  /** A download link this close to expiry is refreshed before it is offered. Default 60 000 ms. */
  readonly linkMarginMs?: number | undefined;
  /**
   * Fetch each row's details for who started/stopped it and why (RealtimeKit's list omits them);
   * each finished recording is fetched once. Default: on for pages of up to 50 rows.
   */
  readonly withDetails?: boolean | undefined;
  /**
   * Window pages with more rows than this: the list scrolls inside its own area (`maxHeight`) and
   * only the rows in and near view are rendered (each with `aria-setsize`/`aria-posinset`; the row
   * holding focus stays rendered). Default 200; `Infinity` renders every row.
   */
  readonly virtualizeAbove?: number | undefined;
  /**
   * Height limit of a windowed list's scroll area: a CSS length, or px. Default `70vh` (or the
   * `--onair-rl-max-height` custom property). Only used when the page is windowed.
   */
  readonly maxHeight?: string | number | undefined;
}

const SKELETON_ROWS = 3;
const VIRTUALIZE_ABOVE = 200;

/** The Delete button of a recording the source can delete: busy while it runs, usable again after a failure. */
function DeleteButton(props: { readonly label: string; readonly name: string; readonly onDelete: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="onair-button onair-rl-delete"
      aria-label={props.name}
      aria-busy={busy || undefined}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        props.onDelete().then(
          () => setBusy(false),
          () => setBusy(false),
        );
      }}
    >
      {props.label}
    </button>
  );
}

/**
 * The stored recordings of a meeting (or of the app) with working download links. Loading shows a
 * skeleton, a failure an alert with "Try again", no recordings an empty state; while data is shown
 * a refresh is announced politely. Server pagination keeps the current rows visible while the next
 * page loads. Links appear only for `http(s)` URLs that have not expired; an expiring one is refreshed
 * first.
 *
 * Large pages are windowed, without a dependency: above `virtualizeAbove` rows (default 200) the list
 * scrolls in its own area (`maxHeight`, default `70vh`) and renders only the rows in and near view,
 * with spacers for the others. Row heights are measured as rendered and followed with a
 * ResizeObserver (rows wrap at narrow widths); rows not yet seen count at the average height. It stays
 * one `list` whose rendered items carry `aria-setsize`/`aria-posinset`; links stay reachable by Tab
 * (the window follows the focused link), and the row holding focus is never unmounted while scrolled
 * away. 10,000 rows mount in about 70 ms this way instead of about 2.8 s (BENCHMARKS.md).
 * `virtualizeAbove={Infinity}` renders every row; a custom `renderRow` must render exactly one `<li>`
 * per recording for the heights to be measured.
 *
 * @example
 * ```tsx
 * <OnAirProvider recordings={createRealtimeKitClient({ baseUrl: '/api/realtimekit' })}>
 *   <RecordingList meetingId={meetingId} perPage={20} renderActions={(r) => <ShareButton id={r.id} />} />
 * </OnAirProvider>
 * ```
 *
 * @example One page of 1,000 recordings, windowed in a 480 px scroll area
 * ```tsx
 * <RecordingList meetingId={meetingId} perPage={1000} maxHeight={480} />
 * ```
 *
 * @public
 */
export const RecordingList = forwardRef<HTMLElement, RecordingListProps>(function RecordingList(props, ref) {
  const {
    meetingId,
    perPage,
    page: controlledPage,
    defaultPage = 1,
    onPageChange,
    status,
    search,
    sortOrder,
    source,
    renderActions,
    renderRow,
    preview = 'dialog',
    heading,
    headingLevel = 2,
    pollMs,
    linkMarginMs,
    withDetails,
    virtualizeAbove = VIRTUALIZE_ABOVE,
    maxHeight,
    ...rootInput
  } = props;
  const { labels, root } = useRootProps(rootInput, { className: 'onair-rl', labels: recordingListLabels, ref });
  const context = useMaybeOnAirContext();
  const locale = context?.locale;
  const deletable = source ?? context?.recordings;
  const [ownPage, setOwnPage] = useState(defaultPage);
  // Other filters show other recordings: back to the first page (the old page may not exist).
  const filterKey = JSON.stringify([meetingId ?? null, search ?? null, status ? [...status].sort() : null]);
  const [pageFilterKey, setPageFilterKey] = useState(filterKey);
  const [resetNotice, setResetNotice] = useState(false);
  if (pageFilterKey !== filterKey) {
    setPageFilterKey(filterKey);
    if ((controlledPage ?? ownPage) !== 1) {
      if (controlledPage === undefined) setOwnPage(1);
      setResetNotice(true);
    }
  }
  const page = controlledPage ?? ownPage;
  const setPage = useCallback(
    (next: number) => {
      if (controlledPage === undefined) setOwnPage(next);
      onPageChange?.(next);
    },
    [controlledPage, onPageChange],
  );
  const list = useRecordings({
    meetingId,
    page,
    perPage,
    status,
    search,
    sortOrder,
    source,
    pollMs,
    linkMarginMs,
    withDetails: withDetails ?? (perPage ?? 25) <= 50,
  });
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }), [locale]);
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;

  // Tell the app (it owns a controlled page) that the filters reset the page.
  useEffect(() => {
    if (!resetNotice) return;
    setResetNotice(false);
    onPageChange?.(1);
  }, [resetNotice, onPageChange]);

  // Fewer recordings than before (deleted, filtered on the server): the last page that exists.
  const knownTotal = list.query.data !== undefined && !list.isPlaceholderData;
  useEffect(() => {
    if (knownTotal && page > list.pageCount) setPage(list.pageCount);
  }, [knownTotal, page, list.pageCount, setPage]);

  // Only refreshes the person asked for are announced (and make the region busy): "Try again" (with
  // nothing on screen it is a load again: "Loading recordings…") and another page or other filters
  // loading while the previous rows stay. Background polls — every few seconds while a recording
  // changes — and event refetches are shown, not announced.
  const announcedRefresh = !list.isLoading && list.isPlaceholderData && list.query.isFetching;
  const backgroundRefresh = !list.isLoading && !announcedRefresh && list.isRefreshing;

  const renderItem = (asset: RecordingAsset): ReactNode => {
    const linkState = list.linkState(asset);
    const defaultRow = (
      <RecordingRow
        key={asset.id}
        asset={asset}
        linkState={linkState}
        labels={labels}
        dateFormat={dateFormat}
        locale={locale}
        actions={
          <>
            {preview && asset.status === 'ready' ? (
              <RecordingPlayer recording={asset} mode={preview} source={source} linkMarginMs={linkMarginMs} labels={rootInput.labels} />
            ) : null}
            {deletable?.deleteRecording && deletable.capabilities.delete && (deletable.canDelete?.(asset) ?? true) ? (
              <DeleteButton
                label={labels.deleteRecording}
                name={labels.downloadOf(labels.deleteRecording, asset.fileName || labels.recordingUntitled)}
                onDelete={() => deletable.deleteRecording!(asset.id).then(() => list.refetch())}
              />
            ) : null}
            {renderActions?.(asset)}
          </>
        }
      />
    );
    return renderRow ? <RowSlot key={asset.id}>{renderRow(asset, { linkState, links: offeredLinks(asset, linkState), defaultRow })}</RowSlot> : defaultRow;
  };

  const state = list.isLoading ? 'loading' : list.isError ? 'error' : list.items.length === 0 && list.total === 0 ? 'empty' : 'ready';

  return (
    <section {...root({ state, 'aria-labelledby': titleId, 'aria-busy': list.isLoading || announcedRefresh })}>
      <div className="onair-rl-header">
        <Heading id={titleId} className={cx('onair-rl-title', heading === false && 'onair-visually-hidden')}>
          {heading === false || heading === undefined ? labels.recordingsTitle : heading}
        </Heading>
        {state === 'ready' || state === 'empty' ? <span className="onair-rl-count">{labels.recordingsCount(list.total)}</span> : null}
        <span className="onair-rl-refreshing" role="status">
          {list.isLoading ? <span className="onair-visually-hidden">{labels.recordingsLoading}</span> : announcedRefresh ? labels.recordingsRefreshing : null}
        </span>
        {/* A background poll (every few seconds while a recording changes) is shown, never announced. */}
        {backgroundRefresh ? (
          <span className="onair-rl-refreshing" aria-hidden="true" data-onair-background="">
            {labels.recordingsRefreshing}
          </span>
        ) : null}
      </div>

      {state === 'loading' ? (
        <ul className="onair-rl-list" aria-hidden="true">
          {Array.from({ length: SKELETON_ROWS }, (_, index) => (
            <li key={index} className="onair-rl-row onair-rl-skeleton">
              <span className="onair-rl-bone" />
              <span className="onair-rl-bone onair-rl-bone-short" />
            </li>
          ))}
        </ul>
      ) : null}

      {state === 'error' ? (
        <div className="onair-rl-error" role="alert">
          <p>
            {labels.recordingsLoadFailed} {list.error?.message}
          </p>
          <button type="button" className="onair-rl-button" onClick={list.refetch}>
            {labels.recordingsRetry}
          </button>
        </div>
      ) : null}

      {state === 'empty' ? (
        <div className="onair-rl-empty">
          <p className="onair-rl-empty-title">{labels.recordingsEmpty}</p>
          <p>{labels.recordingsEmptyHint}</p>
        </div>
      ) : null}

      {state === 'ready' && list.items.length > 0 ? (
        list.items.length > virtualizeAbove ? (
          // Another page starts at its top.
          <WindowedRows key={page} items={list.items} renderItem={renderItem} placeholder={list.isPlaceholderData} maxHeight={maxHeight} />
        ) : (
          <ul className="onair-rl-list" data-onair-placeholder={list.isPlaceholderData || undefined}>
            {list.items.map((asset) => renderItem(asset))}
          </ul>
        )
      ) : null}

      {/* Whenever there are recordings and more than one page — or the page is past the last one. */}
      {list.total > 0 && (list.pageCount > 1 || page > 1) ? <Pagination list={list} page={page} setPage={setPage} labels={labels} /> : null}
    </section>
  );
});

function RowSlot({ children }: { readonly children: ReactNode }): ReactNode {
  return children;
}

function Pagination({
  list,
  page,
  setPage,
  labels,
}: {
  readonly list: UseRecordingsResult;
  readonly page: number;
  readonly setPage: (page: number) => void;
  readonly labels: typeof recordingListLabels;
}): ReactNode {
  return (
    <nav className="onair-rl-pages" aria-label={labels.paginationLabel}>
      <button type="button" className="onair-rl-button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
        {labels.previousPage}
      </button>
      <span className="onair-rl-page" aria-current="page">
        {labels.pageOf(page, list.pageCount)}
      </span>
      <button type="button" className="onair-rl-button" disabled={page >= list.pageCount} onClick={() => setPage(page + 1)}>
        {labels.nextPage}
      </button>
    </nav>
  );
}
