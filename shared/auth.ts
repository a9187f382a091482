import { ForbiddenError, UnauthorizedError } from './errors.ts';

export interface Principal {
  readonly sub: string;
  readonly username: string;
  /** Country codes this investigator works on. */
  readonly countries: ReadonlySet<string>;
  readonly coordinator: boolean;
}

const COUNTRY_GROUP = /^[A-Z]{2}$/;

/**
 * Cognito puts groups in `cognito:groups`: an array in a JWT, but the REST
 * API authorizer hands claims to Lambda as strings ("NL,BE" or "[NL BE]").
 */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((group) => group !== '');
}

export function principalFromClaims(claims: Record<string, unknown> | null | undefined): Principal {
  if (claims === null || claims === undefined || typeof claims.sub !== 'string' || claims.sub === '') {
    throw new UnauthorizedError();
  }
  const groups = parseGroups(claims['cognito:groups']);
  const username = typeof claims['cognito:username'] === 'string' ? claims['cognito:username'] : claims.sub;
  return {
    sub: claims.sub,
    username,
    countries: new Set(groups.filter((group) => COUNTRY_GROUP.test(group))),
    coordinator: groups.includes('coordinator'),
  };
}

/** Coordinators see every queue, `unrouted` included; others only their countries. */
export function canAccessQueue(principal: Principal, queue: string): boolean {
  return principal.coordinator || principal.countries.has(queue);
}

export function assertQueueAccess(principal: Principal, queue: string): void {
  if (!canAccessQueue(principal, queue)) {
    throw new ForbiddenError(`Your groups do not include ${queue}`);
  }
}
