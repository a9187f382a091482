import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../errors.ts';
import { limits, workflow } from '../resources.ts';
import type { StoredTip } from '../schemas/stored.ts';
import type { AuditEntry, TriagePlan, TriageState } from '../tips/triage.ts';
import { activeHolder, claimEntry, releaseEntry } from '../tips/triage.ts';
import { inlineHistory, rollHistory } from './audit.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { confidenceKey, queueKeys } from './queue-keys.ts';
import { getTip, toStoredTip } from './tips.ts';

const TABLE = tableName('tips');
const RETENTION_DAYS = Number(process.env.DISMISSED_RETENTION_DAYS ?? workflow.dismissedRetentionDays);

export function triageState(item: StoredTip): TriageState {
  return {
    status: item.status,
    assignee: item.assignee ?? null,
    queue: item.queue ?? 'unrouted',
    claimedBy: item.claimedBy ?? null,
    claimExpiresAt: item.claimExpiresAt ?? null,
    candidates: (item.candidates ?? []).map((entry) => ({ country: entry.country, score: entry.score })),
  };
}

interface UpdateParts {
  set: string[];
  remove: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** Every change bumps the version and appends its audit entry in the same write, if the item has room for it. */
function baseParts(entry: AuditEntry): UpdateParts {
  return {
    set: ['version = version + :one', 'history = list_append(if_not_exists(history, :empty), :entry)'],
    remove: [],
    names: {},
    values: { ':one': 1, ':empty': [], ':entry': [entry], ':maxHistory': limits.maxHistoryEntries },
  };
}

const HAS_ROOM = '(attribute_not_exists(history) OR size(history) < :maxHistory)';

/**
 * Applies one change in a conditional UpdateItem and returns the new item.
 * The history is rolled first when due (shared/store/audit.ts), so a change
 * is never refused for a full history: if the write fails only because the
 * history reached its ceiling (a roll lost a race), the fresh item is rolled
 * and the write tried again. Any other failed condition is explained by
 * `refuse`, from a fresh read.
 */
async function applyChange(
  current: StoredTip,
  parts: UpdateParts,
  condition: string,
  refuse: (fresh: StoredTip | undefined) => Error,
): Promise<StoredTip> {
  const tipId = current.tipId;
  let item: StoredTip | undefined = current;
  for (let attempt = 0; attempt < 3 && item !== undefined; attempt += 1) {
    await rollHistory(item);
    try {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: { tipId },
          UpdateExpression: `SET ${parts.set.join(', ')}${parts.remove.length > 0 ? ` REMOVE ${parts.remove.join(', ')}` : ''}`,
          ConditionExpression: `(${condition}) AND ${HAS_ROOM}`,
          ...(Object.keys(parts.names).length > 0 ? { ExpressionAttributeNames: parts.names } : {}),
          ExpressionAttributeValues: parts.values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toStoredTip(Attributes ?? {});
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    item = await getTip(tipId);
    if (item === undefined || inlineHistory(item).length < limits.maxHistoryEntries) break;
  }
  throw refuse(item);
}

/**
 * Applies a triage plan in one conditional UpdateItem: the version the client
 * read must still be current (else 412), and the audit entry is written with
 * the change or not at all. Dismissing sets the retention expiry; reopening
 * clears it. `current` is the tip as the handler read it.
 */
export async function applyPatch(current: StoredTip, expectedVersion: number, plan: TriagePlan, now: Date): Promise<StoredTip> {
  const parts = baseParts(plan.audit);
  parts.values[':expected'] = expectedVersion;
  if (plan.status !== undefined) {
    parts.set.push('#status = :status');
    parts.names['#status'] = 'status';
    parts.values[':status'] = plan.status;
    if (plan.status === 'dismissed') {
      parts.set.push('expiresAt = :expires');
      parts.values[':expires'] = Math.floor(now.getTime() / 1000) + RETENTION_DAYS * 86_400;
    } else {
      parts.remove.push('expiresAt');
    }
  }
  if (plan.assignee !== undefined) {
    if (plan.assignee === null) parts.remove.push('assignee');
    else {
      parts.set.push('assignee = :assignee');
      parts.values[':assignee'] = plan.assignee;
    }
  }
  if (plan.note !== undefined) {
    parts.set.push('notes = list_append(if_not_exists(notes, :empty), :note)');
    parts.values[':note'] = [plan.note];
  }
  if (plan.queue !== undefined) {
    parts.set.push('#queue = :queue', 'rerouted = :true');
    parts.names['#queue'] = 'queue';
    parts.values[':queue'] = plan.queue;
    parts.values[':true'] = true;
    // The old country's score means nothing in the new queue (shared/tips/triage.ts confidenceFor).
    const routed = plan.routedConfidence ?? { confidence: null, reason: 'manual' as const };
    parts.set.push('confidence = :confidence', 'confidenceReason = :confidenceReason', 'queueConfidence = :queueConfidence');
    parts.values[':confidence'] = routed.confidence;
    parts.values[':confidenceReason'] = routed.reason;
    parts.values[':queueConfidence'] = confidenceKey(routed.confidence ?? 0, String(current.tipId));
  }
  if ((plan.status !== undefined || plan.queue !== undefined) && current.queue !== undefined) {
    // The queue indexes are keyed by queue and status (shared/store/queue-page.ts): they move with either.
    // `version = :expected` guarantees `current` is the item being changed.
    const keys = queueKeys(plan.queue ?? current.queue, current.objectId, plan.status ?? current.status);
    parts.set.push('queueStatus = :queueStatus', 'queueObjectStatus = :queueObjectStatus');
    parts.values[':queueStatus'] = keys.queueStatus;
    parts.values[':queueObjectStatus'] = keys.queueObjectStatus;
  }
  return applyChange(current, parts, 'version = :expected', (fresh) =>
    fresh === undefined
      ? new NotFoundError('No such tip')
      : new PreconditionFailedError('The tip changed since you read it; reload and try again', { currentVersion: fresh.version ?? null }),
  );
}

/**
 * Gives the caller a lease on the tip. Re-claiming one's own tip extends the
 * lease; a tip held by someone else until later is a 409 naming the holder.
 */
export async function claimTip(current: StoredTip, who: string, now: Date, leaseMinutes = workflow.claimLeaseMinutes): Promise<StoredTip> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const expires = nowSec + leaseMinutes * 60;
  const parts = baseParts(claimEntry(who, now, expires));
  parts.set.push('claimedBy = :me', 'claimExpiresAt = :expires');
  Object.assign(parts.values, { ':me': who, ':expires': expires, ':now': nowSec });
  return applyChange(current, parts, 'attribute_exists(version) AND (attribute_not_exists(claimedBy) OR claimedBy = :me OR claimExpiresAt < :now)', (fresh) => {
    if (fresh === undefined || fresh.version === undefined) return new NotFoundError('No such tip');
    const holder = activeHolder(triageState(fresh), now.getTime());
    if (holder !== null && holder !== who) return new ConflictError(`Tip is claimed by ${holder}`, { claimedBy: holder });
    return new ConflictError('The tip is changing right now; try again');
  });
}

/** Ends the caller's lease (a coordinator may end anyone's). */
export async function releaseTip(current: StoredTip, who: string, coordinator: boolean, now: Date): Promise<StoredTip> {
  const holder = current.claimedBy ?? who;
  const parts = baseParts(releaseEntry(who, holder, now));
  parts.remove.push('claimedBy', 'claimExpiresAt');
  // A coordinator ends the lease that was read, not one taken since by someone else.
  parts.values[':holder'] = coordinator ? holder : who;
  return applyChange(current, parts, 'claimedBy = :holder', (fresh) => {
    if (fresh === undefined) return new NotFoundError('No such tip');
    const active = activeHolder(triageState(fresh), now.getTime());
    if (active === null) return new ConflictError('Tip is not claimed');
    return new ConflictError(`Tip is claimed by ${active}`, { claimedBy: active });
  });
}
