import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDurably } from './durable-file.ts';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';

/**
 * Local stand-in for the Cognito user pool: an ES256 key pair kept under
 * .local/, tokens with Cognito's claim shape, and the checks Cognito's
 * token verification makes (signature, issuer, expiry required, and the
 * token's use bound to the console's app client).
 */
export const LOCAL_ISSUER = 'https://cognito-idp.local/tipline-local';
/** The console's app client: an id token names it in `aud`, an access token in `client_id`. */
export const LOCAL_CLIENT_ID = 'tipline-local';
const ALG = 'ES256';

export interface KeyPair {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function loadOrCreateKeys(dir: string): Promise<KeyPair> {
  const file = join(dir, 'jwt-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyPair;
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const pair: KeyPair = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  mkdirSync(dir, { recursive: true });
  writeDurably(file, JSON.stringify(pair));
  return pair;
}

export interface MintOptions {
  readonly groups: readonly string[];
  readonly sub?: string;
  readonly username?: string;
  /** Lifetime in seconds; negative mints an already-expired token (for tests). */
  readonly expiresInSeconds?: number;
}

export async function mintToken(keys: KeyPair, options: MintOptions): Promise<string> {
  const key = await importJWK(keys.privateJwk, ALG);
  const now = Math.floor(Date.now() / 1000);
  const sub = options.sub ?? `local-${options.groups.join('-').toLowerCase() || 'user'}`;
  return new SignJWT({
    'cognito:groups': [...options.groups],
    'cognito:username': options.username ?? sub,
    token_use: 'id',
  })
    .setProtectedHeader({ alg: ALG, kid: 'local' })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_CLIENT_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 8 * 3600))
    .sign(key);
}

/**
 * Whether a verified token was issued to the console, as Cognito says it
 * should be checked: an id token carries the client in `aud`, an access token
 * in `client_id` (and has no `aud`). Refresh tokens and anything else are no
 * bearer tokens for this API.
 */
function issuedToConsole(payload: JWTPayload): boolean {
  if (payload.token_use === 'id') return payload.aud === LOCAL_CLIENT_ID;
  if (payload.token_use === 'access') return payload.client_id === LOCAL_CLIENT_ID && payload.aud === undefined;
  return false;
}

/** Returns the claims of a valid token, or null (the authorizer's 401). */
export async function verifyToken(keys: KeyPair, token: string): Promise<JWTPayload | null> {
  try {
    const key = await importJWK(keys.publicJwk, ALG);
    const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, algorithms: [ALG], requiredClaims: ['exp', 'sub'] });
    return issuedToConsole(payload) ? payload : null;
  } catch {
    return null;
  }
}
