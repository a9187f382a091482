import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` runs a package's install script only when the lockfile says it has one.
 * An `npm install` under another policy once dropped the flag, and a clean clone then
 * ran every script on the base image's Node 20 (no `.ts` support): keep it pinned.
 */
describe('package-lock.json', () => {
  it('marks the packages whose install scripts the toolchain needs', () => {
    // Prepare
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const allowed = Object.keys((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { allowScripts: Record<string, boolean> }).allowScripts);

    // Act
    const unmarked = allowed.filter((name) => lock.packages[`node_modules/${name}`]?.hasInstallScript !== true);

    // Assess
    expect(unmarked).toEqual([]);
  });

  it('runs no install script of its own: npm ci leaves node_modules as the registry shipped it', () => {
    // Prepare
    const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

    // Act
    const lifecycle = Object.keys(scripts).filter((name) => /^(pre|post)?(install|prepare)$/.test(name));

    // Assess: the SDK schema-key rewrite is an esbuild plugin (infra/sdk-schema-keys.ts), not a postinstall.
    expect(lifecycle).toEqual([]);
  });
});
