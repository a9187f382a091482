import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import type { FunctionKey } from '#shared/resources.ts';
import { functions } from '#shared/resources.ts';

export type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Loads the very modules CDK bundles (the `entry` in shared/resources.ts).
 * Imported lazily, after the environment is set, because handlers read their
 * configuration once at init exactly as they do in Lambda.
 */
export async function loadHandler(key: FunctionKey): Promise<AnyHandler> {
  const module = (await import(pathToFileURL(resolve(ROOT, functions[key].entry)).href)) as { handler: AnyHandler };
  return module.handler;
}
