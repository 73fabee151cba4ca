import type { RealtimeKitBackend } from './createRealtimeKitBackend.js';

/**
 * The part of MSW's `http` namespace the handlers use. Pass MSW's own `http`
 * (`import { http } from 'msw'`): the simulator entry stays free of a runtime dependency on MSW.
 *
 * @public
 */
export interface MswHttpLike<Handler> {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

/**
 * Options of {@link realtimeKitHandlers}.
 *
 * @public
 */
export interface RealtimeKitHandlersOptions<Handler> {
  /** The base URL the app's client uses (`createRealtimeKitClient({ baseUrl })`), absolute or relative. */
  readonly baseUrl: string;
  /** MSW's `http` namespace. */
  readonly http: MswHttpLike<Handler>;
  /**
   * Puts your backend route in front of the simulated RealtimeKit, as in production: it receives a
   * `fetch` that reaches the simulator and returns the handler that answers the browser — e.g.
   * `(fetch) => createRealtimeKitRoute({ …, basePath, fetch })` from `onair-react/server`, so the
   * allow-list, `authorize` and the credential scrubbing run in the playground too. The simulator
   * entry imports no server code itself. A simulated `network` fault still fails the browser's
   * request (as a network error), not the route's call.
   */
  readonly through?: ((upstream: typeof fetch) => (request: Request) => Promise<Response>) | undefined;
}

/**
 * MSW request handlers that serve a {@link RealtimeKitBackend} at `baseUrl` — every
 * `…/recordings*` path and the meetings' livestream paths (`…/meetings/{meeting_id}/livestreams`,
 * `…/active-livestream`, `…/active-livestream/stop`). Use them in Storybook (`parameters.msw.handlers`), in browser tests
 * (`setupWorker`) or in the app during development.
 *
 * @example
 * ```ts
 * import { http } from 'msw';
 * import { setupWorker } from 'msw/browser';
 * const backend = createRealtimeKitBackend();
 * const worker = setupWorker(...realtimeKitHandlers(backend, { baseUrl: '/api/realtimekit', http }));
 * await worker.start();
 *
 * // The same, through the backend route the app deploys (onair-react/server):
 * realtimeKitHandlers(backend, {
 *   baseUrl: '/api/realtimekit',
 *   http,
 *   through: (fetch) => createRealtimeKitRoute({ accountId: 'sim', appId: 'sim', apiToken: 'sim', basePath: '/api/realtimekit', authorize: () => true, fetch }),
 * });
 * ```
 *
 * @public
 */
export function realtimeKitHandlers<Handler>(
  backend: RealtimeKitBackend,
  options: RealtimeKitHandlersOptions<Handler>,
): Handler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const through = options.through;
  const handle = async ({ request }: { request: Request }): Promise<Response> => {
    if (!through) return backend.handle(request);
    let networkFault = false;
    const upstream = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await backend.handle(new Request(input, init));
      if (answer.type === 'error') {
        networkFault = true;
        throw new TypeError('Failed to fetch');
      }
      return answer;
    }) as typeof fetch;
    const response = await through(upstream)(request);
    return networkFault ? Response.error() : response;
  };
  return [options.http.all(`${base}/recordings`, handle), options.http.all(`${base}/recordings/*`, handle), options.http.all(`${base}/meetings/*`, handle)];
}
