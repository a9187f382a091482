/**
 * What retention means for a tip and its cluster, pure (the flow that applies
 * it is shared/tips/expire.ts, run by the TTL-stream consumer on AWS and by
 * the local sweep, so both do exactly the same):
 *  - an expired tip takes its attachment with it;
 *  - dismissing a cluster's first tip does not dismiss its duplicates: when it
 *    expires, its oldest surviving duplicate becomes the cluster's first tip
 *    (it is classified and joins its country queue as `new`) and the other
 *    duplicates are re-pointed to it;
 *  - a cluster without duplicates simply ends, and a later copy of its text
 *    starts a new cluster.
 */

/** The S3 keys an expired tip leaves: every original (`attachmentKeys`, or the one `attachmentKey`) and its viewing copy. */
export function leftoversOf(expiredTip: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  if (typeof expiredTip.attachmentKey === 'string') keys.add(expiredTip.attachmentKey);
  if (Array.isArray(expiredTip.attachmentKeys)) for (const key of expiredTip.attachmentKeys) if (typeof key === 'string') keys.add(key);
  if (Array.isArray(expiredTip.attachments)) {
    for (const record of expiredTip.attachments as { viewingKey?: unknown }[]) if (typeof record?.viewingKey === 'string') keys.add(record.viewingKey);
  }
  return [...keys];
}

/** A duplicate as the byCluster index lists it. */
export interface ClusterMember {
  readonly tipId: string;
  readonly submittedAt: string;
  readonly duplicateOf?: string | null | undefined;
}

export interface Succession {
  /** The duplicate that becomes the cluster's first tip, or null when none is left. */
  readonly successor: ClusterMember | null;
  /** The other duplicates, to be re-pointed to the successor. */
  readonly others: readonly ClusterMember[];
}

/**
 * Who leads a cluster after its first tip expired: the oldest duplicate that
 * still points at it, by submission time (to the second) and then tip id, so
 * every retry of the same expiry picks the same one. Members the index lists
 * but that point elsewhere (already moved, or a stale index read) are left out.
 */
export function successionOf(expiredTipId: string, members: Iterable<ClusterMember>): Succession {
  const byId = new Map<string, ClusterMember>();
  for (const member of members) {
    if (member.tipId !== expiredTipId && member.duplicateOf === expiredTipId) byId.set(member.tipId, member);
  }
  const ordered = [...byId.values()].sort(
    (a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.tipId < b.tipId ? -1 : a.tipId > b.tipId ? 1 : 0),
  );
  const [successor = null, ...others] = ordered;
  return { successor, others };
}
