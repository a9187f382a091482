/**
 * Builds one Lambda bundle: `node infra/bundle.ts <entry> <outDir> [--source-map]`.
 *
 * The CDK construct (infra/constructs/tipline-function.ts) runs this from its
 * local bundling step instead of NodejsFunction's esbuild CLI call, because
 * only the esbuild API runs plugins (the SDK schema-key rewrite of
 * infra/sdk-schema-keys.ts is one). The options are `esbuildOptions`, the
 * ones bench/bundles.ts measures, so CDK and the bench build the same bytes.
 */
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { esbuildOptions, lambdaBundling } from '#infra/bundling.ts';

/** Builds `entry` into `outDir/index.mjs` (plus its source map when asked). */
export async function bundleLambda(entry: string, outDir: string, options: { sourceMap?: boolean } = {}): Promise<void> {
  await esbuild.build(esbuildOptions(resolve(entry), join(outDir, lambdaBundling.outputFile), { sourceMap: options.sourceMap ?? false }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [entry, outDir] = process.argv.slice(2);
  if (entry === undefined || outDir === undefined) {
    console.error('usage: node infra/bundle.ts <entry> <outDir> [--source-map]');
    process.exit(2);
  }
  await bundleLambda(entry, outDir, { sourceMap: process.argv.includes('--source-map') });
}
