import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, loadOrCreateKeys, mintToken, verifyToken, type KeyPair } from '#local/jwt.ts';

let dir: string;
let keys: KeyPair;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tipline-jwt-'));
  keys = await loadOrCreateKeys(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A token signed with the stack's own key, with exactly the claims given (no defaults). */
async function signed(claims: JWTPayload): Promise<string> {
  const key = await importJWK(keys.privateJwk, 'ES256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'local' }).sign(key);
}

const now = (): number => Math.floor(Date.now() / 1000);
const base = (): JWTPayload => ({ sub: 'u1', iss: LOCAL_ISSUER, iat: now(), exp: now() + 600, 'cognito:groups': ['coordinator'] });

describe('local token check (as the Cognito authorizer checks)', () => {
  it('accepts the tokens it mints, and Cognito-shaped id and access tokens for the console client', async () => {
    // Prepare
    const minted = await mintToken(keys, { groups: ['NL'] });
    const idToken = await signed({ ...base(), token_use: 'id', aud: LOCAL_CLIENT_ID });
    const accessToken = await signed({ ...base(), token_use: 'access', client_id: LOCAL_CLIENT_ID });

    // Act
    const results = await Promise.all([minted, idToken, accessToken].map((token) => verifyToken(keys, token)));

    // Assess
    expect(results.map((claims) => claims?.sub)).toEqual(['local-nl', 'u1', 'u1']);
  });

  it.each([
    ['an id token for another client', { token_use: 'id', aud: 'some-other-client' }],
    ['an id token without an audience', { token_use: 'id' }],
    ['an access token for another client', { token_use: 'access', client_id: 'some-other-client' }],
    ['an access token carrying only aud', { token_use: 'access', aud: LOCAL_CLIENT_ID }],
    ['a token without token_use', { aud: LOCAL_CLIENT_ID }],
    ['a refresh-like token_use', { token_use: 'refresh', aud: LOCAL_CLIENT_ID, client_id: LOCAL_CLIENT_ID }],
  ])('refuses %s', async (_name, claims) => {
    // Prepare
    const token = await signed({ ...base(), ...claims });

    // Act
    const result = await verifyToken(keys, token);

    // Assess
    expect(result).toBeNull();
  });

  it('refuses a token without exp', async () => {
    // Prepare
    const { exp: _exp, ...claims } = base();
    const token = await signed({ ...claims, token_use: 'id', aud: LOCAL_CLIENT_ID });

    // Act + Assess
    expect(await verifyToken(keys, token)).toBeNull();
  });
});
