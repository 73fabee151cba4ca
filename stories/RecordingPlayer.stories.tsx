import { http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createRealtimeKitClient } from '../src/adapters/realtimekit/index.js';
import { RecordingList } from '../src/components/RecordingList.js';
import { RecordingPlayer } from '../src/components/RecordingPlayer.js';
import type { RecordingsSource } from '../src/core/recordings.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers } from '../src/simulator/realtimekit/index.js';
import { asset, memoryRecordings } from './support/memoryRecordings.js';
import { mswLoader } from './support/mswWorker.js';
import { useStoryTheme } from './support/OnAirStory.js';

const MEETING = 'c0ffee00-0000-4000-8000-0000000000aa';
/** The repo's own 2-second tone (scripts/make-tone.mjs → public/onair-tone.wav): no media download. */
const TONE = new URL(`${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}onair-tone.wav`, location.href).href;
/** The simulator's download links point here; MSW answers every one with the tone. */
const MEDIA_ORIGIN = `${location.origin}/onair-sim-media`;

const mediaHandler = http.get(`${MEDIA_ORIGIN}/*`, async () => {
  const tone = await fetch(TONE);
  return new HttpResponse(await tone.arrayBuffer(), { headers: { 'content-type': 'audio/wav', 'cache-control': 'no-store' } });
});

function backendFor(name: string, expired = false) {
  const backend = createRealtimeKitBackend({ downloadOrigin: MEDIA_ORIGIN });
  backend.seed({ count: 3, meetingId: MEETING, expired });
  const baseUrl = `/api/realtimekit/player-${name}`;
  return { baseUrl, handlers: [mediaHandler, ...realtimeKitHandlers(backend, { baseUrl, http })] };
}

function Harness({ recordings, baseUrl, children }: { readonly recordings?: RecordingsSource; readonly baseUrl?: string; readonly children: ReactNode }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [source] = useState(() => recordings ?? createRealtimeKitClient({ baseUrl: baseUrl ?? '/api/none' }));
  return (
    <OnAirProvider recordings={source} queryClient={queryClient} colorScheme={colorScheme} theme={theme} announce={false}>
      <div style={{ maxWidth: 760 }}>{children}</div>
    </OnAirProvider>
  );
}

const meta = {
  title: 'Components/RecordingPlayer',
  component: RecordingPlayer,
  loaders: [mswLoader],
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof RecordingPlayer>;
export default meta;
type Story = StoryObj<typeof meta>;

const media = (root: ParentNode) => root.querySelector<HTMLMediaElement>('audio, video');

const list = backendFor('list');
/**
 * `RecordingList` on the simulated RealtimeKit backend: each ready recording has a Play button that
 * opens a modal dialog playing its checked link (here the repo's tone, served through MSW).
 */
export const InRecordingList: Story = {
  args: { recording: asset({ id: 'unused', status: 'ready' }) },
  parameters: { msw: { handlers: list.handlers } },
  render: () => (
    <Harness baseUrl={list.baseUrl}>
      <RecordingList meetingId={MEETING} />
    </Harness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const play = await canvas.findByRole('button', { name: /^Play, weekly-sync-0003\.mp4/ }, { timeout: 20_000 });
    await userEvent.click(play);
    const dialog = await within(document.body).findByRole('dialog', { name: 'weekly-sync-0003.mp4' });
    await waitFor(() => expect(Math.round(media(dialog)?.duration ?? 0)).toBe(2), { timeout: 20_000 });
    expect(media(dialog)?.getAttribute('src')).toMatch(/^http:\/\/.+\/onair-sim-media\//);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(play).toHaveFocus());
  },
};

const stale = backendFor('expired', true);
/** The list's links have expired: opening the player fetches a fresh one first (the link's `v=` counter moves from 0 to 1). */
export const ExpiredLinkRefreshed: Story = {
  args: InRecordingList.args,
  parameters: { msw: { handlers: stale.handlers } },
  render: () => (
    <Harness baseUrl={stale.baseUrl}>
      <RecordingList meetingId={MEETING} withDetails={false} />
    </Harness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^Play, weekly-sync-0003\.mp4/ }, { timeout: 20_000 }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'weekly-sync-0003.mp4' });
    await waitFor(() => expect(media(dialog)?.getAttribute('src')).toMatch(/[?&]v=1(&|$)/), { timeout: 20_000 });
  },
};

const inlineRecording = asset({
  id: 'standup',
  status: 'ready',
  fileName: 'standup-audio.wav',
  durationSeconds: 2,
  downloads: [{ kind: 'audio', url: TONE }],
});
const inlineSource = memoryRecordings(() => [inlineRecording], undefined, 'memory://player-inline');
/** `mode="inline"`: the player opens below its button, as a labelled region; the button toggles it. */
export const Inline: Story = {
  args: { recording: inlineRecording, mode: 'inline' },
  render: (args) => (
    <Harness recordings={inlineSource}>
      <RecordingPlayer {...args} />
    </Harness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const play = canvas.getByRole('button', { name: 'Play, standup-audio.wav' });
    await userEvent.click(play);
    const region = await canvas.findByRole('region', { name: 'standup-audio.wav' });
    await waitFor(() => expect(Math.round(media(region)?.duration ?? 0)).toBe(2), { timeout: 20_000 });
    expect(play).toHaveAttribute('aria-expanded', 'true');
  },
};
