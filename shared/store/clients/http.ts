import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * The request handler every SDK client of shared/store/clients/ shares, built
 * once per execution environment: timeouts stay well below the shortest
 * Lambda timeout (10 s) so a stuck connection fails into a retry instead of
 * killing the invocation. Each client also sets `maxAttempts: 4` and the
 * standard retry strategy (backoff with jitter on throttling and 5xx), as
 * literals: esbuild does not inline constants across modules. Endpoints come
 * from the SDK's own AWS_ENDPOINT_URL_* variables, so the same code talks to
 * AWS or to the local emulators.
 *
 * One module per service (dynamo.ts, sqs.ts, s3.ts) rather than one module
 * for all clients: a pure annotation lets esbuild drop an unused client
 * object, but not every module of a client package once it is imported
 * (`@aws-sdk/lib-dynamodb` declares no `sideEffects: false`, so the shared
 * module kept ~30 KB of `@aws-sdk/client-dynamodb` in the S3-only functions).
 * A function imports the modules of the services it calls, nothing else.
 */
export const requestHandler = /* @__PURE__ */ new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 3_000 });

