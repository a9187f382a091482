import type { APIGatewayProxyResult } from 'aws-lambda';
import { canAccessQueue, type Principal } from '#shared/auth.ts';
import { NotFoundError } from '#shared/errors.ts';
import { getObject } from '#shared/store/objects.ts';
import { objectCounters, queueCounters } from '#shared/store/aggregates.ts';
import { getTip } from '#shared/store/tips.ts';
import { ALL_SK, CONFIDENCE_UNITS, statusCounts } from '#shared/tips/counters.ts';
import { TRIAGE_STATUSES } from '#shared/tips/transitions.ts';
import { json } from '../lib/http.ts';

/**
 * GET /investigator/overview: tips per queue the caller may open, with their
 * status counts, from the Aggregates counters (a fixed number of reads, never
 * a scan). A country investigator gets their countries, zero-filled; a
 * coordinator every queue that holds tips, and `unrouted` always.
 * `unreadReplies` counts tipsters' replies not yet read (written by the
 * follow-up feature; 0 until then).
 */
export async function overview(principal: Principal): Promise<APIGatewayProxyResult> {
  const counters = await queueCounters();
  const queues = principal.coordinator ? new Set([...counters.keys(), 'unrouted']) : new Set(principal.countries);
  const items = [...queues]
    .filter((queue) => canAccessQueue(principal, queue))
    .map((country) => {
      const counts = counters.get(country)?.counts ?? {};
      return { country, total: counts.total ?? 0, byStatus: statusCounts(counts, TRIAGE_STATUSES), unreadReplies: counts.unreadReplies ?? 0 };
    })
    .sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
  return json(200, { items });
}

/**
 * GET /investigator/objects/{objectId}/summary: per-country tallies of an
 * object from its Aggregates counters (reads do not grow with its tips). A
 * country investigator sees the whole tally (it is the signal they need) but
 * evidence only of their own countries.
 */
export async function objectSummary(objectId: string, principal: Principal): Promise<APIGatewayProxyResult> {
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
}
