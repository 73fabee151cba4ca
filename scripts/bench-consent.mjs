#!/usr/bin/env node
// Consent ledger benchmark (not a timed test): appends per second into one meeting's chain, then
// list, verify and export (JSON, CSV) of that meeting, on PGlite (in this process) and on a
// PostgreSQL server started here (Debian's, throwaway directory, loopback, PostgreSQL's default
// durability: fsync on). Plain-text output.
//   node scripts/bench-consent.mjs [--records 100000] [--in-flight 8]
// The ledger (src/server) is bundled with esbuild on the fly.
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findPostgres, startPostgres } from './postgres.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const records = option('records', 100_000);
const inFlight = option('in-flight', 8);
const root = fileURLToPath(new URL('..', import.meta.url));
const esbuild = await import('esbuild');
mkdirSync(`${root}.tmp`, { recursive: true });
const outfile = `${root}.tmp/bench-consent.bundle.mjs`;
await esbuild.build({
  stdin: { contents: "export { createConsentLedger, createPostgresConsentStore } from './src/server/index.ts';", resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile,
  logLevel: 'error',
});
const { createConsentLedger, createPostgresConsentStore } = await import(pathToFileURL(outfile).href);

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function bench(name, client, parallel) {
  const ledger = createConsentLedger({ store: createPostgresConsentStore({ client }) });
  const meetingId = `bench-${Date.now()}`;
  await ledger.verify(meetingId); // schema
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < records; i = next++) {
      await ledger.append({
        meetingId,
        recordingId: `rec-${i % 10}`,
        participantId: `participant-${i}`,
        participantName: `Participant ${i}`,
        decision: i % 7 === 0 ? 'declined' : 'agreed',
        notice: { id: 'recording-notice', version: '3', locale: 'en' },
        source: 'banner',
        idempotencyKey: `k-${i}`,
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const appendMs = performance.now() - started;
  const time = async (fn) => {
    const t = performance.now();
    const result = await fn();
    return [performance.now() - t, result];
  };
  const [verifyMs, verification] = await time(() => ledger.verify(meetingId));
  const [jsonMs, json] = await time(() => ledger.export({ meetingId, format: 'json' }));
  const [csvMs, csv] = await time(() => ledger.export({ meetingId, format: 'csv' }));
  console.log(
    `consent ${name}  ${fmt(records)} appends (${parallel} in flight): ${fmt((records / appendMs) * 1000)} appends/s · verify ${seconds(verifyMs)} (${verification.ok ? 'ok' : 'BROKEN'}) · export json ${seconds(jsonMs)} (${fmt(json.length / 1024 / 1024)} MiB) · csv ${seconds(csvMs)} (${fmt(csv.length / 1024 / 1024)} MiB)`,
  );
}

console.log(`consent ledger bench (Node ${process.versions.node}, ${fmt(records)} records in one meeting)`);
{
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await bench('PGlite', db, 1);
  await db.close();
}
const bin = findPostgres();
if (!bin) console.log('consent PostgreSQL  skipped: no initdb/pg_ctl (node scripts/ensure.mjs --postgres)');
else {
  const pg = (await import('pg')).default;
  const server = await startPostgres(bin, Number(process.env.ONAIR_POSTGRES_PORT) || undefined, { durable: true });
  const pool = new pg.Pool({ connectionString: server.url, max: inFlight });
  try {
    const version = (await pool.query('SHOW server_version')).rows[0].server_version;
    await bench(`PostgreSQL ${version.split(' ')[0]}`, pool, inFlight);
  } finally {
    await pool.end();
    await server.stop();
  }
}
