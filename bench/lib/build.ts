/**
 * Builds Lambda bundles with the settings of infra/bundling.ts (the ones
 * infra/bundle.ts builds the CDK assets with) and summarises esbuild's metafile.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { esbuildOptions, lambdaBundling } from '#infra/bundling.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Contributor {
  /** An npm package (`@aws-sdk/client-dynamodb`) or a repository folder (`shared/geo`). */
  readonly name: string;
  readonly bytes: number;
}

export interface BuiltBundle {
  readonly key: string;
  readonly entry: string;
  readonly outfile: string;
  readonly bytes: number;
  readonly packages: Contributor[];
  readonly files: Contributor[];
  /** Bytes of zod's locale files (only `en`, the default, is expected). */
  readonly zodLocaleBytes: number;
  readonly zodLocales: string[];
  /** Every @aws-sdk/* and @smithy/* package in the bundle. */
  readonly sdkPackages: string[];
  readonly sdkClients: string[];
  /**
   * Node built-ins the bundle imports (esbuild leaves them external: the
   * output's `imports` in the metafile, plus the banner's), `node:`-prefixed.
   * `dynamic`: only ever `import()`ed, so not loaded unless that code runs.
   */
  readonly builtins: { name: string; dynamic: boolean }[];
}

/** `node:x` for `x` or `node:x`. */
const builtinName = (path: string): string => (path.startsWith('node:') ? path : `node:${path}`);

/** Built-ins imported by the ESM banner of infra/bundling.ts (`createRequire` from `node:module`). */
const BANNER_BUILTINS = [...lambdaBundling.banner.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => builtinName(m[1]!));

function contributorOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match !== null) return match[1]!;
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : path;
}

/**
 * Builds `entry` (relative to the repository root) into `outDir/<key>/index.mjs`.
 * `external`: the packages the function has installed beside its bundle
 * (FunctionDef.nodeModules, as infra/bundle.ts leaves them out, e.g. sharp
 * with its native binary); here they resolve from the repository's own
 * node_modules through a link, so the bundle loads as on Lambda. Their bytes
 * are not in `bytes`.
 */
export async function buildBundle(key: string, entry: string, outDir: string, external: readonly string[] = []): Promise<BuiltBundle> {
  const outfile = join(outDir, key, lambdaBundling.outputFile);
  mkdirSync(dirname(outfile), { recursive: true });
  if (external.length > 0) symlinkSync(join(ROOT, 'node_modules'), join(outDir, key, 'node_modules'), 'dir');
  const result = await esbuild.build({ ...esbuildOptions(resolve(ROOT, entry), outfile, { metafile: true, external }), absWorkingDir: ROOT });
  const metafile = result.metafile!;
  writeFileSync(join(outDir, key, 'meta.json'), JSON.stringify(metafile));
  const output = metafile.outputs[relative(ROOT, outfile)] ?? Object.values(metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  const files: Contributor[] = [];
  let zodLocaleBytes = 0;
  const zodLocales: string[] = [];
  for (const [path, input] of Object.entries(output.inputs)) {
    const name = contributorOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    files.push({ name: path, bytes: input.bytesInOutput });
    const locale = /node_modules\/zod\/v4\/locales\/([^/]+)\.js$/.exec(path);
    if (locale !== null && locale[1] !== 'index' && input.bytesInOutput > 0) {
      zodLocaleBytes += input.bytesInOutput;
      zodLocales.push(locale[1]!);
    }
  }
  const builtins = new Map<string, boolean>(BANNER_BUILTINS.map((name) => [name, false]));
  for (const imported of output.imports) {
    if (!imported.external) continue;
    // The packages installed beside the bundle are external too, and no built-in.
    if (external.some((pkg) => imported.path === pkg || imported.path.startsWith(`${pkg}/`))) continue;
    const name = builtinName(imported.path);
    const dynamic = imported.kind === 'dynamic-import';
    builtins.set(name, (builtins.get(name) ?? true) && dynamic);
  }
  const packages = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  const sdkPackages = packages.filter((p) => /^@(aws-sdk|smithy)\//.test(p.name) && p.bytes > 0).map((p) => p.name).sort();
  return {
    key,
    entry,
    outfile,
    bytes: output.bytes,
    packages,
    files: files.sort((a, b) => b.bytes - a.bytes),
    zodLocaleBytes,
    zodLocales: zodLocales.sort(),
    sdkPackages,
    sdkClients: sdkPackages.filter((name) => /^@aws-sdk\/(client-|lib-storage|s3-)/.test(name)),
    builtins: [...builtins].map(([name, dynamic]) => ({ name, dynamic })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** An empty handler, bundled the same way: the baseline every import time is divided by. */
export const HELLO_WORLD_SOURCE = 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n';
