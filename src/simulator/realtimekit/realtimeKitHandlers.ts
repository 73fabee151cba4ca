import { http, type HttpHandler } from 'msw';
import type { RealtimeKitBackend } from './createRealtimeKitBackend.js';

/** Options of {@link realtimeKitHandlers}. */
export interface RealtimeKitHandlersOptions {
  /** The base URL the app's client uses (`createRealtimeKitClient({ baseUrl })`), absolute or relative. */
  readonly baseUrl: string;
}

/**
 * MSW request handlers that serve a {@link RealtimeKitBackend} at `baseUrl` — every
 * `…/recordings*` path. Use them in Storybook (`parameters.msw.handlers`), in browser tests
 * (`setupWorker`) or in the app during development.
 *
 * @example
 * ```ts
 * const backend = createRealtimeKitBackend();
 * const worker = setupWorker(...realtimeKitHandlers(backend, { baseUrl: '/api/realtimekit' }));
 * await worker.start();
 * ```
 */
export function realtimeKitHandlers(backend: RealtimeKitBackend, options: RealtimeKitHandlersOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const handle = ({ request }: { request: Request }): Promise<Response> => backend.handle(request);
  return [http.all(`${base}/recordings`, handle), http.all(`${base}/recordings/*`, handle)];
}
