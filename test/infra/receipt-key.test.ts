import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { build } from './helpers.ts';

/**
 * Receipts are stored only as an HMAC under RECEIPT_KEY_SECRET (shared/receipts.ts):
 * the functions that hash a receipt (submit, follow-up, investigator's lookup) get
 * the key from Secrets Manager, by dynamic reference, and no other function has it.
 */
describe('receipt key secret', () => {
  it('gives exactly the functions that hash receipts the key, by dynamic reference', () => {
    // Act
    const { stateless$ } = build();

    // Assess
    const secrets = Object.entries(stateless$.findResources('AWS::SecretsManager::Secret')).filter(([, secret]) =>
      /receipts/.test(String(secret.Properties.Description)),
    );
    expect(secrets).toHaveLength(1);
    const withKey = Object.entries(
      stateless$.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: Match.objectLike({ RECEIPT_KEY_SECRET: Match.anyValue() }) } },
      }),
    );
    for (const [, fn] of withKey) expect(JSON.stringify(fn.Properties.Environment.Variables.RECEIPT_KEY_SECRET)).toContain('resolve:secretsmanager');
    const logicalIds = withKey.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort();
    expect(logicalIds).toEqual(EXPECTED);
  });

  it('indexes tips by the receipt hash with the keys only', () => {
    // Act
    const { stateful$ } = build();

    // Assess
    stateful$.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: 'byReceipt', KeySchema: [{ AttributeName: 'receiptHash', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }),
      ]),
    });
  });

  it('rate-limits the receipt routes per viewer at the edge, tighter than submissions', () => {
    // Act
    const { edge$ } = build();

    // Assess
    const acl = Object.values(edge$.findResources('AWS::WAFv2::WebACL'))[0]!;
    const rules = acl.Properties.Rules as { Name: string; Statement: { RateBasedStatement?: { Limit: number; AggregateKeyType: string; ScopeDownStatement: unknown } } }[];
    const guess = rules.find((rule) => rule.Name === 'GuessRatePerSource');
    const submit = rules.find((rule) => rule.Name === 'SubmitRatePerSource');
    expect(guess?.Statement.RateBasedStatement?.AggregateKeyType).toBe('IP');
    expect(guess!.Statement.RateBasedStatement!.Limit).toBeLessThan(submit!.Statement.RateBasedStatement!.Limit);
    const scope = JSON.stringify(guess!.Statement.RateBasedStatement!.ScopeDownStatement);
    expect(scope).toContain('/followup');
    expect(scope).toContain('/followup/messages');
    expect(scope).not.toContain('/tips');
  });
});

const EXPECTED = ['Followup', 'Investigator', 'SubmitTip'];
