// A throwaway PostgreSQL server for the consent ledger's tests and bench: initdb into a temporary
// directory, start on a free loopback port (no TCP outside 127.0.0.1, socket in that directory),
// stop and delete afterwards. Nothing runs as a service. PostgreSQL refuses to run as root, so as
// root the directory is handed to the `postgres` system user and the tools run through `runuser`.
//   findPostgres()        → the bin directory with initdb and pg_ctl (POSTGRES_BIN, Debian's, PATH) or undefined
//   startPostgres(binDir) → { url, port, stop() }
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export function findPostgres() {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'pg_ctl')) ? fromEnv : undefined;
  const candidates = [];
  try {
    // Debian: /usr/lib/postgresql/<major>/bin, newest first.
    const majors = readdirSync('/usr/lib/postgresql').filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const major of majors) candidates.push(`/usr/lib/postgresql/${major}/bin`);
  } catch {
    // not Debian's layout
  }
  candidates.push('/usr/local/bin', '/opt/homebrew/bin', '/usr/bin');
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(dir);
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function postgresUser() {
  const found = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const uid = Number(found.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return found.status === 0 && Number.isInteger(uid) ? { uid, gid } : undefined;
}

/**
 * Starts a PostgreSQL server from `binDir` on `port` (default: a free one). Resolves once it
 * accepts connections; `stop()` shuts it down fast and removes its directory. Tests run with
 * `fsync=off` (a throwaway directory); `{ durable: true }` keeps PostgreSQL's defaults (the bench).
 */
export async function startPostgres(binDir, port, { durable = false } = {}) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const owner = isRoot ? postgresUser() : undefined;
  if (isRoot && !owner) throw new Error('PostgreSQL will not run as root and there is no `postgres` user to run it as.');
  const dir = mkdtempSync(join(tmpdir(), 'onair-pg-'));
  const tool = (name, args) => {
    const command = isRoot ? 'runuser' : join(binDir, name);
    const argv = isRoot ? ['-u', 'postgres', '--', join(binDir, name), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${name} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const chosen = port ?? (await freePort());
  const data = join(dir, 'data');
  try {
    tool('initdb', ['-D', data, '-A', 'trust', '-U', 'onair', '--no-sync', '-E', 'UTF8', '--locale=C']);
    tool('pg_ctl', ['-D', data, '-o', `-p ${chosen} -k ${dir} -c listen_addresses=127.0.0.1${durable ? '' : ' -c fsync=off'}`, '-l', join(dir, 'log'), '-w', '-t', '120', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    port: chosen,
    url: `postgres://onair@127.0.0.1:${chosen}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
