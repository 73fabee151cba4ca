// The recording player: in RecordingList and alone (RecordingPlayer, useRecordingPlayer), on an
// in-memory recordings source whose links point at the repo's own tone (public/onair-tone.wav).
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { RecordingList } from '../../src/components/RecordingList.js';
import { RecordingPlayer } from '../../src/components/RecordingPlayer.js';
import type { RecordingAsset, RecordingDownload, RecordingsSource } from '../../src/core/recordings.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

const TONE = new URL('/onair-tone.wav', location.origin).href;
let n = 0;

function asset(fields: Partial<RecordingAsset> & Pick<RecordingAsset, 'id'>): RecordingAsset {
  return {
    status: 'ready',
    providerStatus: 'UPLOADED',
    fileName: `${fields.id}.wav`,
    meetingId: 'm1',
    meetingTitle: null,
    sessionId: null,
    invokedAt: Date.UTC(2026, 0, 5, 10),
    startedAt: Date.UTC(2026, 0, 5, 10),
    stoppedAt: null,
    durationSeconds: 2,
    fileSize: 12_044,
    downloads: [{ kind: 'audio', url: TONE }],
    downloadExpiresAt: null,
    startReason: null,
    stopReason: null,
    storage: null,
    ...fields,
  };
}

/** A source over one list; `detail` answers getRecording (a fresh link per call, say). */
function source(items: RecordingAsset[], detail: (item: RecordingAsset, call: number) => RecordingAsset = (item) => item) {
  n += 1;
  const calls: string[] = [];
  const recordings: RecordingsSource = {
    provider: 'memory',
    scope: `memory://player-${n}`,
    capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
    listRecordings: async (query) => ({ items, page: query.page ?? 1, perPage: query.perPage ?? 20, total: items.length }),
    getRecording: async (id) => {
      calls.push(id);
      const found = items.find((item) => item.id === id);
      if (!found) throw new Error(`no recording ${id}`);
      return detail(found, calls.length);
    },
  };
  return { recordings, calls };
}

async function mount(ui: React.ReactNode, recordings: RecordingsSource) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <OnAirProvider recordings={recordings} queryClient={queryClient} announce={false} locale="en">
      {ui}
    </OnAirProvider>,
  );
}

const media = () => document.querySelector<HTMLMediaElement>('audio, video');
const until = async (check: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('RecordingPlayer in RecordingList', () => {
  it('loads nothing until asked; plays the checked link in a labelled modal dialog; Escape closes it and focus returns', async () => {
    const { recordings, calls } = source([asset({ id: 'weekly' }), asset({ id: 'live-now', status: 'recording', downloads: [] })]);
    await mount(<RecordingList withDetails={false} />, recordings);
    const play = page.getByRole('button', { name: 'Play, weekly.wav' });
    await expect.element(play).toBeVisible();
    // Only the ready recording has a play button; no media element, no detail request yet.
    expect(page.getByRole('button', { name: /^Play/ }).elements()).toHaveLength(1);
    expect(media()).toBeNull();
    expect(calls).toEqual([]);
    await expect.element(play).toHaveAttribute('aria-haspopup', 'dialog');

    await userEvent.click(play);
    const dialog = page.getByRole('dialog', { name: 'weekly.wav' });
    await expect.element(dialog).toBeVisible();
    await until(() => media()?.getAttribute('src') === TONE);
    expect(calls).toEqual(['weekly']);
    expect(media()?.tagName).toBe('AUDIO');
    expect(dialog.element().contains(document.activeElement)).toBe(true);
    // The tone really loads: its duration is read from the file.
    await until(() => Math.round(media()?.duration ?? 0) === 2);

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(media()).toBeNull();
    await expect.element(play).toHaveFocus();
  });

  it('the close button closes it too, from the keyboard', async () => {
    const { recordings } = source([asset({ id: 'review' })]);
    await mount(<RecordingList withDetails={false} />, recordings);
    const play = page.getByRole('button', { name: 'Play, review.wav' });
    await expect.element(play).toBeVisible();
    play.element().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('dialog', { name: 'review.wav' })).toBeVisible();
    (page.getByRole('button', { name: 'Close player' }).element() as HTMLButtonElement).focus();
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(play).toHaveFocus();
  });

  it('never loads a link that is not http(s): says so instead', async () => {
    const bad = asset({ id: 'bad', downloads: [{ kind: 'audio', url: 'javascript:alert(1)' } satisfies RecordingDownload] });
    const { recordings } = source([bad]);
    await mount(<RecordingList withDetails={false} />, recordings);
    await userEvent.click(page.getByRole('button', { name: 'Play, bad.wav' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('This recording has no playable link right now.');
    expect(media()?.hasAttribute('src')).toBe(false);
  });

  it('an expired link is fetched anew before anything plays', async () => {
    const expired = asset({ id: 'old', downloads: [{ kind: 'audio', url: `${TONE}?sig=old` }], downloadExpiresAt: Date.now() - 60_000 });
    const { recordings, calls } = source([expired], (item) => ({ ...item, downloads: [{ kind: 'audio', url: `${TONE}?sig=new` }], downloadExpiresAt: Date.now() + 3_600_000 }));
    await mount(<RecordingList withDetails={false} />, recordings);
    await userEvent.click(page.getByRole('button', { name: 'Play, old.wav' }));
    await until(() => media()?.getAttribute('src') === `${TONE}?sig=new`);
    expect(calls).toEqual(['old']);
  });

  it('a link that expires mid-playback is refreshed and continues in the same element at the same position', async () => {
    const { recordings, calls } = source([asset({ id: 'long' })], (item, call) => ({
      ...item,
      downloads: [{ kind: 'audio', url: `${TONE}?sig=${call}` }],
      // The first link lives 25 s (refreshed 0.5 s before), so a loaded machine has time to buffer and
      // seek before the refresh (6 s was too short with the whole suite running); later ones an hour.
      downloadExpiresAt: Date.now() + (call === 1 ? 25_000 : 3_600_000),
    }));
    await mount(<RecordingList withDetails={false} linkMarginMs={500} />, recordings);
    await userEvent.click(page.getByRole('button', { name: 'Play, long.wav' }));
    await until(() => media()?.getAttribute('src') === `${TONE}?sig=1`);
    const element = media()!;
    // Seekable to 0.8 s first: with `preload="metadata"` a slow load may not have the data yet.
    element.preload = 'auto'; // buffer the whole (12 kB) file, so 0.8 s can be reached without playing
    await until(() => element.seekable.length > 0 && element.seekable.end(0) > 0.8, 20_000);
    // Paused, so the position stays put: a playing element moves on faster than a loaded machine polls.
    element.pause();
    element.currentTime = 0.8;
    expect(element.getAttribute('src')).toBe(`${TONE}?sig=1`);
    await until(() => Math.abs(element.currentTime - 0.8) < 0.05);
    await until(() => media()?.getAttribute('src') === `${TONE}?sig=2`, 40_000);
    expect(media()).toBe(element);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    await until(() => element.readyState >= 1 && Math.abs(element.currentTime - 0.8) < 0.05);
  });

  it('a file that fails to play is retried once with a fresh link, then reported', async () => {
    const missing = new URL('/no-such-recording.wav', location.origin).href;
    const { recordings, calls } = source([asset({ id: 'gone', downloads: [{ kind: 'audio', url: missing }] })]);
    await mount(<RecordingList withDetails={false} />, recordings);
    await userEvent.click(page.getByRole('button', { name: 'Play, gone.wav' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('This recording could not be played.');
    expect(calls.length).toBe(2);
  });

  it('preview={false} shows no play button', async () => {
    const { recordings } = source([asset({ id: 'quiet' })]);
    await mount(<RecordingList withDetails={false} preview={false} />, recordings);
    await expect.element(page.getByText('quiet.wav')).toBeVisible();
    expect(page.getByRole('button', { name: /^Play/ }).elements()).toHaveLength(0);
  });
});

describe('RecordingPlayer inline', () => {
  it('opens below its button (aria-expanded), focuses the media, plays video when there is a video file', async () => {
    const video = asset({ id: 'clip', fileName: 'clip.webm', downloads: [{ kind: 'video', url: TONE }, { kind: 'audio', url: TONE }] });
    const { recordings } = source([video]);
    await mount(<RecordingPlayer recording={video} mode="inline" />, recordings);
    const play = page.getByRole('button', { name: 'Play, clip.webm' });
    await expect.element(play).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(play);
    await expect.element(play).toHaveAttribute('aria-expanded', 'true');
    await expect.element(page.getByRole('region', { name: 'clip.webm' })).toBeVisible();
    await until(() => media()?.tagName === 'VIDEO' && media()?.getAttribute('src') === TONE);
    expect(document.activeElement).toBe(media());
    await userEvent.click(play);
    await expect.element(page.getByRole('region', { name: 'clip.webm' })).not.toBeInTheDocument();
    await expect.element(play).toHaveFocus();
  });

  it('kind="audio" picks the audio file; a recording without one renders nothing', async () => {
    const onlyVideo = asset({ id: 'v', downloads: [{ kind: 'video', url: TONE }] });
    const { recordings } = source([onlyVideo]);
    await mount(
      <>
        <RecordingPlayer recording={onlyVideo} kind="audio" />
        <p>after</p>
      </>,
      recordings,
    );
    await expect.element(page.getByText('after')).toBeVisible();
    expect(page.getByRole('button').elements()).toHaveLength(0);
  });
});
