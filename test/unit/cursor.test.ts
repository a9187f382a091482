import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors.ts';
import { decodeCursor, encodeCursor } from '#shared/store/cursor.ts';

const KEYS = ['tipId', 'queue', 'queueTime'];

describe('pagination cursors', () => {
  it('round-trips a DynamoDB key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (tipId, queue, queueTime) => {
        const key = { tipId, queue, queueTime };
        expect(decodeCursor(encodeCursor(key)!, KEYS)).toEqual(key);
      }),
    );
  });

  it('rejects any other string with a ValidationError, never another error', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (cursor) => {
        try {
          decodeCursor(cursor, KEYS);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
    );
  });

  it('rejects a cursor with other keys', () => {
    const cursor = encodeCursor({ tipId: 'a', other: 'b', queueTime: 'c' })!;
    expect(() => decodeCursor(cursor, KEYS)).toThrow(ValidationError);
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(undefined, KEYS)).toBeUndefined();
  });
});
