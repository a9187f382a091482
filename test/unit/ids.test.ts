import { decodeTime } from 'ulid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoSecond, newTipId } from '#shared/ids.ts';
import { TipId } from '#shared/schemas/common.ts';

/** The time a ULID would carry, or null when the id does not decode as one. */
function ulidTime(id: string): number | null {
  try {
    return decodeTime(id);
  } catch {
    return null;
  }
}

const sharedPrefix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n += 1;
  return n;
};

describe('tip ids carry no submission time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('mints ids 1 ms apart that share no time prefix and decode to no time near the minting', () => {
    // Prepare
    vi.useFakeTimers();
    const t0 = Date.parse('2026-06-01T12:00:00.123Z');
    const pairs: [string, string][] = [];

    // Act
    for (let n = 0; n < 200; n += 1) {
      vi.setSystemTime(t0 + 2 * n);
      const first = newTipId();
      vi.setSystemTime(t0 + 2 * n + 1);
      pairs.push([first, newTipId()]);
    }

    // Assess
    // A ULID's first 10 characters are its millisecond time: ids 1 ms apart share 8 or 9 of them.
    // Random ids share 2 leading characters once in 1,024 pairs.
    const sharingTwo = pairs.filter(([a, b]) => sharedPrefix(a, b) >= 2).length;
    expect(sharingTwo).toBeLessThan(5);
    // A random id decodes to a time within a day of the minting once in ~7 million ids.
    const day = 86_400_000;
    const nearMinting = pairs.flat().filter((id) => {
      const time = ulidTime(id);
      return time !== null && Math.abs(time - t0) < day;
    });
    expect(nearMinting).toEqual([]);
  });

  it('mints ids the TipId schema accepts, all distinct', () => {
    // Act
    const ids = Array.from({ length: 5000 }, () => newTipId());

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => TipId.safeParse(id).success)).toBe(true);
  });

  it('rounds times down to the second', () => {
    expect(isoSecond(Date.parse('2026-06-01T12:00:00.999Z'))).toBe('2026-06-01T12:00:00Z');
  });
});
