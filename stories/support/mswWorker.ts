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

/**
 * Adds `handlers` in front of the worker's handlers, keeping those already there (each handler once).
 * A Docs page renders several stories at once: each must keep its own handlers (issue 22.4).
 */
export async function addMswHandlers(handlers: readonly RequestHandler[]): Promise<SetupWorker> {
  const worker = await startMswWorker();
  const present = new Set(worker.listHandlers());
  const missing = handlers.filter((handler) => !present.has(handler));
  if (missing.length > 0) worker.use(...missing);
  return worker;
}

/**
 * A Storybook loader: installs `parameters.msw.handlers` before the story renders. A story on its own
 * gets exactly its handlers; on a Docs page, where every story of the file renders together, each story
 * adds its handlers to the others' instead of replacing them (stories of one file use distinct URLs).
 */
export async function mswLoader(context: { parameters: { msw?: { handlers?: readonly RequestHandler[] } }; viewMode?: string }): Promise<Record<string, never>> {
  const handlers = context.parameters.msw?.handlers ?? [];
  if (context.viewMode === 'docs') await addMswHandlers(handlers);
  else await installMswHandlers(handlers);
  return {};
}
