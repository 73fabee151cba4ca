// On a narrow screen (or in a narrow side panel) the consent buttons stack; the order a person sees
// them in must be the order Tab reaches them in (WCAG 2.4.3, 1.3.2).
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup } from 'vitest-browser-react';
import { ConsentBanner } from '../../src/components/ConsentBanner.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { renderScripted } from './harness.js';

afterEach(async () => {
  cleanup();
  await page.viewport(1280, 800);
});

const script = (now: number): OnAirEvent[] => [
  { type: 'session-joined', at: now, localParticipantId: 'me', role: 'participant' },
  { type: 'participant-joined', at: now, participantId: 'mona', name: 'Mona Moderator' },
  { type: 'recording-started', at: now, startedBy: 'mona', recordingId: 'r1' },
];

async function banner(width: number, variant?: 'prejoin') {
  await renderScripted(
    <div style={{ width }}>
      <button type="button">Before</button>
      <ConsentBanner variant={variant} />
    </div>,
    { script, delayMs: 0 },
  );
  const decline = page.getByRole('button', { name: variant ? 'Don’t agree' : 'Don’t record me' });
  const accept = page.getByRole('button', { name: variant ? 'Agree and continue' : 'I agree to be recorded' });
  await expect.element(accept).toBeVisible();
  return { decline: decline.element().getBoundingClientRect(), accept: accept.element().getBoundingClientRect() };
}

/** The Tab order of the two answers, from the button before the banner. */
async function tabOrder(): Promise<string[]> {
  await userEvent.click(page.getByRole('button', { name: 'Before' }));
  const order: string[] = [];
  for (let i = 0; i < 2; i++) {
    await userEvent.keyboard('{Tab}');
    order.push(document.activeElement?.textContent ?? '');
  }
  return order;
}

describe('ConsentBanner answer order', () => {
  it('stacks the answers in a narrow panel with the first Tab stop on top', async () => {
    await page.viewport(375, 700);
    const { decline, accept } = await banner(340);
    expect(await tabOrder()).toEqual(['Don’t record me', 'I agree to be recorded']);
    // stacked: one above the other, each as wide as the other
    expect(decline.bottom).toBeLessThanOrEqual(accept.top + 1);
    expect(Math.abs(decline.width - accept.width)).toBeLessThan(1);
  });

  it('stacks in a narrow side panel of a wide screen, too', async () => {
    const { decline, accept } = await banner(300);
    expect(decline.bottom).toBeLessThanOrEqual(accept.top + 1);
  });

  it('keeps the answers on one row, in reading order, where there is room', async () => {
    const { decline, accept } = await banner(640);
    expect(await tabOrder()).toEqual(['Don’t record me', 'I agree to be recorded']);
    expect(Math.abs(decline.top - accept.top)).toBeLessThan(1);
    expect(decline.right).toBeLessThanOrEqual(accept.left);
  });

  it('keeps the pre-join card’s answers on one row at its own width', async () => {
    const { decline, accept } = await banner(640, 'prejoin');
    expect(Math.abs(decline.top - accept.top)).toBeLessThan(1);
  });
});
