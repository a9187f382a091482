/**
 * Reads a JWT's payload for display (groups, name, expiry). No signature
 * check: the API verifies every request; the console only shows what the
 * token claims.
 */
export interface TokenInfo {
  readonly username: string;
  readonly groups: string[];
  /** Epoch seconds, or null when the token has no `exp`. */
  readonly expiresAt: number | null;
  readonly countries: string[];
  readonly coordinator: boolean;
}

export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[1] === undefined || parts[1] === '') return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Cognito's `cognito:groups`: an array in a JWT (a string in some proxies). */
export function groupsOf(payload: Record<string, unknown>): string[] {
  const value = payload['cognito:groups'];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter((group) => group !== '');
  return [];
}

export function tokenInfo(token: string): TokenInfo | null {
  const payload = decodeJwtPayload(token);
  if (payload === null) return null;
  const groups = groupsOf(payload);
  const username =
    typeof payload['cognito:username'] === 'string' ? payload['cognito:username'] : typeof payload.sub === 'string' ? payload.sub : 'unknown';
  return {
    username,
    groups,
    expiresAt: typeof payload.exp === 'number' ? payload.exp : null,
    countries: groups.filter((group) => /^[A-Z]{2}$/.test(group)),
    coordinator: groups.includes('coordinator'),
  };
}

export function isExpired(info: TokenInfo, nowMs: number): boolean {
  return info.expiresAt !== null && info.expiresAt * 1000 <= nowMs;
}
