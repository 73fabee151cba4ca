import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { RecordingList, type RecordingListProps } from '../../src/components/RecordingList.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend, type RealtimeKitBackendOptions } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';
import list from '../fixtures/realtimekit/recordings-list.json' with { type: 'json' };

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const OTHER = 'bbb4b5b6-0000-4000-8000-00000000a002';
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
let n = 0;

beforeAll(async () => {
  await startMswWorker();
});
afterEach(async () => {
  await installMswHandlers([]);
});

async function mount(props: RecordingListProps, setup: (b: RealtimeKitBackend) => void = () => {}, backendOptions: RealtimeKitBackendOptions = {}) {
  n += 1;
  const baseUrl = `/api/rtk-list-${n}`;
  const backend = createRealtimeKitBackend(backendOptions);
  setup(backend);
  await installMswHandlers(realtimeKitHandlers(backend, { baseUrl, http }));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = createRealtimeKitClient({ baseUrl });
  const tree = (next: RecordingListProps) => (
    <OnAirProvider recordings={client} queryClient={queryClient} announce={false} locale="en-GB">
      <RecordingList meetingId={MEETING} {...next} />
    </OnAirProvider>
  );
  const screen = await render(tree(props));
  const lists = () => backend.requests.filter((r) => r.endpoint === 'list').map((r) => new URLSearchParams(r.path.split('?')[1]));
  return {
    backend,
    baseUrl,
    client,
    queryClient,
    lists,
    rerender: (next: RecordingListProps) => screen.rerender(tree(next)),
    count: (endpoint: string) => backend.requests.filter((r) => r.endpoint === endpoint).length,
  };
}

/** Every value an attribute or text of `element` takes while `run` runs (MutationObserver). */
async function watch<T>(read: () => T, run: () => Promise<void>): Promise<T[]> {
  const seen: T[] = [read()];
  const observer = new MutationObserver(() => seen.push(read()));
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  return seen;
}

describe('RecordingList', () => {
  it('shows each recording with status, who and why, and safe download links', async () => {
    await mount({ perPage: 5 }, (b) => b.seed({ count: 3, meetingId: MEETING, failEvery: 3 }));
    const region = page.getByRole('region', { name: 'Recordings' });
    await expect.element(region.getByText('3 recordings')).toBeVisible();
    expect(region.getByRole('listitem').all()).toHaveLength(3);
    const video = region.getByRole('link', { name: 'Download video, weekly-sync-0003.mp4' });
    await expect.element(video).toHaveAttribute('rel', 'noopener noreferrer');
    await expect.element(region.getByRole('link', { name: 'Download audio, weekly-sync-0003.mp4' })).toBeVisible();
    await expect.element(region.getByText('Started by RealtimeKit app (automatically when the meeting began)')).toBeVisible();
    await expect.element(region.getByText('Stopped by Ada Lovelace (on request)')).toBeVisible();
    // The failed one has a status and no link.
    await expect.element(region.getByText('Failed')).toBeVisible();
    expect(region.getByRole('link', { name: /weekly-sync-0001/ }).all()).toHaveLength(0);
  });

  it('never links a javascript: URL, and says when files are in the app’s own storage', async () => {
    n += 1;
    const baseUrl = `/api/rtk-list-evil-${n}`;
    const evil = structuredClone(list);
    evil.data[0]!.status = 'UPLOADED';
    (evil.data[0] as Record<string, unknown>).download_url = 'javascript:alert(1)';
    (evil.data[0] as Record<string, unknown>).download_url_expiry = '2099-01-01T00:00:00Z';
    await installMswHandlers([http.get(`${baseUrl}/recordings`, () => HttpResponse.json(evil))]);
    await render(
      <OnAirProvider recordings={createRealtimeKitClient({ baseUrl })} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} announce={false}>
        <RecordingList />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('weekly-sync.mp4')).toBeVisible();
    expect(page.getByRole('link').all()).toHaveLength(0);
    await expect.element(page.getByText('Stored in your own storage')).toBeVisible();
  });

  it('refreshes expired links through the details before showing them', async () => {
    // Without `withDetails` only rows with stale links fetch their details.
    const t = await mount({ withDetails: false }, (b) => b.seed({ count: 2, meetingId: MEETING, expired: true }));
    const links = page.getByRole('link', { name: /^Download video/ });
    await expect.poll(() => links.all().length).toBe(2);
    // One details request per expired row (the list's own links were dead).
    expect(t.count('details')).toBe(2);
    for (const link of links.all()) expect(link.element().getAttribute('href')).toMatch(/v=1$/);
  });

  it('pages on the server and keeps the rows while the next page loads', async () => {
    const t = await mount({ perPage: 4 }, (b) => b.seed({ count: 10, meetingId: MEETING }));
    await expect.element(page.getByText('Page 1 of 3')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 2 of 3')).toBeVisible();
    await expect.element(page.getByText('weekly-sync-0006.mp4')).toBeVisible();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('weekly-sync-0002.mp4')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(new URLSearchParams(t.backend.requests.filter((r) => r.endpoint === 'list').at(-1)!.path.split('?')[1]).get('page_no')).toBe('3');
  });

  it('shows the error with "Try again", which recovers — and announces the retry', async () => {
    await mount(
      {},
      (b) => {
        b.seed({ count: 1, meetingId: MEETING });
        b.failNext('forbidden', { endpoint: 'list' });
      },
      { latencyMs: 150 },
    );
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('You are not allowed to manage recordings of this meeting');
    const region = page.getByRole('region', { name: 'Recordings' });
    await alert.getByRole('button', { name: 'Try again' }).click();
    // Nothing to show yet: the retry is a (announced) load again.
    await expect.element(region.getByRole('status')).toHaveTextContent('Loading recordings…');
    await expect.element(region).toHaveAttribute('aria-busy', 'true');
    await expect.element(page.getByText('1 recording', { exact: true })).toBeVisible();
    await expect.element(region.getByRole('status')).toHaveTextContent('');
  });

  it('goes back to the first page when the meeting, search or status filter changes', async () => {
    const t = await mount({ perPage: 4 }, (b) => {
      b.seed({ count: 10, meetingId: MEETING, failEvery: 5 });
      b.seed({ count: 2, meetingId: OTHER });
    });
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 3 of 3')).toBeVisible();
    await t.rerender({ perPage: 4, meetingId: OTHER });
    await expect.element(page.getByText('2 recordings')).toBeVisible();
    expect(page.getByText('No recordings yet').query()).toBeNull();
    expect(page.getByRole('region', { name: 'Recordings' }).getByRole('listitem').all()).toHaveLength(2);
    expect(t.lists().at(-1)!.get('page_no')).toBe('1');

    await t.rerender({ perPage: 4 });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 2 of 3')).toBeVisible();
    await t.rerender({ perPage: 4, status: ['failed'] });
    await expect.element(page.getByText('2 recordings')).toBeVisible();
    expect(page.getByRole('region', { name: 'Recordings' }).getByRole('listitem').all()).toHaveLength(2);
    expect(t.lists().at(-1)!.get('page_no')).toBe('1');

    await t.rerender({ perPage: 4 });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 2 of 3')).toBeVisible();
    await t.rerender({ perPage: 4, search: 'weekly' });
    await expect.element(page.getByText('Page 1 of 3')).toBeVisible();
    expect(t.lists().at(-1)!.get('page_no')).toBe('1');
  });

  it('moves to the last page that still exists when the total shrinks', async () => {
    const t = await mount({ perPage: 4 }, (b) => b.seed({ count: 10, meetingId: MEETING }));
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 3 of 3')).toBeVisible();
    await expect.element(page.getByText('weekly-sync-0001.mp4')).toBeVisible();
    t.backend.reset();
    t.backend.seed({ count: 5, meetingId: MEETING });
    await t.queryClient.invalidateQueries();
    await expect.element(page.getByText('Page 2 of 2')).toBeVisible();
    await expect.element(page.getByText('5 recordings')).toBeVisible();
    expect(page.getByRole('region', { name: 'Recordings' }).getByRole('listitem').all()).toHaveLength(1);
    expect(page.getByText('No recordings yet').query()).toBeNull();
  });

  it('keeps the pagination (and not "No recordings yet") on a page past the last one', async () => {
    const asked: number[] = [];
    await mount({ perPage: 4, page: 5, onPageChange: (p) => asked.push(p) }, (b) => b.seed({ count: 10, meetingId: MEETING }));
    await expect.element(page.getByText('10 recordings')).toBeVisible();
    await expect.element(page.getByRole('navigation', { name: 'Recordings pages' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Previous page' })).toBeEnabled();
    expect(page.getByText('No recordings yet').query()).toBeNull();
    // A controlled page is the app's: it is asked to move to the last page.
    expect(asked).toContain(3);
  });

  it('does not announce background polls; announces the page the person asked for', async () => {
    const t = await mount({ perPage: 4, pollMs: 40 }, (b) => b.seed({ count: 6, meetingId: MEETING }), { invokeMs: 0, latencyMs: 30 });
    const region = page.getByRole('region', { name: 'Recordings' });
    await expect.element(region.getByText('6 recordings')).toBeVisible();
    // A recording starts: the page polls while it runs.
    await t.client.startRecording({ meetingId: MEETING });
    await t.queryClient.invalidateQueries();
    await expect.element(region.getByText('7 recordings')).toBeVisible();
    const status = region.getByRole('status');
    const seen = await watch(
      () => ({
        announced: status.element().textContent,
        busy: region.element().getAttribute('aria-busy'),
        shown: region.element().querySelector('[data-onair-background]')?.getAttribute('aria-hidden') ?? null,
      }),
      () => wait(400),
    );
    // Several polls ran (a recording is active) …
    expect(t.lists().length).toBeGreaterThan(4);
    // … each one visible but silent: no live-region text, no aria-busy.
    expect(seen.map((s) => s.announced).filter(Boolean)).toEqual([]);
    expect(seen.map((s) => s.busy)).not.toContain('true');
    expect(seen.map((s) => s.shown)).toContain('true');

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(status).toHaveTextContent('Updating…');
    await expect.element(region).toHaveAttribute('aria-busy', 'true');
    await expect.element(page.getByText('Page 2 of 2')).toBeVisible();
  });

  it('gives a custom row only checked links: http(s), not expired', async () => {
    n += 1;
    const baseUrl = `/api/rtk-list-row-${n}`;
    const base: Record<string, unknown> = structuredClone(list.data[0]!);
    const future = '2099-01-01T00:00:00Z';
    const data = [
      { ...base, id: 'evil', status: 'UPLOADED', download_url: 'javascript:alert(1)', download_url_expiry: future },
      { ...base, id: 'good', status: 'UPLOADED', download_url: 'https://files.example/good.mp4', download_url_expiry: future },
      { ...base, id: 'expired', status: 'UPLOADED', download_url: 'https://files.example/old.mp4', download_url_expiry: '2000-01-01T00:00:00Z' },
    ];
    const rows = { success: true, data, paging: { total_count: 3, start_offset: 1, end_offset: 3 } };
    await installMswHandlers([
      http.get(`${baseUrl}/recordings`, () => HttpResponse.json(rows)),
      // The expired one cannot be re-signed.
      http.get(`${baseUrl}/recordings/:id`, ({ params }) => HttpResponse.json({ success: true, data: data.find((r) => r.id === params.id) })),
    ]);
    await render(
      <OnAirProvider recordings={createRealtimeKitClient({ baseUrl })} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} announce={false}>
        <RecordingList
          withDetails={false}
          renderRow={(asset, { links }) => (
            <li key={asset.id}>
              row {asset.id}: {links.length} links
              {links.map((link) => (
                <a key={link.href} href={link.href}>
                  {asset.id} {link.kind}
                </a>
              ))}
            </li>
          )}
        />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('row good: 1 links')).toBeVisible();
    await expect.element(page.getByText('row evil: 0 links')).toBeVisible();
    await expect.element(page.getByText('row expired: 0 links')).toBeVisible();
    expect(page.getByRole('link').all().map((link) => link.element().getAttribute('href'))).toEqual(['https://files.example/good.mp4']);
  });

  it('shows the empty state', async () => {
    await mount({});
    await expect.element(page.getByText('No recordings yet')).toBeVisible();
  });
});
