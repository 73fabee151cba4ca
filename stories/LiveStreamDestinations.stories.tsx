import type { Meta, StoryObj } from '@storybook/react-vite';
import type { within } from 'storybook/test';
import { expect, waitFor } from 'storybook/test';
import { createDailyAdapter } from '../src/adapters/daily/index.js';
import { createOpenTalkAdapter } from '../src/adapters/opentalk/index.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamDestinations, type LiveStreamDestinationsProps } from '../src/components/LiveStreamDestinations.js';
import { createOpenTalkRoom, createSimulator, type OpenTalkRoom } from '../src/simulator/index.js';
import type { OnAirStoryParameters, StoryMeeting } from './support/OnAirStory.js';

type Simulator = ReturnType<typeof createSimulator>;

/** The simulator behind the story on screen (the play functions pull its fault switches). */
let sim: Simulator | undefined;
let room: OpenTalkRoom | undefined;

/** A Daily-shaped simulated call through the Daily adapter (browser-entered keys), as an app wires a real one. */
function dailyMeeting(liveStart = 400): () => StoryMeeting {
  return () => {
    const current = createSimulator({ delays: { recordingStart: 300, recordingStop: 300, liveStart, liveStop: 300 } });
    sim = current;
    return { adapter: createDailyAdapter(current.daily), handle: current, dispose: () => current.dispose() };
  };
}

const TARGETS = [
  { id: 'target-youtube', name: 'YouTube', platform: 'youtube' as const },
  { id: 'target-twitch', name: 'Twitch', platform: 'twitch' as const },
  { id: 'target-custom', name: 'Company RTMP', platform: 'custom' as const, server: 'rtmps://ingest.example.org/live' },
];

/** An OpenTalk room whose stream targets (and their keys) are configured on the server. */
function openTalkMeeting(): StoryMeeting {
  const current = createOpenTalkRoom({ latencyMs: 60, recorderDelayMs: 500, participants: [], streamTargets: TARGETS });
  room = current;
  const adapter = createOpenTalkAdapter(current.connect({ id: 'p-mona', name: 'Mona Moderator', role: 'moderator' }), { participantId: 'p-mona' });
  return { adapter, handle: current, dispose: () => current.dispose() };
}

function Manager(props: LiveStreamDestinationsProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem', maxWidth: '46rem' }}>
      <LiveStreamBadge showEndpoints={false} />
      <LiveStreamDestinations {...props} />
    </div>
  );
}

const meta = {
  title: 'Components/LiveStreamDestinations',
  component: LiveStreamDestinations,
  render: (args) => <Manager {...args} />,
  tags: ['autodocs'],
  args: { size: 'md', variant: 'solid' },
  parameters: { onair: { meeting: dailyMeeting() } satisfies OnAirStoryParameters },
} satisfies Meta<typeof LiveStreamDestinations>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
type User = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

const KEYS = { youtube: 'abcd-efgh-ijkl-mnop', twitch: 'live_1_StoryKey', custom: 'custom-story-key' };
const rows = (canvas: Canvas): HTMLElement[] => canvas.getAllByRole('listitem');

/** Adds YouTube, Twitch and a custom RTMPS server with fake keys, as a person would. */
async function addThree(canvas: Canvas, user: User): Promise<void> {
  await user.type(canvas.getByLabelText('Stream key'), KEYS.youtube);
  await user.click(canvas.getByRole('button', { name: 'Add destination' }));
  await user.selectOptions(canvas.getByLabelText('Platform'), 'twitch');
  await user.type(canvas.getByLabelText('Stream key'), KEYS.twitch);
  await user.click(canvas.getByRole('button', { name: 'Add destination' }));
  await user.selectOptions(canvas.getByLabelText('Platform'), 'custom');
  await user.type(canvas.getByLabelText('Server URL'), 'rtmps://ingest.example.org/live');
  await user.type(canvas.getByLabelText('Stream key'), KEYS.custom);
  await user.click(canvas.getByRole('button', { name: 'Add destination' }));
  await waitFor(() => expect(rows(canvas)).toHaveLength(3));
}

async function goLive(canvas: Canvas, user: User): Promise<void> {
  await user.click(canvas.getByRole('button', { name: 'Go live to all' }));
  await waitFor(() => expect(rows(canvas).map((r) => r.dataset.onairState)).toEqual(['live', 'live', 'live']), { timeout: 15_000 });
}

/** No key anywhere on the page: not in the text, the attributes or a field. */
function expectNoKeys(root: HTMLElement): void {
  const fields = Array.from(root.querySelectorAll('input')).map((input) => input.value).join('\n');
  for (const key of Object.values(KEYS)) {
    expect(root.outerHTML).not.toContain(key);
    expect(fields).not.toContain(key);
  }
}

/** Nothing added yet: YouTube's ingest server filled in, an empty masked "Stream key". */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Server URL')).toHaveValue('rtmp://a.rtmp.youtube.com/live2');
    await expect(canvas.getByLabelText('Stream key')).toHaveAttribute('type', 'password');
  },
};

/** Validation error: a key that is not Twitch-shaped gives a readable message, the key not repeated. */
export const Invalid: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Platform'), 'twitch');
    await userEvent.type(canvas.getByLabelText('Stream key'), 'wrong key');
    await userEvent.click(canvas.getByRole('button', { name: 'Add destination' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This does not look like a Twitch stream key.');
    await expect(canvas.getByLabelText('Stream key')).toHaveAttribute('aria-invalid', 'true');
  },
};

/**
 * Ready: three destinations added (YouTube, Twitch, a custom RTMPS server); the keys are gone from
 * the page, even with "Show key" on when the last one was added (a screenshot shows no key).
 */
export const Ready: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show key' }));
    await addThree(canvas, userEvent);
    await expect(canvas.getByLabelText('Stream key')).toHaveAttribute('type', 'text');
    await expect(rows(canvas).map((r) => r.dataset.onairState)).toEqual(['ready', 'ready', 'ready']);
    await expect(canvas.getByLabelText('Stream key')).toHaveValue('');
    expectNoKeys(canvasElement);
  },
};

/** Connecting: "Go live to all" pressed, the provider has not confirmed yet (a slow start). */
export const Connecting: Story = {
  parameters: { onair: { meeting: dailyMeeting(600_000) } satisfies OnAirStoryParameters },
  play: async ({ canvas, userEvent }) => {
    await addThree(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Go live to all' }));
    await waitFor(() => expect(rows(canvas).map((r) => r.dataset.onairState)).toEqual(['connecting', 'connecting', 'connecting']));
    await expect(rows(canvas)[0]).toHaveTextContent('Connecting');
  },
};

/** Live: all three destinations live, the badge LIVE; "End live stream" is offered. */
export const Live: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await addThree(canvas, userEvent);
    await goLive(canvas, userEvent);
    await expect(canvas.getByText('LIVE')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'End live stream' })).toBeEnabled();
    expectNoKeys(canvasElement);
  },
};

/** Dropped: the custom server stopped accepting media; its row says so with Daily's reason, the others stay live. */
export const Dropped: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await addThree(canvas, userEvent);
    await goLive(canvas, userEvent);
    sim?.faults.dropLiveStreamDestination();
    await waitFor(() => expect(rows(canvas)[2]).toHaveAttribute('data-onair-state', 'dropped'));
    await expect(rows(canvas)[2]).toHaveTextContent(/Dropped.*stopped accepting media/);
    await expect(rows(canvas).slice(0, 2).map((r) => r.dataset.onairState)).toEqual(['live', 'live']);
    expectNoKeys(canvasElement);
  },
};

/** Stopped: the provider ended the stream; every row is stopped and the badge says so. */
export const Stopped: Story = {
  play: async ({ canvas, userEvent }) => {
    await addThree(canvas, userEvent);
    await goLive(canvas, userEvent);
    sim?.faults.endLiveStream();
    await waitFor(() => expect(rows(canvas).map((r) => r.dataset.onairState)).toEqual(['stopped', 'stopped', 'stopped']));
    await expect(canvas.getByText('Stream ended')).toBeVisible();
  },
};

/** Key refused: the RTMP server refused the key; the reason shows, the list and the form stay usable. */
export const KeyRefused: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await addThree(canvas, userEvent);
    sim?.faults.refuseStreamKey();
    await userEvent.click(canvas.getByRole('button', { name: 'Go live to all' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Could not go live: RTMP connection refused by rtmp:\/\/a\.rtmp\.youtube\.com\/live2/);
    await expect(canvas.getByRole('button', { name: 'Go live to all' })).toBeEnabled();
    await expect(canvas.getByLabelText('Stream key')).toBeEnabled();
    expectNoKeys(canvasElement);
  },
};

/** While live, Daily adds and removes destinations (`addLiveStreamingEndpoints` / `removeLiveStreamingEndpoints`). */
export const EditWhileLive: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Stream key'), KEYS.youtube);
    await userEvent.click(canvas.getByRole('button', { name: 'Add destination' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Go live to all' }));
    await waitFor(() => expect(rows(canvas)[0]).toHaveAttribute('data-onair-state', 'live'), { timeout: 15_000 });
    await userEvent.selectOptions(canvas.getByLabelText('Platform'), 'twitch');
    await userEvent.type(canvas.getByLabelText('Stream key'), KEYS.twitch);
    await userEvent.click(canvas.getByRole('button', { name: 'Add destination' }));
    await waitFor(() => expect(rows(canvas).map((r) => r.dataset.onairState)).toEqual(['live', 'live']));
    await userEvent.click(canvas.getByRole('button', { name: 'Remove YouTube' }));
    await waitFor(() => expect(rows(canvas)).toHaveLength(1));
    await expect(rows(canvas)[0]).toHaveTextContent('Twitch');
  },
};

/**
 * Keys held by the server (OpenTalk stream targets): no key form, the targets by name; one dropped
 * with OpenTalk's reason while the others stay live.
 */
export const HeldByServer: Story = {
  args: { destinations: TARGETS },
  parameters: { onair: { meeting: openTalkMeeting } satisfies OnAirStoryParameters },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText('Stream keys are kept on the server.')).toBeVisible();
    await expect(canvas.queryByLabelText('Stream key')).toBeNull();
    await userEvent.click(await canvas.findByRole('button', { name: 'Go live to all' }));
    await waitFor(() => expect(rows(canvas).map((r) => r.dataset.onairState)).toEqual(['live', 'live', 'live']), { timeout: 15_000 });
    room?.dropStreamTarget('target-twitch', { code: 'unreachable', message: 'Twitch stopped accepting media.' });
    await waitFor(() => expect(rows(canvas)[1]).toHaveAttribute('data-onair-state', 'dropped'));
    await expect(rows(canvas)[1]).toHaveTextContent(/Dropped.*Twitch stopped accepting media\./);
  },
};
