/**
 * Builds one Lambda bundle:
 * `node infra/bundle.ts <entry> <outDir> [--source-map] [--node-modules a,b]`.
 *
 * The CDK construct (infra/constructs/tipline-function.ts) runs this from its
 * local bundling step instead of NodejsFunction's esbuild CLI call, because
 * only the esbuild API runs plugins (the SDK schema-key rewrite of
 * infra/sdk-schema-keys.ts is one). The options are `esbuildOptions`, the
 * ones bench/bundles.ts measures, so CDK and the bench build the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { esbuildOptions, lambdaBundling, REPO_ROOT } from '#infra/bundling.ts';

/** The version package-lock.json installed, so the Lambda gets the code the tests ran. */
function installedVersion(pkg: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Installs native packages (FunctionDef.nodeModules) beside the bundle for
 * the Lambda's platform, linux arm64 with glibc, not the builder's, as
 * NodejsFunction's `nodeModules` does.
 */
function installNodeModules(outDir: string, packages: readonly string[]): void {
  const dependencies = Object.fromEntries(packages.map((pkg) => [pkg, installedVersion(pkg)]));
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ name: 'tipline-lambda', private: true, type: 'module', dependencies }, null, 2));
  const result = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts=false', '--os=linux', '--cpu=arm64', '--libc=glibc'], {
    cwd: outDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
  });
  if (result.status !== 0) throw new Error(`npm install of ${packages.join(', ')} in ${outDir} failed (exit ${String(result.status)})`);
}

/** Builds `entry` into `outDir/index.mjs` (plus its source map when asked), with `nodeModules` installed beside it. */
export async function bundleLambda(entry: string, outDir: string, options: { sourceMap?: boolean; nodeModules?: readonly string[] } = {}): Promise<void> {
  const nodeModules = options.nodeModules ?? [];
  await esbuild.build(esbuildOptions(resolve(entry), join(outDir, lambdaBundling.outputFile), { sourceMap: options.sourceMap ?? false, external: nodeModules }));
  if (nodeModules.length > 0) installNodeModules(outDir, nodeModules);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [entry, outDir] = process.argv.slice(2);
  if (entry === undefined || outDir === undefined) {
    console.error('usage: node infra/bundle.ts <entry> <outDir> [--source-map] [--node-modules a,b]');
    process.exit(2);
  }
  const flag = process.argv.indexOf('--node-modules');
  const nodeModules = flag === -1 ? [] : (process.argv[flag + 1] ?? '').split(',').filter((p) => p !== '');
  await bundleLambda(entry, outDir, { sourceMap: process.argv.includes('--source-map'), nodeModules });
}
