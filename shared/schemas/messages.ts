/**
 * The follow-up conversation's shapes (issue 14): a stored message and what a
 * receipt holder reads. No import of Node's crypto (the receipt parsing in
 * ./followup.ts needs it), so the web app takes these types too.
 */
import './zod-config.ts';
import * as z from 'zod/mini';

/**
 * What a receipt holder learns of the tip's state: coarse on purpose. Triage
 * detail (actionable, forwarded, who works on it) is the investigators' own.
 */
export const TipsterStatus = z.enum(['received', 'in_review', 'closed']);
export type TipsterStatus = z.infer<typeof TipsterStatus>;

export const MessageAuthor = z.enum(['investigator', 'tipster']);
export type MessageAuthor = z.infer<typeof MessageAuthor>;

/** One stored message (the Messages table). `sentAt` to the second, like every stored time; `by` only for investigators. */
export const StoredMessage = z.object({
  tipId: z.string(),
  seq: z.number().check(z.int(), z.gte(0)),
  from: MessageAuthor,
  text: z.string(),
  sentAt: z.string(),
  by: z.optional(z.string()),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

/** A message as the receipt holder sees it: the day only, never the time, and never which investigator. */
export const TipsterView = z.object({
  status: TipsterStatus,
  messages: z.array(z.object({ from: MessageAuthor, text: z.string(), sentOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) })),
});
export type TipsterView = z.infer<typeof TipsterView>;
