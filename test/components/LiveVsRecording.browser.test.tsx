import { describe, expect, it } from 'vitest';
import { LiveStreamBadge } from '../../src/components/LiveStreamBadge.js';
import { LiveStreamButton } from '../../src/components/LiveStreamButton.js';
import { RecordButton } from '../../src/components/RecordButton.js';
import { RecordingIndicator } from '../../src/components/RecordingIndicator.js';
import { scripts } from '../../stories/support/scripts.js';
import { renderScripted } from './harness.js';

type Rgb = readonly [number, number, number];

function parseColor(css: string): Rgb {
  const m = css.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  const [r, g, b] = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
  return [r!, g!, b!];
}

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (v: number) => 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.max(0, v) ** (1 / 2.4) - 0.055);

/** Viénot, Brettel & Mollon (1999) dichromat simulation in linear RGB. */
const SIMULATIONS: Record<string, readonly (readonly number[])[]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ],
  deuteranopia: [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ],
};

function simulate(rgb: Rgb, matrix: readonly (readonly number[])[]): Rgb {
  const lin = rgb.map(toLinear);
  const out = matrix.map((row) => row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!);
  return [toSrgb(out[0]!), toSrgb(out[1]!), toSrgb(out[2]!)];
}

/** CIELAB ΔE76 between two sRGB colours. */
function deltaE(a: Rgb, b: Rgb): number {
  const lab = (rgb: Rgb) => {
    const [r, g, bl] = rgb.map((c) => toLinear(Math.min(255, Math.max(0, c))));
    const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * bl!) / 0.95047;
    const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
    const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * bl!) / 1.08883;
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29);
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
  };
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1! - l2!, a1! - a2!, b1! - b2!);
}

describe.each(['light', 'dark'] as const)('recording and live look different (%s)', (colorScheme) => {
  it('the pills and the stop buttons differ in colour (also for red-green colour blindness) and in glyph', async () => {
    await renderScripted(
      <>
        <RecordingIndicator />
        <LiveStreamBadge />
        <RecordButton />
        <LiveStreamButton />
      </>,
      { script: (now) => [...scripts.recording(now), ...scripts.live(now)] },
      { colorScheme },
    );
    const recPill = document.querySelector<HTMLElement>('.onair-indicator')!;
    const livePill = document.querySelector<HTMLElement>('.onair-pill[data-onair-state="live"]')!;
    const recStop = document.querySelector<HTMLElement>('.onair-record-button[data-onair-action="stop"]')!;
    const liveStop = document.querySelector<HTMLElement>('.onair-live-button[data-onair-action="stop"]')!;
    for (const el of [recPill, livePill, recStop, liveStop]) expect(el).toBeTruthy();

    for (const [a, b] of [
      [recPill, livePill],
      [recStop, liveStop],
    ] as const) {
      const ca = parseColor(getComputedStyle(a).backgroundColor);
      const cb = parseColor(getComputedStyle(b).backgroundColor);
      for (const [kind, matrix] of Object.entries(SIMULATIONS)) {
        const distance = deltaE(simulate(ca, matrix), simulate(cb, matrix));
        expect(distance, `${kind}: ${ca} vs ${cb}`).toBeGreaterThan(20);
      }
    }

    // Glyphs: the recording dot is a plain disc; the live dot is a disc in a ring.
    const recDot = getComputedStyle(recPill.querySelector('.onair-dot')!);
    const liveDot = getComputedStyle(livePill.querySelector('.onair-dot')!);
    expect(recDot.backgroundImage).toBe('none');
    expect(liveDot.backgroundImage).toContain('radial-gradient');
    expect(parseFloat(liveDot.borderTopWidth)).toBeGreaterThan(0);
    const recIcon = recStop.querySelector<HTMLElement>('.onair-icon')!;
    const liveIcon = liveStop.querySelector<HTMLElement>('.onair-icon')!;
    expect(recIcon.dataset.onairIcon).toBe('stop');
    expect(liveIcon.dataset.onairIcon).toBe('stop-live');
    expect(getComputedStyle(liveIcon).borderTopStyle).toBe('solid');
    expect(getComputedStyle(recIcon).borderTopStyle).toBe('none');
  });
});
