// Browser-media project globalSetup: a loopback HLS origin (test/support/hlsServer.ts) for the
// live-stream player's tests. Chromium gets its origin through `inject('hlsOrigin')`.
import type { TestProject } from 'vitest/node';
import { startHlsServer } from '../support/hlsServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    hlsOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startHlsServer(Number(process.env.ONAIR_HLS_PORT ?? 0));
  project.provide('hlsOrigin', server.origin);
  return () => server.close();
}
