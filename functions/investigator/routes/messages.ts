import { ForbiddenError, NotFoundError } from '#shared/errors.ts';
import { isoSecond } from '#shared/ids.ts';
import { receiptHash } from '#shared/receipts.ts';
import { InvestigatorMessageRequest, ReceiptLookupRequest } from '#shared/schemas/followup.ts';
import { appendMessage, tipIdByReceiptHash } from '#shared/store/messages.ts';
import { accessibleTip } from '#shared/store/tip-access.ts';
import { investigatorMessageAudit } from '#shared/tips/followup.ts';
import { TipParams } from '#shared/schemas/api.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { json } from '../../lib/http.ts';
import { logger, receiptKeySecret } from '../config.ts';
import type { RouteModule } from './route.ts';

/** The investigators' side of the follow-up conversation, and the receipt a tipster quotes by phone. */
export const messageRoutes: RouteModule = {
  'POST /investigator/tips/{tipId}/messages': {
    body: true,
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const { text } = parseOrThrow(InvestigatorMessageRequest, event.parsedBody, 'message');
      const item = await accessibleTip(tipId, principal);
      const now = Date.now();
      const stored = await appendMessage(item, { from: 'investigator', text, sentAt: isoSecond(now), by: principal.username }, investigatorMessageAudit(principal.username, text, now));
      logger.info('message to the tipster stored', { tipId, by: principal.sub });
      const { tipId: _tip, ...message } = stored;
      return json(201, { message });
    },
  },

  'POST /investigator/receipts/lookup': {
    body: true,
    handle: async (event, principal) => {
      const { receipt } = parseOrThrow(ReceiptLookupRequest, event.parsedBody, 'lookup');
      const tipId = await tipIdByReceiptHash(receiptHash(receiptKeySecret, receipt));
      // A tip outside the caller's countries is answered like no tip: the lookup tells nothing of other countries' tips.
      const notFound = new NotFoundError('No tip with this receipt in your countries');
      if (tipId === undefined) throw notFound;
      try {
        await accessibleTip(tipId, principal);
      } catch (error) {
        if (error instanceof ForbiddenError || error instanceof NotFoundError) throw notFound;
        throw error;
      }
      logger.info('receipt looked up', { tipId, by: principal.sub });
      return json(200, { tipId });
    },
  },
};
