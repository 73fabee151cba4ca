import { http } from 'msw';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createRealtimeKitClient } from '../src/adapters/realtimekit/index.js';
import { RecordingList, type RecordingListProps } from '../src/components/RecordingList.js';
import type { OnAirTheme } from '../src/core/theme.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend } from '../src/simulator/realtimekit/index.js';
import { mswLoader } from './support/mswWorker.js';
import { useStoryTheme } from './support/OnAirStory.js';

const MEETING = 'b7a6c5d4-0000-4000-8000-000000000001';

/** A fresh simulated RealtimeKit backend for one story, served at its own base URL. */
function backendFor(name: string, setup: (backend: RealtimeKitBackend) => void = () => {}) {
  const backend = createRealtimeKitBackend({ invokeMs: 1_200, uploadMs: 2_000 });
  setup(backend);
  const baseUrl = `/api/realtimekit/${name}`;
  return { backend, baseUrl, handlers: realtimeKitHandlers(backend, { baseUrl, http }) };
}

function Harness(
  props: RecordingListProps & {
    readonly baseUrl: string;
    readonly timeoutMs?: number;
    /** Component theme per colour scheme (a token that reads well on light may not on dark). */
    readonly themeByScheme?: { readonly light: OnAirTheme; readonly dark: OnAirTheme };
  },
): ReactElement {
  const { baseUrl, timeoutMs, themeByScheme, ...listProps } = props;
  const { colorScheme, theme } = useStoryTheme();
  if (themeByScheme) Object.assign(listProps, { theme: themeByScheme[colorScheme] });
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [client] = useState(() => createRealtimeKitClient({ baseUrl, timeoutMs }));
  return (
    <OnAirProvider recordings={client} queryClient={queryClient} colorScheme={colorScheme} theme={theme}>
      <div style={{ maxWidth: 760 }}>
        <RecordingList {...listProps} />
      </div>
    </OnAirProvider>
  );
}

const meta = {
  title: 'Components/RecordingList',
  component: RecordingList,
  loaders: [mswLoader],
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof RecordingList>;
export default meta;
type Story = StoryObj<typeof meta>;

const ready = backendFor('ready', (b) => b.seed({ count: 32, meetingId: MEETING, failEvery: 7 }));

/** A meeting's recordings, page by page, with download links for video and audio. */
export const Ready: Story = {
  parameters: { msw: { handlers: ready.handlers } },
  render: (args) => <Harness {...args} baseUrl={ready.baseUrl} meetingId={MEETING} perPage={8} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', {}, { timeout: 15_000 });
    expect(within(list).getAllByRole('listitem')).toHaveLength(8);
    const video = canvas.getAllByRole('link', { name: /^Download video, weekly-sync-0032\.mp4/ })[0]!;
    expect(video).toHaveAttribute('rel', 'noopener noreferrer');
    expect(video.getAttribute('href')).toMatch(/^https:\/\//);
    expect(canvas.getByText('Page 1 of 4')).toBeInTheDocument();
  },
};

/** Server paging: the next page replaces the rows; the previous page stays until it arrives. */
export const Paging: Story = {
  parameters: { msw: { handlers: ready.handlers } },
  render: Ready.render,
  play: async (context) => {
    await Ready.play!(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await canvas.findByText('Page 2 of 4');
    await canvas.findByText('weekly-sync-0024.mp4', {}, { timeout: 15_000 });
    expect(canvas.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  },
};

const loading = backendFor('loading', (b) => b.failAlways('timeout'));
/** The first load: a skeleton, announced once as "Loading recordings…". */
export const Loading: Story = {
  parameters: { msw: { handlers: loading.handlers } },
  render: (args) => <Harness {...args} baseUrl={loading.baseUrl} timeoutMs={120_000} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: 'Recordings' });
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(within(region).getByRole('status')).toHaveTextContent('Loading recordings…');
  },
};

const empty = backendFor('empty');
/** No recordings yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: empty.handlers } },
  render: (args) => <Harness {...args} baseUrl={empty.baseUrl} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No recordings yet', {}, { timeout: 15_000 });
  },
};

const down = backendFor('down', (b) => {
  b.seed({ count: 3, meetingId: MEETING });
  b.failAlways('server-error', { endpoint: 'list' });
});
/** The service failed: an alert with the reason and "Try again". */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  parameters: { msw: { handlers: down.handlers } },
  render: (args) => <Harness {...args} baseUrl={down.baseUrl} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('Internal server error');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(canvas.getByRole('region', { name: 'Recordings' })).toHaveAttribute('data-onair-state', 'error');
  },
};

const failing = backendFor('failing', (b) => {
  b.seed({ count: 3, meetingId: MEETING });
  b.failNext('server-error', { endpoint: 'list', times: 1 });
});
/** Walkthrough: the service fails once; "Try again" recovers. */
export const WalkthroughRetry: Story = {
  parameters: { msw: { handlers: failing.handlers } },
  render: (args) => <Harness {...args} baseUrl={failing.baseUrl} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('Internal server error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await canvas.findByText('3 recordings', {}, { timeout: 15_000 });
  },
};

const denied = backendFor('denied', (b) => b.failAlways('unauthorized'));
/** The app's backend route has no valid credentials (401): the provider's message is shown. */
export const Unauthorized: Story = {
  parameters: { msw: { handlers: denied.handlers } },
  render: (args) => <Harness {...args} baseUrl={denied.baseUrl} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent('Authentication error');
  },
};

const malformed = backendFor('malformed', (b) => b.failAlways('wrong-type', { endpoint: 'list' }));
/** A body of the wrong shape is a readable error, not a crash and not validator text (the detail is in `error.cause`). */
export const MalformedBody: Story = {
  parameters: { msw: { handlers: malformed.handlers } },
  render: (args) => <Harness {...args} baseUrl={malformed.baseUrl} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent('The recordings service sent an answer in an unexpected format.');
  },
};

const expired = backendFor('expired', (b) => b.seed({ count: 2, meetingId: MEETING, expired: true }));
/** The list's download links expired: each row's details are refetched and fresh links appear. */
export const ExpiredLinksRefresh: Story = {
  parameters: { msw: { handlers: expired.handlers } },
  render: (args) => <Harness {...args} baseUrl={expired.baseUrl} meetingId={MEETING} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const links = await waitFor(
      () => {
        const found = canvas.getAllByRole('link', { name: /^Download video/ });
        expect(found).toHaveLength(2);
        return found;
      },
      { timeout: 15_000 },
    );
    // The list's links (v=0) had expired; the details re-signed them (v=1).
    expect(links[0]!.getAttribute('href')).toMatch(/v=1$/);
  },
};

const many = backendFor('many', (b) => b.seed({ count: 400, meetingId: MEETING, everyMs: 60_000 }));
/**
 * Four hundred rows on one page: above `virtualizeAbove` (200), so the list scrolls in its own area
 * (`maxHeight`, 70vh by default) and renders only the rows in and near view (the bench windows 10 000;
 * see BENCHMARKS.md).
 */
export const ManyRows: Story = {
  parameters: { msw: { handlers: many.handlers } },
  render: (args) => <Harness {...args} baseUrl={many.baseUrl} meetingId={MEETING} perPage={400} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('400 recordings', {}, { timeout: 20_000 });
    const list = canvas.getByRole('list');
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('aria-setsize', '400');
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    // Scrolled to the end: the last recording is rendered, and still only a window of rows.
    const area = canvasElement.querySelector<HTMLElement>('.onair-rl-viewport')!;
    area.scrollTop = area.scrollHeight;
    await canvas.findByText('weekly-sync-0001.mp4', {}, { timeout: 15_000 });
    expect(list.children.length).toBeLessThan(60);
  },
};

const custom = backendFor('custom', (b) => b.seed({ count: 4, meetingId: MEETING }));
/** Composable: per-row actions, own labels and theme tokens, small size. */
export const CustomActionsAndLabels: Story = {
  parameters: { msw: { handlers: custom.handlers } },
  render: (args) => (
    <Harness
      {...args}
      baseUrl={custom.baseUrl}
      meetingId={MEETING}
      size="sm"
      variant="subtle"
      heading="Aufnahmen"
      labels={{ downloadVideo: 'Video herunterladen', downloadAudio: 'Audio herunterladen', recordingsCount: (n) => `${n} Aufnahmen` }}
      themeByScheme={{ light: { accent: '#6d28d9', radius: '4px' }, dark: { accent: '#c4b5fd', radius: '4px' } }}
      renderActions={(asset) => (
        <button type="button" className="onair-rl-button" onClick={() => navigator.clipboard?.writeText(asset.id)}>
          Copy id
        </button>
      )}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('4 Aufnahmen', {}, { timeout: 15_000 });
    expect(canvas.getAllByRole('button', { name: 'Copy id' })).toHaveLength(4);
    expect(canvas.getAllByRole('link', { name: /^Video herunterladen/ })).toHaveLength(4);
  },
};
