import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ConsentRoster } from '../../src/components/ConsentRoster.js';
import { noCapabilities, type OnAirAdapter, type OnAirEventSink } from '../../src/core/adapter.js';
import type { OnAirEvent } from '../../src/core/events.js';
import type { ParticipantRole } from '../../src/core/model.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';

function eventsAdapter(events: readonly OnAirEvent[]): OnAirAdapter & { emit(e: OnAirEvent): void } {
  let sink: OnAirEventSink | undefined;
  return {
    provider: 'test',
    capabilities: { ...noCapabilities, consent: true },
    connect(next) {
      sink = next;
      for (const e of events) next(e);
      return () => (sink = undefined);
    },
    emit: (e) => sink?.(e),
  };
}

const room = (role?: ParticipantRole): OnAirEvent[] => [
  { type: 'session-joined', at: 1, localParticipantId: 'me', role },
  { type: 'participant-joined', at: 1, participantId: 'me', name: 'Mona' },
  { type: 'recording-started', at: 2 },
  { type: 'participant-joined', at: 3, participantId: 'a', name: 'Ada', consent: true },
  { type: 'participant-joined', at: 3, participantId: 'b', name: 'Bo', consent: true },
  { type: 'participant-joined', at: 3, participantId: 'c', name: 'Cy' },
  { type: 'consent-updated', at: 4, participantId: 'd', consent: false },
  { type: 'participant-named', at: 4, participantId: 'd', name: 'Di' },
  { type: 'consent-updated', at: 4, participantId: 'me', consent: true },
];

describe('ConsentRoster', () => {
  it('shows "3 of 5 consented" and lists who has not answered and who declined', async () => {
    await render(
      <OnAirProvider adapter={eventsAdapter(room('moderator'))} announce={false}>
        <ConsentRoster />
      </OnAirProvider>,
    );
    const roster = page.getByRole('region', { name: 'Recording consent' });
    await expect.element(roster).toHaveTextContent('3 of 5 consented');
    const pending = page.getByRole('list', { name: /Not answered yet/ });
    await expect.element(pending.getByRole('listitem')).toHaveTextContent('Cy');
    const declined = page.getByRole('list', { name: /Declined/ });
    await expect.element(declined.getByRole('listitem')).toHaveTextContent('Di');
    const consented = page.getByRole('list', { name: /Consented/ });
    expect(consented.getByRole('listitem').elements().map((li) => li.textContent)).toEqual(['Mona (you)', 'Ada', 'Bo']);
    await expect.element(page.getByRole('heading', { name: /Not answered yet \(1\)/ })).toBeVisible();
    await expect.element(roster).toHaveAttribute('data-onair-state', 'collecting');
  });

  it('updates live as answers arrive', async () => {
    const adapter = eventsAdapter(room('moderator'));
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <ConsentRoster groups={['pending']} />
      </OnAirProvider>,
    );
    adapter.emit({ type: 'consent-updated', at: 9, participantId: 'c', consent: true });
    await expect.element(page.getByText('4 of 5 consented')).toBeVisible();
    await expect.element(page.getByText('Nobody')).toBeVisible();
    await expect.element(page.getByRole('region', { name: 'Recording consent' })).toHaveAttribute('data-onair-state', 'complete');
  });

  it('is for moderators: hidden for a participant unless asked to show', async () => {
    await render(
      <OnAirProvider adapter={eventsAdapter(room('participant'))} announce={false}>
        <ConsentRoster data-testid="hidden" />
        <ConsentRoster whenNotAllowed="show" data-testid="shown" />
      </OnAirProvider>,
    );
    await expect.element(page.getByTestId('shown')).toBeVisible();
    await expect.element(page.getByTestId('hidden')).not.toBeInTheDocument();
  });

  it('the app role wins over the provider role', async () => {
    await render(
      <OnAirProvider adapter={eventsAdapter(room('participant'))} role="moderator" announce={false}>
        <ConsentRoster />
      </OnAirProvider>,
    );
    await expect.element(page.getByRole('region', { name: 'Recording consent' })).toBeVisible();
  });

  it('says when no recording runs', async () => {
    await render(
      <OnAirProvider adapter={eventsAdapter(room('moderator').filter((e) => e.type !== 'recording-started'))} announce={false}>
        <ConsentRoster />
      </OnAirProvider>,
    );
    await expect.element(page.getByText('No recording is running. Everyone is asked when one starts.')).toBeVisible();
  });
});
