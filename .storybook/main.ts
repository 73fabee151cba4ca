import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // GitHub-flavoured Markdown in MDX (tables on the Providers and Accessibility pages): MDX 3 has none by itself.
    { name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  // Serves public/mockServiceWorker.js (MSW) in dev and in the static build.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Props tables from the TypeScript types (22.12): readable unions, boolean controls, TSDoc tags kept out
  // of the descriptions, `@defaultValue` as the default; the DOM attributes every component also takes
  // (from @types/react) stay out of the table.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      savePropValueAsString: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
};

export default config;
