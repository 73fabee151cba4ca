// Starts relay processes (./relayWorker.ts bundled with esbuild into .tmp/) against one Redis.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let built: Promise<string> | undefined;

/** Bundles the worker once per test process (`redis` stays external, loaded from node_modules). */
export function buildRelayWorker(): Promise<string> {
  built ??= (async () => {
    const esbuild = await import('esbuild');
    mkdirSync(`${root}.tmp`, { recursive: true });
    const outfile = `${root}.tmp/relay-worker-${process.pid}.mjs`;
    await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./relayWorker.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'error',
    });
    return outfile;
  })();
  return built;
}

export interface RelayWorker {
  readonly origin: string;
  readonly child: ChildProcess;
  stats(): Promise<{ stats: Record<string, number>; memory: NodeJS.MemoryUsage }>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function startRelayWorkers(count: number, env: Record<string, string>, execArgv: string[] = []): Promise<RelayWorker[]> {
  const file = await buildRelayWorker();
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = fork(file, [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const [ready] = (await once(child, 'message')) as [{ origin: string }];
      const worker: RelayWorker = {
        origin: ready.origin,
        child,
        async stats() {
          const answer = new Promise<{ stats: Record<string, number>; memory: NodeJS.MemoryUsage }>((resolve) => {
            const on = (m: { type?: string }) => {
              if (m.type !== 'stats') return;
              child.off('message', on);
              resolve(m as never);
            };
            child.on('message', on);
          });
          child.send('stats');
          return answer;
        },
        async kill() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGKILL');
          await exited;
        },
        async close() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.send('close');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      };
      return worker;
    }),
  );
}
