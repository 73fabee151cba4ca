import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { RecordingList, type RecordingListProps } from '../../src/components/RecordingList.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend, type RealtimeKitBackendOptions } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';
import list from '../fixtures/realtimekit/recordings-list.json' with { type: 'json' };

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const OTHER = 'bbb4b5b6-0000-4000-8000-00000000a002';
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
    await mount({}, (b) => {
      b.seed({ count: 1, meetingId: MEETING });
      b.failNext('forbidden', { endpoint: 'list' });
    }, { latencyMs: 150 });
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('You are not allowed to manage recordings of this meeting');
    const region = page.getByRole('region', { name: 'Recordings' });
    // Every state from the click to the list is recorded (a MutationObserver after each commit), so the
    // retry's loading state is seen however short it is on this machine or long the click takes.
    const seen = await watch(
      () => ({ status: region.getByRole('status').query()?.textContent ?? null, busy: region.element().getAttribute('aria-busy') }),
      async () => {
        await alert.getByRole('button', { name: 'Try again' }).click();
        await expect.element(page.getByText('1 recording', { exact: true })).toBeVisible();
      },
    );
    // Nothing to show yet: the retry was an (announced) load again.
    expect(seen).toContainEqual({ status: 'Loading recordings…', busy: 'true' });
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
    await expect.poll(() => page.getByRole('region', { name: 'Recordings' }).getByRole('listitem').all().length).toBe(2);
    // Every request for the other meeting asks for page 1 (the last request may be a late refetch of the old list).
    const ofOther = t.lists().filter((list) => list.get('meeting_id') === OTHER);
    expect(ofOther.map((list) => list.get('page_no'))).toEqual(ofOther.map(() => '1'));

    await t.rerender({ perPage: 4 });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 2 of 3')).toBeVisible();
    await t.rerender({ perPage: 4, status: ['failed'] });
    await expect.element(page.getByText('2 recordings')).toBeVisible();
    await expect.poll(() => page.getByRole('region', { name: 'Recordings' }).getByRole('listitem').all().length).toBe(2);
    const failedOnly = t.lists().filter((list) => list.getAll('status').join() === 'ERRORED');
    expect(failedOnly.length).toBeGreaterThan(0);
    expect(failedOnly.map((list) => list.get('page_no'))).toEqual(failedOnly.map(() => '1'));

    await t.rerender({ perPage: 4 });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 2 of 3')).toBeVisible();
    await t.rerender({ perPage: 4, search: 'weekly' });
    await expect.element(page.getByText('Page 1 of 3')).toBeVisible();
    // Every request of the new filter asks for page 1 (a late background refetch of the old filter's
    // page 2 may still be the last request on a loaded machine; it is not the new list's).
    const searched = () => t.lists().filter((list) => list.get('search') === 'weekly');
    await expect.poll(() => searched().length).toBeGreaterThan(0);
    expect(searched().map((list) => list.get('page_no'))).toEqual(searched().map(() => '1'));
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
    await expect.poll(() => page.getByRole('region', { name: 'Recordings' }).getByRole('listitem').all().length).toBe(1);
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
      // Several polls run while a recording is active: watch until four more lists were asked for
      // (a count, not a time window: a loaded machine polls less often than every 40 ms).
      async () => {
        const before = t.lists().length;
        await expect.poll(() => t.lists().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 4);
      },
    );
    // Each poll is visible but silent: no live-region text, no aria-busy.
    expect(seen.map((s) => s.announced).filter(Boolean)).toEqual([]);
    expect(seen.map((s) => s.busy)).not.toContain('true');
    expect(seen.map((s) => s.shown)).toContain('true');

    // The page change is brief (30 ms of latency): record every mutation rather than polling for it.
    const announced: string[] = [];
    const busy: (string | null)[] = [];
    const observer = new MutationObserver(() => {
      announced.push(status.element().textContent ?? '');
      busy.push(region.element().getAttribute('aria-busy'));
    });
    observer.observe(region.element(), { subtree: true, childList: true, characterData: true, attributes: true });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.element(page.getByText('Page 2 of 2')).toBeVisible();
    await expect.poll(() => announced.includes('Updating…')).toBe(true);
    await expect.poll(() => busy.includes('true')).toBe(true);
    observer.disconnect();
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

  describe('windowing (pages above virtualizeAbove rows)', () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const rows = () => [...document.querySelectorAll<HTMLElement>('.onair-rl-list > li')];
    const scroller = () => document.querySelector<HTMLElement>('.onair-rl-viewport')!;

    it('renders a bounded number of rows, each with its place in the whole page', async () => {
      await mount({ perPage: 2_000 }, (b) => b.seed({ count: 2_000, meetingId: MEETING }));
      const region = page.getByRole('region', { name: 'Recordings' });
      await expect.element(region.getByText('2000 recordings')).toBeVisible();
      await expect.element(region.getByText('weekly-sync-2000.mp4')).toBeVisible();
      const items = region.getByRole('listitem').all();
      expect(items.length).toBeGreaterThan(3);
      expect(items.length).toBeLessThan(60);
      for (const [i, item] of items.entries()) {
        await expect.element(item).toHaveAttribute('aria-setsize', '2000');
        await expect.element(item).toHaveAttribute('aria-posinset', String(i + 1));
      }
      // One list, only list items in it; the spacers are outside and hidden.
      expect(region.getByRole('list').all()).toHaveLength(1);
      expect([...region.getByRole('list').element().children].every((child) => child.tagName === 'LI')).toBe(true);
      // The scroll area is limited (70vh by default); the content stands for all 2 000 rows.
      const area = scroller();
      expect(area.clientHeight).toBeLessThanOrEqual(Math.ceil(window.innerHeight * 0.7));
      expect(area.scrollHeight).toBeGreaterThan(2_000 * 40);
    });

    it('shows the last recording when scrolled to the end', async () => {
      await mount({ perPage: 2_000, maxHeight: 400 }, (b) => b.seed({ count: 2_000, meetingId: MEETING }));
      await expect.element(page.getByText('weekly-sync-2000.mp4')).toBeVisible();
      const area = scroller();
      expect(area.clientHeight).toBeLessThanOrEqual(400);
      area.scrollTop = area.scrollHeight;
      const last = page.getByText('weekly-sync-0001.mp4', { exact: true });
      await expect.element(last).toBeInViewport();
      await expect.element(page.getByRole('listitem').filter({ hasText: 'weekly-sync-0001.mp4' })).toHaveAttribute('aria-posinset', '2000');
      // Still at the end, once every row near it has been measured.
      await frame();
      await frame();
      expect(area.scrollTop + area.clientHeight).toBeGreaterThanOrEqual(area.scrollHeight - 2);
      expect(rows().length).toBeLessThan(60);
      await expect.element(page.getByText('weekly-sync-2000.mp4')).not.toBeInTheDocument();
    });

    it('keeps the row holding focus mounted while it is scrolled away, and lets it go on blur', async () => {
      await mount({ perPage: 2_000, maxHeight: 400 }, (b) => b.seed({ count: 2_000, meetingId: MEETING }));
      const link = page.getByRole('link', { name: 'Download video, weekly-sync-1999.mp4' });
      await expect.element(link).toBeVisible();
      const element = link.element() as HTMLElement;
      element.focus();
      expect(document.activeElement).toBe(element);
      const area = scroller();
      for (const top of [5_000, 50_000, area.scrollHeight]) {
        area.scrollTop = top;
        await frame();
        await frame();
        expect(element.isConnected).toBe(true);
        expect(document.activeElement).toBe(element);
      }
      await expect.element(page.getByText('weekly-sync-0001.mp4', { exact: true })).toBeInViewport();
      // Rendered out of flow where it belongs; still the list's second item.
      const row = element.closest('li')!;
      expect(row.getAttribute('aria-posinset')).toBe('2');
      expect(getComputedStyle(row).position).toBe('absolute');
      expect(rows().length).toBeLessThan(60);
      element.blur();
      await expect.poll(() => element.isConnected).toBe(false);
    });

    it('keeps links reachable by Tab down the page', async () => {
      // Links only (no play buttons), so that two Tab presses are one row.
      await mount({ perPage: 2_000, maxHeight: 400, preview: false }, (b) => b.seed({ count: 2_000, meetingId: MEETING }));
      const link = page.getByRole('link', { name: 'Download video, weekly-sync-2000.mp4' });
      await expect.element(link).toBeVisible();
      (link.element() as HTMLElement).focus();
      const area = scroller();
      const posinset = () => Number(document.activeElement?.closest('li')?.getAttribute('aria-posinset'));
      for (let i = 0; i < 60; i += 1) {
        await userEvent.keyboard('{Tab}');
        expect(area.contains(document.activeElement)).toBe(true);
        expect(document.activeElement?.tagName).toBe('A');
      }
      // Two links a row: 60 presses later focus is 30 rows down, far past the first window.
      await expect.poll(posinset).toBe(31);
      expect(area.scrollTop).toBeGreaterThan(0);
      expect(rows().length).toBeLessThan(60);
    }, 120_000); // 60 Tab presses, each a round trip to the browser: about 30 s on a loaded machine.

    it('measures rows as they wrap: the rows rendered cover the scroll area at any width', async () => {
      const t = await mount({ perPage: 2_000, maxHeight: 500, style: { width: 760 } }, (b) => b.seed({ count: 2_000, meetingId: MEETING }));
      await expect.element(page.getByText('weekly-sync-2000.mp4')).toBeVisible();
      const area = scroller();
      const check = () => {
        const box = area.getBoundingClientRect();
        const shown = rows().filter((row) => !row.hasAttribute('data-onair-detached'));
        const boxes = shown.map((row) => row.getBoundingClientRect());
        // The rows in flow cover the visible part of the scroll area …
        expect(boxes[0]!.top).toBeLessThanOrEqual(box.top + 1);
        expect(boxes.at(-1)!.bottom).toBeGreaterThanOrEqual(box.bottom - 1);
        // … one after the other, in order, without overlapping.
        for (let i = 1; i < boxes.length; i += 1) {
          expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
          expect(Number(shown[i]!.getAttribute('aria-posinset'))).toBe(Number(shown[i - 1]!.getAttribute('aria-posinset')) + 1);
        }
      };
      for (const top of [30_000, 90_000, 1_000]) {
        area.scrollTop = top;
        await frame();
        await frame();
        check();
      }
      // Narrow: rows wrap to more lines; the measures follow.
      const wide = rows()[1]!.getBoundingClientRect().height;
      await t.rerender({ perPage: 2_000, maxHeight: 500, style: { width: 320 } });
      await expect.poll(() => rows()[1]!.getBoundingClientRect().height).toBeGreaterThan(wide);
      for (const top of [60_000, 200_000, 5_000]) {
        area.scrollTop = Math.min(top, area.scrollHeight - area.clientHeight - 1);
        await frame();
        await frame();
        check();
      }
      area.scrollTop = area.scrollHeight;
      await expect.element(page.getByText('weekly-sync-0001.mp4', { exact: true })).toBeInViewport();
    });

    it('renders every row with virtualizeAbove={Infinity}', async () => {
      await mount({ perPage: 300, virtualizeAbove: Infinity }, (b) => b.seed({ count: 300, meetingId: MEETING }));
      await expect.element(page.getByText('300 recordings')).toBeVisible();
      await expect.poll(() => rows().length).toBe(300);
      expect(document.querySelector('.onair-rl-viewport')).toBeNull();
      expect(rows()[0]!.hasAttribute('aria-setsize')).toBe(false);
    });

    it('windows custom rows (renderRow) the same way', async () => {
      await mount(
        {
          perPage: 500,
          maxHeight: '300px',
          renderRow: (asset, { links }) => (
            <li key={asset.id}>
              {asset.fileName}: {links.length} links
            </li>
          ),
        },
        (b) => b.seed({ count: 500, meetingId: MEETING }),
      );
      await expect.element(page.getByText('weekly-sync-0500.mp4: 2 links')).toBeVisible();
      expect(rows().length).toBeLessThan(80);
      expect(rows()[0]!.getAttribute('aria-setsize')).toBe('500');
      scroller().scrollTop = scroller().scrollHeight;
      await expect.element(page.getByText('weekly-sync-0001.mp4: 2 links')).toBeInViewport();
      await expect.element(page.getByRole('listitem').filter({ hasText: 'weekly-sync-0001.mp4' })).toHaveAttribute('aria-posinset', '500');
    });
  });
});
