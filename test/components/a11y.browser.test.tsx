import axe from 'axe-core';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../../src/components/LiveStreamButton.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { allCapabilities, type Script } from '../../stories/support/scriptedAdapter.js';
import { scripts } from '../../stories/support/scripts.js';
import { renderScripted } from './harness.js';

function Everything(): ReactElement {
  return (
    <div style={{ background: 'var(--onair-surface)', padding: 16, display: 'grid', gap: 12 }}>
      <RecordingIndicator />
      <RecordButton confirmStop />
      <LiveStreamBadge />
      <LiveStreamButton />
    </div>
  );
}

const states: Record<string, Script> = {
  idle: scripts.idle,
  recording: (now) => [...scripts.recording(now), ...scripts.liveEndpoints(now)],
  paused: (now) => [...scripts.recordingPaused(now), ...scripts.liveWarning(now)],
  starting: (now) => [...scripts.recordingStarting(now), ...scripts.liveStarting(now)],
  errors: (now) => [...scripts.recordingError(now), ...scripts.liveError(now)],
  interrupted: (now) => [...scripts.recordingStopping(now), ...scripts.liveInterrupted(now)],
};

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
  it.each(Object.keys(states))('has no violations: %s', async (name) => {
    const { screen } = await renderScripted(<Everything />, { script: states[name], capabilities: allCapabilities, hang: true }, { colorScheme });
    await expect.element(page.getByRole('group', { name: 'Recording' })).toBeVisible();
    const result = await axe.run(screen.container, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('has no violations for a participant', async () => {
    const { screen } = await renderScripted(<Everything />, { script: scripts.recording }, { colorScheme, role: 'participant' });
    const result = await axe.run(screen.container, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('axe with the stop confirmation open, %s', (colorScheme) => {
  it('has no violations', async () => {
    await renderScripted(<Everything />, { script: scripts.recording }, { colorScheme });
    await userEvent.click(page.getByRole('button', { name: 'Stop recording', exact: true }));
    await expect.element(page.getByRole('alertdialog', { name: 'Stop recording?' })).toBeVisible();
    const result = await axe.run(document, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
