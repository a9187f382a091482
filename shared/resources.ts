/**
 * The one definition of Tipline's tables, queues, buckets and functions.
 *
 * `infra/` turns these into CloudFormation and `local/` into emulator
 * resources, so a key, an index or a redrive setting can never differ
 * between a laptop and AWS. Plain data only: no CDK or SDK imports here,
 * because Lambda bundles read it too.
 */

export type AttributeType = 'S' | 'N';

export interface KeyDef {
  readonly name: string;
  readonly type: AttributeType;
}

export interface IndexDef {
  readonly indexName: string;
  readonly partitionKey: KeyDef;
  readonly sortKey?: KeyDef;
  /**
   * Attributes copied into the index besides the keys; omitted means all, an
   * empty list the keys only. A narrow projection keeps every tip write's
   * index cost to one small unit.
   */
  readonly projection?: readonly string[];
}

export interface TableDef {
  /** Stable logical id; also the suffix of the local table name. */
  readonly id: string;
  /** Environment variable through which functions receive the table name. */
  readonly envVar: string;
  readonly partitionKey: KeyDef;
  readonly sortKey?: KeyDef;
  readonly globalSecondaryIndexes: readonly IndexDef[];
  /** Attribute holding an epoch-seconds expiry (TTL on AWS, a sweep locally). */
  readonly timeToLiveAttribute?: string;
  /**
   * A DynamoDB stream of old images, consumed by this function on AWS (locally
   * the sweep calls the same code): used to clean up after TTL deletions.
   */
  readonly ttlStreamConsumer?: FunctionKey;
}

export const tables = {
  /**
   * One item per tip. The raw submission (text, objectId, language,
   * submittedAt) is written once by the intake function and never updated:
   * it is the evidence copy. Later stages only add attributes.
   */
  tips: {
    id: 'Tips',
    envVar: 'TIPS_TABLE',
    partitionKey: { name: 'tipId', type: 'S' },
    globalSecondaryIndexes: [
      // The queues, one partition per queue and status (`queueStatus` =
      // `<queue>#<status>`), so a `status=` filter is one partition and an
      // unfiltered page merges the five (shared/store/queue-page.ts): reads
      // per page stay the same however many tips a queue holds. The keys are
      // set only on routed, non-duplicate tips, so duplicates stay out of
      // the queues without a filter (sparse index). Only the small
      // attributes a queue page shows are copied: a tip's text and evidence
      // are fetched for the page shown, not rewritten into the indexes at
      // every triage change.
      {
        indexName: 'byQueueStatusTime',
        partitionKey: { name: 'queueStatus', type: 'S' },
        sortKey: { name: 'queueTime', type: 'S' },
        projection: ['queue', 'objectId', 'confidence', 'status', 'submittedAt'],
      },
      {
        indexName: 'byQueueStatusConfidence',
        partitionKey: { name: 'queueStatus', type: 'S' },
        sortKey: { name: 'queueConfidence', type: 'S' },
        projection: ['queue', 'objectId', 'confidence', 'status', 'submittedAt'],
      },
      // The same per object (`queueObjectStatus` = `<queue>#<objectId>#<status>`):
      // an `objectId=` filter reads only that object's tips in the queue.
      {
        indexName: 'byQueueObjectTime',
        partitionKey: { name: 'queueObjectStatus', type: 'S' },
        sortKey: { name: 'queueTime', type: 'S' },
        projection: ['queue', 'objectId', 'confidence', 'status', 'submittedAt'],
      },
      {
        indexName: 'byQueueObjectConfidence',
        partitionKey: { name: 'queueObjectStatus', type: 'S' },
        sortKey: { name: 'queueConfidence', type: 'S' },
        projection: ['queue', 'objectId', 'confidence', 'status', 'submittedAt'],
      },
      // Per-object tallies and exports read every tip of an object: only what
      // they need. Keyed on `tallyObjectId`, which the pipeline sets only with
      // its final decision (duplicate, or classified), so each tip enters
      // this index once instead of being rewritten at every stage.
      {
        indexName: 'byObject',
        partitionKey: { name: 'tallyObjectId', type: 'S' },
        sortKey: { name: 'tipId', type: 'S' },
        projection: ['queue', 'country', 'confidence', 'status', 'duplicateOf', 'submittedAt'],
      },
      // A cluster's members (the first tip and its duplicates) for the tip detail view.
      {
        indexName: 'byCluster',
        partitionKey: { name: 'clusterId', type: 'S' },
        sortKey: { name: 'tipId', type: 'S' },
        projection: ['submittedAt', 'duplicateOf', 'similarity'],
      },
      // A tip by its receipt (issue 14): keyed on the receipt's HMAC (shared/receipts.ts),
      // never the receipt, and holding nothing but the tip id.
      {
        indexName: 'byReceipt',
        partitionKey: { name: 'receiptHash', type: 'S' },
        projection: [],
      },
    ],
    timeToLiveAttribute: 'expiresAt',
    ttlStreamConsumer: 'retention',
  },
  /** Published objects (the pictures the public is asked about). */
  objects: {
    id: 'Objects',
    envVar: 'OBJECTS_TABLE',
    partitionKey: { name: 'objectId', type: 'S' },
    globalSecondaryIndexes: [],
  },
  /** Dedupe index: exact-hash and near-duplicate bucket items, per object. */
  dedupe: {
    id: 'DedupeIndex',
    envVar: 'DEDUPE_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    globalSecondaryIndexes: [],
  },
  /** Counters: per-object country tallies, sharded to avoid a hot item. */
  aggregates: {
    id: 'Aggregates',
    envVar: 'AGGREGATES_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalSecondaryIndexes: [],
  },
  /**
   * Word search (GET /investigator/search): one item per distinct search term
   * of a distinct tip (shared/tips/search.ts), written by the classify
   * consumer and removed by retention. Keyed `term`, sorted by
   * `<submittedAt>#<tipId>` so a date range is a key condition. It holds no
   * queue (a re-route would make it stale): the tip itself is read for the
   * access check.
   */
  search: {
    id: 'SearchIndex',
    envVar: 'SEARCH_TABLE',
    partitionKey: { name: 'term', type: 'S' },
    sortKey: { name: 'at', type: 'S' },
    globalSecondaryIndexes: [],
  },
  /**
   * A tip's older audit entries. The tip item keeps its latest entries inline
   * (`history`) and rolls older ones out here (shared/store/audit.ts), so the
   * item stays small, no change is ever refused for a full history, and the
   * whole trail survives: one item per entry, keyed by the tip and the entry's
   * position in the trail (`seq`, from 0).
   */
  audit: {
    id: 'Audit',
    envVar: 'AUDIT_TABLE',
    partitionKey: { name: 'tipId', type: 'S' },
    sortKey: { name: 'seq', type: 'N' },
    globalSecondaryIndexes: [],
  },
  /**
   * The follow-up conversation between a tip's investigators and its tipster
   * (issue 14): one item per message, keyed by the tip whose receipt it belongs
   * to and its position (`seq`, from 0, counted on the tip item). Texts of up to
   * 5,000 characters would outgrow a tip item, hence a table; messages share
   * the tip's retention (shared/tips/expire.ts deletes them with it).
   */
  messages: {
    id: 'Messages',
    envVar: 'MESSAGES_TABLE',
    partitionKey: { name: 'tipId', type: 'S' },
    sortKey: { name: 'seq', type: 'N' },
    globalSecondaryIndexes: [],
  },
  /**
   * Single-use items, expiring with what they guard: proof-of-work challenges and
   * attachment keys bound to their one tip (Idempotency-Keys need no table: see shared/tips/submit.ts).
   */
  idempotency: {
    id: 'Idempotency',
    envVar: 'IDEMPOTENCY_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    globalSecondaryIndexes: [],
    timeToLiveAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableDef>;

export type TableKey = keyof typeof tables;

export interface QueueDef {
  readonly id: string;
  readonly envVar: string;
  /** Must be at least 6x the consumer's timeout (AWS guidance for SQS event sources). */
  readonly visibilityTimeoutSeconds: number;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly maxReceiveCount: number;
  /** Cap on concurrent consumer invocations so a flood cannot overrun DynamoDB. */
  readonly maxConcurrency: number;
  readonly retentionDays: number;
  readonly dlqRetentionDays: number;
  /** The function (key of `functions`) that consumes this queue. */
  readonly consumer: FunctionKey;
}

export interface FunctionDef {
  readonly id: string;
  /** Entry module, relative to the repository root. */
  readonly entry: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly description: string;
  /** Packages installed beside the bundle instead of bundled (native code, e.g. sharp's libvips). */
  readonly nodeModules?: readonly string[];
}

export const functions = {
  submitTip: {
    id: 'SubmitTip',
    entry: 'functions/submit-tip/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 10,
    description: 'POST /tips: validate, store the evidence copy, enqueue',
  },
  listObjects: {
    id: 'ListObjects',
    entry: 'functions/list-objects/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 10,
    description: 'GET /objects: published objects',
  },
  dedupe: {
    id: 'Dedupe',
    entry: 'functions/dedupe/handler.ts',
    // Attachments are decoded and re-encoded here (sharp): up to 5 images of 10 MB per tip.
    memoryMb: 1024,
    timeoutSeconds: 60,
    description: 'Intake queue consumer: process attachments, deduplicate and write the tip record',
    // Installed beside the bundle, not bundled: sharp for its native binary; unpdf (pdf.js, 1.6 MB) and
    // pdf-lib (450 KB) because they are imported only when a tip has a PDF, so other cold starts never parse them.
    nodeModules: ['sharp', 'unpdf', '@cantoo/pdf-lib'],
  },
  classify: {
    id: 'Classify',
    entry: 'functions/classify/handler.ts',
    memoryMb: 1024,
    timeoutSeconds: 30,
    description: 'Classify queue consumer: geo-classify and route',
  },
  attachments: {
    id: 'Attachments',
    entry: 'functions/attachments/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 10,
    description: 'POST /tips/attachments: a presigned upload for a tip attachment',
  },
  retention: {
    id: 'Retention',
    entry: 'functions/retention/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 30,
    description: "Tips table TTL deletions: removes an expired tip's attachment and index entries, hands its cluster on",
    // unpdf re-reads a promoted duplicate's PDF text, only when it has a PDF: installed beside the bundle (see dedupe).
    nodeModules: ['unpdf'],
  },
  followup: {
    id: 'Followup',
    entry: 'functions/followup/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 10,
    description: 'POST /followup and /followup/messages: a tipster reads and answers the conversation with the receipt',
  },
  investigator: {
    id: 'Investigator',
    entry: 'functions/investigator/handler.ts',
    memoryMb: 512,
    timeoutSeconds: 29,
    description: 'Authenticated investigator API',
  },
} as const satisfies Record<string, FunctionDef>;

export type FunctionKey = keyof typeof functions;

export const queues = {
  intake: {
    id: 'Intake',
    envVar: 'INTAKE_QUEUE_URL',
    visibilityTimeoutSeconds: 6 * functions.dedupe.timeoutSeconds,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxReceiveCount: 5,
    maxConcurrency: 5,
    retentionDays: 14,
    dlqRetentionDays: 14,
    consumer: 'dedupe',
  },
  classify: {
    id: 'Classify',
    envVar: 'CLASSIFY_QUEUE_URL',
    visibilityTimeoutSeconds: 6 * functions.classify.timeoutSeconds,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxReceiveCount: 5,
    maxConcurrency: 5,
    retentionDays: 14,
    dlqRetentionDays: 14,
    consumer: 'classify',
  },
} as const satisfies Record<string, QueueDef>;

export type QueueKey = keyof typeof queues;

/**
 * One key prefix of a bucket. IAM grants (infra/access.ts) and lifecycle
 * rules are per prefix, and no role may write outside the declared ones, so
 * every object falls under exactly one of these rules.
 */
export interface KeyPrefixDef {
  /** Ends in `/`. */
  readonly prefix: string;
  /** Current objects are deleted this many days after they were written (omitted: kept until the code deletes them). */
  readonly expireAfterDays?: number;
  /** Days a deleted or overwritten object's old version survives before S3 removes it for good. */
  readonly noncurrentVersionExpirationDays: number;
}

export interface BucketDef {
  readonly id: string;
  readonly envVar: string;
  readonly prefixes: Readonly<Record<string, KeyPrefixDef>>;
}

export const buckets = {
  /** Attachments, object images and exports; tip text lives in the Tips table. */
  evidence: {
    id: 'Evidence',
    envVar: 'EVIDENCE_BUCKET',
    prefixes: {
      // Tip attachments, written once under a fresh random key by a presigned
      // POST (shared/store/media.ts) and deleted with their tip when it expires.
      // A day of old version covers an operator's mistake; longer would keep a
      // deleted attachment past the retention the README promises.
      attachments: { prefix: 'attachments/', noncurrentVersionExpirationDays: 1 },
      // Metadata-free viewing copies of image attachments (shared/media/process.ts), written by
      // the pipeline, the only attachment bytes investigators' links reach; deleted with their tip.
      viewing: { prefix: 'viewing/', noncurrentVersionExpirationDays: 1 },
      // The public pictures of the objects (served by CloudFront under /media/objects/).
      objects: { prefix: 'objects/', noncurrentVersionExpirationDays: 90 },
      // Coordinators' exports (shared/store/exports.ts) hold tips of every country
      // and are re-created on demand: gone a day after their 15-minute link, and
      // on a versioned bucket the expired copy's old version must go too.
      exports: { prefix: 'exports/', expireAfterDays: 1, noncurrentVersionExpirationDays: 1 },
    },
  },
} as const satisfies Record<string, BucketDef>;

export type BucketKey = keyof typeof buckets;

/** The name of one declared key prefix of bucket `B` (`attachments`, `objects`, `exports` for the evidence bucket). */
export type PrefixKey<B extends BucketKey> = keyof (typeof buckets)[B]['prefixes'] & string;

/** HTTP routes, shared by the CDK API and the local adapter. */
export interface RouteDef {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** API Gateway resource path, with `{param}` placeholders. */
  readonly path: string;
  readonly function: FunctionKey;
  readonly auth: 'public' | 'investigator';
  /**
   * The route takes a secret in its body (a receipt) and answers 404 to a wrong
   * one: each 404 counts as a guess against the caller's source, in memory only,
   * and past `limits.receiptGuessesPerSource` the caller gets 429 (local adapter;
   * on AWS the edge WAF's per-source rule on these paths).
   */
  readonly guessable?: boolean;
}

export const routes: readonly RouteDef[] = [
  { method: 'POST', path: '/tips', function: 'submitTip', auth: 'public' },
  // Proof-of-work challenge for POST /tips (stateless; answers difficulty 0 when switched off).
  { method: 'GET', path: '/tips/challenge', function: 'submitTip', auth: 'public' },
  // A tip's optional attachment goes straight to S3 through a presigned POST;
  // its own function keeps the S3 client out of the submit function's bundle.
  { method: 'POST', path: '/tips/attachments', function: 'attachments', auth: 'public' },
  { method: 'GET', path: '/objects', function: 'listObjects', auth: 'public' },
  // Follow-up (issue 14): the receipt travels in the body, never in a URL, so no access log holds it.
  { method: 'POST', path: '/followup', function: 'followup', auth: 'public', guessable: true },
  { method: 'POST', path: '/followup/messages', function: 'followup', auth: 'public', guessable: true },
  { method: 'GET', path: '/investigator/queues/{country}', function: 'investigator', auth: 'investigator' },
  { method: 'GET', path: '/investigator/tips/{tipId}', function: 'investigator', auth: 'investigator' },
  // A tip's whole audit trail, oldest first, paged (the tip itself shows only its latest entries).
  { method: 'GET', path: '/investigator/tips/{tipId}/history', function: 'investigator', auth: 'investigator' },
  { method: 'PATCH', path: '/investigator/tips/{tipId}', function: 'investigator', auth: 'investigator' },
  { method: 'POST', path: '/investigator/tips/{tipId}/claim', function: 'investigator', auth: 'investigator' },
  { method: 'POST', path: '/investigator/tips/{tipId}/release', function: 'investigator', auth: 'investigator' },
  // A question to the tip's tipster, who reads it with the receipt (POST /followup).
  { method: 'POST', path: '/investigator/tips/{tipId}/messages', function: 'investigator', auth: 'investigator' },
  // A tipster quoting the receipt by phone: the tip, within the caller's countries.
  { method: 'POST', path: '/investigator/receipts/lookup', function: 'investigator', auth: 'investigator' },
  // Amazon Translate, AWS only (off locally: TRANSLATE_ENABLED); the translation is kept beside the original.
  { method: 'POST', path: '/investigator/tips/{tipId}/translate', function: 'investigator', auth: 'investigator' },
  // A coordinator's download of an attachment's original (with its metadata): audited, hence a POST.
  { method: 'POST', path: '/investigator/tips/{tipId}/attachments/{index}/original', function: 'investigator', auth: 'investigator' },
  { method: 'GET', path: '/investigator/objects', function: 'investigator', auth: 'investigator' },
  { method: 'POST', path: '/investigator/objects', function: 'investigator', auth: 'investigator' },
  { method: 'PATCH', path: '/investigator/objects/{objectId}', function: 'investigator', auth: 'investigator' },
  { method: 'POST', path: '/investigator/objects/{objectId}/image', function: 'investigator', auth: 'investigator' },
  { method: 'GET', path: '/investigator/objects/{objectId}/summary', function: 'investigator', auth: 'investigator' },
  { method: 'GET', path: '/investigator/exports', function: 'investigator', auth: 'investigator' },
  { method: 'GET', path: '/investigator/search', function: 'investigator', auth: 'investigator' },
  // Tips per queue and status, from the Aggregates counters (functions/investigator/routes/overview.ts).
  { method: 'GET', path: '/investigator/overview', function: 'investigator', auth: 'investigator' },
];

/** Limits that the API edge and the handlers both enforce. */
export const limits = {
  maxBodyBytes: 64 * 1024,
  maxTipChars: 5000,
  /** A follow-up message, either way (issue 14). */
  maxMessageChars: 5000,
  /** Messages in one tip's conversation: a bound on what one receipt can make investigators read. */
  maxMessagesPerTip: 200,
  /**
   * Wrong receipts one source may try (the 404s of `guessable` routes): this
   * many at once, then one more per minute. Counted in memory only, never stored.
   */
  receiptGuessesPerSource: 10,
  /** The hidden honeypot field of the form (bots fill it with URLs). */
  maxHoneypotChars: 2048,
  /** Object images uploaded by coordinators through a presigned POST. */
  maxImageBytes: 5 * 1024 * 1024,
  imageTypes: ['image/jpeg', 'image/png', 'image/webp'],
  /** A tip's optional attachment: a photo or a PDF, uploaded straight to S3. */
  maxAttachmentBytes: 10 * 1024 * 1024,
  /** Attachments per tip (issue 15). */
  maxAttachments: 5,
  /**
   * How long a presigned attachment upload stays valid (shared/store/media.ts). The grant comes
   * before its tip, so a file can arrive at most this long after the tip: the pipeline checks
   * again for a file that was missing until then (shared/media/pipeline.ts).
   */
  attachmentUploadSeconds: 15 * 60,
  attachmentTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  /**
   * Audit entries inside a tip item. Once `history` holds `historyRollAt`
   * entries, the next change first moves all but the newest
   * `historyKeptInline` to the Audit table; `maxHistoryEntries` is the hard
   * ceiling a write checks (items stay far below 400 KB), reached only if
   * rolls keep losing races, and then the write rolls and retries.
   */
  maxHistoryEntries: 100,
  historyRollAt: 50,
  historyKeptInline: 25,
} as const;

/** Investigator workflow settings, overridable per stage through the environment. */
export const workflow = {
  claimLeaseMinutes: 30,
  /**
   * One investigator may claim (or re-claim, to extend the lease) one tip at
   * most this often: a 429 beyond, so claims cannot flood the audit trail.
   * Counted from the inline history, so it must stay below historyKeptInline.
   */
  claimsPerTipPerWindow: 5,
  claimWindowMinutes: 10,
  /** Dismissed tips (and their evidence copies) expire after this many days. */
  dismissedRetentionDays: 180,
} as const;
