// Inlines the relative `@import` chain of a CSS file into one plain CSS string (no dependency).
// Handles `@import './x.css';`, `@import "x.css" screen;` and `@import url('./x.css');`; a media
// or supports condition wraps the inlined file in `@media`. Each file is inlined once; a cycle
// or a missing file throws. Remote imports (`http:`, `//`) are kept and hoisted to the top.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const IMPORT = /@import\s+(?:url\(\s*)?(['"])([^'"]+)\1\s*\)?\s*([^;]*);/g;

/**
 * @param {string} entry absolute path of the entry CSS file
 * @param {{ root?: string }} [options] `root` shortens the file names written in comments
 * @returns {{ css: string, files: string[] }}
 */
export function inlineCss(entry, options = {}) {
  const root = options.root ?? dirname(entry);
  /** @type {Set<string>} */
  const done = new Set();
  /** @type {string[]} */
  const remote = [];

  /** @param {string} file @param {string[]} stack */
  function visit(file, stack) {
    if (stack.includes(file)) throw new Error(`CSS @import cycle: ${[...stack, file].map((f) => relative(root, f)).join(' → ')}`);
    if (done.has(file)) return '';
    done.add(file);
    let source;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`CSS @import of a missing file: ${relative(root, file)} (from ${relative(root, stack.at(-1) ?? file)})`);
    }
    const body = source.replace(IMPORT, (_all, _quote, spec, condition) => {
      if (/^(?:[a-z]+:)?\/\//i.test(spec)) {
        remote.push(`@import url('${spec}')${condition ? ` ${condition.trim()}` : ''};`);
        return '';
      }
      const target = resolve(dirname(file), spec);
      const inner = visit(target, [...stack, file]);
      const cond = condition.trim();
      return cond ? `@media ${cond} {\n${inner}\n}` : inner;
    });
    return `/* ${relative(root, file)} */\n${body.trim()}\n`;
  }

  const css = visit(resolve(entry), []);
  return { css: `${remote.join('\n')}${remote.length ? '\n' : ''}${css}`, files: [...done] };
}
