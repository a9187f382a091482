import { S3Client } from '@aws-sdk/client-s3';
import { requestHandler } from './http.ts';

// Read outside the constructor call, so the call stays a side-effect-free literal.
const s3PathStyle = process.env.TIPLINE_S3_PATH_STYLE === 'true';

/** The S3 client, built once per execution environment. See ./http.ts for the shared settings. */
export const s3 = /* @__PURE__ */ new S3Client({
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler,
  forcePathStyle: s3PathStyle,
});
