import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { RecordingList } from '../../src/components/RecordingList.js';
import { createLocalRecorder, createLocalRecordingsSource } from '../../src/local.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { asset, memoryRecordings } from '../../stories/support/memoryRecordings.js';

describe('RecordingList over the device’s recordings and a provider’s (issue 20)', () => {
  it('20.ui: offers Delete only for recordings that can be deleted — not for a provider’s row mixed into the list', async () => {
    const databaseName = `onair-test-delete-${Math.random().toString(36).slice(2)}`;
    const recorder = createLocalRecorder({ streams: [], meetingName: 'Standup', databaseName, confirmLeave: false });
    const provider = memoryRecordings(() => [
      asset({ id: 'cloud-1', status: 'ready', fileName: 'standup-cloud.mp4', downloads: [{ kind: 'video', url: 'https://files.example/standup-cloud.mp4' }] }),
    ]);
    const recordings = createLocalRecordingsSource(recorder, { base: provider });
    await render(
      <OnAirProvider recordings={recordings} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RecordingList />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('standup-cloud.mp4')).toBeVisible();
    expect(page.getByRole('button', { name: /Delete/ }).elements()).toHaveLength(0);
    await recorder.dispose();
  });
});
