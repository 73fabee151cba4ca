import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { ConsentRoster } from '../../src/components/ConsentRoster.js';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { RecordingList } from '../../src/components/RecordingList.js';
import { noCapabilities, type OnAirAdapter, type OnAirEventSink } from '../../src/core/adapter.js';
import type { OnAirEvent } from '../../src/core/events.js';
import type { RecordingAsset, RecordingsSource } from '../../src/core/recordings.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

/** An adapter whose events the test pushes by hand. */
function pushAdapter() {
  let sink: OnAirEventSink | undefined;
  const adapter: OnAirAdapter = {
    provider: 'test',
    capabilities: { ...noCapabilities, startRecording: true, stopRecording: true, startLiveStream: true, stopLiveStream: true, multipleInstances: true },
    connect(next) {
      sink = next;
      return () => {
        sink = undefined;
      };
    },
    startRecording: async () => {},
    stopRecording: async () => {},
  };
  const push = (...events: OnAirEvent[]) => {
    for (const event of events) sink?.(event);
  };
  return { adapter, push, connected: () => sink !== undefined };
}

const HOSTILE = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'] as const;

describe('components with ids that name Object.prototype members', () => {
  it.each(HOSTILE)('show a recording with instance and participant id %j, then no "REC" after its stop', async (id) => {
    const { adapter, push, connected } = pushAdapter();
    const screen = await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <RecordingIndicator />
        <RecordButton />
        <LiveStreamBadge />
        <ConsentRoster />
      </OnAirProvider>,
    );
    await expect.poll(connected).toBe(true);
    push(
      { type: 'session-joined', at: 1, localParticipantId: 'me' },
      { type: 'participant-joined', at: 1, participantId: id, name: 'Ada' },
      { type: 'recording-started', at: 2, instanceId: id, startedBy: id, recordingId: 'r1' },
      { type: 'consent-updated', at: 3, participantId: id, consent: true },
      { type: 'live-stream-started', at: 3, instanceId: id },
      { type: 'live-stream-updated', at: 4, instanceId: id, state: 'connected', endpoint: id },
    );
    await expect.element(screen.getByText('Started by Ada')).toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Stop recording' })).toBeInTheDocument();
    push({ type: 'recording-stopped', at: 5, instanceId: id }, { type: 'live-stream-stopped', at: 5, instanceId: id });
    await expect.element(screen.getByRole('button', { name: 'Start recording' })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('REC');
    expect(document.body.textContent).not.toContain('function');
    // A late duplicate of the start does not bring it back.
    push({ type: 'recording-started', at: 6, instanceId: id, recordingId: 'r1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.body.textContent).not.toContain('REC');
  });

  it.each(HOSTILE)('show no stray "started by" for a starter id %j nobody named', async (id) => {
    const { adapter, push, connected } = pushAdapter();
    const screen = await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <RecordingIndicator />
      </OnAirProvider>,
    );
    await expect.poll(connected).toBe(true);
    push({ type: 'recording-started', at: 2, instanceId: 'i1', startedBy: id });
    await expect.poll(() => document.body.textContent).toContain('REC');
    expect(screen.container.textContent).not.toContain('Started by');
    expect(document.body.textContent).not.toContain('function');
    expect(document.body.textContent).not.toContain('[object');
  });

  it.each(HOSTILE)('list a stored recording whose stop reason is %j as text', async (reason) => {
    const asset: RecordingAsset = {
      id: 'a1',
      status: 'ready',
      providerStatus: 'UPLOADED',
      fileName: 'meeting.mp4',
      meetingId: 'm1',
      meetingTitle: 'Weekly',
      sessionId: null,
      invokedAt: null,
      startedAt: Date.UTC(2026, 0, 1, 10),
      stoppedAt: Date.UTC(2026, 0, 1, 11),
      durationSeconds: 3600,
      fileSize: null,
      downloads: [],
      downloadExpiresAt: null,
      startReason: null,
      stopReason: { reason, callerType: null, callerName: null, callerId: null },
      storage: null,
    };
    const source: RecordingsSource = {
      provider: 'test',
      scope: `hostile-${reason}`,
      capabilities: { list: true, details: false, active: false, start: false, control: false, startTrack: false },
      listRecordings: async () => ({ items: [asset], page: 1, perPage: 25, total: 1 }),
      getRecording: async () => asset,
    };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const screen = await render(
      <OnAirProvider recordings={source} queryClient={queryClient} announce={false} locale="en-GB">
        <RecordingList meetingId="m1" />
      </OnAirProvider>,
    );
    await expect.element(screen.getByText('meeting.mp4')).toBeInTheDocument();
    await expect.element(screen.getByText(reason.toLowerCase().replace(/_/g, ' '), { exact: false })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('native code');
  });
});
