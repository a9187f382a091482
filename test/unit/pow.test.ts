import { describe, expect, it } from 'vitest';
import { issueChallenge, leadingZeroBits, powHeaderValue, solve, verifyPow } from '#shared/pow.ts';

const SECRET = 'unit-test-secret';

describe('proof of work (shared/pow.ts)', () => {
  it('counts leading zero bits', () => {
    // Assess
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0x0f]))).toBe(4);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('accepts a solved challenge and refuses tampering, expiry, weak nonces and lower-difficulty challenges', async () => {
    // Prepare
    const now = Date.parse('2026-11-23T10:00:00Z');
    const { challenge, difficulty, expiresAt } = await issueChallenge(SECRET, 10, now);
    const nonce = await solve(challenge, difficulty);
    const header = powHeaderValue(challenge, nonce);
    let weak = 0;
    while ((await verifyPow(powHeaderValue(challenge, weak.toString(36)), SECRET, 10, now)).ok) weak += 1;
    const easy = await issueChallenge(SECRET, 2, now);

    // Act
    const verdicts = {
      good: await verifyPow(header, SECRET, 10, now),
      otherSecret: await verifyPow(header, 'another-secret', 10, now),
      tampered: await verifyPow(header.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), SECRET, 10, now),
      expired: await verifyPow(header, SECRET, 10, (expiresAt + 1) * 1000),
      weak: await verifyPow(powHeaderValue(challenge, weak.toString(36)), SECRET, 10, now),
      lowerDifficulty: await verifyPow(powHeaderValue(easy.challenge, await solve(easy.challenge, 2)), SECRET, 10, now),
      missing: await verifyPow(undefined, SECRET, 10, now),
      garbage: await verifyPow('a:b:c', SECRET, 10, now),
    };

    // Assess
    expect(verdicts.good.ok).toBe(true);
    expect(expiresAt * 1000).toBeGreaterThan(now);
    expect(Object.entries(verdicts).filter(([, verdict]) => verdict.ok).map(([name]) => name)).toEqual(['good']);
  });
});
