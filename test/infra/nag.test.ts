import { describe, expect, it } from 'vitest';
import { REASONS, TiplineNagChecks } from '#infra/nag-suppressions.ts';
import { build, PROD } from './helpers.ts';

/**
 * cdk-nag 3 is a policy-validation plugin; infra/app.ts registers it on the
 * app. Here the pack runs directly on a synthesised tree (no plugin, so
 * Template.fromStack in the other files is unaffected).
 */
describe('cdk-nag AwsSolutions', () => {
  it.each([
    { name: 'dev', context: {} },
    { name: 'prod', context: PROD },
  ])('$name: no unacknowledged findings', ({ context }) => {
    // Prepare
    const { app } = build(context);
    app.synth();
    // Act
    const report = new TiplineNagChecks().validateScope(app);
    // Assess
    expect(report.violations.map((violation) => `${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('every acknowledgement carries a written reason', () => {
    // Prepare
    const reasons = Object.values(REASONS);
    // Act
    const short = reasons.filter((entry) => entry.reason.trim().length < 40);
    // Assess
    expect(short).toEqual([]);
  });
});
