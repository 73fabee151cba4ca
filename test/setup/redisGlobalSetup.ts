// Unit project globalSetup: one redis-server on a free loopback port for the multi-process relay
// tests (test/server/relayRedis*.test.ts), stopped afterwards. `npm test` makes sure a redis-server
// binary exists (scripts/ensure.mjs --redis); without one the Redis tests say so and fail, the
// others run as usual.
import type { TestProject } from 'vitest/node';
import { findRedisServer } from '../../scripts/redis.mjs';
import { startRedisServer } from '../server/support/redisServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    redisServerPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binary = findRedisServer();
  if (!binary) {
    project.provide('redisUrl', '');
    project.provide('redisServerPath', '');
    return async () => {};
  }
  const redis = await startRedisServer(binary);
  project.provide('redisUrl', redis.url);
  project.provide('redisServerPath', binary);
  return () => redis.stop();
}
