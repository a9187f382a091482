import { S3Client } from '@aws-sdk/client-s3';
import { requestHandler } from './http.ts';

// Read outside the constructor call, so the call stays a side-effect-free literal.
const s3PathStyle = process.env.TIPLINE_S3_PATH_STYLE === 'true';
const publicEndpoint = process.env.TIPLINE_S3_PUBLIC_ENDPOINT;

/** The S3 client, built once per execution environment. See ./http.ts for the shared settings. */
export const s3 = /* @__PURE__ */ new S3Client({
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler,
  forcePathStyle: s3PathStyle,
});

/**
 * Signs presigned POST and GET links. On AWS it is `s3` itself. Locally the
 * SDK calls go straight to the emulator (on loopback, never exposed) while
 * links must point at the API port's narrow endpoint, which verifies them
 * (local/s3-endpoint.ts): TIPLINE_S3_PUBLIC_ENDPOINT, set by the local stack only.
 */
export const presigner =
  publicEndpoint === undefined || publicEndpoint === ''
    ? s3
    : /* @__PURE__ */ new S3Client({ requestHandler, forcePathStyle: s3PathStyle, endpoint: publicEndpoint });
