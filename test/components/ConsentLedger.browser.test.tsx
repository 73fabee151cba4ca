// The browser half of the consent ledger (issue 21): OnAirProvider consentLedger sends every answer
// once — through MSW into the real createConsentRoute and ledger (memory store) — and nothing is lost
// while the network is down; ConsentBanner notice shows the app's notice, the record names its
// version, and a new version asks again.
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ConsentBanner, type ConsentBannerProps } from '../../src/components/ConsentBanner.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createConsentLedger, createConsentRoute, createMemoryConsentStore, type ConsentLedger } from '../../src/server/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';
import { createScriptedAdapter } from '../../stories/support/scriptedAdapter.js';

const URL_PATH = '/api/consent-test/answers';
const people: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me', role: 'participant' },
  { type: 'participant-joined', at: 0, participantId: 'me', name: 'Gus Guest' },
  { type: 'participant-joined', at: 0, participantId: 'mona', name: 'Mona Moderator' },
  { type: 'recording-started', at: 1, startedBy: 'mona', recordingId: 'rec-42' },
];

interface Server {
  ledger: ConsentLedger;
  /** `false`: every request fails as a dropped network would. */
  online: boolean;
  attempts: number;
}

beforeAll(async () => {
  await startMswWorker();
});
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await installMswHandlers([]);
  localStorage.clear();
});

async function serve(): Promise<Server> {
  const ledger = createConsentLedger({ store: createMemoryConsentStore() });
  const route = createConsentRoute({ ledger, basePath: '/api/consent-test', authorize: () => true });
  const server: Server = { ledger, online: true, attempts: 0 };
  await installMswHandlers([
    http.post(URL_PATH, ({ request }) => {
      server.attempts += 1;
      return server.online ? route(request) : HttpResponse.error();
    }),
  ]);
  return server;
}

function screen(props: ConsentBannerProps = {}) {
  const adapter = createScriptedAdapter({ delayMs: 20, script: people });
  const ui = (bannerProps: ConsentBannerProps) => (
    <OnAirProvider adapter={adapter} announce={false} locale="en" consentLedger={{ url: URL_PATH, meetingId: 'meeting-7', retryDelayMs: 50, maxRetryDelayMs: 200 }}>
      <ConsentBanner {...bannerProps} />
    </OnAirProvider>
  );
  return { adapter, ui, render: () => render(ui(props)) };
}

const region = () => page.getByRole('region', { name: 'This meeting is being recorded' });
const notice = (version: number) => ({ id: 'recording-notice', version, text: <p>{`We keep recordings for 30 days (notice v${version}).`}</p> });

describe('ConsentBanner with consentLedger', () => {
  it('21 ledger: an answer is recorded once, naming the notice version and the recording', async () => {
    const server = await serve();
    await screen({ notice: notice(2) }).render();
    await expect.element(region()).toHaveTextContent('We keep recordings for 30 days (notice v2).');
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    await expect.poll(async () => (await server.ledger.list({ meetingId: 'meeting-7' })).length).toBe(1);
    const [entry] = await server.ledger.list({ meetingId: 'meeting-7' });
    expect(entry).toMatchObject({
      participantId: 'me',
      participantName: 'Gus Guest',
      recordingId: 'rec-42',
      decision: 'agreed',
      notice: { id: 'recording-notice', version: '2', locale: 'en' },
      source: 'banner',
    });
    // Withdrawing is its own record.
    await userEvent.click(page.getByRole('button', { name: 'Withdraw consent' }));
    await expect.poll(async () => (await server.ledger.list({ meetingId: 'meeting-7' })).map((e) => e.decision)).toEqual(['agreed', 'withdrawn']);
    expect(await server.ledger.verify('meeting-7')).toMatchObject({ ok: true, count: 2 });
  });

  it('21 ledger: offline then online — the answer waits, is retried, and is recorded exactly once', async () => {
    const server = await serve();
    server.online = false;
    await screen({ notice: notice(1) }).render();
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    // The person's answer stands; the status says it will be recorded when the connection is back.
    const status = page.getByRole('group', { name: 'Recording consent' });
    await expect.element(status).toHaveTextContent('You agreed to be recorded.');
    await expect.element(status).toHaveTextContent('will be recorded as soon as the connection is back');
    await expect.poll(() => server.attempts).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(localStorage.getItem(`onair-consent-outbox:${URL_PATH}|meeting-7`) ?? '[]')).toHaveLength(1);
    expect(await server.ledger.list({ meetingId: 'meeting-7' })).toEqual([]);

    server.online = true;
    window.dispatchEvent(new Event('online'));
    await expect.poll(async () => (await server.ledger.list({ meetingId: 'meeting-7' })).length).toBe(1);
    await expect.element(status).not.toHaveTextContent('connection is back');
    expect(localStorage.getItem(`onair-consent-outbox:${URL_PATH}|meeting-7`)).toBeNull();
    // Later retries of an already recorded key add nothing.
    await new Promise((r) => setTimeout(r, 300));
    expect(await server.ledger.list({ meetingId: 'meeting-7' })).toHaveLength(1);
  });

  it('21 ledger: an answer lost to a reload is sent by the next page (kept in localStorage)', async () => {
    const server = await serve();
    server.online = false;
    const first = screen();
    const view = await first.render();
    await userEvent.click(page.getByRole('button', { name: 'Don’t record me' }));
    await expect.poll(() => localStorage.getItem(`onair-consent-outbox:${URL_PATH}|meeting-7`)).not.toBeNull();
    await view.unmount();
    server.online = true;
    await screen().render();
    await expect.poll(async () => (await server.ledger.list({ meetingId: 'meeting-7' })).map((e) => e.decision)).toEqual(['declined']);
  });

  it('21 ledger: a new notice version asks again; the new answer names the new version', async () => {
    const server = await serve();
    const s = screen({ notice: notice(1) });
    const view = await s.render();
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    await expect.element(page.getByRole('group', { name: 'Recording consent' })).toHaveTextContent('You agreed to be recorded.');
    await view.rerender(s.ui({ notice: notice(2) }));
    await expect.element(region()).toHaveTextContent('The recording notice has changed. Please read it and answer again.');
    await expect.element(region()).toHaveTextContent('(notice v2)');
    await userEvent.click(page.getByRole('button', { name: 'I agree to be recorded' }));
    await expect.poll(async () => (await server.ledger.list({ meetingId: 'meeting-7' })).map((e) => e.notice?.version)).toEqual(['1', '2']);
    await expect.element(region()).not.toBeInTheDocument();
  });
});
