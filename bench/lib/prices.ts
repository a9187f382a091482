/**
 * us-east-1 list prices used by bench/cost.ts, as of PRICE_DATE, from the AWS
 * pricing pages as known on that date. No free tier, no savings plans.
 */
export const PRICE_DATE = '2026-11-23';
export const PRICE_NOTE = 'list prices from the AWS pricing pages as known on that date; no free tier, no discounts';

export const PRICES = {
  /** Lambda, arm64: per GB-second and per million requests (init billed like duration since August 2025). */
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  /** SQS standard: per million requests (each 64 KB chunk of a request's payload is a request). */
  sqsPerMillionRequests: 0.4,
  /** DynamoDB on-demand: per million write and read request units. */
  dynamoPerMillionWru: 0.625,
  dynamoPerMillionRru: 0.125,
  /** S3 Standard: PUT, COPY, POST, LIST per 1,000 requests. */
  s3PutPer1000: 0.005,
  /** S3 Standard: GET and all other requests per 1,000 (an attachment's sniff and full read). */
  s3GetPer1000: 0.0004,
  /** KMS: per 10,000 requests, and per customer-managed key per month. */
  kmsPer10000Requests: 0.03,
  kmsKeyPerMonth: 1,
  /** API Gateway: REST API and HTTP API, per million requests (first tier). */
  apiGatewayRestPerMillion: 3.5,
  apiGatewayHttpPerMillion: 1.0,
  /** WAF: per million requests inspected, per web ACL and per rule per month. */
  wafPerMillionRequests: 0.6,
  wafWebAclPerMonth: 5,
  wafRulePerMonth: 1,
  /** CloudFront: HTTPS requests per million (North America/Europe), beyond the always-free tier. */
  cloudFrontHttpsPerMillion: 1.0,
  /** CloudWatch Logs: per GB ingested (standard class). */
  cloudWatchLogsPerGbIngested: 0.5,
  /** X-Ray: per million traces recorded. */
  xrayPerMillionTraces: 5,
} as const;
