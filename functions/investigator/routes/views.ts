import * as z from 'zod/mini';
import { ValidationError } from '#shared/errors.ts';
import { ProcessedAttachment } from '#shared/media/schema.ts';
import type { StoredTip } from '#shared/schemas/stored.ts';
import { attachmentViews } from '#shared/store/attachment-media.ts';
import { archivedCount, inlineHistory } from '#shared/store/audit.ts';
import { attachmentLink } from '#shared/store/media.ts';
import { conversationTipsOf } from '#shared/store/messages.ts';

/** What several route modules answer or parse alike: the tip as investigators see it, its ETag, its attachments, a language tag. */

const ProcessedAttachments = z.array(ProcessedAttachment);

/** The processed attachments stored on a tip (shared/media/pipeline.ts); none before processing. */
export const recordsOf = (item: StoredTip): ProcessedAttachment[] => {
  const parsed = ProcessedAttachments.safeParse(item.attachments ?? []);
  return parsed.success ? parsed.data : [];
};

/**
 * The one-attachment field the console read before issue 15, now from the processed record:
 * the viewing copy (never the original), hidden until its scan clears it. Before processing,
 * only whether the file arrived.
 */
export async function firstAttachment(item: StoredTip, views: Awaited<ReturnType<typeof attachmentViews>>): Promise<Record<string, unknown> | undefined> {
  if (typeof item.attachmentKey !== 'string') return undefined;
  const first = views[0];
  if (first === undefined || first.status === 'awaiting') {
    const link = await attachmentLink(item.attachmentKey);
    return 'missing' in link ? link : { processing: true };
  }
  if (first.preview === undefined) return { status: first.status };
  return { url: first.preview.url, contentType: first.preview.contentType, status: first.status };
}

/** A language tag in its canonical case ("pt-BR"), so one language never gets two entries; `field` names it in a 400. */
export function canonicalLanguage(tag: string, field = 'lang'): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    throw new ValidationError('Invalid language', [{ path: field, message: 'must be a language tag such as "pl" or "pt-BR"' }]);
  }
}

/**
 * What investigators see of a tip; the receipt stays with the tipster (the tip keeps only its hash, and
 * not even that is shown). `history`
 * holds the latest audit entries; the `historyArchived` before them are read
 * through GET /investigator/tips/{tipId}/history.
 */
export function tipView(item: StoredTip): Record<string, unknown> {
  // `attachments` (the stored records, with the originals' keys) is replaced by its view in the detail route.
  const {
    receipt: _receipt,
    receiptHash: _receiptHash,
    textSha256: _hash,
    queueTime: _qt,
    queueConfidence: _qc,
    attachments: _attachments,
    attachmentKeys: _keys,
    conversationTips: _conversations,
    ...rest
  } = item;
  return {
    ...rest,
    history: inlineHistory(item),
    historyArchived: archivedCount(item),
    unreadReply: item.unreadReply === true,
    // The duplicates whose tipsters wrote: each conversation is read on that duplicate's own page.
    conversationTips: conversationTipsOf(item),
  };
}

/** The version a PATCH must send back in If-Match. */
export const etag = (item: StoredTip): Record<string, string> => ({ etag: `"${String(item.version ?? 0)}"` });
