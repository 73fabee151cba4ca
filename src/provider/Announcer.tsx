import { useEffect, useRef, useState, type ReactElement } from 'react';
import { announcementsFor } from '../core/announcements.js';
import { announcementLabels, type OnAirLabels } from '../core/labels.js';
import type { OnAirStore } from '../store/createOnAirStore.js';

/**
 * The one polite live region of the kit: announces recording and live-stream status changes once,
 * however many components show them. Visually hidden.
 */
export function Announcer({ store, labels }: { store: OnAirStore; labels: Partial<OnAirLabels> | undefined }): ReactElement {
  const [message, setMessage] = useState('');
  const merged = labels ? { ...announcementLabels, ...labels } : announcementLabels;
  const labelsRef = useRef(merged);
  useEffect(() => {
    labelsRef.current = merged;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.state.subscribe((next, previous) => {
      const lines = announcementsFor(previous, next, labelsRef.current, Date.now());
      if (lines.length === 0) return;
      // Clear first so the same sentence twice in a row is announced again.
      setMessage('');
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => setMessage(lines.join('. ')), 50);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store]);
  return (
    <div className="onair-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-onair-announcer="">
      {message}
    </div>
  );
}
