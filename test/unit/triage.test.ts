import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '#shared/auth.ts';
import { TooManyRequestsError } from '#shared/errors.ts';
import { assertClaimAllowed, claimEntry, planPatch, releaseEntry, type AuditEntry } from '#shared/tips/triage.ts';

const NOW = new Date('2026-06-01T12:00:30.750Z');
const minutesAgo = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);
const claimBy = (who: string, at: Date): AuditEntry => claimEntry(who, at, Math.floor(at.getTime() / 1000) + 1800);

describe('claim rate limit', () => {
  it('refuses the sixth claim of one tip by one investigator within ten minutes with a 429 naming the limit', () => {
    // Prepare
    const history = [1, 2, 3, 4, 5].map((minutes) => claimBy('ana', minutesAgo(minutes)));

    // Act + Assess
    expect(() => assertClaimAllowed(history, 'ana', NOW, 5, 10)).toThrow(TooManyRequestsError);
    expect(() => assertClaimAllowed(history, 'ana', NOW, 5, 10)).toThrow(/5 times in 10 minutes/);
    // The fifth-newest claim (5 minutes ago) leaves the window in 5 minutes.
    expect(() => assertClaimAllowed(history, 'ana', NOW, 5, 10)).toThrow(expect.objectContaining({ details: { retryAfterSeconds: 300 } }));
  });

  it('counts neither older claims, nor releases, nor other investigators', () => {
    // Prepare
    const history = [
      ...[11, 12, 13].map((minutes) => claimBy('ana', minutesAgo(minutes))),
      ...[1, 2, 3].map((minutes) => releaseEntry('ana', 'ana', minutesAgo(minutes))),
      ...[1, 2, 3, 4, 5].map((minutes) => claimBy('bo', minutesAgo(minutes))),
      claimBy('ana', minutesAgo(1)),
    ];

    // Act + Assess
    expect(() => assertClaimAllowed(history, 'ana', NOW, 5, 10)).not.toThrow();
  });
});

describe('audit entries', () => {
  it('record times to the second', () => {
    // Act
    const claim = claimEntry('ana', NOW, Math.floor(NOW.getTime() / 1000) + 1800);
    const plan = planPatch({ status: 'new', assignee: null, queue: 'NL', claimedBy: null, claimExpiresAt: null, candidates: [] }, { status: 'in_review', note: 'x' }, principalFromClaims({ sub: 's', 'cognito:username': 'ana', 'cognito:groups': 'NL' }), NOW);

    // Assess
    expect(claim).toEqual({ at: '2026-06-01T12:00:30Z', by: 'ana', changes: [{ field: 'claim', from: null, to: 'ana until 2026-06-01T12:30:30Z' }] });
    expect(plan.audit.at).toBe('2026-06-01T12:00:30Z');
    expect(plan.note?.at).toBe('2026-06-01T12:00:30Z');
  });
});

describe('re-route confidence', () => {
  const coordinator = principalFromClaims({ sub: 's', 'cognito:username': 'cora', 'cognito:groups': 'coordinator' });
  const state = {
    status: 'new' as const,
    assignee: null,
    queue: 'BR',
    claimedBy: null,
    claimExpiresAt: null,
    candidates: [
      { country: 'BR', score: 0.89 },
      { country: 'PT', score: 0.07 },
    ],
  };

  it("takes the new country's candidate score, not the old country's", () => {
    // Act
    const plan = planPatch(state, { country: 'PT' }, coordinator, NOW);

    // Assess
    expect(plan.routedConfidence).toEqual({ confidence: 0.07, reason: 'candidate' });
  });

  it('is null with reason "manual" when the new country was no candidate', () => {
    // Act
    const plan = planPatch(state, { country: 'ES' }, coordinator, NOW);

    // Assess
    expect(plan.routedConfidence).toEqual({ confidence: null, reason: 'manual' });
  });
});
