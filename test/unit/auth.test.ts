import { describe, expect, it } from 'vitest';
import { canAccessQueue, parseGroups, principalFromClaims } from '#shared/auth.ts';
import { UnauthorizedError } from '#shared/errors.ts';

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
