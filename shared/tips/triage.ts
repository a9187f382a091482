import * as z from 'zod/mini';
import { assertCoordinator, type Principal } from '../auth.ts';
import { ConflictError, TooManyRequestsError, ValidationError } from '../errors.ts';
import { isoSecond } from '../ids.ts';
import { QueueName } from '../schemas/common.ts';
import type { AuditChange, AuditEntry } from '../schemas/stored.ts';
import { TriageStatus } from '../schemas/tip.ts';
import { canTransition, TRANSITIONS } from './transitions.ts';

export { canTransition } from './transitions.ts';

/**
 * Triage rules, pure: which status changes are allowed, who may change what,
 * and the audit entry that records a change. The store applies the result in
 * one conditional update.
 */

export const TipPatch = z
  .strictObject({
    status: z.optional(TriageStatus),
    assignee: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(128)))),
    note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
    country: z.optional(QueueName),
  })
  .check(
    z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
      message: 'must change at least one of status, assignee, note, country',
    }),
  );
export type TipPatch = z.infer<typeof TipPatch>;

export interface TriageState {
  readonly status: TriageStatus;
  readonly assignee: string | null;
  readonly queue: string;
  readonly claimedBy: string | null;
  readonly claimExpiresAt: number | null;
  /** The classifier's candidate countries and their scores: a re-route takes its confidence from them. */
  readonly candidates: readonly { readonly country: string; readonly score: number }[];
}

/**
 * A tip's confidence after a re-route: the classifier's score for the new
 * country when it was a candidate, else null with reason `manual` (a
 * coordinator's judgement, not the classifier's). Unrouted has no score.
 */
export interface RoutedConfidence {
  readonly confidence: number | null;
  readonly reason: 'candidate' | 'manual';
}

export function confidenceFor(candidates: TriageState['candidates'], queue: string): RoutedConfidence {
  const candidate = candidates.find((entry) => entry.country === queue);
  return candidate === undefined ? { confidence: null, reason: 'manual' } : { confidence: candidate.score, reason: 'candidate' };
}

/** The audit records are stored records: their schema is shared/schemas/stored.ts. */
export type Change = AuditChange;
export type { AuditEntry } from '../schemas/stored.ts';

export interface TriagePlan {
  readonly status?: TriageStatus;
  readonly assignee?: string | null;
  readonly note?: { at: string; by: string; text: string };
  readonly queue?: string;
  /** Set with `queue`: the confidence the tip carries in its new queue. */
  readonly routedConfidence?: RoutedConfidence;
  readonly audit: AuditEntry;
}

/** Someone else's unexpired lease blocks changes; an expired one is nobody's. */
export function activeHolder(state: Pick<TriageState, 'claimedBy' | 'claimExpiresAt'>, nowMs: number): string | null {
  if (state.claimedBy === null || state.claimExpiresAt === null) return null;
  return state.claimExpiresAt * 1000 > nowMs ? state.claimedBy : null;
}

/** The audit entry of a claim: who, and until when (both to the second). */
export function claimEntry(who: string, now: Date, expiresAtSeconds: number): AuditEntry {
  return { at: isoSecond(now.getTime()), by: who, changes: [{ field: 'claim', from: null, to: `${who} until ${isoSecond(expiresAtSeconds * 1000)}` }] };
}

export function releaseEntry(who: string, holder: string, now: Date): AuditEntry {
  return { at: isoSecond(now.getTime()), by: who, changes: [{ field: 'claim', from: holder, to: null }] };
}

/**
 * Refuses a claim (429) when `who` already claimed this tip `limit` times in
 * the last `windowMinutes`, counted from the tip's recent history. A re-claim
 * extends a lease, so a few are normal; a loop of them only floods the trail.
 */
export function assertClaimAllowed(history: readonly AuditEntry[], who: string, now: Date, limit: number, windowMinutes: number): void {
  const windowMs = windowMinutes * 60_000;
  const since = now.getTime() - windowMs;
  const recent = history
    .filter((entry) => entry.by === who && entry.changes.some((change) => change.field === 'claim' && change.to !== null))
    .map((entry) => Date.parse(entry.at))
    .filter((at) => at > since)
    .sort((a, b) => b - a);
  if (recent.length >= limit) {
    // The wait until the oldest of the last `limit` claims leaves the window.
    const retryAfterSeconds = Math.max(1, Math.ceil((recent[limit - 1]! + windowMs - now.getTime()) / 1000));
    throw new TooManyRequestsError(`You claimed this tip ${limit} times in ${windowMinutes} minutes; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  }
}

export function planPatch(state: TriageState, patch: TipPatch, principal: Principal, now: Date): TriagePlan {
  const holder = activeHolder(state, now.getTime());
  if (holder !== null && holder !== principal.username) {
    throw new ConflictError(`Tip is claimed by ${holder}`, { claimedBy: holder });
  }
  const changes: Change[] = [];
  const at = isoSecond(now.getTime());
  const by = principal.username;
  let plan: Omit<TriagePlan, 'audit'> = {};

  if (patch.status !== undefined && patch.status !== state.status) {
    if (!canTransition(state.status, patch.status)) {
      throw new ConflictError(`Cannot change status from ${state.status} to ${patch.status}`, {
        from: state.status,
        to: patch.status,
        allowed: TRANSITIONS[state.status],
      });
    }
    changes.push({ field: 'status', from: state.status, to: patch.status });
    plan = { ...plan, status: patch.status };
  }
  if (patch.assignee !== undefined && patch.assignee !== state.assignee) {
    changes.push({ field: 'assignee', from: state.assignee, to: patch.assignee });
    plan = { ...plan, assignee: patch.assignee };
  }
  if (patch.country !== undefined && patch.country !== state.queue) {
    assertCoordinator(principal, 're-route a tip');
    changes.push({ field: 'queue', from: state.queue, to: patch.country });
    plan = { ...plan, queue: patch.country, routedConfidence: confidenceFor(state.candidates, patch.country) };
  }
  if (patch.note !== undefined) {
    // The note text stays in `notes`; the audit trail records that one was added.
    changes.push({ field: 'note', from: null, to: `${[...patch.note].length} characters` });
    plan = { ...plan, note: { at, by, text: patch.note } };
  }
  if (changes.length === 0) {
    throw new ValidationError('Nothing to change', [{ path: '(body)', message: 'matches the current state' }]);
  }
  return { ...plan, audit: { at, by, changes } };
}

/** Parses `If-Match: "3"`, `W/"3"` or `3`. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (match === null) {
    throw new ValidationError('Invalid If-Match header', [{ path: 'If-Match', message: 'must be the version you read, e.g. "3"' }]);
  }
  return Number(match[1]);
}
