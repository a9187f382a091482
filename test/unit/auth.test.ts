import { describe, expect, it } from 'vitest';
import { assertCoordinator, assertExportAccess, assertTipAccess, canAccessQueue, canAccessTip, parseGroups, principalFromClaims } from '#shared/auth.ts';
import { ForbiddenError, UnauthorizedError } from '#shared/errors.ts';

describe('parseGroups', () => {
  it.each([
    [['NL', 'BE'], ['NL', 'BE']],
    ['NL,BE', ['NL', 'BE']],
    ['[NL BE]', ['NL', 'BE']],
    ['', []],
    [undefined, []],
  ])('reads %j as %j', (input, expected) => {
    expect(parseGroups(input)).toEqual(expected);
  });
});

describe('principalFromClaims', () => {
  it('rejects claims without a subject', () => {
    expect(() => principalFromClaims({ 'cognito:groups': 'NL' })).toThrow(UnauthorizedError);
  });

  it('lets a country group read only its own queue', () => {
    // Prepare
    const principal = principalFromClaims({ sub: 'u1', 'cognito:groups': 'NL' });

    // Act + Assess
    expect(canAccessQueue(principal, 'NL')).toBe(true);
    expect(canAccessQueue(principal, 'BE')).toBe(false);
    expect(canAccessQueue(principal, 'unrouted')).toBe(false);
  });

  it('lets a coordinator read every queue including unrouted', () => {
    const principal = principalFromClaims({ sub: 'u2', 'cognito:groups': 'coordinator' });
    expect(canAccessQueue(principal, 'NL')).toBe(true);
    expect(canAccessQueue(principal, 'unrouted')).toBe(true);
  });

  it.each([['NL PT'], [['NL PT']], [['NL,PT']], ['NL PT,coordinator x']])('grants no country to a single group %j that names two', (groups) => {
    // Act
    const principal = principalFromClaims({ sub: 'u4', 'cognito:groups': groups });

    // Assess
    expect([...principal.countries]).toEqual([]);
    expect(principal.coordinator).toBe(false);
  });

  it('still reads several groups from the authorizer string forms', () => {
    expect([...principalFromClaims({ sub: 'u5', 'cognito:groups': 'NL,PT' }).countries]).toEqual(['NL', 'PT']);
    expect([...principalFromClaims({ sub: 'u5', 'cognito:groups': '[NL PT]' }).countries]).toEqual(['NL', 'PT']);
    expect([...principalFromClaims({ sub: 'u5', 'cognito:groups': ['NL', 'PT'] }).countries]).toEqual(['NL', 'PT']);
  });

  it('does not treat a lower-case or long group name as a country', () => {
    const principal = principalFromClaims({ sub: 'u3', 'cognito:groups': 'nl,NLD' });
    expect(principal.countries.size).toBe(0);
  });
});

describe('tip, coordinator and export rules', () => {
  const country = principalFromClaims({ sub: 'u6', 'cognito:groups': 'NL' });
  const coordinator = principalFromClaims({ sub: 'u7', 'cognito:groups': 'coordinator' });

  it('shows a routed tip through its queue and a tip not routed yet only to coordinators', () => {
    // Act + Assess
    expect([canAccessTip(country, 'NL'), canAccessTip(country, 'BE'), canAccessTip(country, undefined)]).toEqual([true, false, false]);
    expect([canAccessTip(coordinator, 'BE'), canAccessTip(coordinator, undefined)]).toEqual([true, true]);
    expect(() => assertTipAccess(country, undefined)).toThrow(new ForbiddenError('This tip is routed to a country outside your groups'));
  });

  it('names what only a coordinator can do', () => {
    // Act + Assess
    expect(() => assertCoordinator(country, 're-route a tip')).toThrow(new ForbiddenError('Only a coordinator can re-route a tip'));
    expect(() => assertCoordinator(country)).toThrow(new ForbiddenError('Only a coordinator can do this'));
    expect(() => assertCoordinator(coordinator)).not.toThrow();
  });

  it("lets a country export its own queue, and only a coordinator export across countries", () => {
    // Act + Assess
    expect(() => assertExportAccess(country, 'NL')).not.toThrow();
    expect(() => assertExportAccess(country, 'BE')).toThrow(ForbiddenError);
    expect(() => assertExportAccess(country, undefined)).toThrow(ForbiddenError);
    expect(() => assertExportAccess(coordinator, undefined)).not.toThrow();
  });
});
