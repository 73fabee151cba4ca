import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Relative paths a Markdown file points to: links, images and paths in backticks that look like files. */
function referencedPaths(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\((?!https?:|mailto:|#)([^)\s#]+)/g)].map((m) => m[1]!);
  const ticked = [...markdown.matchAll(/`(\.\.?\/[^`\s]+)`/g)].map((m) => m[1]!);
  return [...links, ...ticked];
}

describe('README links', () => {
  it('every relative link and file path stays inside the repository and exists', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const paths = referencedPaths(readme);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const target = resolve(root, path);
      expect(relative(root, target).startsWith('..'), `${path} leaves the repository`).toBe(false);
      expect(existsSync(target), `${path} does not exist`).toBe(true);
    }
  });
});
