import { assertTipAccess, type Principal } from '../auth.ts';
import { NotFoundError } from '../errors.ts';
import type { StoredTip } from '../schemas/stored.ts';
import { getTip } from './tips.ts';

/**
 * The queue that decides who may see a tip (the rule is shared/auth.ts's
 * canAccessTip): its routing queue, or for a duplicate its cluster head's;
 * undefined before routing. One GetItem more for a duplicate, none otherwise.
 */
export async function accessQueueOf(item: { readonly queue?: unknown; readonly duplicateOf?: unknown }): Promise<string | undefined> {
  if (typeof item.queue === 'string') return item.queue;
  if (typeof item.duplicateOf !== 'string') return undefined;
  const head = await getTip(item.duplicateOf);
  return typeof head?.queue === 'string' ? head.queue : undefined;
}

/** The tip, when it exists (404) and the caller may see it (403). */
export async function accessibleTip(tipId: string, principal: Principal): Promise<StoredTip> {
  const item = await getTip(tipId);
  if (item === undefined) throw new NotFoundError('No such tip');
  assertTipAccess(principal, await accessQueueOf(item));
  return item;
}
