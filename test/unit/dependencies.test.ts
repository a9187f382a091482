import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The code that runs in a Lambda or the local stack (what `dependencies`, unlike devDependencies, is for). */
const RUNTIME_DIRS = ['functions', 'shared', 'local', 'infra', 'web'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('package.json dependencies', () => {
  it('lists only packages the runtime code imports (an unused one is weight nobody audits)', () => {
    // Prepare
    const deps = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const code = RUNTIME_DIRS.flatMap((dir) => sources(join(ROOT, dir))).map((file) => readFileSync(file, 'utf8')).join('\n');

    // Act: an import or re-export of the package or one of its subpaths.
    const unused = deps.filter((name) => !new RegExp(`(?:from|import)\\s*\\(?\\s*['"]${name.replace(/[/.]/g, '\\$&')}(?:/[^'"]*)?['"]`).test(code));

    // Assess
    expect(unused).toEqual([]);
  });
});
