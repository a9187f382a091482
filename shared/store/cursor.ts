import '../schemas/zod-config.ts';
import * as z from 'zod/mini';
import { ValidationError } from '../errors.ts';

/**
 * Pagination cursors are DynamoDB keys, base64url-encoded so clients treat
 * them as opaque. A client can still edit one, and DynamoDB answers a start
 * key of the wrong type, an empty key value or a key outside the query's own
 * key condition with an error (a 500 here). So each query decodes its cursor
 * against a strict schema of exactly the keys it could have handed out
 * (same partition, same sort-key shape, within its range): anything else is a
 * 400 naming `cursor`. A valid-looking key that names no item is harmless; it
 * only says where to resume.
 */
export type Key = Record<string, string | number | boolean>;

export function encodeCursor(key: Key | undefined): string | null {
  if (key === undefined) return null;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const invalidCursor = (): ValidationError =>
  new ValidationError('cursor is invalid', [{ path: 'cursor', message: 'is not a cursor returned by this API for this query' }]);

export function decodeCursor<S extends z.core.$ZodType<Key>>(cursor: string | undefined, schema: S): z.infer<S> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const result = z.safeParse(schema, parsed);
  if (!result.success) throw invalidCursor();
  return result.data;
}
