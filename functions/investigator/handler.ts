import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import * as z from 'zod/mini';
import { AttachmentParams, ExportQuery, HistoryQuery, NewObject, ObjectChange, ObjectImageRequest, ObjectParams, QueueParams, QueueQuery, TipParams, TranslateTipRequest } from '#shared/schemas/api.ts';
import { assertInvestigator, assertQueueAccess, canAccessQueue, principalFromClaims, type Principal } from '#shared/auth.ts';
import { optionalEnv, requireEnv } from '#shared/config.ts';
import { ConfigurationError, ConflictError, ForbiddenError, NotFoundError, TiplineError, ValidationError } from '#shared/errors.ts';
import { isoSecond, newObjectId } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { receiptHash } from '#shared/receipts.ts';
import { limits, workflow } from '#shared/resources.ts';
import { InvestigatorMessageRequest, ReceiptLookupRequest } from '#shared/schemas/followup.ts';
import { isFallback, type TipObject } from '#shared/schemas/object.ts';
import { canMoveObject, OBJECT_TRANSITIONS } from '#shared/objects/lifecycle.ts';
import type { StoredTip } from '#shared/schemas/stored.ts';
import { archivedCount, inlineHistory, trailPage } from '#shared/store/audit.ts';
import { countTriageChange } from '#shared/store/aggregates.ts';
import { clusterSizes } from '#shared/store/cluster-sizes.ts';
import { writeExport } from '#shared/store/exports.ts';
import { ProcessedAttachment } from '#shared/media/schema.ts';
import { attachmentViews, auditOriginalDownload, evidenceLink } from '#shared/store/attachment-media.ts';
import { attachmentLink, imageUploadForm, objectImageUrl } from '#shared/store/media.ts';
import { createObject, getStoredObject, listObjects, updateObject } from '#shared/store/objects.ts';
import { applyPatch, claimTip, releaseTip, triageState } from '#shared/store/triage.ts';
import { appendMessage, conversationTipsOf, listMessages, markRead, tipIdByReceiptHash } from '#shared/store/messages.ts';
import { clusterMembers, getTip, queryQueue, tipsOfObject, tipsOfQueue } from '#shared/store/tips.ts';
import { investigatorMessageAudit } from '#shared/tips/followup.ts';
import { csvHeader, csvLine, jsonLine, toExportRow } from '#shared/tips/export.ts';
import { assertClaimAllowed, parseIfMatch, planPatch, TipPatch } from '#shared/tips/triage.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { MachineTranslation } from '#shared/schemas/translation.ts';
import { machineTranslate, storeTranslation } from '#shared/store/translations.ts';
import { failureOf } from '#shared/tips/translation.ts';
import { objectSummary, overview } from './overview.ts';
import { search } from './search.ts';
import { decodeBody, header, httpErrors, json, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';

const logger = createLogger('investigator');
/** The key receipts are hashed with (shared/receipts.ts), for a tipster who quotes theirs by phone. */
const receiptKeySecret = requireEnv('RECEIPT_KEY_SECRET');
/**
 * Amazon Translate for tips in a language the investigator does not read: on where the stack grants
 * translate:TranslateText (infra/access.ts), off locally, where there is no Translate to call.
 */
const translationEnabled = ((value: string): boolean => {
  if (value !== 'true' && value !== 'false') throw new ConfigurationError(`TRANSLATE_ENABLED must be "true" or "false", got ${JSON.stringify(value)}`);
  return value === 'true';
})(optionalEnv('TRANSLATE_ENABLED', 'false'));

type Route = (event: HttpEvent, principal: Principal) => Promise<APIGatewayProxyResult>;

const ProcessedAttachments = z.array(ProcessedAttachment);

/** The processed attachments stored on a tip (shared/media/pipeline.ts); none before processing. */
const recordsOf = (item: StoredTip): ProcessedAttachment[] => {
  const parsed = ProcessedAttachments.safeParse(item.attachments ?? []);
  return parsed.success ? parsed.data : [];
};

/**
 * The one-attachment field the console read before issue 15, now from the processed record:
 * the viewing copy (never the original), hidden until its scan clears it. Before processing,
 * only whether the file arrived.
 */
async function firstAttachment(item: StoredTip, views: Awaited<ReturnType<typeof attachmentViews>>): Promise<Record<string, unknown> | undefined> {
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
function canonicalLanguage(tag: string, field = 'lang'): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    throw new ValidationError('Invalid language', [{ path: field, message: 'must be a language tag such as "pl" or "pt-BR"' }]);
  }
}

function requireCoordinator(principal: Principal): void {
  if (!principal.coordinator) throw new ForbiddenError('Only a coordinator can do this');
}

/**
 * The queue a tip belongs to for access checks: its routing queue, or for a
 * duplicate its cluster head's. A tip not yet routed is for coordinators.
 */
async function accessibleTip(tipId: string, principal: Principal): Promise<StoredTip> {
  const item = await getTip(tipId);
  if (item === undefined) throw new NotFoundError('No such tip');
  let queue = item.queue;
  if (queue === undefined && typeof item.duplicateOf === 'string') queue = (await getTip(item.duplicateOf))?.queue;
  if (queue === undefined ? !principal.coordinator : !canAccessQueue(principal, queue)) {
    throw new ForbiddenError('This tip is routed to a country outside your groups');
  }
  return item;
}

/**
 * What investigators see of a tip; the receipt stays with the tipster (the tip keeps only its hash, and
 * not even that is shown). `history`
 * holds the latest audit entries; the `historyArchived` before them are read
 * through GET /investigator/tips/{tipId}/history.
 */
function tipView(item: StoredTip): Record<string, unknown> {
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

const etag = (item: StoredTip): Record<string, string> => ({ etag: `"${String(item.version ?? 0)}"` });

const routes: Record<string, Route> = {
  'GET /investigator/queues/{country}': async (event, principal) => {
    const { country } = parseOrThrow(QueueParams, event.pathParameters ?? {}, 'path');
    const query = parseOrThrow(QueueQuery, event.queryStringParameters ?? {}, 'query');
    assertQueueAccess(principal, country);
    const page = await queryQueue(country, query);
    const sizes = await clusterSizes(page.items.map((item) => ({ objectId: item.objectId, clusterId: item.tipId })));
    const items = page.items.map((item) => ({ ...item, duplicates: (sizes.get(item.tipId) ?? 1) - 1 }));
    return json(200, { ...page, items });
  },

  'GET /investigator/tips/{tipId}': async (event, principal) => {
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

  'POST /investigator/tips/{tipId}/messages': async (event, principal) => {
    const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
    const { text } = parseOrThrow(InvestigatorMessageRequest, event.parsedBody, 'message');
    const item = await accessibleTip(tipId, principal);
    const now = Date.now();
    const stored = await appendMessage(item, { from: 'investigator', text, sentAt: isoSecond(now), by: principal.username }, investigatorMessageAudit(principal.username, text, now));
    logger.info('message to the tipster stored', { tipId, by: principal.sub });
    const { tipId: _tip, ...message } = stored;
    return json(201, { message });
  },

  'POST /investigator/tips/{tipId}/translate': async (event, principal) => {
    const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
    const target = canonicalLanguage(parseOrThrow(TranslateTipRequest, event.parsedBody, 'translation').target, 'target');
    const item = await accessibleTip(tipId, principal);
    const existing = item.machineTranslations?.[target];
    // Made once per language and kept: reading it again costs no second call.
    if (existing !== undefined) return json(200, { tipId, target, status: 'translated', translation: existing, stored: true });
    if (!translationEnabled) {
      throw new ConflictError('Translation needs Amazon Translate, which runs on AWS only: it is off on this stack (TRANSLATE_ENABLED)', { status: 'failed', reason: 'translation-off' });
    }
    let translation: MachineTranslation;
    try {
      translation = await machineTranslate(String(item.text), target);
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

  'POST /investigator/receipts/lookup': async (event, principal) => {
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

  'POST /investigator/tips/{tipId}/attachments/{index}/original': async (event, principal) => {
    const { tipId, index } = parseOrThrow(AttachmentParams, event.pathParameters ?? {}, 'path');
    // The original keeps the photo's location: coordinators only, and each download is audited.
    requireCoordinator(principal);
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

  'PATCH /investigator/tips/{tipId}': async (event, principal) => {
    const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
    const patch = parseOrThrow(TipPatch, event.parsedBody, 'patch');
    const expected = parseIfMatch(header(event, 'if-match'));
    if (expected === undefined) throw new TiplineError('If-Match with the version you read is required', 428);
    const item = await accessibleTip(tipId, principal);
    if (item.version === undefined) throw new TiplineError('Tip is not classified yet', 409);
    if (patch.country !== undefined && !principal.coordinator) throw new ForbiddenError('Only a coordinator can re-route a tip');
    const now = new Date();
    const plan = planPatch(triageState(item), patch, principal, now);
    const updated = await applyPatch(item, expected, plan, now);
    // A re-route moves the tip's people (itself and its duplicates) to the new queue's tally.
    const people = plan.queue === undefined ? 1 : (await clusterSizes([{ objectId: item.objectId, clusterId: tipId }])).get(tipId) ?? 1;
    await countTriageChange(item, updated, people);
    logger.info('tip triaged', { tipId, by: principal.sub, changes: plan.audit.changes.map((change) => change.field) });
    return json(200, tipView(updated), etag(updated));
  },

  'POST /investigator/tips/{tipId}/claim': async (event, principal) => {
    const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
    const item = await accessibleTip(tipId, principal);
    const now = new Date();
    assertClaimAllowed(inlineHistory(item), principal.username, now, workflow.claimsPerTipPerWindow, workflow.claimWindowMinutes);
    const updated = await claimTip(item, principal.username, now);
    return json(200, tipView(updated), etag(updated));
  },

  'POST /investigator/tips/{tipId}/release': async (event, principal) => {
    const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
    const item = await accessibleTip(tipId, principal);
    const updated = await releaseTip(item, principal.username, principal.coordinator, new Date());
    return json(200, tipView(updated), etag(updated));
  },

  'GET /investigator/tips/{tipId}/history': async (event, principal) => {
    const { tipId } = parseOrThrow(TipParams, event.pathParameters ?? {}, 'path');
    const query = parseOrThrow(HistoryQuery, event.queryStringParameters ?? {}, 'query');
    const item = await accessibleTip(tipId, principal);
    return json(200, await trailPage(item, query));
  },

  'GET /investigator/objects': async () => json(200, { items: await listObjects() }),

  'POST /investigator/objects': async (event, principal) => {
    requireCoordinator(principal);
    const input = parseOrThrow(NewObject, event.parsedBody, 'object');
    const objectId = input.objectId ?? newObjectId();
    const object: TipObject = {
      objectId,
      title: input.title,
      description: input.description,
      imageUrl: objectImageUrl(objectId),
      status: 'draft',
      createdAt: isoSecond(),
    };
    if (!(await createObject(object))) throw new TiplineError(`Object ${objectId} already exists`, 409);
    return json(201, { object, upload: await imageUploadForm(objectId, input.imageContentType) });
  },

  'PATCH /investigator/objects/{objectId}': async (event, principal) => {
    requireCoordinator(principal);
    const { objectId } = parseOrThrow(ObjectParams, event.pathParameters ?? {}, 'path');
    const change = parseOrThrow(ObjectChange, event.parsedBody, 'object change');
    const current = await getStoredObject(objectId);
    if (current === null) throw new NotFoundError(`No object ${objectId}`);
    // Asking for the status it already has changes nothing; any other step must be in the lifecycle.
    const step = change.status === undefined || change.status === current.status ? undefined : { from: current.status, to: change.status };
    if (step !== undefined && !canMoveObject(step.from, step.to)) {
      throw new ConflictError(`An object cannot go from ${step.from} to ${step.to}`, { allowed: OBJECT_TRANSITIONS[step.from] });
    }
    const lang = change.lang === undefined ? undefined : canonicalLanguage(change.lang);
    const english = lang === undefined || isFallback(lang);
    const updated = await updateObject(objectId, {
      ...(step === undefined ? {} : { status: step }),
      ...(english ? { title: change.title, description: change.description } : {}),
      ...(english ? {} : { translation: { lang: lang!, text: { title: change.title!, description: change.description ?? current.translations?.[lang!]?.description ?? '' } } }),
    });
    if (updated === 'missing') throw new NotFoundError(`No object ${objectId}`);
    if (updated === 'moved') throw new ConflictError('Another coordinator changed this object\'s status; reload it and try again');
    logger.info('object changed', { objectId, by: principal.sub, status: updated.status, ...(lang === undefined ? {} : { lang }) });
    return json(200, updated);
  },

  'POST /investigator/objects/{objectId}/image': async (event, principal) => {
    requireCoordinator(principal);
    const { objectId } = parseOrThrow(ObjectParams, event.pathParameters ?? {}, 'path');
    const { contentType } = parseOrThrow(ObjectImageRequest, event.parsedBody, 'image');
    if ((await getStoredObject(objectId)) === null) throw new NotFoundError(`No object ${objectId}`);
    // The picture replaces the one under the object's key (the bucket keeps the old version for a while).
    return json(201, { upload: await imageUploadForm(objectId, contentType) });
  },

  'GET /investigator/objects/{objectId}/summary': async (event, principal) => {
    const { objectId } = parseOrThrow(ObjectParams, event.pathParameters ?? {}, 'path');
    return objectSummary(objectId, principal);
  },

  'GET /investigator/overview': async (_event, principal) => overview(principal),

  'GET /investigator/search': async (event, principal) => search(event, principal),

  'GET /investigator/exports': async (event, principal) => {
    const query = parseOrThrow(ExportQuery, event.queryStringParameters ?? {}, 'query');
    if (query.country !== undefined) assertQueueAccess(principal, query.country);
    else requireCoordinator(principal);
    const rows = query.country !== undefined ? tipsOfQueue(query.country) : fullTipsOfObject(query.objectId!);
    let count = 0;
    // Rows go out in pages of 100 so each page's duplicate counts come from one index read.
    async function* lines(): AsyncGenerator<string> {
      if (query.format === 'csv') yield csvHeader();
      let page: StoredTip[] = [];
      const flush = async function* (): AsyncGenerator<string> {
        const sizes = await clusterSizes(page.map((item) => ({ objectId: item.objectId, clusterId: item.tipId })));
        for (const item of page) {
          const row = toExportRow({ ...item, duplicates: (sizes.get(item.tipId) ?? 1) - 1 });
          yield query.format === 'csv' ? csvLine(row) : jsonLine(row);
        }
        page = [];
      };
      for await (const item of rows) {
        if (query.objectId !== undefined && item.objectId !== query.objectId) continue;
        count += 1;
        page.push(item);
        if (page.length === 100) yield* flush();
      }
      if (page.length > 0) yield* flush();
    }
    const link = await writeExport(lines(), query.format);
    logger.info('export written', { by: principal.sub, count, format: query.format });
    // A browser page under a strict CSP cannot follow a redirect to S3; it asks for JSON and offers a link.
    const wantsJson = (header(event, 'accept') ?? '').includes('application/json');
    return wantsJson ? json(200, { ...link, count }) : json(303, { ...link, count }, { location: link.url });
  },
};

/** Whole items for an object export: the byObject index holds only a projection. */
async function* fullTipsOfObject(objectId: string): AsyncGenerator<StoredTip> {
  for await (const tip of tipsOfObject(objectId)) {
    if (typeof tip.duplicateOf === 'string') continue;
    const item = await getTip(tip.tipId);
    if (item !== undefined) yield item;
  }
}

const BODY_ROUTES = new Set([
  'PATCH /investigator/tips/{tipId}',
  'POST /investigator/objects',
  'PATCH /investigator/objects/{objectId}',
  'POST /investigator/objects/{objectId}/image',
  'POST /investigator/tips/{tipId}/messages',
  'POST /investigator/receipts/lookup',
  'POST /investigator/tips/{tipId}/translate',
]);

async function investigatorHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  const principal = principalFromClaims(event.requestContext.authorizer?.claims as Record<string, unknown> | undefined);
  assertInvestigator(principal);
  const key = `${event.httpMethod} ${event.resource}`;
  const route = routes[key];
  if (route === undefined) throw new NotFoundError('No such route');
  if (BODY_ROUTES.has(key)) event.parsedBody = decodeBody(event, limits.maxBodyBytes);
  return route(event, principal);
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(investigatorHandler);
