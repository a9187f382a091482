/**
 * Stand-in for `@aws-sdk/credential-provider-node` in Lambda bundles (the
 * esbuild alias of infra/bundling.ts points the SDK clients' runtimeConfig
 * here). The SDK's default chain (env → SSO → ini → process → web identity →
 * ECS/IMDS) carries ~90 KB of providers and the STS/SSO/sign-in
 * `@aws-sdk/nested-clients`; in Lambda only its first link ever answers,
 * because the runtime puts the execution role's credentials in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (and the local
 * stack sets the same variables). So this chain is that first link alone:
 * `fromEnv`, which throws `CredentialsProviderError` when they are missing.
 *
 * Only bundles see this module: tests and the local stack run the sources
 * with the real default chain.
 */
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

type Provider = ReturnType<typeof fromEnv>;
type Identity = Awaited<ReturnType<Provider>>;

/** Same name and call shape as the SDK's `defaultProvider`, which the clients' runtimeConfig imports. */
export const defaultProvider = (init: FromEnvInit = {}): Provider => fromEnv(init);

/** Re-exported under the SDK's names so the shim is a drop-in for the package's whole index. */
export const credentialsWillNeedRefresh = (credentials: Identity | undefined): boolean => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials: Identity | undefined): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
