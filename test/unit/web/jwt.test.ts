import { describe, expect, it } from 'vitest';
import { mintToken, loadOrCreateKeys } from '#local/jwt.ts';
import { decodeJwtPayload, groupsOf, isExpired, tokenInfo } from '../../../web/src/lib/jwt.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base64url = (value: string): string => Buffer.from(value, 'utf8').toString('base64url');
const fake = (payload: unknown): string => `${base64url('{"alg":"none"}')}.${base64url(JSON.stringify(payload))}.sig`;

describe('decodeJwtPayload', () => {
  it('reads a locally minted token: groups, username and expiry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tipline-web-jwt-'));
    try {
      const token = await mintToken(await loadOrCreateKeys(dir), { groups: ['NL', 'coordinator'], username: 'anna', expiresInSeconds: 600 });
      const info = tokenInfo(token);
      expect(info).toMatchObject({ username: 'anna', groups: ['NL', 'coordinator'], countries: ['NL'], coordinator: true });
      expect(info!.expiresAt! * 1000).toBeGreaterThan(Date.now());
      expect(isExpired(info!, Date.now())).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decodes base64url with non-ASCII characters and no padding', () => {
    expect(decodeJwtPayload(fake({ sub: 'zoë', 'cognito:groups': ['PL'], exp: 1 }))).toEqual({ sub: 'zoë', 'cognito:groups': ['PL'], exp: 1 });
    expect(tokenInfo(fake({ sub: 'zoë', exp: 1 }))).toMatchObject({ username: 'zoë', groups: [], expiresAt: 1 });
    expect(isExpired(tokenInfo(fake({ sub: 'x', exp: 1 }))!, Date.now())).toBe(true);
  });

  it('returns null for things that are not JWTs', () => {
    expect(decodeJwtPayload('')).toBeNull();
    expect(decodeJwtPayload('abc')).toBeNull();
    expect(decodeJwtPayload('a..c')).toBeNull();
    expect(decodeJwtPayload('a.!!!.c')).toBeNull();
    expect(decodeJwtPayload(`a.${base64url('[1,2]')}.c`)).toBeNull();
    expect(decodeJwtPayload(`a.${base64url('not json')}.c`)).toBeNull();
    expect(tokenInfo('nonsense')).toBeNull();
  });

  it('accepts groups as the string form some proxies pass', () => {
    expect(groupsOf({ 'cognito:groups': '[NL BE]' })).toEqual(['NL', 'BE']);
    expect(groupsOf({ 'cognito:groups': 'NL,BE' })).toEqual(['NL', 'BE']);
    expect(groupsOf({})).toEqual([]);
  });
});
