// Issue 11: "No module-level mutable state anywhere in src/hooks or src/components." A module is
// shared by every OnAirProvider on the page (and by every request of a server render), so state
// kept there leaks between meetings; it belongs on the store (one per provider) or in a ref.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const MUTABLE_CONSTRUCTORS = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'Array']);

/** Top-level declarations of one module that hold mutable state, as `name (why)`. */
function moduleState(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      const name = declaration.name.getText(source);
      if (!isConst) {
        found.push(`${name} (let/var)`);
        continue;
      }
      const init = declaration.initializer;
      if (init && ts.isNewExpression(init) && MUTABLE_CONSTRUCTORS.has(init.expression.getText(source))) {
        found.push(`${name} (new ${init.expression.getText(source)})`);
      }
    }
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(root, dir, file));
}

describe('module-level state', () => {
  it.each(['src/hooks', 'src/components'])('%s keeps no mutable state at module level', (dir) => {
    const offenders = sources(dir).flatMap((path) => moduleState(path).map((what) => `${path.slice(root.length)}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('the check sees a module-level WeakMap and a let', () => {
    const probe = join(root, 'test/architecture/moduleState.probe.ts');
    // The probe is parsed, never imported: it stands for the shape the rule refuses.
    expect(moduleState(probe)).toEqual(['inflight (new WeakMap)', 'counter (let/var)']);
  });
});
