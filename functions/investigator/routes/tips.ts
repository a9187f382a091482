import { assertCoordinator } from '#shared/auth.ts';
import { ConflictError, NotFoundError, TiplineError, ValidationError } from '#shared/errors.ts';
import { isoSecond } from '#shared/ids.ts';
import { workflow } from '#shared/resources.ts';
import { AttachmentParams, HistoryQuery, TipParams, TranslateTipRequest } from '#shared/schemas/api.ts';
import type { MachineTranslation } from '#shared/schemas/translation.ts';
import { countTriageChange } from '#shared/store/aggregates.ts';
import { attachmentViews, auditOriginalDownload, evidenceLink } from '#shared/store/attachment-media.ts';
import { inlineHistory, trailPage } from '#shared/store/audit.ts';
import { clusterSizes } from '#shared/store/cluster-sizes.ts';
import { listMessages, markRead } from '#shared/store/messages.ts';
import { accessibleTip } from '#shared/store/tip-access.ts';
import { clusterMembers } from '#shared/store/tips.ts';
import { machineTranslate, storeTranslation } from '#shared/store/translations.ts';
import { applyPatch, claimTip, releaseTip, triageState } from '#shared/store/triage.ts';
import { failureOf, sourceLanguageFor, translateLanguageOf } from '#shared/tips/translation.ts';
import { assertClaimAllowed, parseIfMatch, planPatch, TipPatch } from '#shared/tips/triage.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { header, json } from '../../lib/http.ts';
import { logger, translationEnabled } from '../config.ts';
import type { RouteModule } from './route.ts';
import { canonicalLanguage, etag, firstAttachment, recordsOf, tipView } from './views.ts';

/** One tip: its detail, its triage (PATCH, claim, release), its audit trail, its translation, its originals. */
export const tipRoutes: RouteModule = {
  'GET /investigator/tips/{tipId}': {
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const item = await accessibleTip(tipId, principal);
      const headId = typeof item.duplicateOf === 'string' ? item.duplicateOf : tipId;
      // Independent reads: the cluster's members, its size, the attachments' scan tags and links.
      const [members, sizes, views, messages] = await Promise.all([
        clusterMembers(headId),
        clusterSizes([{ objectId: item.objectId, clusterId: headId }]),
        attachmentViews(recordsOf(item)),
        listMessages(tipId),
        // Opening the tip reads its tipster's reply: the queue's unread mark goes.
        item.unreadReply === true ? markRead(tipId) : Promise.resolve(),
      ]);
      const cluster = [{ tipId: headId, duplicateOf: null }, ...members];
      const size = sizes.get(headId);
      const first = await firstAttachment(item, views);
      const attachment = first === undefined ? {} : { attachment: first };
      const conversation = messages.map(({ tipId: _tip, ...message }) => message);
      return json(200, { ...tipView(item), duplicates: headId === tipId ? (size ?? 1) - 1 : 0, cluster, ...attachment, attachments: views, messages: conversation }, etag(item));
    },
  },

  'PATCH /investigator/tips/{tipId}': {
    body: true,
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const patch = parseOrThrow(TipPatch, event.parsedBody, 'patch');
      const expected = parseIfMatch(header(event, 'if-match'));
      if (expected === undefined) throw new TiplineError('If-Match with the version you read is required', 428);
      const item = await accessibleTip(tipId, principal);
      if (item.version === undefined) throw new TiplineError('Tip is not classified yet', 409);
      // Checked before planning, so naming the queue the tip is already in is refused too.
      if (patch.country !== undefined) assertCoordinator(principal, 're-route a tip');
      const now = new Date();
      const plan = planPatch(triageState(item), patch, principal, now);
      const updated = await applyPatch(item, expected, plan, now);
      // A re-route moves the tip's people (itself and its duplicates) to the new queue's tally.
      const people = plan.queue === undefined ? 1 : (await clusterSizes([{ objectId: item.objectId, clusterId: tipId }])).get(tipId) ?? 1;
      await countTriageChange(item, updated, people);
      logger.info('tip triaged', { tipId, by: principal.sub, changes: plan.audit.changes.map((change) => change.field) });
      return json(200, tipView(updated), etag(updated));
    },
  },

  'POST /investigator/tips/{tipId}/claim': {
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const item = await accessibleTip(tipId, principal);
      const now = new Date();
      assertClaimAllowed(inlineHistory(item), principal.username, now, workflow.claimsPerTipPerWindow, workflow.claimWindowMinutes);
      const updated = await claimTip(item, principal.username, now);
      return json(200, tipView(updated), etag(updated));
    },
  },

  'POST /investigator/tips/{tipId}/release': {
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const item = await accessibleTip(tipId, principal);
      const updated = await releaseTip(item, principal.username, principal.coordinator, new Date());
      return json(200, tipView(updated), etag(updated));
    },
  },

  'GET /investigator/tips/{tipId}/history': {
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const query = parseOrThrow(HistoryQuery, event.queryStringParameters ?? {}, 'query');
      const item = await accessibleTip(tipId, principal);
      return json(200, await trailPage(item, query));
    },
  },

  'POST /investigator/tips/{tipId}/translate': {
    body: true,
    handle: async (event, principal) => {
      const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
      const request = parseOrThrow(TranslateTipRequest, event.parsedBody, 'translation');
      const target = canonicalLanguage(request.target, 'target');
      const item = await accessibleTip(tipId, principal);
      const existing = item.machineTranslations?.[target];
      // Made once per language and kept: reading it again costs no second call (unless the investigator names another source).
      if (existing !== undefined && (request.source === undefined || translateLanguageOf(request.source) === existing.sourceLanguage)) {
        return json(200, { tipId, target, status: 'translated', translation: existing, stored: true });
      }
      // Off first: on a stack without Translate, asking for a source language would send the investigator after a choice that cannot help.
      if (!translationEnabled) {
        throw new ConflictError('Translation needs Amazon Translate, which runs on AWS only: it is off on this stack (TRANSLATE_ENABLED)', { status: 'failed', reason: 'translation-off' });
      }
      const known = sourceLanguageFor({ requested: request.source, declared: item.language, detected: item.detectedLanguage });
      if ('problem' in known) {
        throw new ValidationError('No source language to translate from', [
          { path: 'source', message: known.problem === 'unsupported' ? 'is not a language Amazon Translate supports' : 'is required: the tip has no declared or detected language Amazon Translate supports' },
        ]);
      }
      let translation: MachineTranslation;
      try {
        translation = await machineTranslate(String(item.text), known.source, target);
      } catch (error) {
        // The tip is untouched: its original stays what the investigator reads, and the answer says why there is no translation.
        const reason = failureOf(error);
        logger.warn('translation failed', { tipId, target, reason, error: error instanceof Error ? error.name : 'unknown' });
        return json(200, { tipId, target, status: 'failed', reason });
      }
      const stored = await storeTranslation(tipId, target, translation);
      if (stored === 'missing') throw new NotFoundError('No such tip');
      logger.info('tip translated', { tipId, by: principal.sub, sourceLanguage: translation.sourceLanguage, target, stored });
      return json(200, { tipId, target, status: 'translated', translation, stored: stored === 'stored' });
    },
  },

  'POST /investigator/tips/{tipId}/attachments/{index}/original': {
    handle: async (event, principal) => {
      const { tipId, index } = parseOrThrow(AttachmentParams, event.pathParameters ?? {}, 'path');
      // The original keeps the photo's location: coordinators only, and each download is audited.
      assertCoordinator(principal);
      const item = await accessibleTip(tipId, principal);
      const record = recordsOf(item)[index];
      if (record === undefined) throw new NotFoundError('No such attachment (or not processed yet)');
      if (record.awaiting === true) throw new ConflictError('The original is not available: it has not been uploaded (yet)');
      const [view] = await attachmentViews([record]);
      if (view!.status === 'threat' || view!.status === 'scan-pending') {
        throw new ConflictError(`The original is not available: its malware scan is ${view!.status === 'threat' ? 'positive' : 'not finished'}`);
      }
      const entry = { at: isoSecond(), by: principal.username, changes: [{ field: 'download' as const, from: null, to: `original ${record.key} sha256:${record.sha256}` }] };
      if (!(await auditOriginalDownload(item, entry))) throw new ConflictError('The tip changed while the download was recorded; try again');
      logger.info('original downloaded', { tipId, index });
      return json(200, { url: await evidenceLink(record.key, `original-${index}`), sha256: record.sha256, expiresInSeconds: 15 * 60 });
    },
  },
};
