import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionDef, TableDef } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';
import { REPO_ROOT } from '#infra/bundling.ts';

export interface TiplineFunctionProps {
  readonly def: FunctionDef;
  readonly config: StageConfig;
  /** Environment variables (resource names), merged with the Powertools settings. */
  readonly environment: Record<string, string>;
}

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_UPDATE = ['dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const KMS_DECRYPT = ['kms:Decrypt', 'kms:DescribeKey'];
const KMS_ENCRYPT = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];

/**
 * The function's code: `node infra/bundle.ts` (the esbuild API with the
 * settings of infra/bundling.ts, plugins included) run as the asset's local
 * bundling step. The asset is hashed by its output, as NodejsFunction does,
 * so the repository is never fingerprinted; a stack excluded from bundling
 * (`aws:cdk:bundling-stacks`) skips the build. Docker is never used: the
 * image is only the required fallback and tryBundle always succeeds or throws.
 */
function bundledCode(entry: string, sourceMap: boolean, nodeModules: readonly string[]): lambda.Code {
  return lambda.Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      local: {
        tryBundle(outputDir: string): boolean {
          const args = [
            join(REPO_ROOT, 'infra', 'bundle.ts'),
            entry,
            outputDir,
            ...(sourceMap ? ['--source-map'] : []),
            // Native packages (sharp's libvips) are installed beside the bundle for linux arm64.
            ...(nodeModules.length > 0 ? ['--node-modules', nodeModules.join(',')] : []),
          ];
          const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
          if (result.status !== 0) throw new Error(`Bundling ${entry} failed (exit ${String(result.status)})`);
          return true;
        },
      },
    },
  });
}

/**
 * Every Tipline Lambda: Node.js 24 on arm64, an ESM bundle built by the local
 * esbuild API (no Docker, see `bundledCode`), an explicit log group with stage retention, X-Ray
 * tracing, and a role that starts empty: the grant helpers below add exact
 * actions on exact ARNs (table and index ARNs are listed one by one from
 * shared/resources.ts, so no `index/*` wildcard).
 */
export class TiplineFunction extends lambda.Function {
  public readonly def: FunctionDef;
  /** The function's own log group (explicit, so retention and removal follow the stage). */
  public readonly functionLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: TiplineFunctionProps) {
    const { def, config } = props;
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    // A role without AWSLambdaBasicExecutionRole: it can only write to its own log group.
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Tipline ${config.stage} ${def.id}`,
    });
    logGroup.grantWrite(role);

    const environment: Record<string, string> = {
      ...props.environment,
      POWERTOOLS_SERVICE_NAME: `tipline-${def.id.toLowerCase()}`,
      POWERTOOLS_LOG_LEVEL: config.logLevel,
      // shared/logger.ts reads LOG_LEVEL.
      LOG_LEVEL: config.logLevel,
      TIPLINE_STAGE: config.stage,
      ...(config.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
    };

    const functionProps: lambda.FunctionProps = {
      code: bundledCode(join(REPO_ROOT, def.entry), config.sourceMaps, def.nodeModules ?? []),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: def.memoryMb,
      timeout: Duration.seconds(def.timeoutSeconds),
      description: def.description,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      // SDK v3 is bundled, not taken from the runtime: the clients we use are
      // pinned by package-lock.json, tree-shaken, and cold start does not
      // change when Lambda updates the runtime's SDK (infra/bundling.ts).
      environment,
    };
    super(scope, id, functionProps);
    this.def = def;
    this.functionLogGroup = logGroup;
  }

  private addStatement(actions: string[], resources: string[]): void {
    this.addToRolePolicy(new iam.PolicyStatement({ actions, resources }));
  }

  private static tableResources(table: ITable, def: TableDef): string[] {
    return [
      table.tableArn,
      ...def.globalSecondaryIndexes.map((index) =>
        Stack.of(table).formatArn({
          service: 'dynamodb',
          resource: 'table',
          resourceName: `${table.tableName}/index/${index.indexName}`,
        }),
      ),
    ];
  }

  private keyStatement(key: IKey | undefined, actions: string[]): void {
    if (key !== undefined) this.addStatement(actions, [key.keyArn]);
  }

  /** GetItem/Query/Scan on the table and each of its GSIs. */
  public readTable(table: ITable, def: TableDef): this {
    this.addStatement(TABLE_READ, TiplineFunction.tableResources(table, def));
    this.keyStatement(table.encryptionKey, KMS_DECRYPT);
    return this;
  }

  /** Put/Update/Delete items (the handlers always write conditionally). */
  public writeTable(table: ITable): this {
    this.addStatement(TABLE_WRITE, [table.tableArn]);
    this.keyStatement(table.encryptionKey, KMS_ENCRYPT);
    return this;
  }

  /** UpdateItem only: later pipeline stages add attributes, never replace an item. */
  public updateTable(table: ITable): this {
    this.addStatement(TABLE_UPDATE, [table.tableArn]);
    this.keyStatement(table.encryptionKey, KMS_ENCRYPT);
    return this;
  }

  /** SendMessage (and SendMessageBatch, which uses the same permission). */
  public sendTo(queue: IQueue): this {
    this.addStatement(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [queue.queueArn]);
    this.keyStatement(queue.encryptionMasterKey, ['kms:GenerateDataKey', 'kms:Decrypt']);
    return this;
  }

  /** `<bucket ARN>/<prefix>*` for each key prefix (shared/resources.ts): object rights never cover the whole bucket. */
  /** GetObjectTagging under the prefixes: GuardDuty's scan-result tag (shared/store/attachment-media.ts). */
  public readTags(bucket: IBucket, prefixes: readonly string[]): this {
    this.addStatement(['s3:GetObjectTagging'], TiplineFunction.objectResources(bucket, prefixes));
    return this;
  }

  private static objectResources(bucket: IBucket, prefixes: readonly string[]): string[] {
    if (prefixes.length === 0) throw new Error('An S3 object grant needs at least one key prefix');
    return prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  }

  /** GetObject under the prefixes (HeadObject and the presigned GETs signed with this role). */
  public readObjects(bucket: IBucket, prefixes: readonly string[]): this {
    this.addStatement(['s3:GetObject'], TiplineFunction.objectResources(bucket, prefixes));
    this.keyStatement(bucket.encryptionKey, KMS_DECRYPT);
    return this;
  }

  /** DeleteObject under the prefixes (attachments of expired tips); deleting needs no key. */
  public deleteObjects(bucket: IBucket, prefixes: readonly string[]): this {
    this.addStatement(['s3:DeleteObject'], TiplineFunction.objectResources(bucket, prefixes));
    return this;
  }

  /**
   * PutObject in a single request under the prefixes (presigned POSTs signed
   * with this role). SSE-KMS needs only kms:GenerateDataKey for that.
   */
  public writeObjects(bucket: IBucket, prefixes: readonly string[]): this {
    this.addStatement(['s3:PutObject'], TiplineFunction.objectResources(bucket, prefixes));
    this.keyStatement(bucket.encryptionKey, ['kms:GenerateDataKey']);
    return this;
  }

  /**
   * Multipart uploads under the prefixes (lib-storage's Upload): the parts are
   * PutObject, a failed upload is aborted, and S3 decrypts the parts to
   * complete an SSE-KMS upload, hence kms:Decrypt as well.
   */
  public uploadObjects(bucket: IBucket, prefixes: readonly string[]): this {
    this.addStatement(['s3:PutObject', 's3:AbortMultipartUpload'], TiplineFunction.objectResources(bucket, prefixes));
    this.keyStatement(bucket.encryptionKey, ['kms:GenerateDataKey', 'kms:Decrypt']);
    return this;
  }
}
