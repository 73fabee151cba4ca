import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { useEffect, useState, type ReactElement } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { ConsentBanner } from '../src/components/ConsentBanner.js';
import type { OnAirEvent } from '../src/core/events.js';
import { createConsentLedger, createConsentRoute, createMemoryConsentStore, type ConsentLedger, type ConsentLedgerEntry } from '../src/server/index.js';
import { mswLoader } from './support/mswWorker.js';
import type { OnAirStoryParameters } from './support/OnAirStory.js';

/**
 * The consent ledger end to end, in the browser: the banner posts each answer to the route an app
 * deploys (`createConsentRoute`, served here by MSW) in front of a ledger (`createConsentLedger`, on
 * the in-memory store; an app uses `createPostgresConsentStore` with pg or PGlite). The table below
 * the banner is what the server keeps.
 */
const people: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me', role: 'participant' },
  { type: 'participant-joined', at: 0, participantId: 'me', name: 'Gus Guest' },
  { type: 'participant-joined', at: 0, participantId: 'mona', name: 'Mona Moderator' },
  { type: 'recording-started', at: 1, startedBy: 'mona', recordingId: 'rec-42' },
];

const notice = (version: number) => ({
  id: 'recording-notice',
  version,
  text: (
    <p>
      {version === 1
        ? 'Recordings of this meeting are kept for 30 days and shared with participants.'
        : 'Recordings of this meeting are kept for 90 days, shared with participants and transcribed.'}{' '}
      (Notice version {version}.)
    </p>
  ),
});

/** One in-browser "server" per story: a ledger, its route through MSW, and a switch for the network. */
function ledgerServer(basePath: string) {
  const ledger = createConsentLedger({ store: createMemoryConsentStore() });
  const route = createConsentRoute({ ledger, basePath, authorize: () => true });
  const state = { online: true };
  const handlers = [http.post(`${basePath}/answers`, ({ request }) => (state.online ? route(request) : HttpResponse.error()))];
  return { ledger, state, handlers, url: `${basePath}/answers` };
}

function LedgerTable(props: { readonly ledger: ConsentLedger; readonly meetingId: string }): ReactElement {
  const [entries, setEntries] = useState<readonly ConsentLedgerEntry[]>([]);
  useEffect(() => {
    let live = true;
    const read = () => void props.ledger.list({ meetingId: props.meetingId }).then((list) => live && setEntries(list));
    read();
    const timer = setInterval(read, 250);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [props.ledger, props.meetingId]);
  return (
    <table style={{ marginTop: '1.5rem', borderCollapse: 'collapse', fontSize: '0.9em' }}>
      <caption style={{ textAlign: 'start', fontWeight: 600, marginBottom: '0.4em' }}>Consent ledger (kept by the server): {entries.length} record(s)</caption>
      <thead>
        <tr>
          {['#', 'participant', 'decision', 'notice', 'recording', 'hash'].map((h) => (
            <th key={h} scope="col" style={{ textAlign: 'start', paddingInlineEnd: '1em' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td>{e.seq}</td>
            <td>{e.participantName ?? e.participantId}</td>
            <td>{e.decision}</td>
            <td>{e.notice ? `${e.notice.id} v${e.notice.version} (${e.notice.locale ?? '–'})` : '–'}</td>
            <td>{e.recordingId ?? '–'}</td>
            <td>
              <code>{e.hash.slice(0, 12)}…</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const versions = ledgerServer('/api/story-consent-versions');
const offline = ledgerServer('/api/story-consent-offline');
offline.state.online = false;
const reconnect = ledgerServer('/api/story-consent-reconnect');

const ledgerParams = (server: ReturnType<typeof ledgerServer>, script: OnAirEvent[] = people): { onair: OnAirStoryParameters; msw: { handlers: typeof server.handlers } } => ({
  onair: { script, delayMs: 20, consentLedger: { url: server.url, meetingId: 'meeting-7', persist: false, retryDelayMs: 200, maxRetryDelayMs: 1_000 } },
  msw: { handlers: server.handlers },
});

const meta = {
  title: 'Consent/Ledger',
  component: ConsentBanner,
  loaders: [mswLoader],
  args: { onAccept: fn(), onDecline: fn() },
} satisfies Meta<typeof ConsentBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The person agreed to notice version 1; the app now shows version 2 (longer retention,
 * transcripts). The banner asks again, says why, and the new answer names version 2.
 */
export const NoticeVersionChanged: Story = {
  args: { notice: notice(2) },
  parameters: ledgerParams(versions, [...people, { type: 'consent-updated', at: 2, participantId: 'me', consent: true, notice: 'recording-notice@1' }]),
  render: (args) => (
    <>
      <ConsentBanner {...args} />
      <LedgerTable ledger={versions.ledger} meetingId="meeting-7" />
    </>
  ),
  play: async ({ canvas }) => {
    const region = await canvas.findByRole('region', { name: 'This meeting is being recorded' });
    await expect(region).toHaveTextContent('The recording notice has changed. Please read it and answer again.');
    await expect(region).toHaveTextContent('kept for 90 days');
  },
};

/**
 * The network dropped just as the person clicked "I agree": their answer stands, and the status
 * says it will be recorded when the connection is back (the outbox keeps retrying with backoff).
 */
export const LedgerOffline: Story = {
  args: { notice: notice(1) },
  parameters: ledgerParams(offline),
  render: (args) => (
    <>
      <ConsentBanner {...args} />
      <LedgerTable ledger={offline.ledger} meetingId="meeting-7" />
    </>
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'I agree to be recorded' }));
    const status = await canvas.findByRole('group', { name: 'Recording consent' });
    await waitFor(() => expect(status).toHaveTextContent('will be recorded as soon as the connection is back'), { timeout: 10_000 });
    await expect(canvas.getByRole('table')).toHaveTextContent('0 record(s)');
  },
};

/** Walkthrough: agree while offline, the connection comes back, the answer is recorded exactly once. */
export const WalkthroughOfflineThenOnline: Story = {
  args: { notice: notice(1) },
  parameters: ledgerParams(reconnect),
  render: (args) => (
    <>
      <ConsentBanner {...args} />
      <LedgerTable ledger={reconnect.ledger} meetingId="meeting-7" />
    </>
  ),
  play: async ({ canvas, userEvent }) => {
    reconnect.state.online = false;
    const before = (await reconnect.ledger.list({ meetingId: 'meeting-7' })).length;
    await userEvent.click(await canvas.findByRole('button', { name: 'I agree to be recorded' }));
    const status = await canvas.findByRole('group', { name: 'Recording consent' });
    await waitFor(() => expect(status).toHaveTextContent('connection is back'), { timeout: 10_000 });
    reconnect.state.online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(status).not.toHaveTextContent('connection is back'), { timeout: 10_000 });
    await waitFor(async () => expect((await reconnect.ledger.list({ meetingId: 'meeting-7' })).length).toBe(before + 1), { timeout: 10_000 });
    await expect((await reconnect.ledger.verify('meeting-7')).ok).toBe(true);
  },
};
