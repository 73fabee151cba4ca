import { useEffect, useRef, useState, type ReactElement } from 'react';
import { announcementsFor } from '../core/announcements.js';
import type { OnAirLabels } from '../core/labels.js';
import type { OnAirStore } from '../store/createOnAirStore.js';

/**
 * The one polite live region of the kit: announces recording and live-stream status changes once,
 * however many components show them. Visually hidden.
 */
export function Announcer({ store, labels }: { store: OnAirStore; labels: OnAirLabels }): ReactElement {
  const [message, setMessage] = useState('');
  const labelsRef = useRef(labels);
  useEffect(() => {
    labelsRef.current = labels;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.state.subscribe((next, previous) => {
      const lines = announcementsFor(previous, next, labelsRef.current);
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
