import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { build } from './helpers.ts';

/** Secrets Manager secrets for proof of work (the stack also holds CloudFront's origin secret). */
const powSecrets = (template: ReturnType<typeof build>['stateless$']) =>
  Object.values(template.findResources('AWS::SecretsManager::Secret')).filter((secret) => /proof-of-work/.test(String(secret.Properties.Description)));

describe('proof of work switch', () => {
  it('is off by default: no proof-of-work secret and no POW settings', () => {
    // Act
    const { stateless$ } = build();

    // Assess
    expect(powSecrets(stateless$)).toHaveLength(0);
    expect(JSON.stringify(stateless$.findResources('AWS::Lambda::Function'))).not.toContain('POW_DIFFICULTY');
  });

  it('gives only the submit and follow-up functions (the public POSTs) the difficulty and a Secrets Manager key when switched on', () => {
    // Act
    const { stateless$ } = build({ powDifficulty: 16 });

    // Assess
    expect(powSecrets(stateless$)).toHaveLength(1);
    const withPow = Object.keys(stateless$.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: Match.objectLike({ POW_DIFFICULTY: '16', POW_SECRET: Match.anyValue() }) } },
    }));
    expect(withPow.map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['Followup', 'SubmitTip']);
  });

  it('refuses a difficulty out of range', () => {
    expect(() => build({ powDifficulty: 40 })).toThrow(/powDifficulty/);
  });
});
