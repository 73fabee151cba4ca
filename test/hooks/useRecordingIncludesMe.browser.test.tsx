import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { useRecording } from '../../src/hooks/useRecording.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { fakeDailyCall } from '../adapters/daily/fakeDailyCall.js';
import layouts from '../fixtures/daily/layouts.json';
import participants from '../fixtures/daily/participants.json';

function IncludesMe() {
  const { includesMe, status } = useRecording();
  return (
    <p>
      {status}: {String(includesMe)}
    </p>
  );
}

/** The fixture's joined-meeting with nobody recording locally, so the layout's recording is the one shown. */
const joinedNobodyRecording = {
  ...participants.joinedMeeting,
  participants: Object.fromEntries(
    Object.entries(participants.joinedMeeting.participants).map(([key, participant]) => [key, { ...participant, record: false }]),
  ),
};

describe('useRecording().includesMe on Daily', () => {
  it('follows the recording layout: false for another participant’s single-participant recording, true for mine, unknown without a selection', async () => {
    const fake = fakeDailyCall();
    const adapter = createDailyAdapter(fake.call);
    const screen = await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <IncludesMe />
      </OnAirProvider>,
    );
    await expect.poll(() => fake.handlerCount()).toBeGreaterThan(0);
    await expect.element(screen.getByText('idle: false')).toBeInTheDocument();
    fake.emit(joinedNobodyRecording);
    fake.emit(layouts.singleParticipantOther);
    await expect.element(screen.getByText('recording: false')).toBeInTheDocument();
    fake.emit({ action: 'recording-stopped', instanceId: layouts.singleParticipantOther.instanceId });
    fake.emit(layouts.singleParticipantMe);
    await expect.element(screen.getByText('recording: true')).toBeInTheDocument();
    fake.emit({ action: 'recording-stopped', instanceId: layouts.singleParticipantMe.instanceId });
    fake.emit(layouts.customNoSelection);
    await expect.element(screen.getByText('recording: unknown')).toBeInTheDocument();
  });
});
