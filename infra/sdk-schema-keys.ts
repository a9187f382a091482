/**
 * Makes the AWS SDK's schema modules tree-shakeable before a Lambda bundle is built.
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
 * The rewrite is applied in place in node_modules, the way patch-package
 * applies patches, because NodejsFunction runs the esbuild CLI, which takes no
 * plugins. It is idempotent and atomic (temporary file + rename), so parallel
 * builds may run it. The CDK construct and the bundle bench call it before
 * bundling; the handlers run unbundled by the local stack and tests import the
 * same objects either way.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

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

/** The schema modules of every installed `@aws-sdk/client-*` package under `root`. */
export function sdkSchemaModules(root: string): string[] {
  const scope = join(root, 'node_modules', '@aws-sdk');
  if (!existsSync(scope)) return [];
  const files: string[] = [];
  for (const pkg of readdirSync(scope)) {
    if (!pkg.startsWith('client-')) continue;
    const dir = join(scope, pkg, 'dist-es', 'schemas');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) if (/^schemas_\d+\.js$/.test(file)) files.push(join(dir, file));
  }
  return files.sort();
}

const done = new Set<string>();

/** Applies `literalSchemaKeys` to every SDK schema module under `root` (once per process). Returns the keys rewritten. */
export function ensureLiteralSchemaKeys(root: string): number {
  if (done.has(root)) return 0;
  let total = 0;
  for (const file of sdkSchemaModules(root)) {
    const { source, rewritten } = literalSchemaKeys(readFileSync(file, 'utf8'));
    if (rewritten === 0) continue;
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, source);
    renameSync(temp, file);
    total += rewritten;
  }
  done.add(root);
  return total;
}

// `node infra/sdk-schema-keys.ts` (npm's postinstall): node_modules is in the
// rewritten state from install on, so the local stack, the tests and every
// bundle run the same SDK code.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  const rewritten = ensureLiteralSchemaKeys(root);
  console.log(`sdk-schema-keys: ${rewritten} computed keys made literal in ${sdkSchemaModules(root).length} schema modules`);
}
