// Issue 11, "Adapters translate": an adapter turns provider payloads into events and commands into
// provider calls. Cache writes and query definitions live in src/query only — so no adapter imports
// React Query or the query layer, declares or names a query key, or calls a query client's methods
// (structurally typed or not: the ESLint layer rule sees imports only, this sees the code).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** The QueryClient / QueryCache methods that read or write a cache, and the query-definition helpers. */
const QUERY_MEMBERS = new Set([
  'fetchQuery',
  'prefetchQuery',
  'ensureQueryData',
  'fetchInfiniteQuery',
  'getQueryData',
  'getQueriesData',
  'setQueryData',
  'setQueriesData',
  'getQueryState',
  'cancelQueries',
  'invalidateQueries',
  'refetchQueries',
  'resetQueries',
  'removeQueries',
  'getQueryCache',
  'getMutationCache',
]);
const QUERY_NAMES = new Set(['QueryClient', 'QueryCache', 'queryOptions', 'infiniteQueryOptions', 'onAirKeys', 'queryKey', 'queryFn']);

/** Every `.ts` file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(root, dir, entry.name)] : [],
  );
}

/** What in one module speaks to a query cache, as `line: what`. */
function queryUse(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      if (/^@tanstack\//.test(from) || /(^|\/)query(\/|$)/.test(from) || /queryKeys(\.js)?$/.test(from)) {
        // `normalizeRecordingsQuery` (REST query parameters, no key) is the one name an adapter may take from core/queryKeys.
        const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined;
        const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((element) => element.name.text) : [];
        if (!(/queryKeys(\.js)?$/.test(from) && names.length > 0 && names.every((name) => name === 'normalizeRecordingsQuery'))) {
          found.push(`${at(node)}: imports ${from}`);
        }
      }
    }
    if (ts.isIdentifier(node) && (QUERY_MEMBERS.has(node.text) || QUERY_NAMES.has(node.text))) found.push(`${at(node)}: ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('adapters translate', () => {
  const files = sources('src/adapters');

  it('finds the adapters', () => {
    expect(files.map((file) => relative(root, file))).toEqual(
      expect.arrayContaining(['src/adapters/realtimekit/createRealtimeKitAdapter.ts', 'src/adapters/videosdk/recordings.ts', 'src/adapters/daily/createDailyAdapter.ts']),
    );
  });

  it('no adapter imports React Query or the query layer, names a query key, or calls a query client', () => {
    const offenders = files.flatMap((file) => queryUse(file).map((what) => `${relative(root, file)}:${what}`));
    expect(offenders).toEqual([]);
  });

  it('the check sees a structural query client, a key and an import (what the RealtimeKit adapter did in 0.1)', () => {
    const old = [
      "import { onAirKeys } from '../../core/queryKeys.js';",
      "import { useQuery } from '@tanstack/react-query';",
      'export function f(queryClient: { fetchQuery(o: unknown): Promise<unknown>; setQueryData(k: unknown, d: unknown): unknown }) {',
      "  const key = onAirKeys.activeRecording('s', 'm');",
      '  queryClient.setQueryData(key, null);',
      '  return queryClient.fetchQuery({ queryKey: key, queryFn: () => null });',
      '}',
    ].join('\n');
    const found = queryUse('src/adapters/x/old.ts', old);
    expect(found).toEqual(expect.arrayContaining(['1: imports ../../core/queryKeys.js', '2: imports @tanstack/react-query', '5: setQueryData', '6: fetchQuery', '6: queryKey']));
  });
});
