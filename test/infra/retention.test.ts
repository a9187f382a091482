/**
 * The retention function's rights follow its flow (shared/tips/expire.ts):
 * it takes an expired tip out of the dedupe index and hands its cluster to
 * the oldest duplicate, so it writes the index and updates tips, but may not
 * replace or delete a tip item.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { build } from './helpers.ts';

const dev = build();

function retentionActionsOn(table: 'tips' | 'dedupe'): string[] {
  const fn = dev.stateless.functions.retention;
  const roleId = dev.stateless.getLogicalId(fn.role!.node.defaultChild as never);
  const arn = JSON.stringify(dev.stateless.resolve((dev.stateful.tables[table] as { tableArn: string }).tableArn));
  const policies = dev.stateless$.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } });
  return Object.values(policies)
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    .filter((statement) => JSON.stringify(statement.Resource).includes(arn))
    .flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]));
}

describe('retention function rights', () => {
  it('may put and delete dedupe index items and update (never replace or delete) tips', () => {
    // Act
    const dedupe = retentionActionsOn('dedupe');
    const tips = retentionActionsOn('tips');

    // Assess
    expect(dedupe).toEqual(expect.arrayContaining(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
    expect(tips).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem']));
    expect(tips).not.toContain('dynamodb:PutItem');
    expect(tips).not.toContain('dynamodb:DeleteItem');
  });
});
