import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { build } from './helpers.ts';

/**
 * The submit and attachments functions refuse to start without ATTACHMENT_KEY_SECRET
 * (shared/attachment-keys.ts): the deployed stack must give it to both, and to no other.
 */
describe('attachment key secret', () => {
  it('gives the submit and attachments functions, and only them, the key from Secrets Manager', () => {
    // Act
    const { stateless$ } = build();

    // Assess
    const secrets = Object.entries(stateless$.findResources('AWS::SecretsManager::Secret')).filter(([, secret]) =>
      /attachment keys/.test(String(secret.Properties.Description)),
    );
    expect(secrets).toHaveLength(1);
    const withKey = Object.entries(
      stateless$.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: Match.objectLike({ ATTACHMENT_KEY_SECRET: Match.anyValue() }) } },
      }),
    );
    expect(withKey).toHaveLength(2);
    // A dynamic reference to the secret, never the value in the template.
    for (const [, fn] of withKey) expect(JSON.stringify(fn.Properties.Environment.Variables.ATTACHMENT_KEY_SECRET)).toContain('resolve:secretsmanager');
    const logicalIds = withKey.map(([id]) => id).join(' ');
    expect(logicalIds).toMatch(/SubmitTip/);
    expect(logicalIds).toMatch(/Attachments/);
  });
});
