import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { RecordingList, type RecordingListProps } from '../../src/components/RecordingList.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';
import list from '../fixtures/realtimekit/recordings-list.json' with { type: 'json' };

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
let n = 0;

beforeAll(async () => {
  await startMswWorker();
});
afterEach(async () => {
  await installMswHandlers([]);
});

async function mount(props: RecordingListProps, setup: (b: RealtimeKitBackend) => void = () => {}) {
  n += 1;
  const baseUrl = `/api/rtk-list-${n}`;
  const backend = createRealtimeKitBackend();
  setup(backend);
  await installMswHandlers(realtimeKitHandlers(backend, { baseUrl, http }));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await render(
    <OnAirProvider recordings={createRealtimeKitClient({ baseUrl })} queryClient={queryClient} announce={false} locale="en-GB">
      <RecordingList meetingId={MEETING} {...props} />
    </OnAirProvider>,
  );
  return { backend, baseUrl, count: (endpoint: string) => backend.requests.filter((r) => r.endpoint === endpoint).length };
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
    const t = await mount({}, (b) => b.seed({ count: 2, meetingId: MEETING, expired: true }));
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

  it('shows the error with "Try again", which recovers', async () => {
    await mount({}, (b) => {
      b.seed({ count: 1, meetingId: MEETING });
      b.failNext('forbidden', { endpoint: 'list' });
    });
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('You are not allowed to manage recordings of this meeting');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.element(page.getByText('1 recording', { exact: true })).toBeVisible();
  });

  it('shows the empty state', async () => {
    await mount({});
    await expect.element(page.getByText('No recordings yet')).toBeVisible();
  });
});
