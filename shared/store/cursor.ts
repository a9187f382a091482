import { ValidationError } from '../errors.ts';

/**
 * Pagination cursors are DynamoDB keys, base64url-encoded so clients treat
 * them as opaque. Decoding checks the shape so a forged cursor is a 400,
 * never a 500 from DynamoDB.
 */
export type Key = Record<string, string | number>;

export function encodeCursor(key: Key | undefined): string | null {
  if (key === undefined) return null;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, expectedKeys: readonly string[]): Key | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const invalid = new ValidationError('cursor is invalid', [{ path: 'cursor', message: 'is not a cursor returned by this API' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid;
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join(',') !== [...expectedKeys].sort().join(',')) throw invalid;
  for (const value of Object.values(record)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw invalid;
  }
  return record as Key;
}
