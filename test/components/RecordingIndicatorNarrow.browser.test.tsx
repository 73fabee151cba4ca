import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { renderScripted } from './harness.js';

const LONG = 'Maximiliane Alexandra von Hohenzollern-Sigmaringen';

describe('RecordingIndicator at 375 px with a long name', () => {
  it.each(['sm', 'md', 'lg'] as const)('keeps the pill on one line and cuts the name (%s)', async (size) => {
    await page.viewport(375, 700);
    await renderScripted(
      <div style={{ width: 343, padding: 16 }}>
        <RecordingIndicator size={size} />
      </div>,
      {
        script: (now) => [
          { type: 'participant-named', at: now, participantId: 'p-long', name: LONG },
          { type: 'recording-started', at: now - 65_000, startedAt: now - 65_000, startedBy: 'p-long' },
        ],
      },
    );
    const name = page.getByText(`Started by ${LONG}`);
    await expect.element(name).toBeInTheDocument();
    const pill = document.querySelector<HTMLElement>('.onair-indicator')!;
    const by = name.element() as HTMLElement;
    const mark = pill.querySelector<HTMLElement>('.onair-mark')!;
    const pillBox = pill.getBoundingClientRect();
    // one line: the pill is no taller than about one line of text plus its padding
    expect(pillBox.height).toBeLessThan(parseFloat(getComputedStyle(pill).fontSize) * 2.6);
    expect(pillBox.right).toBeLessThanOrEqual(343 + 16 + 1);
    // the name (with its "·") sits on the same line as REC and is cut, not wrapped
    expect(Math.abs(by.getBoundingClientRect().top + by.getBoundingClientRect().height / 2 - (mark.getBoundingClientRect().top + mark.getBoundingClientRect().height / 2))).toBeLessThan(4);
    expect(by.scrollWidth).toBeGreaterThan(by.clientWidth);
    expect(by.getAttribute('title')).toBe(`Started by ${LONG}`);
  });
});
