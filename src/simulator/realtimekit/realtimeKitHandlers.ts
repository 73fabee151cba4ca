import type { RealtimeKitBackend } from './createRealtimeKitBackend.js';

/**
 * The part of MSW's `http` namespace the handlers use. Pass MSW's own `http` (`import { http }
 * from 'msw'`): the simulator entry stays free of a runtime dependency on MSW.
 */
export interface MswHttpLike<Handler> {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

/** Options of {@link realtimeKitHandlers}. */
export interface RealtimeKitHandlersOptions<Handler> {
  /** The base URL the app's client uses (`createRealtimeKitClient({ baseUrl })`), absolute or relative. */
  readonly baseUrl: string;
  /** MSW's `http` namespace. */
  readonly http: MswHttpLike<Handler>;
}

/**
 * MSW request handlers that serve a {@link RealtimeKitBackend} at `baseUrl` — every
 * `…/recordings*` path. Use them in Storybook (`parameters.msw.handlers`), in browser tests
 * (`setupWorker`) or in the app during development.
 *
 * @example
 * ```ts
 * import { http } from 'msw';
 * import { setupWorker } from 'msw/browser';
 * const backend = createRealtimeKitBackend();
 * const worker = setupWorker(...realtimeKitHandlers(backend, { baseUrl: '/api/realtimekit', http }));
 * await worker.start();
 * ```
 */
export function realtimeKitHandlers<Handler>(
  backend: RealtimeKitBackend,
  options: RealtimeKitHandlersOptions<Handler>,
): Handler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const handle = ({ request }: { request: Request }): Promise<Response> => backend.handle(request);
  return [options.http.all(`${base}/recordings`, handle), options.http.all(`${base}/recordings/*`, handle)];
}
