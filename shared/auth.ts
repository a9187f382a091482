import { ForbiddenError, UnauthorizedError } from './errors.ts';

export interface Principal {
  readonly sub: string;
  readonly username: string;
  /** Country codes this investigator works on. */
  readonly countries: ReadonlySet<string>;
  readonly coordinator: boolean;
}

/** A group grants a country only when its whole name is one ISO 3166-1 alpha-2 code. */
const COUNTRY_GROUP = /^[A-Z]{2}$/;
const COORDINATOR_GROUP = 'coordinator';

/**
 * Cognito puts groups in `cognito:groups`: an array in a JWT, where each
 * element is one group. An authorizer may hand them to Lambda as one string:
 * comma-joined ("NL,BE", how the REST API's Cognito authorizer and the local
 * adapter pass arrays) or bracketed with spaces ("[NL BE]", the HTTP API's
 * form; Cognito group names cannot contain whitespace). A string is never
 * split on spaces outside brackets, so one group named "NL PT" stays one
 * group, and grants nothing.
 */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const bracketed = /^\[(.*)\]$/s.exec(value.trim());
  const parts = bracketed === null ? value.split(',') : (bracketed[1] ?? '').split(/[\s,]+/);
  return parts.map((group) => group.trim()).filter((group) => group !== '');
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
    coordinator: groups.includes(COORDINATOR_GROUP),
  };
}

/**
 * Every investigator route needs a country group or `coordinator`: a signed-in
 * user in no (or only unknown) groups is authenticated but may see nothing,
 * not even the object list or the per-country tallies.
 */
export function assertInvestigator(principal: Principal): void {
  if (!principal.coordinator && principal.countries.size === 0) {
    throw new ForbiddenError('Your account is in no country group; ask a coordinator to add you to one');
  }
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

/**
 * What only a coordinator may do (a new object, an original photo, a
 * re-route, a cross-country export); `what` ends "Only a coordinator can …".
 */
export function assertCoordinator(principal: Principal, what = 'do this'): void {
  if (!principal.coordinator) throw new ForbiddenError(`Only a coordinator can ${what}`);
}

/**
 * A tip is seen through the queue it is in: its own routing queue, or for a
 * duplicate its cluster head's (shared/store/tip-access.ts finds it). A tip
 * in no queue yet (not routed) is for coordinators.
 */
export function canAccessTip(principal: Principal, queue: string | undefined): boolean {
  return queue === undefined ? principal.coordinator : canAccessQueue(principal, queue);
}

export function assertTipAccess(principal: Principal, queue: string | undefined): void {
  if (!canAccessTip(principal, queue)) throw new ForbiddenError('This tip is routed to a country outside your groups');
}

/** An export of one country's queue needs that country; an export across every country (an object's) a coordinator. */
export function assertExportAccess(principal: Principal, country: string | undefined): void {
  if (country !== undefined) assertQueueAccess(principal, country);
  else assertCoordinator(principal);
}
