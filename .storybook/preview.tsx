import type { Decorator, Preview } from '@storybook/react-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { configure } from 'storybook/test';
import '../src/styles.css';
import { customTheme } from '../stories/support/customTheme.js';
import { OnAirStory, type OnAirStoryParameters } from '../stories/support/OnAirStory.js';

/**
 * The theme stories start in: `light`, or the one a test project sets (`__ONAIR_STORY_THEME__`,
 * vitest.config.ts), so every story is also tested, with axe, in dark and in the custom theme.
 */
declare const __ONAIR_STORY_THEME__: string | undefined;
const initialTheme = typeof __ONAIR_STORY_THEME__ === 'string' ? __ONAIR_STORY_THEME__ : 'light';

// A play function's findBy…/waitFor without its own timeout waits up to 15 s, not Testing Library's
// 1 s: it passes as soon as its condition holds, and a loaded 2-core machine is slow (a story whose
// simulated provider answers after 600 ms raced the 1 s default).
configure({ asyncUtilTimeout: 15_000 });

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
      inDocs={context.viewMode === 'docs'}
      colorScheme={choice === 'dark' ? 'dark' : 'light'}
      theme={choice === 'custom' ? customTheme : undefined}
    >
      <Story />
    </OnAirStory>
  );
};

/**
 * Props tables: the default a prop's TSDoc states ("Default `md`.", "@defaultValue `false`") goes in the
 * Default column, where the docgen found none (22.12: it showed "-").
 */
const defaultsFromTsDoc: ArgTypesEnhancer = (context) =>
  Object.fromEntries(
    Object.entries(context.argTypes).map(([name, argType]) => {
      const stated = /(?:@defaultValue|\bDefault(?: value)?:?)\s+`([^`]+)`/.exec(argType.description ?? '')?.[1];
      if (stated === undefined || argType.table?.defaultValue?.summary) return [name, argType];
      return [name, { ...argType, table: { ...argType.table, defaultValue: { summary: stated } } }];
    }),
  );

const preview = {
  argTypesEnhancers: [defaultsFromTsDoc],
  // Every component gets a Docs page with its props table.
  tags: ['autodocs'],
  // Theme tokens and labels are controls on every component, not only the toolbar.
  argTypes: {
    theme: {
      control: 'object',
      description: 'Theme tokens for this component only (`--onair-*` variables on its root), e.g. `{ "recording": "#9f1239" }`.',
      table: { category: 'Theming' },
    },
    labels: {
      control: 'object',
      description: 'Replacement strings, merged over the provider’s labels, e.g. `{ "startRecording": "Aufnahme starten" }`.',
      table: { category: 'Labels' },
    },
  },
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
  initialGlobals: { theme: initialTheme },
  decorators: [withOnAir],
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
    options: {
      storySort: { order: ['Getting started', 'Theming', 'Providers', 'Accessibility', 'Components', 'Meeting playground'] },
    },
  },
} satisfies Preview;

export default preview;
