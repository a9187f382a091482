/**
 * The retention flow for one expired tip, shared by the TTL-stream consumer
 * (functions/retention) and the local sweep (local/sweeper.ts). The rules are
 * in ./retention.ts; this applies them with single-item conditional writes
 * only, in an order that makes every step safe to repeat (at-least-once
 * delivery, or a crash half-way):
 *
 *  1. the attachment, the audit rows rolled out of the tip and its follow-up
 *     conversation are deleted (deleting a missing object or row succeeds);
 *  2. the expired tip leaves the dedupe index, so no new tip can attach to it
 *     (the deduplicator also checks, for entries this step cannot reach);
 *  3. its surviving duplicates are listed and the oldest chosen as successor
 *     (it points at the expired tip until it is classified, so a retry
 *     chooses it again);
 *  4. the successor's cluster counter is opened with the others counted
 *     (an existing one is kept), before any new tip can find the successor;
 *  5. the successor is filed in the index: from here new copies join it (the
 *     deduplicator counts a duplicate whose first tip is gone as a first tip);
 *  6. the other duplicates are re-pointed to it (each only if it still points
 *     at the expired tip), and it inherits the links to their conversations
 *     and the unread mark;
 *  7. it goes to the classify queue marked as promoted: the classify consumer
 *     routes it to its queue as `new` in the one conditional write that makes
 *     it a first tip (so classification stays in one function, and a repeated
 *     message changes nothing);
 *  8. the expired tip's counter is removed.
 *
 * Between 3 and 4 its contribution leaves the Aggregates counters, once
 * (markExpiryCounted): a retry or redelivery finds the marker and subtracts
 * nothing; a crash between the marker and the subtraction leaves the counters
 * one tip too high, never counted twice. The promoted successor is counted
 * into its queue by the classify consumer (promotedDeltas), carrying the
 * other duplicates.
 */
import * as z from 'zod/mini';
import { classifyFields, storedMediaOf } from '../media/evidence.ts';
import { StoredAttachments } from '../media/schema.ts';
import { ClassifyMessage, ExpiredTip } from '../schemas/tip.ts';
import { parseStored, StoredTip } from '../schemas/stored.ts';
import { countedTip, markExpiryCounted, addCounters, replaceStrongest } from '../store/aggregates.ts';
import { deleteTrail } from '../store/audit.ts';
import { forgetTip } from '../store/search.ts';
import { dedupeEngine } from '../store/dedupe.ts';
import { readAttachment } from '../store/attachment-media.ts';
import { deleteAttachment } from '../store/media.ts';
import { deleteMessages, inheritConversations } from '../store/messages.ts';
import { enqueueClassifyBatch } from '../store/queues.ts';
import { allClusterMembers, getTip, repointDuplicate } from '../store/tips.ts';
import { parseOrThrow } from '../validation.ts';
import { expiredDeltas } from './counters.ts';
import { leftoversOf, successionOf, type ClusterMember } from './retention.ts';

export interface ExpiryOutcome {
  readonly tipId: string;
  /** The duplicate that now leads the cluster, if any. */
  readonly promoted: string | null;
  /** Duplicates re-pointed to it in this run. */
  readonly moved: number;
}

export async function retireExpiredTip(image: Record<string, unknown>): Promise<ExpiryOutcome> {
  const expired = parseOrThrow(ExpiredTip, image, 'expired tip');
  for (const key of leftoversOf(expired)) await deleteAttachment(key);
  // The audit trail shares the tip's retention: its rolled-out rows go with it.
  await deleteTrail(expired.tipId);
  // So do the messages between its investigators and its tipster (issue 14); its receipt finds nothing from now on.
  await deleteMessages(expired.tipId);
  // Its search terms go too (recomputed from its text; deleting a missing item succeeds).
  if (typeof image.submittedAt === 'string') await forgetTip({ tipId: expired.tipId, objectId: expired.objectId, submittedAt: image.submittedAt, text: expired.text });
  // Only a cluster's first tip can be triaged, hence dismissed; a duplicate is named by nothing in the index.
  if (typeof expired.duplicateOf === 'string') return { tipId: expired.tipId, promoted: null, moved: 0 };

  await dedupeEngine.forget({ ...expired, photoHashes: (expired.attachments ?? []).flatMap((a) => (a.dhash === undefined ? [] : [a.dhash])) });
  const members: ClusterMember[] = [];
  for await (const item of allClusterMembers(expired.tipId)) {
    members.push({ tipId: String(item.tipId), submittedAt: String(item.submittedAt), duplicateOf: item.duplicateOf as string | null | undefined });
  }
  const { successor, others } = successionOf(expired.tipId, members);
  const carried = await uncount(image, successor === null ? 0 : 1 + others.length);
  if (successor === null) {
    await dedupeEngine.closeCluster(expired.objectId, expired.tipId);
    return { tipId: expired.tipId, promoted: null, moved: 0 };
  }

  const item = await getTip(successor.tipId);
  if (item === undefined) throw new Error(`successor ${successor.tipId} of expired tip ${expired.tipId} is missing`);
  // Its attachments' evidence, as the dedupe stage gives a tip filed normally (shared/media/evidence.ts).
  const media = await storedMediaOf(parseOrThrow(StoredAttachments, item.attachments ?? [], 'successor attachments'), readAttachment);
  const heir = parseOrThrow(
    ClassifyMessage,
    {
      tipId: item.tipId,
      objectId: item.objectId,
      text: item.text,
      language: item.language,
      submittedAt: item.submittedAt,
      dedupeReason: 'promoted',
      promotedFrom: expired.tipId,
      carried,
      ...classifyFields(media),
    },
    'successor',
  );
  await dedupeEngine.openCluster(heir.objectId, heir.tipId, others.map((member) => member.tipId));
  await dedupeEngine.file({ ...heir, photoHashes: media.photoHashes });
  let moved = 0;
  for (const member of others) {
    if ((await repointDuplicate(member.tipId, expired.tipId, heir.tipId)) === 'moved') moved += 1;
  }
  // The duplicates' conversations now reach the cluster's investigators through the heir (issue 14).
  await inheritConversations(heir.tipId, image, others.map((member) => member.tipId));
  if ((await enqueueClassifyBatch([heir])).size > 0) throw new Error(`successor ${heir.tipId} could not be queued for classification`);
  await dedupeEngine.closeCluster(expired.objectId, expired.tipId);
  return { tipId: expired.tipId, promoted: heir.tipId, moved };
}

/**
 * Takes an expired first tip out of the counters, once, with the people
 * counted to it (itself and its `duplicates`); returns how many duplicates
 * besides the successor the successor carries, as the first attempt saw them.
 */
const CountedFields = z.pick(StoredTip, { objectId: true, queue: true, duplicateOf: true, status: true, confidence: true });

async function uncount(image: Record<string, unknown>, duplicates: number): Promise<number> {
  // Only the fields the counters read: a stream image of an item the pipeline never finished lacks the rest.
  const stored = parseStored(CountedFields, image, 'expired tip');
  const carried = Math.max(0, duplicates - 1);
  const tip = countedTip(stored, 1 + duplicates);
  if (tip === undefined) return carried;
  const marker = await markExpiryCounted(String(image.tipId), carried);
  if (!marker.first) return marker.carried;
  await addCounters(expiredDeltas(tip));
  await replaceStrongest(tip.objectId, tip.queue, String(image.tipId));
  return marker.carried;
}
