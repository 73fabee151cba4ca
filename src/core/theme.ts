/**
 * Theme tokens: each becomes a CSS custom property `--onair-<token-in-kebab-case>` on the element
 * that receives the `theme` prop. Values are any CSS value.
 *
 * @example
 * ```tsx
 * <OnAirProvider theme={{ accent: '#6d28d9', radius: '4px' }} colorScheme="dark">…</OnAirProvider>
 * <RecordButton theme={{ recording: 'crimson' }} />
 * ```
 *
 * @public
 */
export interface OnAirTheme {
  /** Primary action colour (go-live, focus accents). */
  readonly accent?: string;
  /** Text on the accent colour. */
  readonly accentText?: string;
  /** Recording colour (REC mark, stop button). */
  readonly recording?: string;
  /** Text on the recording colour. */
  readonly recordingText?: string;
  /** Live colour (live badge). */
  readonly live?: string;
  /** Text on the live colour. */
  readonly liveText?: string;
  /** Warning colour (interrupted, paused). */
  readonly warning?: string;
  /** Error text and border colour. */
  readonly danger?: string;
  /** Surface behind controls and badges. */
  readonly surface?: string;
  /** A raised surface (menus, confirmations). */
  readonly surfaceRaised?: string;
  /** Main text colour. */
  readonly text?: string;
  /** Secondary text colour. */
  readonly textMuted?: string;
  /** Border colour. */
  readonly border?: string;
  /** Focus ring colour. */
  readonly focusRing?: string;
  /** Corner radius of controls. */
  readonly radius?: string;
  /** Font family. */
  readonly fontFamily?: string;
  /** Base font size of a `md` control. */
  readonly fontSize?: string;
}

/**
 * The names of the theme tokens.
 *
 * @public
 */
export type OnAirThemeToken = keyof OnAirTheme;

/**
 * `--onair-*` name of a token (camelCase becomes kebab-case).
 *
 * @example
 * ```ts
 * import { themeVariable } from 'onair-react';
 *
 * themeVariable('surfaceRaised'); // "--onair-surface-raised"
 * document.documentElement.style.setProperty(themeVariable('accent'), '#6d28d9');
 * ```
 *
 * @public
 */
export function themeVariable(token: OnAirThemeToken): `--onair-${string}` {
  return `--onair-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Turns partial theme tokens into an inline style object of CSS custom properties.
 * Unknown keys and non-string values are ignored.
 *
 * @example
 * ```tsx
 * import type { CSSProperties } from 'react';
 * import { themeToStyle } from 'onair-react';
 *
 * themeToStyle({ accent: '#6d28d9', radius: '4px' }); // { '--onair-accent': '#6d28d9', '--onair-radius': '4px' }
 * <aside style={themeToStyle({ surface: '#111827' }) as CSSProperties}>…</aside>;
 * ```
 *
 * @public
 */
export function themeToStyle(theme: OnAirTheme | undefined): Record<string, string> {
  const style: Record<string, string> = {};
  if (!theme) return style;
  for (const [token, value] of Object.entries(theme)) {
    if (typeof value === 'string' && value.length > 0) style[themeVariable(token as OnAirThemeToken)] = value;
  }
  return style;
}
