// API reports (api/*.api.md): the public surface of every package entry, as API Extractor reads it
// from the built declarations in dist/. Used by scripts/api-report.mjs (npm run api, npm run api:check)
// and by scripts/test-package.mjs (the check runs right after its build).
//
// One report per entry of package.json "exports" (stylesheets and package.json excepted). Every
// message of API Extractor, the TypeScript compiler and the TSDoc parser is an error here — a
// missing release tag (@public/@beta/@internal), a type the entry uses but does not export, a TSDoc
// syntax slip — so a report never carries warnings in it.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names an entry's types use but that no entry exports, accepted with a reason. Their declarations
 * still appear in the report (unexported), so a change to them shows in review like any other.
 */
export const KNOWN_UNEXPORTED = {
  ButtonBag: 'props bag of useConsentBanner; the shared control hook of issue 11 will name it',
  DataAttributes: 'data-* bag of useRecordButton; the shared control hook of issue 11 will name it',
  DataAttributes_2: 'data-* bag of useLiveStreamButton (same shape as DataAttributes)',
  RecordingSchema: 'valibot schema behind RealtimeKitRecording*: exporting it would make valibot part of the API',
  RecordingListResponseSchema: 'valibot schema behind RealtimeKitRecordingListInput',
  RecordingResponseSchema: 'valibot schema behind RealtimeKitRecordingResponseInput',
  TrackRecordingResponseSchema: 'valibot schema behind RealtimeKitTrackRecordingResponseInput',
  RecordingStatusSchema: 'valibot schema behind RealtimeKitRecordingStatus',
};

/** The report file for a package.json export key: '.' → index, './daily' → daily, './locales/de' → locales-de. */
export function reportName(key) {
  return key === '.' ? 'index' : key.replace(/^\.\//, '').replaceAll('/', '-');
}

/**
 * The entries to report: every "exports" key with a `types` condition.
 * @param {{ exports: Record<string, string | { types?: string }> }} pkg
 * @returns {{ key: string, name: string, types: string }[]}
 */
export function reportEntries(pkg) {
  return Object.entries(pkg.exports).flatMap(([key, target]) =>
    typeof target === 'object' && target.types ? [{ key, name: reportName(key), types: target.types }] : [],
  );
}

/**
 * Lines only in one of two texts, in order, as a short readable difference ("- old", "+ new").
 * Not a minimal diff: enough to see in a terminal which declarations changed.
 * @param {string} before
 * @param {string} after
 * @param {number} [limit]
 */
export function lineDifference(before, after, limit = 40) {
  const count = (lines) => lines.reduce((map, line) => map.set(line, (map.get(line) ?? 0) + 1), new Map());
  const a = before.split('\n');
  const b = after.split('\n');
  const inA = count(a);
  const inB = count(b);
  const only = (lines, other, sign) =>
    lines.filter((line) => {
      const left = other.get(line) ?? 0;
      if (left > 0) {
        other.set(line, left - 1);
        return false;
      }
      return line.trim() !== '';
    }).map((line) => `${sign} ${line}`);
  const removed = only(a, new Map(inB), '-');
  const added = only(b, new Map(inA), '+');
  const lines = [...removed, ...added];
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more line(s)`] : lines;
}

/**
 * Runs API Extractor over dist/ for every entry.
 * @param {{ root: string, update: boolean }} options `update` writes the reports under api/;
 *   otherwise they are compared with what is committed.
 * @returns {Promise<{ entries: { key: string, name: string }[], changed: { name: string, file: string, difference: string[] }[], problems: string[] }>}
 */
export async function runApiReports({ root, update }) {
  const { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } = await import('@microsoft/api-extractor');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entries = reportEntries(pkg);
  const reportFolder = join(root, 'api');
  const tempFolder = join(root, '.tmp', 'api');
  rmSync(tempFolder, { recursive: true, force: true });
  mkdirSync(tempFolder, { recursive: true });
  if (update) mkdirSync(reportFolder, { recursive: true });

  const missing = entries.filter((entry) => !existsSync(join(root, entry.types)));
  if (missing.length) return { entries, changed: [], problems: missing.map((entry) => `${entry.types} is missing: run the build first (npm run build)`) };

  const configFor = (entry) =>
    ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: join(root, entry.types),
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              lib: ['ES2023', 'DOM', 'DOM.Iterable'],
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              jsx: 'react-jsx',
              strict: true,
              skipLibCheck: true,
              types: [],
            },
            files: [join(root, entry.types)],
          },
        },
        apiReport: { enabled: true, reportFolder, reportTempFolder: tempFolder, reportFileName: entry.name },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'error' } },
          extractorMessageReporting: {
            default: { logLevel: 'error', addToApiReportFile: false },
            // Members without a comment are left to review (the project asks for TSDoc on exports, not on every field).
            'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: 'error', addToApiReportFile: false } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(root, 'package.json'),
    });

  const configs = entries.map((entry) => ({ entry, config: configFor(entry) }));
  // One TypeScript program for every entry: the declarations are parsed once.
  const [first] = configs;
  const compilerState = CompilerState.create(first.config, { additionalEntryPoints: configs.map(({ entry }) => join(root, entry.types)) });

  const problems = [];
  const changed = [];
  // API Extractor reads one entry at a time: a type that `./daily` uses but that only `.` exports is
  // "forgotten" there, and a {@link} to it unresolved. Those are fine when some entry of the package
  // exports the name; they are checked once every report is written.
  const crossEntry = [];
  for (const { entry, config } of configs) {
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      messageCallback: (message) => {
        // The "API changed" notice is reported below with a difference; everything else that is not
        // plain information is a problem of the surface or of its TSDoc.
        message.handled = true;
        if (message.messageId === 'console-api-report-changed' || message.messageId === 'console-api-report-not-copied' || message.messageId === 'console-api-report-copied' || message.messageId === 'console-api-report-created') return;
        if (message.logLevel !== ExtractorLogLevel.Error && message.logLevel !== ExtractorLogLevel.Warning) return;
        const where = message.sourceFilePath ? `${message.sourceFilePath.replace(`${root}/`, '')}:${message.sourceFileLine ?? 0}: ` : '';
        const text = `[${entry.key}] ${where}${message.text} (${message.messageId})`;
        const name =
          message.messageId === 'ae-forgotten-export'
            ? /The symbol "([^"]+)"/.exec(message.text)?.[1]
            : message.messageId === 'ae-unresolved-link'
              ? /does not have an export "([^"]+)"/.exec(message.text)?.[1]
              : undefined;
        if (name) crossEntry.push({ name, text });
        else problems.push(text);
      },
    });
    if (!update && result.apiReportChanged) {
      const file = join('api', `${entry.name}.api.md`);
      const committed = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '';
      const built = readFileSync(join(tempFolder, `${entry.name}.api.md`), 'utf8');
      changed.push({ name: entry.key, file, difference: committed ? lineDifference(committed, built) : ['(no committed report)'] });
    }
  }
  const exported = new Set(entries.flatMap((entry) => exportedNames(readFileSync(join(tempFolder, `${entry.name}.api.md`), 'utf8'))));
  for (const { name, text } of crossEntry) {
    if (!exported.has(name) && !Object.hasOwn(KNOWN_UNEXPORTED, name)) problems.push(`${text} — no entry of the package exports "${name}"`);
  }
  return { entries, changed, problems };
}

/** The names an API report declares as exported. */
export function exportedNames(report) {
  const names = [];
  for (const match of report.matchAll(/^export (?:declare )?(?:abstract )?(?:function|const|let|var|class|interface|type|enum|namespace) ([A-Za-z_$][\w$]*)/gm)) names.push(match[1]);
  for (const match of report.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of match[1].split(',')) {
      const alias = part.trim().split(/\s+as\s+/).pop();
      if (alias) names.push(alias);
    }
  }
  return names;
}

/**
 * One message for a failed check: which entries differ, how, and what to do.
 * @param {Awaited<ReturnType<typeof runApiReports>>} result
 */
export function describeFailure({ changed, problems }) {
  const parts = [];
  if (problems.length) parts.push(`API Extractor found ${problems.length} problem(s) in the declarations:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  if (changed.length) {
    parts.push(
      `The public surface differs from the committed API report for ${changed.map((c) => c.name).join(', ')}:\n` +
        changed.map((c) => `  ${c.file}\n${c.difference.map((line) => `    ${line}`).join('\n')}`).join('\n') +
        '\nIf the change is intended, run `npm run api` and commit api/*.api.md with it.',
    );
  }
  return parts.join('\n\n');
}
