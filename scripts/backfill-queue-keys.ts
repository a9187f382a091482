/**
 * Gives tips routed before the `<queue>#<status>` queue keys existed those keys
 * (shared/store/README.md, "Upgrading a deployed stack"). On AWS, with the
 * stack's credentials: `TIPS_TABLE=<the Tips table's name> AWS_REGION=<region> npm run migrate:queue-keys`.
 * Idempotent; prints what it scanned and updated. The local stack does the
 * same by itself when it rebuilds a table made by an older version.
 */
import { backfillQueueKeys } from '#shared/store/queue-backfill.ts';

const { scanned, updated } = await backfillQueueKeys();
process.stdout.write(`scanned ${scanned} routed tips without queue keys, updated ${updated}\n`);
