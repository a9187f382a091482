import { assertCoordinator, canAccessQueue } from '#shared/auth.ts';
import { ConflictError, NotFoundError, TiplineError } from '#shared/errors.ts';
import { isoSecond, newObjectId } from '#shared/ids.ts';
import { canMoveObject, OBJECT_TRANSITIONS } from '#shared/objects/lifecycle.ts';
import { NewObject, ObjectChange, ObjectImageRequest, ObjectParams } from '#shared/schemas/api.ts';
import { isFallback, type TipObject } from '#shared/schemas/object.ts';
import { objectCounters } from '#shared/store/aggregates.ts';
import { imageUploadForm, objectImageUrl } from '#shared/store/media.ts';
import { createObject, getObject, getStoredObject, listObjects, updateObject } from '#shared/store/objects.ts';
import { getTip } from '#shared/store/tips.ts';
import { ALL_SK, CONFIDENCE_UNITS, statusCounts } from '#shared/tips/counters.ts';
import { TRIAGE_STATUSES } from '#shared/tips/transitions.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { json } from '../../lib/http.ts';
import { logger } from '../config.ts';
import type { RouteModule } from './route.ts';
import { canonicalLanguage } from './views.ts';

/** The objects police publish: the list, a coordinator's new object, its lifecycle and texts, its picture, its per-country tally. */
export const objectRoutes: RouteModule = {
  'GET /investigator/objects': {
    handle: async () => json(200, { items: await listObjects() }),
  },

  'POST /investigator/objects': {
    body: true,
    handle: async (event, principal) => {
      assertCoordinator(principal);
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
  },

  'PATCH /investigator/objects/{objectId}': {
    body: true,
    handle: async (event, principal) => {
      assertCoordinator(principal);
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
  },

  'POST /investigator/objects/{objectId}/image': {
    body: true,
    handle: async (event, principal) => {
      assertCoordinator(principal);
      const { objectId } = parseOrThrow(ObjectParams, event.pathParameters ?? {}, 'path');
      const { contentType } = parseOrThrow(ObjectImageRequest, event.parsedBody, 'image');
      if ((await getStoredObject(objectId)) === null) throw new NotFoundError(`No object ${objectId}`);
      // The picture replaces the one under the object's key (the bucket keeps the old version for a while).
      return json(201, { upload: await imageUploadForm(objectId, contentType) });
    },
  },

  /**
   * Per-country tallies of an object from its Aggregates counters (reads do
   * not grow with its tips). A country investigator sees the whole tally (it
   * is the signal they need) but evidence only of their own countries.
   */
  'GET /investigator/objects/{objectId}/summary': {
    handle: async (event, principal) => {
      const { objectId } = parseOrThrow(ObjectParams, event.pathParameters ?? {}, 'path');
      const [object, counters] = await Promise.all([getObject(objectId), objectCounters(objectId)]);
      if (object === null) throw new NotFoundError(`No object ${objectId}`);
      const totals = counters.get(ALL_SK)?.counts ?? {};
      const tallies = [...counters.entries()]
        .filter(([queue, item]) => queue !== ALL_SK && (item.counts.tips ?? 0) > 0)
        .map(([country, item]) => {
          const tips = item.counts.tips ?? 0;
          const byStatus = Object.fromEntries(Object.entries(statusCounts(item.counts, TRIAGE_STATUSES)).filter(([, count]) => count > 0));
          return {
            country,
            tips,
            people: item.counts.people ?? tips,
            meanConfidence: Math.round(((item.counts.confidenceSum ?? 0) / CONFIDENCE_UNITS / tips) * 1000) / 1000,
            maxConfidence: item.maxConfidence ?? 0,
            strongestTipId: item.strongestTipId ?? null,
            byStatus,
          };
        })
        .sort((a, b) => b.people - a.people || b.tips - a.tips || a.country.localeCompare(b.country));
      const countries = await Promise.all(
        tallies.map(async (tally) => {
          if (!canAccessQueue(principal, tally.country) || tally.strongestTipId === null) return { ...tally, strongestTipId: null, strongestEvidence: [] };
          const strongest = await getTip(tally.strongestTipId);
          const candidates = (strongest?.candidates as { country: string; evidence: unknown[] }[] | undefined) ?? [];
          const evidence = candidates.find((candidate) => candidate.country === tally.country)?.evidence ?? [];
          // The tip's language is a weak prior, not evidence worth showing.
          return { ...tally, strongestEvidence: (evidence as { kind: string }[]).filter((span) => span.kind !== 'language').slice(0, 5) };
        }),
      );
      return json(200, { objectId, distinctTips: totals.distinct ?? 0, duplicates: totals.duplicates ?? 0, countries });
    },
  },
};
