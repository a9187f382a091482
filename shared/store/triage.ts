import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../errors.ts';
import { limits, workflow } from '../resources.ts';
import type { TriageStatus } from '../schemas/tip.ts';
import type { AuditEntry, TriagePlan, TriageState } from '../tips/triage.ts';
import { activeHolder } from '../tips/triage.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { getTip } from './tips.ts';

const TABLE = tableName('tips');
const RETENTION_DAYS = Number(process.env.DISMISSED_RETENTION_DAYS ?? workflow.dismissedRetentionDays);

export function triageState(item: Record<string, unknown>): TriageState {
  return {
    status: (item.status as TriageStatus | undefined) ?? 'new',
    assignee: typeof item.assignee === 'string' ? item.assignee : null,
    queue: typeof item.queue === 'string' ? item.queue : 'unrouted',
    claimedBy: typeof item.claimedBy === 'string' ? item.claimedBy : null,
    claimExpiresAt: typeof item.claimExpiresAt === 'number' ? item.claimExpiresAt : null,
    historyLength: Array.isArray(item.history) ? item.history.length : 0,
  };
}

interface UpdateParts {
  set: string[];
  remove: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** Every change bumps the version and appends its audit entry in the same write. */
function baseParts(entry: AuditEntry): UpdateParts {
  return {
    set: ['version = version + :one', 'history = list_append(if_not_exists(history, :empty), :entry)'],
    remove: [],
    names: {},
    values: { ':one': 1, ':empty': [], ':entry': [entry] },
  };
}

/** One conditional UpdateItem returning the new item; a failed condition propagates to the caller. */
async function conditionalUpdate(tipId: string, parts: UpdateParts, condition: string): Promise<Record<string, unknown>> {
  const { Attributes } = await documents.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: { tipId },
      UpdateExpression: `SET ${parts.set.join(', ')}${parts.remove.length > 0 ? ` REMOVE ${parts.remove.join(', ')}` : ''}`,
      ConditionExpression: condition,
      ...(Object.keys(parts.names).length > 0 ? { ExpressionAttributeNames: parts.names } : {}),
      ExpressionAttributeValues: parts.values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Attributes ?? {};
}

/**
 * Applies a triage plan in one conditional UpdateItem: the version the client
 * read must still be current (else 412), and the audit entry is written with
 * the change or not at all. Dismissing sets the retention expiry; reopening
 * clears it.
 */
export async function applyPatch(tipId: string, expectedVersion: number, plan: TriagePlan, now: Date): Promise<Record<string, unknown>> {
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
  }
  try {
    return await conditionalUpdate(tipId, parts, 'version = :expected');
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const current = await getTip(tipId);
    throw new PreconditionFailedError('The tip changed since you read it; reload and try again', {
      currentVersion: current?.version ?? null,
    });
  }
}

/**
 * Gives the caller a lease on the tip. Re-claiming one's own tip extends the
 * lease; a tip held by someone else until later is a 409 naming the holder.
 */
export async function claimTip(tipId: string, who: string, now: Date, leaseMinutes = workflow.claimLeaseMinutes): Promise<Record<string, unknown>> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const expires = nowSec + leaseMinutes * 60;
  const entry: AuditEntry = { at: now.toISOString(), by: who, changes: [{ field: 'claim', from: null, to: `${who} until ${new Date(expires * 1000).toISOString()}` }] };
  const parts = baseParts(entry);
  parts.set.push('claimedBy = :me', 'claimExpiresAt = :expires');
  Object.assign(parts.values, { ':me': who, ':expires': expires, ':now': nowSec, ':max': limits.maxHistoryEntries });
  try {
    return await conditionalUpdate(
      tipId,
      parts,
      'attribute_exists(version) AND (attribute_not_exists(claimedBy) OR claimedBy = :me OR claimExpiresAt < :now) ' +
        'AND (attribute_not_exists(history) OR size(history) < :max)',
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    throw await explainRefusal(tipId, who, now);
  }
}

/** Ends the caller's lease (a coordinator may end anyone's). */
export async function releaseTip(tipId: string, who: string, coordinator: boolean, now: Date): Promise<Record<string, unknown>> {
  const entry: AuditEntry = { at: now.toISOString(), by: who, changes: [{ field: 'claim', from: who, to: null }] };
  const parts = baseParts(entry);
  parts.remove.push('claimedBy', 'claimExpiresAt');
  parts.values[':me'] = who;
  parts.values[':max'] = limits.maxHistoryEntries;
  const holderCondition = coordinator ? 'attribute_exists(claimedBy)' : 'claimedBy = :me';
  if (coordinator) delete parts.values[':me'];
  try {
    return await conditionalUpdate(tipId, parts, `${holderCondition} AND (attribute_not_exists(history) OR size(history) < :max)`);
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const item = await getTip(tipId);
    if (item === undefined) throw new NotFoundError('No such tip');
    const holder = activeHolder(triageState(item), now.getTime());
    if (holder === null) throw new ConflictError('Tip is not claimed');
    throw new ConflictError(`Tip is claimed by ${holder}`, { claimedBy: holder });
  }
}

async function explainRefusal(tipId: string, who: string, now: Date): Promise<Error> {
  const item = await getTip(tipId);
  if (item === undefined || item.version === undefined) return new NotFoundError('No such tip');
  const state = triageState(item);
  const holder = activeHolder(state, now.getTime());
  if (holder !== null && holder !== who) return new ConflictError(`Tip is claimed by ${holder}`, { claimedBy: holder });
  return new ConflictError(`Tip history is full (${limits.maxHistoryEntries} entries)`);
}
