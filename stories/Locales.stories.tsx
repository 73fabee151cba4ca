import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactElement } from 'react';
import { expect, within } from 'storybook/test';
import { ConsentRoster } from '../src/components/ConsentRoster.js';
import { LiveStreamBadge } from '../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../src/components/LiveStreamButton.js';
import { RecordButton } from '../src/components/RecordButton.js';
import { RecordingIndicator } from '../src/components/RecordingIndicator.js';
import { RecordingList } from '../src/components/RecordingList.js';
import { defaultLabels, type OnAirLabels } from '../src/core/labels.js';
import { ar } from '../src/locales/ar.js';
import { de } from '../src/locales/de.js';
import { es } from '../src/locales/es.js';
import { fr } from '../src/locales/fr.js';
import { ja } from '../src/locales/ja.js';
import { ptBR } from '../src/locales/pt-BR.js';
import { OnAirProvider } from '../src/provider/OnAirProvider.js';
import { createScriptedAdapter } from './support/scriptedAdapter.js';
import { scripts } from './support/scripts.js';
import { asset, memoryRecordings } from './support/memoryRecordings.js';
import { useStoryTheme } from './support/OnAirStory.js';

const packs = { en: defaultLabels, de, fr, es, 'pt-BR': ptBR, ja, ar } satisfies Record<string, OnAirLabels>;
type Locale = keyof typeof packs;

/** Fixed times, so every locale shows the same date, size and duration in its own format. */
const STARTED = Date.UTC(2026, 2, 14, 15, 30);
const recordings = memoryRecordings(() => [
  asset({
    id: 'rec-1',
    status: 'ready',
    fileName: 'weekly-sync.mp4',
    startedAt: STARTED,
    invokedAt: STARTED,
    durationSeconds: 3_723,
    fileSize: 1_534_000_000,
    downloads: [{ kind: 'video', url: 'https://media.example/weekly-sync.mp4' }],
  }),
  asset({ id: 'rec-2', status: 'uploading', fileName: 'design-review.mp4', startedAt: STARTED + 86_400_000, invokedAt: STARTED + 86_400_000 }),
]);

/** One meeting in one locale: the kit's components on a scripted recording, under `dir`. */
function LocaleMeeting({ locale }: { readonly locale: Locale }): ReactElement {
  const { colorScheme, theme } = useStoryTheme();
  const [adapter] = useState(() => createScriptedAdapter({ script: scripts.recording, delayMs: 0 }));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  useEffect(() => () => queryClient.clear(), [queryClient]);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return (
    <div dir={dir} lang={locale} style={{ display: 'grid', gap: '1rem', maxWidth: 760 }}>
      <OnAirProvider adapter={adapter} recordings={recordings} queryClient={queryClient} locale={locale} labels={packs[locale]} colorScheme={colorScheme} theme={theme}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center' }}>
          <RecordingIndicator />
          <LiveStreamBadge />
          <RecordButton />
        </div>
        <LiveStreamButton />
        <ConsentRoster />
        <RecordingList />
      </OnAirProvider>
    </div>
  );
}

const meta = {
  title: 'Locales',
  component: LocaleMeeting,
  args: { locale: 'de' },
  argTypes: { locale: { control: 'select', options: Object.keys(packs) } },
} satisfies Meta<typeof LocaleMeeting>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each story: the stop button, the list title and the plural count in the pack's words. */
function story(locale: Locale): Story {
  const labels = packs[locale];
  return {
    args: { locale },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(await canvas.findByRole('button', { name: labels.stopRecording })).toBeVisible();
      await expect(await canvas.findByText(labels.recordingsCount(2))).toBeInTheDocument();
      await expect(await canvas.findByText('weekly-sync.mp4')).toBeInTheDocument();
      // The date is the provider locale's own format.
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(STARTED);
      await expect(canvas.getAllByText(date).length).toBeGreaterThan(0);
    },
  };
}

export const English = story('en');
export const German = story('de');
export const French = story('fr');
export const Spanish = story('es');
export const BrazilianPortuguese = story('pt-BR');
export const Japanese = story('ja');
/**
 * Arabic under `dir="rtl"`: the components mirror (logical CSS properties); the stream URL field, its
 * hint and its error stay left-to-right islands (`rtmps://`, not `//:rtmps`).
 */
export const ArabicRightToLeft: Story = {
  ...story('ar'),
  play: async (context) => {
    await story('ar').play!(context);
    const canvas = within(context.canvasElement);
    const field = canvas.getByRole('textbox', { name: ar.rtmpUrl });
    // 22.7: the URL field is LTR in RTL text.
    await expect(getComputedStyle(field).direction).toBe('ltr');
    const hint = context.canvasElement.querySelector<HTMLElement>(`[id="${field.getAttribute('aria-describedby')?.split(' ')[0] ?? ''}"]`)!;
    // In the hint, "rtmps" is drawn left of its "://" (the bidi algorithm flipped it to "//:rtmps").
    const text = hint.firstChild as Text;
    const at = (start: number, length: number) => {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + length);
      return range.getBoundingClientRect();
    };
    const scheme = text.data.indexOf('rtmps');
    await expect(at(scheme, 5).left).toBeLessThan(at(scheme + 5, 3).left);
  },
};
