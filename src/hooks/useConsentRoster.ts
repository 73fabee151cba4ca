import { useStore } from 'zustand';
import type { OnAirLabels } from '../core/labels.js';
import type { ConsentCounts, ConsentRosterEntry } from '../core/selectors.js';
import { effectiveRole } from '../core/selectors.js';
import { useOnAirContext } from './OnAirContext.js';
import { useConsent } from './useConsent.js';

/**
 * What {@link useConsentRoster} returns.
 *
 * @public
 */
export interface UseConsentRosterResult {
  /** `false` for a participant who is not a moderator (the roster is for moderators). */
  readonly allowed: boolean;
  /** `true` while a recording starts, runs or is paused. */
  readonly required: boolean;
  readonly counts: ConsentCounts;
  readonly consented: readonly ConsentRosterEntry[];
  readonly declined: readonly ConsentRosterEntry[];
  readonly pending: readonly ConsentRosterEntry[];
  /** A participant's display name (or the unnamed label). */
  readonly nameOf: (entry: ConsentRosterEntry, labels: Pick<OnAirLabels, 'rosterUnnamed'>) => string;
}

/**
 * The consent roster split into consented, declined and not-answered, and whether the local
 * participant may see it: moderators may, participants may not; with no role known (the app gave
 * none and the provider said none) it is shown.
 *
 * @example
 * ```tsx
 * const { allowed, counts, pending } = useConsentRoster();
 * if (allowed) console.log(`${counts.consented} of ${counts.total}; waiting for ${pending.length}`);
 * ```
 *
 * @public
 */
export function useConsentRoster(): UseConsentRosterResult {
  const { store, role } = useOnAirContext();
  const providerRole = useStore(store.state, (s) => s.providerRole);
  const { roster, counts, required } = useConsent();
  return {
    allowed: effectiveRole(role, providerRole) !== 'participant',
    required,
    counts,
    consented: roster.filter((e) => e.status === 'consented'),
    declined: roster.filter((e) => e.status === 'declined'),
    pending: roster.filter((e) => e.status === 'pending'),
    nameOf: (entry, labels) => entry.name ?? labels.rosterUnnamed,
  };
}
