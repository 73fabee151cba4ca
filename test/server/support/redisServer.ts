// Starts a throwaway redis-server on a free loopback port (no persistence, no service), for the
// multi-process relay tests and bench. Stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer, type AddressInfo } from 'node:net';

export interface RedisProcess {
  readonly port: number;
  /** `redis://127.0.0.1:PORT` */
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL), waiting for the process to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  start(): Promise<void>;
}

async function tryPort(port: number): Promise<number | undefined> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  const outcome = await Promise.race([once(server, 'listening').then(() => true), once(server, 'error').then(() => false)]);
  if (!outcome) return undefined;
  const { port: chosen } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return chosen;
}

/**
 * A loopback port nothing listens on: any, or one of `ONAIR_TEST_PORTS` (`22000-22999`) when set —
 * on a machine shared by several people, each keeps to a range of their own.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.ONAIR_TEST_PORTS ?? '');
  if (!range) return (await tryPort(0))!;
  const low = Number(range[1]);
  const high = Number(range[2]);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = await tryPort(low + Math.floor(Math.random() * (high - low + 1)));
    if (port !== undefined) return port;
  }
  throw new Error(`no free port in ONAIR_TEST_PORTS=${process.env.ONAIR_TEST_PORTS}`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export async function startRedisServer(binary: string, port?: number): Promise<RedisProcess> {
  const chosen = port ?? (await freePort());
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn(binary, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const started = Date.now();
    while (!(await ping(chosen))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (port ${chosen} taken?)`);
      if (Date.now() - started > 60_000) throw new Error('redis-server did not answer PING within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return { port: chosen, url: `redis://127.0.0.1:${chosen}`, stop, start };
}
