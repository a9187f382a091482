import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors.ts';
import { decodeCursor, encodeCursor } from '#shared/store/cursor.ts';

/** A start key as a query would describe it: exact keys, one fixed partition, a shaped sort key. */
const START_KEY = z.strictObject({
  tipId: z.string().check(z.regex(/^[0-9A-Z]{4}$/)),
  queue: z.literal('NL'),
  queueTime: z.string().check(z.regex(/^\d{2}#/)),
});

describe('pagination cursors', () => {
  it('round-trips every key the schema accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{4}$/), fc.stringMatching(/^\d{2}#.*$/), (tipId, queueTime) => {
        // Prepare
        const key = { tipId, queue: 'NL', queueTime };

        // Act + Assess
        expect(decodeCursor(encodeCursor(key)!, START_KEY)).toEqual(key);
      }),
    );
  });

  it('answers any other string with a ValidationError naming cursor, never another error', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (cursor) => {
        try {
          decodeCursor(cursor, START_KEY);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['cursor']);
        }
      }),
    );
  });

  it('refuses any edited key object unless it fits the schema exactly', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('tipId', 'queue', 'queueTime', 'other'), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean())),
        (edited) => {
          // Act
          const cursor = Buffer.from(JSON.stringify(edited), 'utf8').toString('base64url');
          let outcome: unknown;
          try {
            outcome = decodeCursor(cursor, START_KEY);
          } catch (error) {
            outcome = error;
          }

          // Assess
          if (START_KEY.safeParse(edited).success) expect(outcome).toEqual(edited);
          else expect(outcome).toBeInstanceOf(ValidationError);
        },
      ),
    );
  });

  it('refuses a cursor from another partition or with other keys', () => {
    expect(() => decodeCursor(encodeCursor({ tipId: 'AB12', queue: 'BE', queueTime: '01#x' })!, START_KEY)).toThrow(ValidationError);
    expect(() => decodeCursor(encodeCursor({ tipId: 'AB12', other: 'b', queueTime: '01#x' })!, START_KEY)).toThrow(ValidationError);
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(undefined, START_KEY)).toBeUndefined();
    expect(decodeCursor('', START_KEY)).toBeUndefined();
  });
});
