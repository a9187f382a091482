/**
 * The Lambda bundles as built with infra/bundling.ts (the settings CDK and
 * bench/bundles.ts use), aliases included:
 *  - list-objects, bundled, answers GET /objects with a 200 from a fresh Node
 *    process pointed at the emulators, with credentials from the environment
 *    only (the env-only credential shim);
 *  - the default credential chain, its nested STS/SSO clients, mnemonist and
 *    the second copy of client-s3 are not in the bundles;
 *  - the CDK construct's asset (infra/bundle.ts run as local bundling) holds
 *    the same bytes as `esbuildOptions` builds for the bench;
 *  - bundling rewrites the SDK schema modules in memory and leaves the files
 *    in node_modules as the registry shipped them;
 *  - the LRU cache shim behaves like mnemonist's on random operations.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { esbuildOptions, lambdaBundling } from '#infra/bundling.ts';
import { loadConfig } from '#infra/config.ts';
import LRUCache from '#infra/shims/lru-cache.ts';
import { literalSchemaKeys } from '#infra/sdk-schema-keys.ts';
import { REPO_ROOT } from '#infra/bundling.ts';
import { TiplineFunction } from '#infra/constructs/tipline-function.ts';
import { cdkJsonContext } from './helpers.ts';
import { functions } from '#shared/resources.ts';
import { bootstrap, LOCAL_REGION, type LocalResources } from '#local/bootstrap.ts';
import { startEmulators, type Emulators } from '#local/emulators.ts';
import { localTableName } from '#local/names.ts';
import { demoObjects } from '#local/seed.ts';

const run = promisify(execFile);
/** mnemonist is CommonJS (`module.exports = LRUCache`), the reference the shim is compared with. */
const MnemonistLRU = createRequire(import.meta.url)('mnemonist/lru-cache') as typeof import('mnemonist/lru-cache.js').default;
const outDir = mkdtempSync(join(tmpdir(), 'tipline-bundle-test-'));
const entry = join(REPO_ROOT, functions.listObjects.entry);
const outfile = join(outDir, 'list-objects', lambdaBundling.outputFile);

let emulators: Emulators;
let resources: LocalResources;
let meta: esbuild.Metafile;

beforeAll(async () => {
  const result = await esbuild.build(esbuildOptions(entry, outfile, { metafile: true }));
  meta = result.metafile!;
  emulators = await startEmulators();
  resources = await bootstrap({ dynamoEndpoint: emulators.dynamoEndpoint, awsEndpoint: emulators.awsEndpoint });
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: emulators.dynamoEndpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  await documents.send(new PutCommand({ TableName: localTableName('objects'), Item: demoObjects[0]! }));
  documents.destroy();
});

afterAll(async () => {
  await emulators?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

/** Imports the bundle in a fresh Node process and invokes its handler with a GET /objects event. */
async function invokeBundle(env: Record<string, string>, bundle = outfile, eventOverrides: Record<string, unknown> = {}): Promise<{ statusCode: number; body: string }> {
  const event = {
    httpMethod: 'GET',
    path: '/objects',
    resource: '/objects',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'bundle-test', httpMethod: 'GET', path: '/objects', resourcePath: '/objects', stage: 'local' },
    ...eventOverrides,
  };
  const context = {
    functionName: 'tipline-bundle-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:tipline-bundle-test',
    memoryLimitInMB: '256',
    awsRequestId: 'bundle-test',
    logGroupName: '/aws/lambda/tipline-bundle-test',
    logStreamName: 'local',
  };
  const code =
    `const { handler } = await import(${JSON.stringify(new URL(`file://${bundle}`).href)});` +
    `const context = { ...${JSON.stringify(context)}, callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 10000 };` +
    `const result = await handler(${JSON.stringify(event)}, context);` +
    `process.stdout.write('\\n' + JSON.stringify(result));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    cwd: outDir,
    // Only what Lambda would set: no HOME/.aws files, no profile, the emulators' env.
    env: { PATH: process.env.PATH ?? '', POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { statusCode: number; body: string };
}

describe('list-objects bundle', () => {
  it('answers GET /objects with 200 using credentials from the environment', async () => {
    const result = await invokeBundle(resources.env);
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body) as { items: { objectId: string }[] };
    expect(body.items.map((item) => item.objectId)).toEqual([demoObjects[0]!.objectId]);
  });

  it('fails the request (500) when the environment has no credentials', async () => {
    const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, ...withoutCredentials } = resources.env;
    const result = await invokeBundle(withoutCredentials);
    expect(result.statusCode).toBe(500);
  });

  it('carries the env-only credential shim, not the default chain, and no mnemonist', () => {
    const output = Object.values(meta.outputs)[0]!;
    const bundled = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(bundled).toContain('infra/shims/credential-provider-env-only.ts');
    expect(bundled).toContain('infra/shims/lru-cache.ts');
    const unwanted = /@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|http|login)|nested-clients|token-providers)\/|@smithy\/credential-provider-imds\/|node_modules\/(mnemonist|obliterator)\//;
    expect(bundled.filter((path) => unwanted.test(path))).toEqual([]);
  });
});

describe('attachments bundle (S3 client with the event-stream stub)', () => {
  it('signs a presigned POST that the local S3 accepts', async () => {
    // Prepare
    const attachmentsOut = join(outDir, 'attachments', lambdaBundling.outputFile);
    await esbuild.build(esbuildOptions(join(REPO_ROOT, functions.attachments.entry), attachmentsOut));

    // Act
    const result = await invokeBundle(resources.env, attachmentsOut, {
      httpMethod: 'POST',
      path: '/tips/attachments',
      resource: '/tips/attachments',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentType: 'image/png', size: 4 }),
    });
    const form = JSON.parse(result.body) as { upload: { url: string; fields: Record<string, string> } };
    const upload = new FormData();
    for (const [name, value] of Object.entries(form.upload.fields)) upload.append(name, value);
    upload.append('file', new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' }), 'x.png');
    const uploaded = await fetch(form.upload.url, { method: 'POST', body: upload });

    // Assess
    expect(result.statusCode).toBe(201);
    expect(uploaded.status).toBeGreaterThanOrEqual(200);
    expect(uploaded.status).toBeLessThan(300);
  });

  it('carries the schemas of the S3 operations it uses, not the other hundred (infra/sdk-schema-keys.ts)', async () => {
    // Prepare / Act
    const result = await esbuild.build({
      ...esbuildOptions(join(REPO_ROOT, functions.attachments.entry), join(outDir, 'attachments-meta', 'index.mjs'), { metafile: true }),
      write: false,
    });
    const output = Object.values(result.metafile!.outputs)[0]!;
    const schemaBytes = Object.entries(output.inputs)
      .filter(([path]) => /client-s3\/dist-es\/schemas\/schemas_0\.js$/.test(path))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    const code = result.outputFiles![0]!.text;

    // Assess: ~66 KB of S3 schemas before the rewrite.
    expect(schemaBytes).toBeLessThan(20_000);
    expect(code).not.toContain('PutBucketAnalyticsConfiguration');
    expect(output.bytes).toBeLessThanOrEqual(300 * 1024);
  });
});

describe('bundling settings', () => {
  it('the CDK asset of a function is the bundle esbuildOptions builds (infra/bundle.ts as local bundling)', () => {
    // Prepare
    const app = new App({ outdir: join(outDir, 'cdk.out'), context: cdkJsonContext });
    const stack = new Stack(app, 'BundleTest', { env: { region: 'eu-west-1' } });

    // Act
    const fn = new TiplineFunction(stack, 'ListObjects', { def: functions.listObjects, config: loadConfig(app.node), environment: {} });
    const asset = fn.node.findChild('Code') as Asset;
    const assetDir = join(app.outdir, asset.assetPath);

    // Assess
    expect(readdirSync(assetDir)).toEqual([lambdaBundling.outputFile]);
    expect(readFileSync(join(assetDir, lambdaBundling.outputFile), 'utf8')).toBe(readFileSync(outfile, 'utf8'));
  });

  it('rewrites the SDK schema modules at bundle time only: node_modules keeps the registry text', async () => {
    // Prepare: the installed S3 schema module, as npm ci left it.
    const file = join(REPO_ROOT, 'node_modules', '@aws-sdk', 'client-s3', 'dist-es', 'schemas', 'schemas_0.js');
    const hash = (): string => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();

    // Act
    const result = await esbuild.build({
      ...esbuildOptions(join(REPO_ROOT, functions.attachments.entry), join(outDir, 'untouched', 'index.mjs'), { metafile: true }),
      write: false,
    });

    // Assess: still the computed-key form a rewrite would change, byte for byte the same after a build that used the rewrite.
    expect(literalSchemaKeys(readFileSync(file, 'utf8')).rewritten).toBeGreaterThan(100);
    expect(hash()).toBe(before);
    expect(result.outputFiles![0]!.text).not.toContain('PutBucketAnalyticsConfiguration');
  });

  it('investigator carries one copy of @aws-sdk/client-s3', async () => {
    const result = await esbuild.build({
      ...esbuildOptions(join(REPO_ROOT, functions.investigator.entry), join(outDir, 'investigator', 'index.mjs'), { metafile: true }),
      write: false,
    });
    const output = Object.values(result.metafile!.outputs)[0]!;
    const nested = Object.entries(output.inputs).filter(([path, input]) => input.bytesInOutput > 0 && path.includes('s3-presigned-post/node_modules/'));
    expect(nested).toEqual([]);
  });
});

describe('LRU cache shim', () => {
  it('behaves like mnemonist/lru-cache for get, set, has, peek and clear', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 7 }), value: fc.integer() }),
      fc.record({ kind: fc.constantFrom('get' as const, 'has' as const, 'peek' as const), key: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const ours = new LRUCache<string, number>(capacity);
        const theirs = new MnemonistLRU<string, number>(capacity);
        for (const o of ops) {
          if (o.kind === 'clear') {
            ours.clear();
            theirs.clear();
          } else if (o.kind === 'set') {
            ours.set(String(o.key), o.value);
            theirs.set(String(o.key), o.value);
          } else {
            expect(ours[o.kind](String(o.key))).toEqual(theirs[o.kind](String(o.key)));
          }
          expect(ours.size).toBe(theirs.size);
        }
      }),
    );
  });
});
