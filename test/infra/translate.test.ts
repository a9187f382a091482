import { describe, expect, it } from 'vitest';
import { build } from './helpers.ts';

/**
 * Amazon Translate (POST /investigator/tips/{tipId}/translate): only the investigator function may
 * call it, and only that function is told translation is on (TRANSLATE_ENABLED).
 */
describe('machine translation rights', () => {
  it('grants translate:TranslateText to the investigator role and to no other', () => {
    // Act
    const { stateless$ } = build();

    // Assess
    const policies = Object.values(stateless$.findResources('AWS::IAM::Policy'));
    const translating = policies
      .filter((policy) => JSON.stringify(policy.Properties.PolicyDocument.Statement).includes('translate:TranslateText'))
      .flatMap((policy) => (policy.Properties.Roles as { Ref: string }[]).map((role) => role.Ref.replace(/[0-9A-F]{8}$/, '')));
    expect(translating).toEqual(['InvestigatorRole']);
    const enabled = Object.entries(stateless$.findResources('AWS::Lambda::Function'))
      .filter(([, fn]) => fn.Properties.Environment?.Variables?.TRANSLATE_ENABLED === 'true')
      .map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
    expect(enabled).toEqual(['Investigator']);
  });
});
