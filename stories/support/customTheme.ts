import type { OnAirTheme } from '../../src/core/theme.js';

/** The toolbar's "custom" theme: every token replaced, to show theming end to end. */
export const customTheme: OnAirTheme = {
  accent: '#6d28d9',
  accentText: '#ffffff',
  recording: '#be123c',
  recordingText: '#ffffff',
  live: '#0f766e',
  liveText: '#ffffff',
  warning: '#9a3412',
  danger: '#b91c1c',
  surface: '#fbf7f2',
  surfaceRaised: '#ffffff',
  text: '#1c1917',
  textMuted: '#57534e',
  border: '#d6d3d1',
  focusRing: '#6d28d9',
  radius: '999px',
  fontSize: '15px',
};
