import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { buckets, tables, type BucketKey, type KeyDef, type KeyPrefixDef, type TableKey } from '#shared/resources.ts';
import { COORDINATOR_GROUP, type StageConfig } from '#infra/config.ts';
import { EvidenceProtection } from '#infra/constructs/evidence-protection.ts';

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

const attribute = (key: KeyDef): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

/**
 * Everything that holds data or identities and must survive a redeploy of the
 * pipeline: the customer-managed data key, the DynamoDB tables and the
 * evidence bucket from shared/resources.ts, and the investigators' user pool.
 * Prod retains all of it on stack deletion; dev destroys it.
 */
export class StatefulStack extends Stack {
  /**
   * Customer-managed key for tip text and everything derived from it (tables,
   * work queues and their DLQs, the evidence bucket). Why not AWS-owned or
   * AWS-managed keys: (1) the key policy and IAM decide who can decrypt, and
   * every decrypt is a CloudTrail event naming the role that did it; (2)
   * disabling the key, or scheduling its deletion, makes every copy of the
   * tips unreadable at once, backups and PITR included (crypto-shredding when
   * an appeal closes or a court orders it); (3) SQS cannot expose its managed
   * SSE keys to key-policy audit at all. Cost: $1/month plus requests, which
   * bucket keys (S3) and data-key reuse (SQS) keep small. Rotated yearly.
   */
  public readonly dataKey: kms.Key;
  public readonly tables: Record<TableKey, dynamodb.Table>;
  public readonly buckets: Record<BucketKey, s3.Bucket>;
  /** Malware scanning of attachment originals and the Deny that keeps them (issue 15). */
  public readonly evidenceProtection: EvidenceProtection;
  public readonly userPool: cognito.UserPool;
  public readonly groupNames: readonly string[];

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.dataKey = new kms.Key(this, 'DataKey', {
      description: `Tipline ${config.stage}: tip text in tables, queues and the evidence bucket`,
      enableKeyRotation: true,
      alias: `alias/tipline-${config.stage}-data`,
      pendingWindow: config.prod ? Duration.days(30) : Duration.days(7),
      removalPolicy: config.removalPolicy,
    });

    this.tables = Object.fromEntries(
      (Object.keys(tables) as TableKey[]).map((key) => [key, this.createTable(key, config)]),
    ) as Record<TableKey, dynamodb.Table>;

    this.buckets = Object.fromEntries(
      (Object.keys(buckets) as BucketKey[]).map((key) => [key, this.createBucket(key, config)]),
    ) as Record<BucketKey, s3.Bucket>;
    this.evidenceProtection = new EvidenceProtection(this, 'EvidenceProtection', {
      bucket: this.buckets.evidence,
      key: this.dataKey,
      denyDeletes: config.prod,
    });

    this.userPool = new cognito.UserPool(this, 'Investigators', {
      userPoolName: `tipline-${config.stage}-investigators`,
      // Accounts are created by a coordinator (admin-create-user), never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 12,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection (compromised-credential and adaptive
      // checks): $0.02 per monthly active user, i.e. cents for a few dozen investigators.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: config.prod,
      removalPolicy: config.removalPolicy,
      userInvitation: {
        emailSubject: 'Your Tipline investigator account',
        emailBody:
          'A Tipline coordinator created an account for you. User name: {username}. Temporary password: {####}. ' +
          'You will be asked to choose a new password and to set up an authenticator app (TOTP).',
      },
    });

    this.groupNames = [COORDINATOR_GROUP, ...config.countryGroups];
    for (const groupName of this.groupNames) {
      new cognito.CfnUserPoolGroup(this, `Group${groupName === COORDINATOR_GROUP ? 'Coordinator' : groupName}`, {
        userPoolId: this.userPool.userPoolId,
        groupName,
        description:
          groupName === COORDINATOR_GROUP
            ? 'Sees every queue, unrouted included; manages accounts'
            : `Investigators working on tips routed to ${groupName}`,
      });
    }

    // Object images (the pictures the public is asked about) are served by this
    // account's CloudFront through origin access control; nothing else in the
    // bucket is readable that way. A wildcard distribution ARN keeps this stack
    // free of references to the web stack.
    const cloudFrontOfThisAccount = {
      StringLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
    };
    this.buckets.evidence.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudFrontReadsObjectImages',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.buckets.evidence.arnForObjects(`${buckets.evidence.prefixes.objects.prefix}*`)],
        conditions: cloudFrontOfThisAccount,
      }),
    );
    this.dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudFrontDecryptsObjectImages',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: cloudFrontOfThisAccount,
      }),
    );

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'DataKeyArn', { value: this.dataKey.keyArn });
    for (const [key, bucket] of Object.entries(this.buckets)) {
      new CfnOutput(this, `${buckets[key as BucketKey].id}BucketName`, { value: bucket.bucketName });
    }
    for (const [key, table] of Object.entries(this.tables)) {
      new CfnOutput(this, `${tables[key as TableKey].id}TableName`, { value: table.tableName });
    }
  }

  private createTable(key: TableKey, config: StageConfig): dynamodb.Table {
    const def = tables[key];
    const table = new dynamodb.Table(this, def.id, {
      partitionKey: attribute(def.partitionKey),
      ...('sortKey' in def ? { sortKey: attribute(def.sortKey) } : {}),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      ...('timeToLiveAttribute' in def ? { timeToLiveAttribute: def.timeToLiveAttribute } : {}),
      ...('ttlStreamConsumer' in def ? { stream: dynamodb.StreamViewType.OLD_IMAGE } : {}),
      deletionProtection: config.prod,
      removalPolicy: config.removalPolicy,
    });
    for (const index of def.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...('sortKey' in index && index.sortKey !== undefined ? { sortKey: attribute(index.sortKey) } : {}),
        ...('projection' in index && index.projection !== undefined
          ? index.projection.length === 0
            ? { projectionType: dynamodb.ProjectionType.KEYS_ONLY }
            : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] }
          : { projectionType: dynamodb.ProjectionType.ALL }),
      });
    }
    return table;
  }

  private createBucket(key: BucketKey, config: StageConfig): s3.Bucket {
    const def = buckets[key];
    return new s3.Bucket(this, def.id, {
      versioned: true,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      // One KMS data key per bucket and hour instead of one call per object.
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Attachments are uploaded by the public form through presigned POSTs
      // and viewed from the console through presigned GETs.
      cors: [
        {
          allowedOrigins: [config.webOrigin],
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      // One rule per key prefix of resources.ts (no role may write outside them,
      // see infra/access.ts). On a versioned bucket an expired or deleted object
      // stays as an old version, so each prefix also bounds how long that lasts.
      lifecycleRules: [
        ...Object.entries(def.prefixes).map(([name, prefix]: [string, KeyPrefixDef]) => ({
          id: `${name}-lifecycle`,
          prefix: prefix.prefix,
          ...(prefix.expireAfterDays === undefined ? {} : { expiration: Duration.days(prefix.expireAfterDays) }),
          noncurrentVersionExpiration: Duration.days(prefix.noncurrentVersionExpirationDays),
        })),
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: !config.prod,
    });
  }
}
