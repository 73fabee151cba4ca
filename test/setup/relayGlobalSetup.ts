// Browser project globalSetup: a real webhook relay on 127.0.0.1 for test/server/relay.browser.test.tsx.
// Chromium cannot start a Node server itself; it gets the relay's origin and secret through `inject`.
import type { TestProject } from 'vitest/node';
import { createWebhookRelay } from '../../src/server/index.js';
import { startRelayServer } from '../server/support/nodeServer.js';
import { startRelayControl } from '../server/support/relayControl.js';

const SECRET = 'browser-relay-secret-0123456789';
/** EventSource cannot send headers: the test's "session" is a query parameter. */
export const MEMBER_PASS = 'member-pass';

declare module 'vitest' {
  export interface ProvidedContext {
    relayOrigin: string;
    relaySecret: string;
    /** Restartable relays for the item-8 tests (test/server/support/relayControl.ts). */
    relayControlOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const relay = createWebhookRelay({
    secret: SECRET,
    authorize: (request) => new URL(request.url).searchParams.get('access') === MEMBER_PASS,
    heartbeatMs: 5_000,
  });
  const server = await startRelayServer(relay);
  project.provide('relayOrigin', server.origin);
  project.provide('relaySecret', SECRET);
  const control = await startRelayControl(SECRET);
  project.provide('relayControlOrigin', control.origin);
  return async () => {
    relay.close();
    await server.close();
    await control.close();
  };
}
