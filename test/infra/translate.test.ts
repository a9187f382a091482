import { describe, expect, it } from 'vitest';
import { build, type Built } from './helpers.ts';

/**
 * Amazon Translate (POST /investigator/tips/{tipId}/translate) sends tip text to an AWS AI service
 * that may keep it: off unless the operator deploys with `-c translate=true`, and then only the
 * investigator function may call it and is told translation is on (TRANSLATE_ENABLED).
 */
const strip = (id: string): string => id.replace(/[0-9A-F]{8}$/, '');

function translating(built: Built): { granted: string[]; enabled: string[] } {
  const policies = Object.values(built.stateless$.findResources('AWS::IAM::Policy'));
  const granted = policies
    .filter((policy) => JSON.stringify(policy.Properties.PolicyDocument.Statement).includes('translate:TranslateText'))
    .flatMap((policy) => (policy.Properties.Roles as { Ref: string }[]).map((role) => strip(role.Ref)));
  const enabled = Object.entries(built.stateless$.findResources('AWS::Lambda::Function'))
    .filter(([, fn]) => fn.Properties.Environment?.Variables?.TRANSLATE_ENABLED === 'true')
    .map(([id]) => strip(id));
  return { granted, enabled };
}

describe('machine translation rights', () => {
  it('grants nothing and enables nothing without -c translate=true', () => {
    // Act
    const result = translating(build());

    // Assess
    expect(result).toEqual({ granted: [], enabled: [] });
  });

  it('with -c translate=true, grants translate:TranslateText to the investigator role and to no other', () => {
    // Act
    const result = translating(build({ translate: 'true' }));

    // Assess
    expect(result).toEqual({ granted: ['InvestigatorRole'], enabled: ['Investigator'] });
  });

  it('with -c translate=true, the investigator role may call translate:TranslateText and no Comprehend action', () => {
    // Prepare
    const built = build({ translate: 'true' });

    // Act
    const actions = Object.values(built.stateless$.findResources('AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => strip(role.Ref) === 'InvestigatorRole'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
      .flatMap((statement) => [statement.Action].flat());

    // Assess
    expect(actions).toContain('translate:TranslateText');
    expect(actions.filter((action) => action.startsWith('comprehend:') || action === '*')).toEqual([]);
  });
});
