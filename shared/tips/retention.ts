/**
 * What an expired tip leaves behind: its attachment in the evidence bucket.
 * Used by the TTL-stream consumer on AWS and by the local sweep, so both
 * delete exactly the same things.
 */
export function leftoversOf(expiredTip: Record<string, unknown>): string[] {
  return typeof expiredTip.attachmentKey === 'string' ? [expiredTip.attachmentKey] : [];
}
