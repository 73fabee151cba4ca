import type { ReactNode } from 'react';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { createSimulator } from '../../src/simulator/index.js';
import { renderWith, type RenderOptions } from './harness.js';

export type Simulator = ReturnType<typeof createSimulator>;

const live: Simulator[] = [];

/** Disposes every simulator a test created. */
export function disposeSimulators(): void {
  for (const sim of live.splice(0)) sim.dispose();
}

/** A fresh simulator with short delays. */
export function shortSimulator(): Simulator {
  const sim = createSimulator({ delays: { recordingStart: 50, recordingStop: 50, liveStart: 50, liveStop: 50 } });
  live.push(sim);
  return sim;
}

/** Simulator + Daily adapter + provider around `ui`. */
export async function renderWithSimulator(
  ui: ReactNode,
  options: RenderOptions & { readonly sim?: Simulator; readonly adapterOptions?: Parameters<typeof createDailyAdapter>[1] } = {},
) {
  const sim = options.sim ?? shortSimulator();
  const adapter = createDailyAdapter(sim.daily, options.adapterOptions);
  const screen = await renderWith(adapter, ui, options);
  return { sim, adapter, screen };
}
