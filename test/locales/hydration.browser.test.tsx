// Server render → hydrate in the browser with React's development build, which reports every
// hydration mismatch (attributes included) on console.error: every component, in English and in
// each locale pack (`locale` given, as a server-rendering app must), hydrates without one.
import { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import * as kit from '../../src/index.js';
import { defaultLabels, type OnAirLabels } from '../../src/core/labels.js';
import type { RecordingAsset, RecordingsSource } from '../../src/core/recordings.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

const packs: Record<string, OnAirLabels> = { en: defaultLabels, de, fr, es, 'pt-BR': ptBR, ja, ar };

const recording: RecordingAsset = {
  id: 'rec-1',
  status: 'ready',
  providerStatus: 'UPLOADED',
  fileName: 'weekly-sync.mp4',
  meetingId: null,
  meetingTitle: null,
  sessionId: null,
  invokedAt: Date.UTC(2026, 0, 5, 10),
  startedAt: Date.UTC(2026, 0, 5, 10),
  stoppedAt: null,
  durationSeconds: 3_723,
  fileSize: 1_534_000,
  downloads: [{ kind: 'video', url: 'https://media.example/weekly-sync.mp4' }],
  downloadExpiresAt: null,
  startReason: null,
  stopReason: null,
  storage: null,
};
const recordings: RecordingsSource = {
  provider: 'memory',
  scope: 'memory://hydration',
  capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
  listRecordings: async () => ({ items: [recording], page: 1, perPage: 20, total: 1 }),
  getRecording: async () => recording,
};

/** Every exported component with the props it needs. */
function components(): ReactElement[] {
  const { ConsentBanner, ConsentRoster, LiveStreamBadge, LiveStreamButton, ParticipantRecordButton, ParticipantRecordingIndicator, RecordButton, RecordingIndicator, RecordingList, RecordingPlayer } = kit;
  return [
    <RecordButton key="a" />,
    <RecordingIndicator key="b" showWhenIdle />,
    <LiveStreamBadge key="c" />,
    <LiveStreamButton key="d" />,
    <ConsentBanner key="e" />,
    <ConsentRoster key="f" />,
    <ParticipantRecordButton key="g" participantId="ada" />,
    <ParticipantRecordingIndicator key="h" />,
    <RecordingList key="i" />,
    <RecordingPlayer key="j" recording={recording} />,
  ];
}

const simulators: Simulator[] = [];
const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) root.unmount();
  for (const simulator of simulators.splice(0)) simulator.dispose();
  document.body.replaceChildren();
});

function tree(locale: string): ReactElement {
  const simulator = createSimulator();
  simulators.push(simulator);
  return (
    <kit.OnAirProvider adapter={createDailyAdapter(simulator.daily)} recordings={recordings} queryClient={new QueryClient()} locale={locale} labels={packs[locale]}>
      <main dir={locale === 'ar' ? 'rtl' : 'ltr'}>{components()}</main>
    </kit.OnAirProvider>
  );
}

describe.each(Object.keys(packs))('server render → hydration (%s)', (locale) => {
  it('hydrates every component without a mismatch or any console error', async () => {
    const html = renderToString(tree(locale));
    expect(html).toContain(packs[locale]!.startRecording);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
    });
    const recoverable: string[] = [];
    try {
      roots.push(hydrateRoot(container, tree(locale), { onRecoverableError: (error) => recoverable.push(String(error)) }));
      // Hydrated and effects ran: the list's query answered and its row replaced the skeleton.
      await expect.poll(() => container.querySelector('.onair-rl-row:not(.onair-rl-skeleton)')?.textContent ?? '', { timeout: 15_000 }).toContain('weekly-sync.mp4');
    } finally {
      spy.mockRestore();
    }
    expect(recoverable).toEqual([]);
    expect(errors).toEqual([]);
    expect(container.querySelector('button')?.textContent).toContain(packs[locale]!.startRecording);
  });
});
