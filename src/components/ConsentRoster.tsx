import { forwardRef, useId, type HTMLAttributes } from 'react';
import type { ConsentStatus } from '../core/model.js';
import type { ConsentRosterEntry } from '../core/selectors.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useConsentRoster } from '../hooks/useConsentRoster.js';
import { consentRosterLabels } from '../core/labels.js';

/**
 * Props of {@link ConsentRoster}. Native attributes and the `ref` go to the root `<section>`.
 *
 * @public
 */
export interface ConsentRosterProps extends HTMLAttributes<HTMLElement>, OnAirComponentProps {
  /** Which groups to list, in order. Default: not answered, declined, consented. */
  readonly groups?: readonly ConsentStatus[] | undefined;
  /** For a participant who is not a moderator: `hide` (default) renders nothing, `show` renders it anyway. */
  readonly whenNotAllowed?: 'hide' | 'show' | undefined;
  /** Level of the roster's heading (groups use the next level). Default 2. */
  readonly headingLevel?: 2 | 3 | 4 | 5 | undefined;
}

const DEFAULT_GROUPS: readonly ConsentStatus[] = ['pending', 'declined', 'consented'];

/**
 * Who has agreed to be recorded, for moderators: "3 of 5 consented", then who has not answered yet,
 * who declined and who consented, each as a list under its own heading. The summary is a polite live
 * region, so a moderator using a screen reader hears it change.
 *
 * @example
 * ```tsx
 * <OnAirProvider adapter={adapter} role="moderator">
 *   <ConsentRoster groups={['pending', 'declined']} />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export const ConsentRoster = forwardRef<HTMLElement, ConsentRosterProps>(function ConsentRoster(props, ref) {
  const {
    groups = DEFAULT_GROUPS,
    whenNotAllowed = 'hide',
    headingLevel = 2,
    ...rootInput
  } = props;
  const { labels, root } = useRootProps(rootInput, { className: 'onair-roster', labels: consentRosterLabels, ref });
  const roster = useConsentRoster();
  const baseId = useId();
  if (!roster.allowed && whenNotAllowed === 'hide') return null;

  const Heading = `h${headingLevel}` as 'h2';
  const GroupHeading = `h${headingLevel + 1}` as 'h3';
  const state = !roster.required ? 'idle' : roster.counts.pending === 0 ? 'complete' : 'collecting';
  const byStatus: Record<ConsentStatus, readonly ConsentRosterEntry[]> = {
    pending: roster.pending,
    declined: roster.declined,
    consented: roster.consented,
  };
  const groupLabel: Record<ConsentStatus, string> = {
    pending: labels.rosterPending,
    declined: labels.rosterDeclined,
    consented: labels.rosterConsented,
  };

  return (
    <section {...root({ state }, { 'aria-labelledby': rootInput['aria-label'] === undefined ? `${baseId}-title` : undefined })}>
      <div className="onair-roster-head">
        <Heading className="onair-roster-title" id={`${baseId}-title`}>
          {labels.rosterTitle}
        </Heading>
        <p className="onair-roster-summary" aria-live="polite">
          {labels.rosterSummary(roster.counts.consented, roster.counts.total)}
        </p>
      </div>
      {!roster.required ? <p className="onair-hint">{labels.rosterIdle}</p> : null}
      {groups.map((status) => {
        const entries = byStatus[status];
        const headingId = `${baseId}-${status}`;
        return (
          <div className="onair-roster-group" data-onair-status={status} key={status}>
            <GroupHeading className="onair-roster-group-title" id={headingId}>
              <span className="onair-roster-mark" data-onair-status={status} aria-hidden="true" />
              {groupLabel[status]} <span className="onair-roster-count">({entries.length})</span>
            </GroupHeading>
            {entries.length > 0 ? (
              <ul className="onair-roster-list" aria-labelledby={headingId}>
                {entries.map((entry) => (
                  <li key={entry.participantId} className="onair-roster-item" data-onair-status={entry.status}>
                    {roster.nameOf(entry, labels)}
                    {entry.isLocal ? <span className="onair-roster-you"> {labels.rosterYou}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="onair-roster-empty">{labels.rosterNobody}</p>
            )}
          </div>
        );
      })}
    </section>
  );
});
