import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';
import type { OnAirTheme } from '../src/core/theme.js';
import { OnAirStory, type OnAirStoryParameters } from '../stories/support/OnAirStory.js';

/** The toolbar's "custom" theme: every token replaced, to show theming end to end. */
const customTheme: OnAirTheme = {
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

const withOnAir: Decorator = (Story, context) => {
  const choice = (context.globals.theme as string | undefined) ?? 'light';
  const base = context.parameters.onair as OnAirStoryParameters | undefined;
  // A story arg `role` (the playground's role switch) wins over the parameter.
  const argRole = (context.args as { role?: OnAirStoryParameters['role'] }).role;
  const params = argRole ? { ...base, role: argRole } : base;
  return (
    <OnAirStory
      key={`${context.id}:${choice}`}
      params={params}
      colorScheme={choice === 'dark' ? 'dark' : 'light'}
      theme={choice === 'custom' ? customTheme : undefined}
    >
      <Story />
    </OnAirStory>
  );
};

const preview = {
  globalTypes: {
    theme: {
      description: 'OnAir theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'custom', title: 'Custom tokens' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [withOnAir],
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
  },
} satisfies Preview;

export default preview;
