/**
 * The one definition of how a Lambda bundle is built.
 *
 * infra/constructs/tipline-function.ts hands these settings to NodejsFunction
 * (which runs the esbuild CLI), and bench/bundles.ts builds the very same
 * bundles with the esbuild API to measure their size and import time, so the
 * numbers in bench/results/bundles.json are the numbers Lambda loads.
 *
 * Plain data and a pure function only: no CDK or esbuild imports at runtime.
 */
import type { BuildOptions } from 'esbuild';

/**
 * esbuild emits ESM; a few CommonJS dependencies still call `require` for
 * Node built-ins, which an ES module does not have. The banner recreates it.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __tiplineCreateRequire } from 'node:module'; const require = __tiplineCreateRequire(import.meta.url);";

export const lambdaBundling = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  /** Prefer ES module builds, so the SDK and zod tree-shake. */
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  /**
   * Nothing is external: the AWS SDK v3 clients we use are bundled and
   * tree-shaken (one client per function, only the commands it sends), which
   * loads faster than resolving the runtime's full SDK from /var/runtime, and
   * cold start does not change when Lambda updates the runtime's SDK.
   */
  externalModules: [] as string[],
  /** NodejsFunction names the ESM output index.mjs. */
  outputFile: 'index.mjs',
} as const;

/** esbuild API options equivalent to the CLI arguments NodejsFunction derives from `lambdaBundling`. */
export function esbuildOptions(entry: string, outfile: string, options: { sourceMap?: boolean; metafile?: boolean } = {}): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: lambdaBundling.platform,
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    minify: lambdaBundling.minify,
    external: [...lambdaBundling.externalModules],
    sourcemap: options.sourceMap ?? false,
    metafile: options.metafile ?? false,
    logLevel: 'warning',
  };
}
