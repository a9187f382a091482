/**
 * The one definition of how a Lambda bundle is built.
 *
 * infra/constructs/tipline-function.ts bundles each function with
 * `esbuildOptions` (through infra/bundle.ts, the esbuild API, so plugins run),
 * and bench/bundles.ts builds the very same bundles to measure their size and
 * import time, so the numbers in bench/results/bundles.json are the numbers
 * Lambda loads.
 *
 * Plain data and pure functions only: no CDK or esbuild imports at runtime.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { sdkSchemaKeysPlugin } from '#infra/sdk-schema-keys.ts';

/** The repository root: esbuild runs there (CDK's projectRoot), and alias targets are relative to it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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
  /**
   * Packages swapped for a module of ours (esbuild `alias`; targets relative
   * to the repository root, where CDK runs esbuild).
   *
   * The SDK clients' runtimeConfig imports the default credential chain from
   * `@aws-sdk/credential-provider-node`: SSO, ini files, credential_process,
   * web identity, ECS/IMDS and the STS/SSO clients of
   * `@aws-sdk/nested-clients`, ~90 KB per bundle. Lambda hands the execution
   * role's credentials to the function in AWS_ACCESS_KEY_ID /
   * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, the chain's first link, so the
   * bundles get that link alone (`fromEnv`).
   */
  alias: {
    '@aws-sdk/credential-provider-node': './infra/shims/credential-provider-env-only.ts',
    /**
     * `@aws-sdk/s3-presigned-post` pins its own, older `@aws-sdk/client-s3`
     * (node_modules/@aws-sdk/s3-presigned-post/node_modules/), which would put
     * a second copy of the S3 schemas (~75 KB) in the investigator bundle for
     * the one thing it takes from it, `PutObjectCommand`'s endpoint
     * parameters (identical in both versions). Resolved from the repository
     * root, every import gets the top-level copy.
     */
    '@aws-sdk/client-s3': '@aws-sdk/client-s3',
    /** `@aws-sdk/endpoint-cache`'s LRU cache, ~7 KB with its helpers; a `Map` does the same. */
    'mnemonist/lru-cache': './infra/shims/lru-cache.ts',
    /**
     * The event-stream codec and marshallers (~15 KB), which HttpProtocol
     * imports dynamically and the S3 client configures, for operations no
     * function sends; the shim keeps the S3 client's configuration and fails
     * an event-stream operation loudly.
     */
    '@smithy/core/event-streams': './infra/shims/no-event-streams.ts',
  } as Record<string, string>,
  /** The ESM output's name (the Lambda handler is `index.handler`). */
  outputFile: 'index.mjs',
} as const;

/** The esbuild build options of one Lambda bundle: `lambdaBundling` plus the bundle-time rewrite of infra/sdk-schema-keys.ts. */
export function esbuildOptions(
  entry: string,
  outfile: string,
  options: { sourceMap?: boolean; metafile?: boolean; /** Packages installed beside the bundle (FunctionDef.nodeModules). */ external?: readonly string[] } = {},
): BuildOptions {
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
    external: [...lambdaBundling.externalModules, ...(options.external ?? [])],
    alias: { ...lambdaBundling.alias },
    plugins: [sdkSchemaKeysPlugin()],
    // Where CDK runs esbuild (projectRoot); alias targets resolve from here.
    absWorkingDir: REPO_ROOT,
    sourcemap: options.sourceMap ?? false,
    metafile: options.metafile ?? false,
    logLevel: 'warning',
  };
}
