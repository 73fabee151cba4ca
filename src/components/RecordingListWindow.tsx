import { useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { RecordingAsset } from '../core/recordings.js';

/** Rows rendered above and below the ones in view. */
const OVERSCAN = 4;
/** Height (px) assumed for a row before any row was measured. */
const FIRST_ESTIMATE = 96;
/** Rows rendered before the scroll area's height is known (the first render). */
const FIRST_ROWS = 16;
const DETACHED = 'data-onair-detached';
const DETACHED_TOP = '--onair-rl-row-top';

/** Props of {@link WindowedRows}. */
export interface WindowedRowsProps {
  readonly items: readonly RecordingAsset[];
  /** One keyed `<li>` per recording. */
  readonly renderItem: (asset: RecordingAsset) => ReactNode;
  /** The rows are the previous page's while the next loads. */
  readonly placeholder: boolean;
  /** Height limit of the scroll area (CSS length, or px); default the `--onair-rl-max-height` variable (70vh). */
  readonly maxHeight: string | number | undefined;
}

interface Measures {
  /** Border-box heights (px) of the rows measured so far, by recording id. */
  readonly heights: Map<string, number>;
  sum: number;
  /** The list's row gap (px). */
  gap: number;
  /** The scroll area's width the heights were measured at. */
  width: number;
}

/**
 * The rows of a large page, windowed: a scroll area (`.onair-rl-viewport`) holding a spacer, the
 * `<ul>` with only the rows in and near view, and a spacer for the rows below. Row heights are
 * measured as rendered (and watched with a ResizeObserver: rows wrap at narrow widths); rows not yet
 * measured count at the average measured height. The row holding focus stays mounted (positioned
 * where it belongs) while it is scrolled away. Each rendered row gets `aria-setsize`/`aria-posinset`.
 * When measured heights differ from the estimates the first row in view keeps its place on screen.
 */
export function WindowedRows({ items, renderItem, placeholder, maxHeight }: WindowedRowsProps): ReactNode {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const measures = useRef<Measures>({ heights: new Map(), sum: 0, gap: 0, width: -1 });
  const watcher = useRef<{ readonly observer: ResizeObserver; readonly ids: WeakMap<Element, string>; readonly watched: Set<Element> } | null>(null);
  // The first in-flow row in view and its offset from the top of the content, after the last commit.
  const anchor = useRef<{ id: string; y: number } | null>(null);
  const atEnd = useRef(false);
  const [version, setVersion] = useState(0);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [focusedId, setFocusedId] = useState<string | null>(null);

  // starts[i]: offset of row i from the top of the content; starts[n]: content height plus one gap.
  const starts = useMemo(() => {
    void version; // recomputed when the measures change
    const { heights, sum, gap } = measures.current;
    const estimate = heights.size > 0 ? sum / heights.size : FIRST_ESTIMATE;
    const offsets = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i += 1) offsets[i + 1] = offsets[i]! + (heights.get(items[i]!.id) ?? estimate) + gap;
    return offsets;
  }, [items, version]);

  const count = items.length;
  /** The row at offset `y` of the content. */
  const rowAt = (y: number): number => {
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= y) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const first = Math.max(0, rowAt(view.top) - OVERSCAN);
  const last = view.height > 0 ? Math.min(count, rowAt(view.top + view.height) + 1 + OVERSCAN) : Math.min(count, first + FIRST_ROWS);
  const focused = focusedId === null ? -1 : items.findIndex((asset) => asset.id === focusedId);
  // The rows rendered, in order: the window, and the focused row if it is outside.
  const shown = useMemo(() => {
    const indices: number[] = [];
    if (focused >= 0 && focused < first) indices.push(focused);
    for (let i = first; i < last; i += 1) indices.push(i);
    if (focused >= last) indices.push(focused);
    return indices;
  }, [first, last, focused]);

  /** Records a row's height; whether it changed. */
  const measure = useCallback((id: string, height: number): boolean => {
    const m = measures.current;
    const old = m.heights.get(id);
    if (old !== undefined && Math.abs(old - height) < 0.5) return false;
    m.heights.set(id, height);
    m.sum += height - (old ?? 0);
    return true;
  }, []);

  // Once: the scroll area's size and scroll position, and a ResizeObserver for it and the rows.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current!;
    const ids = new WeakMap<Element, string>();
    const m = measures.current;
    m.width = scroller.clientWidth;
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        if (entry.target === scroller) {
          if (scroller.clientWidth !== m.width) {
            // Another width wraps rows differently: the heights measured at the old one are stale.
            m.width = scroller.clientWidth;
            m.heights.clear();
            m.sum = 0;
            changed = true;
          }
          const height = scroller.clientHeight;
          setView((v) => (v.height === height ? v : { ...v, height }));
          continue;
        }
        const id = ids.get(entry.target);
        if (id !== undefined && entry.target.isConnected) {
          changed = measure(id, entry.borderBoxSize[0]?.blockSize ?? entry.target.getBoundingClientRect().height) || changed;
        }
      }
      if (changed) setVersion((v) => v + 1);
    });
    observer.observe(scroller);
    watcher.current = { observer, ids, watched: new Set() };
    const onScroll = (): void => {
      atEnd.current = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      // Rendered in this frame (scroll events run before painting), so fast scrolling shows no gaps.
      flushSync(() => setView({ top: scroller.scrollTop, height: scroller.clientHeight }));
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    setView({ top: scroller.scrollTop, height: scroller.clientHeight });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
      watcher.current = null;
    };
  }, [measure]);

  // After the window moved or the measures changed: keep the row in view in place, measure the
  // rendered rows, label them.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current!;
    const list = listRef.current!;
    const m = measures.current;
    const rows = list.children;
    // Only when each recording rendered exactly one element (a custom `renderRow` must render an `<li>`).
    const mapped = rows.length === shown.length;
    // A row's offset from the top of the content (whatever the scroll position).
    const contentY = (row: Element): number => row.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;

    if (atEnd.current) {
      // Scrolled to the end: stay there while the last rows get their real heights.
      scroller.scrollTop = scroller.scrollHeight;
    } else if (mapped && anchor.current) {
      const k = shown.findIndex((index) => items[index]!.id === anchor.current!.id);
      const index = shown[k];
      if (index !== undefined && index >= first && index < last) {
        const delta = contentY(rows[k]!) - anchor.current.y;
        if (Math.abs(delta) >= 0.5) scroller.scrollTop += delta;
      }
    }
    anchor.current = null;
    if (!mapped) return;

    const w = watcher.current;
    const current = new Set<Element>();
    const gap = Number.parseFloat(getComputedStyle(list).rowGap) || 0;
    let changed = gap !== m.gap;
    m.gap = gap;
    const viewTop = scroller.scrollTop;
    for (let k = 0; k < rows.length; k += 1) {
      const row = rows[k] as HTMLElement;
      const index = shown[k]!;
      const id = items[index]!.id;
      row.setAttribute('aria-setsize', String(count));
      row.setAttribute('aria-posinset', String(index + 1));
      if (index < first || index >= last) {
        // The focused row, scrolled away: kept mounted, out of flow where it would be.
        row.setAttribute(DETACHED, '');
        row.style.setProperty(DETACHED_TOP, `${starts[index]! - starts[first]!}px`);
      } else {
        if (row.hasAttribute(DETACHED)) {
          row.removeAttribute(DETACHED);
          row.style.removeProperty(DETACHED_TOP);
        }
        if (!anchor.current) {
          const y = contentY(row);
          if (y + row.getBoundingClientRect().height > viewTop) anchor.current = { id, y };
        }
      }
      changed = measure(id, row.getBoundingClientRect().height) || changed;
      if (w) {
        current.add(row);
        w.ids.set(row, id);
        if (!w.watched.has(row)) {
          w.watched.add(row);
          w.observer.observe(row);
        }
      }
    }
    if (w) {
      for (const row of w.watched) {
        if (current.has(row)) continue;
        w.watched.delete(row);
        w.observer.unobserve(row);
      }
    }
    if (changed) setVersion((v) => v + 1);
    // Rows whose content changes in place are re-measured by the ResizeObserver.
  }, [shown, first, last, items, count, measure, starts]);

  // Which row holds focus (read from the document: a blur may be the window's, not the row's).
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const syncFocus = useCallback(() => {
    const list = listRef.current;
    const active = document.activeElement;
    if (!list || !active || !list.contains(active)) {
      setFocusedId(null);
      return;
    }
    let row: Element = active;
    while (row.parentElement && row.parentElement !== list) row = row.parentElement;
    setFocusedId(watcher.current?.ids.get(row) ?? null);
  }, []);
  useLayoutEffect(() => () => clearTimeout(blurTimer.current), []);

  const style = maxHeight === undefined ? undefined : ({ '--onair-rl-max-height': typeof maxHeight === 'number' ? `${maxHeight}px` : maxHeight } as CSSProperties);
  return (
    <div ref={scrollerRef} className="onair-rl-viewport" style={style}>
      <div className="onair-rl-spacer" aria-hidden="true" style={{ height: starts[first] }} />
      <ul
        ref={listRef}
        className="onair-rl-list"
        data-onair-placeholder={placeholder || undefined}
        data-onair-windowed=""
        onFocus={syncFocus}
        onBlur={() => {
          clearTimeout(blurTimer.current);
          blurTimer.current = setTimeout(syncFocus, 0);
        }}
      >
        {shown.map((index) => renderItem(items[index]!))}
      </ul>
      <div className="onair-rl-spacer" aria-hidden="true" style={{ height: starts[count]! - starts[last]! }} />
    </div>
  );
}
