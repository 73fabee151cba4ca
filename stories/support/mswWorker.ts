import type { RequestHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';

/**
 * One MSW worker for the Storybook page (or browser test), started once at
 * `${BASE_URL}mockServiceWorker.js` so a static build served from a sub-path works; each story (or
 * test) then installs its own handlers — the `parameters.msw.handlers` shape of msw-storybook-addon.
 */
const KEY = Symbol.for('onair.mswWorker');
type Holder = { [KEY]?: Promise<SetupWorker> };

export function startMswWorker(): Promise<SetupWorker> {
  const holder = globalThis as Holder;
  holder[KEY] ??= import('msw/browser').then(async ({ setupWorker }) => {
    const worker = setupWorker();
    const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
    await worker.start({ serviceWorker: { url: `${base}mockServiceWorker.js` }, onUnhandledRequest: 'bypass', quiet: true });
    return worker;
  });
  return holder[KEY];
}

/** Replaces the worker's handlers with `handlers`. */
export async function installMswHandlers(handlers: readonly RequestHandler[]): Promise<SetupWorker> {
  const worker = await startMswWorker();
  worker.resetHandlers(...handlers);
  return worker;
}

/** A Storybook loader: installs `parameters.msw.handlers` before the story renders. */
export async function mswLoader(context: { parameters: { msw?: { handlers?: readonly RequestHandler[] } } }): Promise<Record<string, never>> {
  await installMswHandlers(context.parameters.msw?.handlers ?? []);
  return {};
}
