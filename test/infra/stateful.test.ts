import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tables } from '#shared/resources.ts';
import { DEFAULT_COUNTRY_GROUPS } from '#infra/config.ts';
import { build, PROD } from './helpers.ts';

const dev = build();
const prod = build(PROD);
const tableDefs = Object.values(tables);
const ttlTables = tableDefs.filter((def) => 'timeToLiveAttribute' in def);
const keyName = (def: { partitionKey: { name: string } }) => def.partitionKey.name;

/** Table properties that identify one table of resources.ts in the template. */
const tableShape = (def: (typeof tableDefs)[number]) => ({
  KeySchema: Match.arrayWith([{ AttributeName: keyName(def), KeyType: 'HASH' }]),
  ...(def.globalSecondaryIndexes.length > 0
    ? { GlobalSecondaryIndexes: Match.arrayWith(def.globalSecondaryIndexes.map((index) => Match.objectLike({ IndexName: index.indexName }))) }
    : {}),
});

describe('stateful stack: tables', () => {
  it.each(tableDefs)('$id is encrypted with the customer-managed data key', (def) => {
    // Prepare
    const template = dev.stateful$;
    // Act
    const keyId = dev.stateful.getLogicalId(dev.stateful.dataKey.node.defaultChild as never);
    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ...tableShape(def),
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
  });

  it.each(tableDefs)('$id has point-in-time recovery and on-demand billing', (def) => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ...tableShape(def),
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('the tips table has TTL on its expiry attribute', () => {
    // Prepare
    const template = dev.stateful$;
    // Act
    const ttl = tables.tips.timeToLiveAttribute;
    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ...tableShape(tables.tips),
      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true },
    });
  });

  it.each(ttlTables)('$id (every table with timeToLiveAttribute) has TTL enabled', (def) => {
    // Prepare
    const template = dev.stateful$;
    // Act
    const ttl = (def as { timeToLiveAttribute: string }).timeToLiveAttribute;
    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ...tableShape(def),
      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true },
    });
  });

  it.each(tables.tips.globalSecondaryIndexes.map((index) => ({ ...index })))('GSI $indexName has the keys and projection of resources.ts', (index) => {
    // Prepare
    const template = dev.stateful$;
    // Act
    const projection =
      'projection' in index && index.projection !== undefined
        ? index.projection.length === 0
          ? { ProjectionType: 'KEYS_ONLY' }
          : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] }
        : { ProjectionType: 'ALL' };
    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            ...('sortKey' in index && index.sortKey !== undefined ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
          ],
          Projection: projection,
        },
      ]),
    });
  });

  it('prod retains every table and turns on deletion protection', () => {
    // Prepare
    const template = prod.stateful$;
    // Act
    const retained = template.findResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
    // Assess
    expect(Object.keys(retained)).toHaveLength(tableDefs.length);
  });

  it('dev destroys its tables on stack deletion', () => {
    // Prepare
    const template = dev.stateful$;
    // Act
    const deleted = template.findResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    // Assess
    expect(Object.keys(deleted)).toHaveLength(tableDefs.length);
  });
});

describe('stateful stack: data key', () => {
  it('rotates the customer-managed key', () => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

describe('stateful stack: evidence bucket', () => {
  it('blocks all public access', () => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('denies requests without TLS', () => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('is versioned and KMS-encrypted, and aborts incomplete multipart uploads (per-prefix expiry: evidence-lifecycle.test.ts)', () => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [Match.objectLike({ BucketKeyEnabled: true, ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]),
      },
    });
  });

});

describe('stateful stack: investigator user pool', () => {
  it('requires MFA (TOTP only) and allows no self sign-up', () => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
  });

  it('has a strong password policy and the Plus tier threat protection', () => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
    });
  });

  it.each(['coordinator', ...DEFAULT_COUNTRY_GROUPS])('has the group %s', (groupName) => {
    // Prepare
    const template = dev.stateful$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: groupName });
  });

  it('takes the country groups from context', () => {
    // Prepare
    const custom = build({ countryGroups: 'nl, be' });
    // Act
    const groups = custom.stateful$.findResources('AWS::Cognito::UserPoolGroup');
    // Assess
    expect(Object.values(groups).map((group) => group.Properties.GroupName).sort()).toEqual(['BE', 'NL', 'coordinator']);
  });
});
