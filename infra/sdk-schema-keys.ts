/**
 * Makes the AWS SDK's schema modules tree-shakeable while a Lambda bundle is built.
 *
 * Each `@aws-sdk/client-*` package describes all of its operations in one
 * module, `dist-es/schemas/schemas_0.js`: `export var GetObject$ = [9, n0,
 * _GO, { [_h]: ["GET", "/{Key+}", 200] }, …]`, with the strings in
 * module-level constants (`const _h = "http";`). esbuild drops an unused
 * `export var` whose initialiser has no side effects, but it counts a
 * computed property key as one (a key expression may call `toString`), so
 * every operation's schema stays in every bundle that sends any operation:
 * ~60 KB of the S3 client's ~100 KB for a function that only signs an upload.
 *
 * Rewriting `{ [_h]: … }` to `{ "http": … }` when `_h` is a module-level
 * `const` bound to a string literal builds the same object (property order,
 * values and enumerability are unchanged; `__proto__` is never rewritten,
 * because a literal `__proto__` key sets the prototype instead), and lets
 * esbuild drop the schemas nothing references.
 *
 * The rewrite is an esbuild `onLoad` plugin: it changes the text esbuild
 * reads, never a file in node_modules, so `npm ci` leaves the tree exactly as
 * the registry shipped it and an SDK release that changes the module shape
 * only loses the size gain (nothing rewritten) instead of corrupting an
 * install. infra/bundling.ts puts it in the one set of build options that
 * CDK (infra/bundle.ts) and the bench use; the local stack and the tests run
 * the SDK unmodified.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

const CONST_STRING = /^const (_[A-Za-z0-9_]*|n\d+) = ("(?:[^"\\\n]|\\.)*");$/gm;
const COMPUTED_KEY = /\[(_[A-Za-z0-9_]*|n\d+)\]:/g;

/** The module source with every computed key that names a module-level string constant written as a literal key. */
export function literalSchemaKeys(source: string): { source: string; rewritten: number } {
  const constants = new Map<string, string>();
  for (const match of source.matchAll(CONST_STRING)) constants.set(match[1]!, match[2]!);
  let rewritten = 0;
  const out = source.replace(COMPUTED_KEY, (whole, name: string) => {
    const literal = constants.get(name);
    if (literal === undefined || JSON.parse(literal) === '__proto__') return whole;
    rewritten++;
    return `${literal}:`;
  });
  return { source: out, rewritten };
}

/** Schema modules of the `@aws-sdk/client-*` packages, wherever they are resolved from. */
export const SDK_SCHEMA_MODULE = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/**
 * The esbuild plugin: loads each SDK schema module through `literalSchemaKeys`.
 * The module's text changes in memory only; the file in node_modules is never written.
 */
export function sdkSchemaKeysPlugin(): Plugin {
  return {
    name: 'tipline-sdk-schema-keys',
    setup(build) {
      build.onLoad({ filter: SDK_SCHEMA_MODULE }, async (args) => ({ contents: literalSchemaKeys(await readFile(args.path, 'utf8')).source, loader: 'js' }));
    },
  };
}
