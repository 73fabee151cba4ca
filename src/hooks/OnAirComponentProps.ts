import type { OnAirLabels } from '../core/labels.js';
import type { OnAirTheme } from '../core/theme.js';

/**
 * Control size.
 *
 * @example
 * ```tsx
 * <RecordButton size="lg" />
 * ```
 *
 * @public
 */
export type OnAirSize = 'sm' | 'md' | 'lg';

/**
 * Visual weight: `solid` (filled), `subtle` (tinted surface), `ghost` (no background until hovered).
 *
 * @example
 * ```tsx
 * <LiveStreamBadge variant="subtle" />
 * ```
 *
 * @public
 */
export type OnAirVariant = 'solid' | 'subtle' | 'ghost';

/**
 * Props every OnAir component takes besides its element's own attributes.
 *
 * @example
 * ```tsx
 * <RecordingIndicator theme={{ recording: 'crimson' }} labels={{ recMark: 'AUFN' }} size="sm" variant="ghost" />
 * ```
 *
 * @public
 */
export interface OnAirComponentProps {
  /** Theme tokens for this component only (inline `--onair-*` variables on its root). */
  readonly theme?: OnAirTheme | undefined;
  /** Replacement strings, merged over the provider's `labels`. */
  readonly labels?: Partial<OnAirLabels> | undefined;
  /** Default `md`. */
  readonly size?: OnAirSize | undefined;
  /** Default `solid`. */
  readonly variant?: OnAirVariant | undefined;
}
