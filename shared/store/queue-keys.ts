/**
 * The queue index keys of a tip (shared/store/README.md), pure: no client, no
 * environment, so the local bootstrap can upgrade old items with them before
 * any store module is loaded.
 */
import { statusOf, type TriageStatusName } from '../tips/transitions.ts';

export const queueStatusKey = (queue: string, status: TriageStatusName): string => `${queue}#${status}`;
export const queueObjectStatusKey = (queue: string, objectId: string, status: TriageStatusName): string => `${queue}#${objectId}#${status}`;

/** The queue index keys of a routed tip in a given queue and status: set together wherever queue or status changes. */
export const queueKeys = (queue: string, objectId: string, status: TriageStatusName): { queueStatus: string; queueObjectStatus: string } => ({
  queueStatus: queueStatusKey(queue, status),
  queueObjectStatus: queueObjectStatusKey(queue, objectId, status),
});

/**
 * The item with the queue index keys it lacks, for items written before the
 * keys existed (routed by `queue` alone, shared/store/README.md): a routed,
 * non-duplicate tip (it has `queueTime`) gets the keys of its queue, object
 * and status; anything else comes back unchanged. Pure, so the local table
 * rebuild and the AWS backfill (scripts/backfill-queue-keys.ts) agree.
 */
export function withQueueKeys(item: Record<string, unknown>): Record<string, unknown> {
  if (typeof item.queueStatus === 'string') return item;
  const keys = queueKeysOf(item);
  return keys === undefined ? item : { ...item, ...keys };
}

/** The queue index keys a stored item should carry now: a routed, non-duplicate tip's; undefined for any other item. */
export function queueKeysOf(item: Record<string, unknown>): { queueStatus: string; queueObjectStatus: string } | undefined {
  if (typeof item.queueTime !== 'string' || typeof item.queue !== 'string' || typeof item.objectId !== 'string') return undefined;
  if (typeof item.duplicateOf === 'string') return undefined;
  return queueKeys(item.queue, item.objectId, statusOf(item.status));
}

/** Zero-padded so the confidence index sorts numerically as a string. */
export const confidenceKey = (confidence: number, tipId: string): string =>
  `${Math.round(Math.min(1, Math.max(0, confidence)) * 10_000)
    .toString()
    .padStart(5, '0')}#${tipId}`;

