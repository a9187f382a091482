import './zod-config.ts';
import * as z from 'zod/mini';
import { parseReceipt } from '../receipts.ts';
import { limits } from '../resources.ts';
import { keptText } from './tip.ts';

/** Characters that are invisible yet count as "text"; a message of only these is empty (as for a tip). */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** A receipt as a person types it back; parsed to its 16 canonical characters (shared/receipts.ts). */
export const ReceiptInput = z.pipe(
  z.string().check(z.maxLength(64, 'must be the receipt code shown when the tip was sent, e.g. TL-7Q4M-KX2P-9D3F-WH0B')),
  z.transform((value, context) => {
    const body = parseReceipt(value);
    if (body === null) {
      context.issues.push({ code: 'custom', input: value, message: 'must be the receipt code shown when the tip was sent, e.g. TL-7Q4M-KX2P-9D3F-WH0B' });
      return z.NEVER;
    }
    return body;
  }),
);

/** A follow-up message's text, either way: 1–5,000 characters after trimming, kept as a tip's text is. */
export const MessageText = z.pipe(z.string(), z.transform(keptText)).check(
  z.refine((value: string) => value.replace(INVISIBLE, '').length > 0, 'must not be empty'),
  z.refine((value: string) => [...value].length <= limits.maxMessageChars, `must be at most ${limits.maxMessageChars} characters`),
);

/** POST /followup: the receipt, in the body so that no URL (and no access log) ever holds it. */
export const FollowupRequest = z.object({ receipt: ReceiptInput });
export type FollowupRequest = z.infer<typeof FollowupRequest>;

/** POST /followup/messages. */
export const TipsterMessageRequest = z.object({ receipt: ReceiptInput, text: MessageText });
export type TipsterMessageRequest = z.infer<typeof TipsterMessageRequest>;

/** POST /investigator/tips/{tipId}/messages. */
export const InvestigatorMessageRequest = z.strictObject({ text: MessageText });

/** POST /investigator/receipts/lookup. */
export const ReceiptLookupRequest = z.strictObject({ receipt: ReceiptInput });

/**
 * The conversation's records and the tipster's view, in ./messages.ts so the
 * web app can take their types without this module's receipt parsing (Node's crypto).
 */
export { MessageAuthor, StoredMessage, TipsterStatus, TipsterView } from './messages.ts';
