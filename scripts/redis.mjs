// Finds a redis-server binary for the multi-process relay tests and bench: REDIS_SERVER_PATH, then
// the usual system paths, then PATH. Returns undefined when there is none.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findRedisServer() {
  const fromEnv = process.env.REDIS_SERVER_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const candidates = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/opt/homebrew/bin/redis-server'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, 'redis-server'));
  return candidates.find((path) => existsSync(path));
}
