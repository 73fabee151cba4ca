import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import type { OnAirAdapter } from '../../src/core/adapter.js';
import type { ParticipantRole } from '../../src/core/model.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createScriptedAdapter, type ScriptedAdapterOptions } from '../../stories/support/scriptedAdapter.js';

export interface RenderOptions {
  readonly role?: ParticipantRole | undefined;
  readonly colorScheme?: 'light' | 'dark' | undefined;
}

/** Renders `ui` inside an `OnAirProvider` fed by `adapter`. */
export function renderWith(adapter: OnAirAdapter, ui: ReactNode, options: RenderOptions = {}) {
  return render(
    <OnAirProvider adapter={adapter} role={options.role} colorScheme={options.colorScheme ?? 'light'}>
      {ui}
    </OnAirProvider>,
  );
}

/** Scripted adapter + provider around `ui`. */
export async function renderScripted(ui: ReactNode, scripted: ScriptedAdapterOptions = {}, options: RenderOptions = {}) {
  const adapter = createScriptedAdapter({ delayMs: 50, ...scripted });
  const screen = await renderWith(adapter, ui, options);
  return { adapter, screen };
}
