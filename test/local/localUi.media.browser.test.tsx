// Issue 20 in the UI: RecordButton offers the cloud and this device side by side, a local recording
// runs with the same clock and indicator and lands in RecordingList with Download, Play and Delete;
// LocalRecordingNotice offers interrupted recordings; others' announced local recordings show.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { consentLabels } from '../../src/core/labels.js';
import { render } from 'vitest-browser-react';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { RecordingList } from '../../src/components/RecordingList.js';
import { ConsentBanner } from '../../src/components/ConsentBanner.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createLocalRecorder, createLocalRecordingAdapter, createLocalRecordingsSource, LocalRecordingNotice, type LocalRecorder } from '../../src/local.js';
import { openLocalStore } from '../../src/local/localStore.js';
import { createSimulator } from '../../src/simulator/index.js';
import { syntheticStream, type Synthetic } from '../../stories/support/syntheticStream.js';

const CONSENT_ACCEPT = consentLabels.consentAccept;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(options: { listen?: Parameters<typeof createLocalRecordingAdapter>[0]['listen'] } = {}) {
  const databaseName = `onair-test-ui-${Math.random().toString(36).slice(2)}`;
  const synthetic: Synthetic = syntheticStream(document, { audio: false });
  const recorder: LocalRecorder = createLocalRecorder({ streams: [synthetic.stream], meetingName: 'Design review', databaseName, timesliceMs: 500, confirmLeave: false });
  const sim = createSimulator({ delays: { recordingStart: 50, recordingStop: 50, liveStart: 50, liveStop: 50 } });
  const adapter = createLocalRecordingAdapter({ recorder, adapter: createDailyAdapter(sim.daily), listen: options.listen });
  const recordings = createLocalRecordingsSource(recorder);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  cleanups.push(
    () => sim.dispose(),
    () => synthetic.stop(),
    () => recorder.dispose(),
  );
  return { databaseName, recorder, adapter, recordings, queryClient, sim };
}

describe('local recording in the kit (issue 20)', () => {
  it('20.ui: RecordButton offers "Record in the cloud" and "Record on this device"; the local recording runs, stops and is listed with Download, Play and Delete', async () => {
    const { adapter, recordings, queryClient, recorder } = setup();
    const screen = await render(
      <OnAirProvider adapter={adapter} recordings={recordings} queryClient={queryClient} role="moderator">
        <RecordingIndicator />
        <RecordButton />
        <LocalRecordingNotice />
        <RecordingList />
      </OnAirProvider>,
    );
    const cloud = screen.getByRole('button', { name: 'Record in the cloud' });
    await expect.element(cloud).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Record on this device' }));
    await expect.element(screen.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Record on this device' })).not.toBeInTheDocument();
    await expect.element(screen.getByRole('status').filter({ hasText: 'Recording' }).first()).toBeVisible();
    // The clock ticks as for a cloud recording.
    await expect.poll(() => document.querySelector('.onair-record time')?.textContent, { timeout: 20_000 }).toMatch(/0:0[2-9]/);
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    await expect.element(screen.getByRole('button', { name: 'Record on this device' })).toBeVisible();

    const row = screen.getByRole('listitem').filter({ hasText: /design-review-.*\.webm/ });
    await expect.element(row).toBeVisible();
    await expect.element(row.getByText('On this device')).toBeVisible();
    const download = row.getByRole('link', { name: /Download video/ });
    await expect.element(download).toHaveAttribute('href', expect.stringMatching(new RegExp(`^blob:${location.origin}/`)));
    await expect.element(download).toHaveAttribute('download');
    await expect.element(row.getByRole('button', { name: /^Play/ })).toBeVisible();

    // Play opens the kit's player on the local file, which loads with its duration.
    await userEvent.click(row.getByRole('button', { name: /^Play/ }));
    await expect.poll(() => (document.querySelector('dialog video') as HTMLVideoElement | null)?.duration ?? 0, { timeout: 20_000 }).toBeGreaterThan(1);
    await userEvent.keyboard('{Escape}');

    await userEvent.click(row.getByRole('button', { name: /^Delete, design-review-/ }));
    await expect.element(screen.getByRole('listitem').filter({ hasText: /design-review-/ })).not.toBeInTheDocument();
    await expect.element(screen.getByText('No recordings yet')).toBeVisible();

    // The other choice still goes to the provider (the simulator's Daily cloud recording).
    await userEvent.click(cloud);
    await expect.element(screen.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    await expect.poll(() => recorder.getState().status).toBe('idle');
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    await expect.element(cloud).toBeVisible();
  });

  it('20.ui: without a provider, the one button records on this device', async () => {
    const { recorder, queryClient } = setup();
    const alone = createLocalRecordingAdapter({ recorder });
    const screen = await render(
      <OnAirProvider adapter={alone} queryClient={queryClient} role="moderator">
        <RecordButton />
      </OnAirProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record on this device' }));
    await expect.element(screen.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    expect(recorder.getState().status).toBe('recording');
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    await expect.poll(() => recorder.getState().status).toBe('idle');
    await expect.element(screen.getByRole('button', { name: 'Record on this device' })).toBeVisible();
  });

  it('20.ui: a stop aimed at the cloud recording leaves the local one running', async () => {
    const { recorder, adapter, sim } = setup();
    await recorder.start();
    const events: string[] = [];
    const disconnect = adapter.connect((event) => events.push(`${event.type}:${('instanceId' in event ? event.instanceId : undefined) ?? ''}`));
    await adapter.startRecording!({ type: 'cloud' });
    await expect.poll(() => events.some((e) => e.startsWith('recording-started:') && !e.endsWith('onair-local'))).toBe(true);
    await adapter.stopRecording!({});
    await expect.poll(() => events.some((e) => e.startsWith('recording-stopped:') && !e.endsWith('onair-local'))).toBe(true);
    expect(recorder.getState().status).toBe('recording');
    await adapter.stopRecording!({ instanceId: 'onair-local' });
    expect(recorder.getState().status).toBe('idle');
    disconnect();
    void sim;
  });

  it('20.recover: an interrupted recording found on load is offered — "Recording from 14:02 (12 min) was interrupted — Save / Discard"', async () => {
    const { databaseName, adapter, recordings, queryClient } = setup();
    // What a tab that crashed leaves behind: a recording still marked running, with no tab holding it.
    const db = await openLocalStore(databaseName);
    const startedAt = new Date(2026, 11, 7, 14, 2).getTime();
    const base = { meetingId: null, mimeType: 'video/webm', startedAt, bytes: 0, chunks: 0, state: 'recording' as const, stoppedAt: null, stopReason: null };
    await db.begin({ ...base, id: 'crashed-1', name: 'design-review-2026-12-07-14-02.webm', recordedMs: 12 * 60_000 });
    await db.begin({ ...base, id: 'crashed-2', name: 'design-review-2026-12-07-14-30.webm', startedAt: startedAt + 28 * 60_000, recordedMs: 40_000 });
    db.close();

    const screen = await render(
      <OnAirProvider adapter={adapter} recordings={recordings} queryClient={queryClient} role="moderator" locale="en-GB">
        <LocalRecordingNotice />
        <RecordingList />
      </OnAirProvider>,
    );
    const first = screen.getByRole('group', { name: 'Recording from 14:02 (12 min) was interrupted' });
    await expect.element(first).toBeVisible();
    const second = screen.getByRole('group', { name: 'Recording from 14:30 (40 s) was interrupted' });
    await expect.element(second).toBeVisible();

    await userEvent.click(first.getByRole('button', { name: 'Save' }));
    await expect.element(first).not.toBeInTheDocument();
    await expect.element(screen.getByRole('status').filter({ hasText: 'Saved design-review-2026-12-07-14-02.webm' })).toBeInTheDocument();
    await expect.element(screen.getByRole('listitem').filter({ hasText: 'design-review-2026-12-07-14-02.webm' })).toBeVisible();

    await userEvent.click(second.getByRole('button', { name: 'Discard' }));
    await expect.element(second).not.toBeInTheDocument();
    await expect.element(screen.getByRole('listitem').filter({ hasText: '14-30' })).not.toBeInTheDocument();
  });

  it('20.consent: another participant\u2019s announced local recording shows in the indicator and asks for consent; its stop clears it', async () => {
    let deliver: ((message: unknown, from: string | undefined) => void) | undefined;
    const { adapter, queryClient } = setup({
      listen: (onMessage) => {
        deliver = onMessage;
        return () => (deliver = undefined);
      },
    });
    const screen = await render(
      <OnAirProvider adapter={adapter} queryClient={queryClient}>
        <RecordingIndicator />
        <ConsentBanner />
      </OnAirProvider>,
    );
    await expect.poll(() => deliver).toBeTypeOf('function');
    // Not an announcement: ignored.
    deliver!({ hello: 'world' }, 'bob');
    deliver!({ type: 'onair-local-recording', state: 'started', recordingId: 'r1', startedAt: Date.now() - 5000, at: Date.now() }, 'ada');
    await expect.element(screen.getByRole('status').filter({ hasText: 'Recording' }).first()).toBeVisible();
    await expect.poll(() => document.querySelector('.onair-indicator')?.getAttribute('data-onair-state')).toBe('recording');
    await expect.element(screen.getByRole('button', { name: CONSENT_ACCEPT })).toBeVisible();
    deliver!({ type: 'onair-local-recording', state: 'stopped', recordingId: 'r1', startedAt: 0, at: Date.now() }, 'ada');
    await expect.poll(() => document.querySelector('.onair-indicator')?.getAttribute('data-onair-state') ?? 'gone').not.toBe('recording');
    await expect.element(screen.getByRole('button', { name: CONSENT_ACCEPT })).not.toBeInTheDocument();
  });
});
