import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string>; allowScripts?: Record<string, boolean> };
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('what a newcomer meets first (issue 22.14)', () => {
  it('22.14: the README names the Storybook address `npm start` prints (Storybook 10 prints 127.0.0.1)', () => {
    const port = /storybook dev[^&]*-p (\d+)/.exec(pkg.scripts.start ?? '')?.[1];
    expect(port).toBeDefined();
    expect(readme).toContain(`http://127.0.0.1:${port}`);
    expect(readme).not.toMatch(new RegExp(`localhost:${port}`));
  });

  // Runs npm itself (a few seconds, more on a loaded machine).
  it('22.14: every dependency with an install script is decided in allowScripts (npm 11 prints no warning)', () => {
    const result = spawnSync('npm', ['install-scripts', 'ls'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/No packages with unreviewed install scripts/);
    expect(pkg.allowScripts).toMatchObject({ esbuild: false, msw: true });
  }, 120_000);
});
