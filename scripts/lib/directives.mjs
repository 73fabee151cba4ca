// 'use client' directives for the built package (scripts/build.mjs) and their checks
// (scripts/build.mjs and scripts/test-package.mjs run the same rules on dist/).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Folders of dist/ whose modules are client modules: React hooks, the provider, components, and the
 * locale packs (their labels hold functions, which cannot cross from a Server Component to the
 * client as values; as client references they can: `<OnAirProvider labels={de}>` in a Server Component).
 */
export const CLIENT_FOLDERS = ['hooks', 'provider', 'components', 'locales'];
/** Entries that must not reach React through their imports (run on servers and edge runtimes). */
export const REACT_FREE_ENTRIES = ['server/index.js'];

const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1;?/;
const REACT_IMPORT = /^\s*(?:import|export)\s[^'";]*?from\s*['"](react|react-dom)(\/[^'"]*)?['"]|^\s*import\s*['"](react|react-dom)(\/[^'"]*)?['"]/m;
const RELATIVE_IMPORTS = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every .js file under `dir`, recursively, as absolute paths. */
export function jsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** Whether a dist module's path (relative to dist/) is a client module. */
export function isClientModule(path) {
  return CLIENT_FOLDERS.some((folder) => path.split(sep).join('/').startsWith(`${folder}/`));
}

/** Whether the source starts with a 'use client' directive (comments before it allowed). */
export function hasUseClient(source) {
  return DIRECTIVE.test(source);
}

/**
 * Prepends `'use client';` to every client module of `dist` that lacks it.
 * @param {string} dist
 * @returns {string[]} the marked modules, relative to dist/
 */
export function markClientModules(dist) {
  const marked = [];
  for (const file of jsFiles(dist)) {
    const path = relative(dist, file);
    if (!isClientModule(path)) continue;
    const source = readFileSync(file, 'utf8');
    if (!hasUseClient(source)) writeFileSync(file, `'use client';\n${source}`);
    marked.push(path);
  }
  return marked;
}

/**
 * The rules, checked on a built dist/: every client module carries the directive; no other module
 * does; no module outside the client folders imports React at run time (type imports are erased);
 * the React-free entries reach no React module through their relative imports.
 * @param {string} dist
 * @returns {string[]} problems, empty when all hold
 */
export function checkClientBoundaries(dist) {
  const problems = [];
  for (const file of jsFiles(dist)) {
    const path = relative(dist, file).split(sep).join('/');
    const source = readFileSync(file, 'utf8');
    const client = isClientModule(path);
    if (client && !hasUseClient(source)) problems.push(`${path}: client module without 'use client'`);
    if (!client && hasUseClient(source)) problems.push(`${path}: 'use client' outside ${CLIENT_FOLDERS.join(', ')}`);
    if (!client && REACT_IMPORT.test(source)) problems.push(`${path}: imports React outside ${CLIENT_FOLDERS.join(', ')}`);
  }
  for (const entry of REACT_FREE_ENTRIES) {
    const seen = new Set();
    const queue = [resolve(dist, entry)];
    while (queue.length) {
      const file = queue.pop();
      if (!file || seen.has(file) || !existsSync(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      const path = relative(dist, file).split(sep).join('/');
      if (REACT_IMPORT.test(source) || isClientModule(path)) problems.push(`${entry} reaches React through ${path}`);
      for (const match of source.matchAll(RELATIVE_IMPORTS)) queue.push(resolve(dirname(file), match[1]));
    }
  }
  return problems;
}
